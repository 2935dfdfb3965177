/**
 * `govmark/newDocument`: the text of a new governance document. Minutes are
 * pre-filled from the terms of reference they are held under: the body, the
 * `terms:` id, the date, a Present list with one line per seat to fill in, and
 * the quorum noted in a comment. Seat labels stay inside HTML comments, so an
 * unfilled line never counts as a member present.
 */
import { quorumNeeded } from '../core/read/phrases/numbers.js';
import { skeleton } from '../core/rules/required-sections.js';
import type { DocumentAnalysis } from '../core/workspace/workspace.js';
import type { NewDocumentParams, NewDocumentResult } from '../protocol/requests.js';

const MAX_SEAT_LINES = 60;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : iso;
}

/** A YAML scalar, quoted only when plain style would be read differently. */
function yaml(value: string): string {
  return /^[\w][\w .,'()&/-]*$/.test(value) && !/:\s|\s#/.test(value) ? value : JSON.stringify(value);
}

function comment(text: string): string {
  return `<!-- ${text.replace(/--/g, '—')} -->`;
}

/** `trafford-hwb-tor` → `trafford-hwb`: the body's stem, for the minutes' id. */
function stem(termsId: string): string {
  return termsId.replace(/[-_.]?(tor|terms(-of-reference)?|terms-of-ref)$/i, '') || termsId;
}

export function newDocument(params: NewDocumentParams, today: string, findTerms: (id: string) => DocumentAnalysis | undefined): NewDocumentResult {
  const date = params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : today;
  switch (params.type) {
    case 'terms-of-reference':
      return {
        fileName: 'terms-of-reference.md',
        text: [
          '---',
          'type: terms-of-reference',
          'id: new-terms-of-reference',
          'title: Terms of Reference',
          'body: ',
          'status: draft',
          `adopted: ${date}`,
          'review: ',
          '---',
          '',
          '# Terms of Reference',
          '',
          skeleton('functions') + '\n' + skeleton('membership') + '\n' + skeleton('quorum'),
        ].join('\n'),
      };
    case 'resolution':
      return {
        fileName: `resolution-${date}.md`,
        text: ['---', 'type: resolution', `id: resolution-${date}`, 'body: ', `date: ${date}`, 'status: proposed', '---', '', '# Resolution', '', 'RESOLVED:', '', '1. That ', ''].join('\n'),
      };
    case 'timeline':
      return {
        fileName: 'timeline.md',
        text: ['---', 'type: timeline', 'id: new-timeline', 'title: Timeline', 'body: ', 'status: draft', '---', '', '# Timeline', '', `- ${date} — What happens on this date [planned]`, ''].join('\n'),
      };
    case 'minutes':
    default:
      return minutes(date, params.terms !== undefined ? findTerms(params.terms) : undefined, params.terms);
  }
}

function minutes(date: string, terms: DocumentAnalysis | undefined, termsId: string | undefined): NewDocumentResult {
  const body = terms?.summary.body;
  const id = `${termsId ? stem(termsId) : 'minutes'}-${date}`;
  const front = ['---', 'type: minutes', `id: ${id}`];
  if (body) front.push(`body: ${yaml(body)}`);
  if (termsId) front.push(`terms: ${termsId}`);
  front.push(`date: ${date}`, 'status: draft', '---');

  const out = [...front, '', `# ${body ?? 'Meeting'} — ${longDate(date)}`, ''];
  if (terms?.summary.quorum) {
    const needed = quorumNeeded(terms.summary.quorum, terms.summary.votingSeats);
    const stated = terms.summary.quorum.text;
    out.push(comment(`Quorum under ${termsId}: ${needed !== undefined ? `${needed} voting members present` : stated}${needed !== undefined && stated !== String(needed) ? ` (stated as: ${stated})` : ''}.`), '');
  }
  out.push('## Present', '');
  const seats = terms?.doc.data.content.seats ?? [];
  if (seats.length > 0) {
    out.push(comment(`Write each member present before the seat they hold, e.g. "- Councillor J. Slater (Chair)". Seats under ${termsId}:`));
    let lines = 0;
    for (const seat of seats) {
      for (let k = 0; k < Math.max(1, seat.count) && lines < MAX_SEAT_LINES; k++, lines++) {
        const label = `${seat.label}${seat.organization ? `, ${seat.organization}` : ''}${seat.voting === false ? ' (non-voting)' : ''}`;
        out.push(`- ${comment(label)}`);
      }
    }
  } else out.push('- ');
  out.push('', '## In attendance', '', '- ', '', '## Apologies', '', '- ', '', '## 1. Minutes of the previous meeting', '', 'RESOLVED: That the minutes of the previous meeting be agreed as an accurate record.', '');
  return { fileName: `${id}.md`, text: out.join('\n') };
}
