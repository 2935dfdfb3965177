/**
 * `govmark/newDocument`: the text of a new governance document. Minutes are
 * the body's next minutes (`scaffoldMinutes`, as `govmark new minutes` writes
 * them): pre-filled from the terms of reference they are held under (body,
 * `terms:` id, date, the seats as an attendance checklist, the quorum), the
 * approval of the body's last minutes and its open actions under Matters
 * arising.
 */
import { scaffoldMinutes } from '../core/scaffold/minutes.js';
import type { RegisterEntry } from '../core/workspace/register.js';
import type { DocumentSummary } from '../core/workspace/summary.js';
import { skeleton } from '../core/rules/required-sections.js';
import type { DocumentAnalysis } from '../core/workspace/workspace.js';
import type { NewDocumentParams, NewDocumentResult } from '../protocol/requests.js';


/** What the workspace knows of the body on the day: its last minutes and its open actions. */
export interface MinutesContext {
  previous?: DocumentSummary;
  openActions?: readonly RegisterEntry[];
}

export function newDocument(
  params: NewDocumentParams,
  today: string,
  findTerms: (id: string) => DocumentAnalysis | undefined,
  contextOf: (body: string | undefined, date: string) => MinutesContext = () => ({}),
): NewDocumentResult {
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
    {
      const terms = params.terms !== undefined ? findTerms(params.terms) : undefined;
      return minutes(date, terms, contextOf(terms?.summary.body, date));
    }
  }
}

function minutes(date: string, terms: DocumentAnalysis | undefined, context: MinutesContext): NewDocumentResult {
  return scaffoldMinutes({
    date,
    ...(terms ? { terms: { summary: terms.summary, seats: terms.doc.data.content.seats ?? [] } } : {}),
    ...(context.previous ? { previous: context.previous } : {}),
    ...(context.openActions ? { openActions: context.openActions } : {}),
  });
}
