/**
 * The next minutes of a body, written before the meeting (the Apache board
 * agenda tool's "carry the open actions into the next agenda", for
 * minutes): front matter naming the body, its terms of reference and the
 * date; the quorum those terms set; the seats as an attendance checklist;
 * the approval of the previous minutes; every action still open under
 * Matters arising, with the minute it was given under; and the usual
 * closing items.
 *
 * What is written is only what is known: seat labels stay in HTML comments
 * (an unfilled line counts nobody as present), and the only decision
 * written in advance is the approval of the last minutes, which the author
 * deletes if the meeting did not agree it. The result gives no diagnostic
 * of its own before the author types.
 */
import { MONTH_NAMES } from '../dates/words.js';
import type { Seat } from '../model.js';
import { quorumNeeded } from '../read/phrases/numbers.js';
import type { DocumentSummary } from '../workspace/summary.js';
import type { RegisterEntry } from '../workspace/register.js';

/** What the next minutes are written from. */
export interface MinutesScaffoldInput {
  /** The meeting's day, ISO (YYYY-MM-DD). */
  date: string;
  /** The body as its documents write it (`body:`), when known. */
  body?: string;
  /** The terms of reference in force on the day, and their seats. */
  terms?: { summary: DocumentSummary; seats: readonly Seat[] };
  /** The body's last minutes before the day. */
  previous?: DocumentSummary;
  /** The body's actions still open on the day (`Workspace.asAt(date, body).openActions`). */
  openActions?: readonly RegisterEntry[];
}

/** A new document's text and the file name proposed for it. */
export interface Scaffold {
  text: string;
  /** `<body>-minutes-<date>.md`, from what was given. */
  fileName: string;
}

const MAX_SEAT_LINES = 60;
const MAX_ACTIONS = 200;

/** `2021-06-18` → `18 June 2021`. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : iso;
}

/** A YAML scalar, quoted only when plain style would be read differently. */
export function yamlScalar(value: string): string {
  return /^[\w][\w .,'()&/-]*$/.test(value) && !/:\s|\s#/.test(value) ? value : JSON.stringify(value);
}

/** An HTML comment that cannot be closed early by the text it holds. */
export function htmlComment(text: string): string {
  return `<!-- ${text.replace(/--/g, '—').replace(/\s+/g, ' ')} -->`;
}

/** `trafford-hwb-tor` → `trafford-hwb`; `Planning Committee` → `planning-committee`: the body's stem for ids and file names. */
export function bodyStem(termsId: string | undefined, body: string | undefined): string {
  if (termsId) return termsId.replace(/[-_.]?(tor|terms(-of-reference)?|terms-of-ref)$/i, '') || termsId;
  const slug = (body ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'meeting';
}

/** Markdown-safe text for a list line: no line breaks, no HTML, no leading marker. */
function line(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/</g, '&lt;').trim();
}

/** The next minutes of a body (see the module comment). */
export function scaffoldMinutes(input: MinutesScaffoldInput): Scaffold {
  const { date } = input;
  const terms = input.terms?.summary;
  const termsId = terms?.id;
  const body = input.body ?? terms?.body;
  const stem = bodyStem(termsId, body);
  const id = `${stem}-minutes-${date}`;
  const front = ['---', 'type: minutes', `id: ${id}`];
  if (body) front.push(`body: ${yamlScalar(body)}`);
  if (termsId) front.push(`terms: ${termsId}`);
  front.push(`date: ${date}`, 'status: draft', '---');

  const out = [...front, '', `# ${body ?? 'Meeting'} — ${longDate(date)}`, ''];
  if (terms?.quorum) {
    const needed = quorumNeeded(terms.quorum, terms.votingSeats);
    const stated = terms.quorum.text;
    out.push(htmlComment(`Quorum under ${termsId ?? 'the terms of reference'}: ${needed !== undefined ? `${needed} voting members present` : stated}${needed !== undefined && stated !== String(needed) ? ` (stated as: ${stated})` : ''}.`), '');
  }
  out.push('## Present', '');
  const seats = input.terms?.seats ?? [];
  if (seats.length > 0) {
    out.push(htmlComment(`Write each member present before the seat they hold, e.g. "- Councillor J. Slater (Chair)". Seats under ${termsId ?? 'the terms of reference'}:`));
    let lines = 0;
    for (const seat of seats) {
      for (let k = 0; k < Math.max(1, seat.count) && lines < MAX_SEAT_LINES; k++, lines++) {
        const label = `${seat.label}${seat.organization ? `, ${seat.organization}` : ''}${seat.voting === false ? ' (non-voting)' : ''}${seat.holder ? `: ${seat.holder}` : ''}`;
        out.push(`- ${htmlComment(label)}`);
      }
    }
  } else out.push('- ');
  out.push('', '## In attendance', '', '- ', '', '## Apologies', '', '- ', '');

  let item = 1;
  const prev = input.previous;
  out.push(`## ${item++}. Minutes of the previous meeting`, '');
  if (prev?.date) {
    out.push(`RESOLVED: That the minutes of the meeting held on ${longDate(prev.date)} be agreed as a correct record.`, '');
  } else {
    out.push('RESOLVED: That the minutes of the previous meeting be agreed as a correct record.', '');
  }

  const open = (input.openActions ?? []).slice(0, MAX_ACTIONS);
  out.push(`## ${item++}. Matters arising`, '');
  if (open.length > 0) {
    out.push(htmlComment('Actions still open: tick each one done, or say what became of it (carried forward, no longer required).'), '');
    for (const a of open) {
      const from = a.ref ? `Minute ${a.ref}` : 'Action';
      const when = a.given.date ? ` (${longDate(a.given.date)})` : '';
      const who = a.owner ? ` — ${line(a.owner)}` : '';
      const due = a.due ? `; due ${line(a.due.text)}` : '';
      out.push(`- [ ] ${from}${when}: ${line(a.text).replace(/[.;:,]+$/, '')}${who}${due}.`);
    }
    if ((input.openActions?.length ?? 0) > open.length) out.push(htmlComment(`${input.openActions!.length - open.length} more open actions are not listed.`));
    out.push('');
  } else out.push('None.', '');

  out.push(`## ${item++}. Any other business`, '', `## ${item++}. Date of next meeting`, '', '');
  return { fileName: `${id}.md`, text: out.join('\n') };
}
