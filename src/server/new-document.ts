/**
 * `govmark/newDocument`: the text of a new governance document. Minutes are
 * the body's next minutes (`scaffoldMinutes`, as `govmark new minutes` writes
 * them): pre-filled from the terms of reference they are held under (body,
 * `terms:` id, date, the seats as an attendance checklist, the quorum), the
 * approval of the body's last minutes and its open actions under Matters
 * arising; they follow the meeting's agenda when there is one. Agendas are
 * the body's next agenda (`scaffoldAgenda`, as `govmark new agenda`). Every
 * file is named `<body>-<kind>-<date>.md` from what was entered.
 */
import { scaffoldAgenda } from '../core/scaffold/agenda.js';
import { scaffoldMinutes } from '../core/scaffold/minutes.js';
import { bodyStem, yamlScalar } from '../core/scaffold/text.js';
import type { RegisterEntry } from '../core/workspace/register.js';
import type { DocumentSummary } from '../core/workspace/summary.js';
import { skeleton } from '../core/rules/required-sections.js';
import type { DocumentAnalysis } from '../core/workspace/workspace.js';
import type { NewDocumentParams, NewDocumentResult } from '../protocol/requests.js';


/** What the workspace knows of the body on the day: its last minutes, its open actions, the meeting's agenda. */
export interface MinutesContext {
  previous?: DocumentSummary;
  openActions?: readonly RegisterEntry[];
  agenda?: DocumentSummary;
}

/** The quorum to write, as a comment: an unfilled number is not yet a quorum "that does not say how many". */
const QUORUM = '## Quorum\n\n<!-- Say how many members make a quorum, e.g. "The Board is quorate when five voting members are present." -->\n';

export function newDocument(
  params: NewDocumentParams,
  today: string,
  findTerms: (id: string) => DocumentAnalysis | undefined,
  contextOf: (body: string | undefined, date: string) => MinutesContext = () => ({}),
): NewDocumentResult {
  const date = params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : today;
  const terms = params.terms !== undefined ? findTerms(params.terms) : undefined;
  const body = terms?.summary.body ?? params.body;
  // `<body>-<kind>-<date>.md`, from what was entered; no body, no stem.
  const stem = body !== undefined || terms?.summary.id !== undefined ? bodyStem(terms?.summary.id, body) : undefined;
  const named = (kind: string) => `${stem !== undefined ? `${stem}-` : ''}${kind}-${date}`;
  // An empty `body:` is a schema error before the author has typed: unknown, it is a comment to fill in.
  const bodyLine = body !== undefined ? `body: ${yamlScalar(body)}` : '# body: the committee, board or council this is of';
  switch (params.type) {
    case 'terms-of-reference':
      return {
        fileName: `${named('terms-of-reference')}.md`,
        text: [
          '---',
          'type: terms-of-reference',
          `id: ${stem !== undefined ? `${stem}-tor` : 'new-terms-of-reference'}`,
          `title: ${body !== undefined ? yamlScalar(`${body} Terms of Reference`) : 'Terms of Reference'}`,
          bodyLine,
          'status: draft',
          `adopted: ${date}`,
          '# review: YYYY-MM-DD (when these terms are next reviewed)',
          '---',
          '',
          `# ${body !== undefined ? `${body} — ` : ''}Terms of Reference`,
          '',
          skeleton('functions') + '\n' + skeleton('membership') + '\n' + QUORUM,
        ].join('\n'),
      };
    case 'resolution':
      return {
        fileName: `${named('resolution')}.md`,
        text: ['---', 'type: resolution', `id: ${named('resolution')}`, bodyLine, `date: ${date}`, 'status: proposed', '---', '', '# Resolution', '', 'RESOLVED:', '', '1. That ', ''].join('\n'),
      };
    case 'timeline':
      return {
        fileName: `${named('timeline')}.md`,
        text: ['---', 'type: timeline', `id: ${named('timeline')}`, `title: ${body !== undefined ? yamlScalar(`${body} Timeline`) : 'Timeline'}`, bodyLine, 'status: draft', '---', '', '# Timeline', '', `- ${date} — What happens on this date [planned]`, ''].join('\n'),
      };
    case 'agenda': {
      const context = contextOf(body, date);
      return scaffoldAgenda({
        date,
        ...(body !== undefined ? { body } : {}),
        ...(terms ? { terms: terms.summary } : {}),
        ...(context.previous ? { previous: context.previous } : {}),
        ...(context.openActions ? { openActions: context.openActions } : {}),
      });
    }
    case 'minutes':
    default: {
      const context = contextOf(body, date);
      return scaffoldMinutes({
        date,
        ...(body !== undefined ? { body } : {}),
        ...(terms ? { terms: { summary: terms.summary, seats: terms.doc.data.content.seats ?? [] } } : {}),
        ...(context.previous ? { previous: context.previous } : {}),
        ...(context.agenda ? { agenda: context.agenda } : {}),
        ...(context.openActions ? { openActions: context.openActions } : {}),
      });
    }
  }
}
