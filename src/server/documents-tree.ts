/**
 * `govmark/documents`: every governance document the server knows, with what
 * the extension's tree view shows of it — problem counts, resolutions,
 * actions (with overdue marks), milestones.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import { isPast } from '../core/dates/index.js';
import type { FuzzyDate } from '../core/model.js';
import type { GovMessage } from '../core/message.js';
import type { Range } from '../core/text/range.js';
import type { DocumentAnalysis } from '../core/workspace/workspace.js';
import type { DocumentNode, DocumentsResult } from '../protocol/requests.js';
import { toLspRange } from './edge.js';
import { documentTitle } from './names.js';

const OPEN_STATUSES = new Set(['planned', 'at-risk', 'delayed']);
const LINE_ONE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function overdue(date: FuzzyDate | undefined, today: string): boolean {
  return date !== undefined && date.invalid === undefined && isPast(date, today);
}

export function documentNode(analysis: DocumentAnalysis, messages: readonly GovMessage[], today: string): DocumentNode | undefined {
  const { doc, summary } = analysis;
  if (doc.type === undefined) return undefined;
  const at = (p: string) => doc.sourceMap.get(p)?.range;
  const { resolutions = [], actions = [], milestones = [] } = doc.data.content;
  const node: DocumentNode = {
    uri: doc.uri,
    type: doc.type,
    title: documentTitle(doc),
    range: toLspRange(at('/content/title') ?? at('/meta/id') ?? doc.frontMatterRange ?? LINE_ONE),
    problems: {
      errors: messages.filter((m) => m.severity === 'error').length,
      warnings: messages.filter((m) => m.severity === 'warning').length,
    },
    resolutions: resolutions.flatMap((r, i) => {
      const range = at(`/content/resolutions/${i}`);
      return range ? [{ ...(r.identifier !== undefined ? { identifier: r.identifier } : {}), text: r.text, range: toLspRange(range) }] : [];
    }),
    actions: actions.flatMap((a, i) => {
      const range = at(`/content/actions/${i}`);
      if (!range) return [];
      return [
        {
          text: a.text,
          ...(a.owner !== undefined ? { owner: a.owner } : {}),
          ...(a.due ? { due: a.due } : {}),
          ...(overdue(a.due, today) ? { overdue: true } : {}),
          range: toLspRange(range),
        },
      ];
    }),
    milestones: milestones.flatMap((m, i) => {
      const range = at(`/content/milestones/${i}`);
      if (!range) return [];
      const late = m.status !== undefined && OPEN_STATUSES.has(m.status) && overdue(m.date, today);
      return [{ title: m.title, date: m.date, ...(m.status !== undefined ? { status: m.status } : {}), ...(late ? { overdue: true } : {}), range: toLspRange(range) }];
    }),
  };
  if (summary.body !== undefined) node.body = summary.body;
  if (summary.id !== undefined) node.id = summary.id;
  if (summary.date !== undefined) node.date = summary.date;
  return node;
}

export function documentsResult(
  analyses: Iterable<{ uri: string; analysis: DocumentAnalysis }>,
  messages: Map<string, GovMessage[]>,
  today: string,
  token?: CancellationToken,
): DocumentsResult {
  const documents: DocumentNode[] = [];
  for (const { uri, analysis } of analyses) {
    if (token?.isCancellationRequested) break;
    const node = documentNode(analysis, messages.get(uri) ?? [], today);
    if (node) documents.push(node);
  }
  documents.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return { today, documents };
}
