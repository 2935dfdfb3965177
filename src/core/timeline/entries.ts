/**
 * The timeline of a document: every dated thing it states, as the entries
 * the preview, the CLI and the language server draw. Pure: today is passed in.
 *
 * - timelines: their milestones (kind `milestone`);
 * - minutes: the meeting date (`meeting`) and the actions' due dates (`action`);
 * - terms of reference (anything with a `review:` date): the review (`review`);
 * - actions of standalone resolutions too.
 * Undated and impossible dates are kept: the drawing puts them in their own lane.
 */
import type { TimelineEntry, TimelineModel, TimelineProblem } from '../../protocol/requests.js';
import { resolveConfig } from '../config.js';
import type { GovMessage, MessageInput } from '../message.js';
import { milestoneOrder } from '../rules/milestone-order.js';
import { compareFuzzyDates, parseFrontMatterDate } from '../dates/index.js';
import type { Action, FuzzyDate, GovDocument } from '../model.js';
import { dueStatesByPath, type DueState } from '../overdue.js';
import { locate, pointer } from '../source-map.js';
import type { Range } from '../text/range.js';
import { toLspRange } from './lsp-range.js';

/** One document's entries, in date order (undated last). */
export function timelineOf(doc: GovDocument, today: string): TimelineModel {
  return { title: documentTitle(doc), today, entries: sortEntries(entriesOf(doc, today)) };
}

/** Every document's entries in one model, in date order; undated entries last. */
export function workspaceTimeline(docs: readonly GovDocument[], today: string, title = 'Workspace timeline'): TimelineModel {
  const entries = docs.flatMap((doc) => entriesOf(doc, today));
  return { title, today, entries: sortEntries(entries) };
}

/** By date (start, then end), then source position; `Array.prototype.sort` is stable. */
export function sortEntries(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort(
    (a, b) =>
      compareFuzzyDates(a.date, b.date) ||
      (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}

function entriesOf(doc: GovDocument, today: string): TimelineEntry[] {
  if (doc.type === undefined) return [];
  const { meta, content } = doc.data;
  const source = documentTitle(doc);
  const entries: TimelineEntry[] = [];
  const body = text(meta.body);
  const problems = entryProblems(doc, today);
  const add = (path: string, fields: Omit<TimelineEntry, 'id' | 'uri' | 'range' | 'source'>) => {
    const range = rangeFor(doc, path);
    const workstream = workstreamAt(doc, range.start.offset);
    const own = problems.filter((p) => p.range.start.offset >= range.start.offset && p.range.end.offset <= range.end.offset);
    entries.push({
      id: `${doc.uri}#${path}`,
      uri: doc.uri,
      range: toLspRange(range),
      source,
      ...(body !== undefined ? { body } : {}),
      ...(workstream !== undefined ? { workstream } : {}),
      ...fields,
      ...(own.length > 0 ? { problems: own.map(toProblem) } : {}),
    });
  };

  // Overdue or outcome not recorded, as core/overdue.ts decides for the rule and the tree.
  const due = dueStatesByPath(doc, today);
  const dueMark = (path: string) => marksFor(due.get(path));

  const meeting = isMinutes(doc) ? parseFrontMatterDate(meta.date) : undefined;
  if (meeting) add('/meta/date', { kind: 'meeting', title: meetingTitle(doc, meeting), date: meeting });

  const reviewKey = meta.review !== undefined ? 'review' : 'next-review';
  const review = parseFrontMatterDate(meta[reviewKey]);
  if (review) {
    add(pointer('meta', reviewKey), {
      kind: 'review',
      title: `Review of ${source}`,
      date: review,
      ...dueMark(pointer('meta', reviewKey)),
    });
  }

  (content.milestones ?? []).forEach((m, i) => {
    add(pointer('content', 'milestones', i), {
      kind: 'milestone',
      title: m.title,
      date: m.date,
      ...(m.status !== undefined ? { status: m.status } : {}),
      ...dueMark(pointer('content', 'milestones', i)),
    });
  });

  (content.actions ?? []).forEach((a, i) => {
    if (!a.due) return;
    add(pointer('content', 'actions', i), {
      kind: 'action',
      title: actionTitle(doc, a),
      date: a.due,
      ...dueMark(pointer('content', 'actions', i)),
    });
  });
  return entries;
}

/**
 * The diagnostics the drawing marks, as the editor reports them: impossible
 * dates (read while parsing) and milestones out of written order (the
 * `milestone-order` rule, run here on this document alone). Other messages
 * are not about an entry's place in time.
 */
function entryProblems(doc: GovDocument, today: string): GovMessage[] {
  const found = doc.messages.filter((m) => m.ruleId === 'impossible-date');
  if (doc.type === 'timeline') {
    const config = resolveConfig({ today });
    const report = (m: MessageInput) =>
      found.push({ ruleId: milestoneOrder.id, severity: m.severity ?? milestoneOrder.defaultSeverity, reason: m.reason, uri: doc.uri, range: m.range, source: 'govmark' });
    try {
      milestoneOrder.check({ doc, config, today, report });
    } catch {
      // The rule's own failure is reported by the rule runner; the drawing goes on without its marks.
    }
  }
  return found;
}

function toProblem(m: GovMessage): TimelineProblem {
  return { ruleId: m.ruleId, severity: m.severity, message: m.reason, range: toLspRange(m.range) };
}

/** The heading section (below the document's title) that `offset` sits under. */
function workstreamAt(doc: GovDocument, offset: number): string | undefined {
  let found: string | undefined;
  doc.data.content.sections.forEach((s, i) => {
    const r = locate(doc, pointer('content', 'sections', i))?.entry.range;
    if (r && r.start.offset <= offset && s.depth > 1 && text(s.title) !== undefined) found = s.title.trim();
  });
  return found;
}

function marksFor(state: DueState | undefined): Pick<TimelineEntry, 'overdue' | 'outcomeNotRecorded'> {
  if (state === 'overdue') return { overdue: true };
  if (state === 'outcome-not-recorded') return { outcomeNotRecorded: true };
  return {};
}

function isMinutes(doc: GovDocument): boolean {
  return doc.type === 'minutes' || doc.data.content.attendance !== undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The document's name for people: its title, its first heading, its id, or its file name. */
export function documentTitle(doc: GovDocument): string {
  const { meta, content } = doc.data;
  return text(meta.title) ?? text(content.title) ?? text(meta.id) ?? fileName(doc.uri);
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

function meetingTitle(doc: GovDocument, date: FuzzyDate): string {
  const body = text(doc.data.meta.body);
  const title = text(doc.data.content.title) ?? text(doc.data.meta.title);
  if (title) return `Meeting: ${title}`;
  return body ? `Meeting of ${body}` : `Meeting on ${date.text}`;
}

/** What the action is: its own text, else the decision it follows from; and who owns it. */
function actionTitle(doc: GovDocument, a: Action): string {
  const own = text(a.text) !== undefined && a.text.trim() !== a.owner?.trim() ? a.text.trim() : undefined;
  const resolution = a.resolution !== undefined ? doc.data.content.resolutions?.[a.resolution] : undefined;
  // The decision is the task ("19.5 That the Measurement Framework …"): its number tells it from others like it.
  const decided = resolution && (own === undefined || own === resolution.text.trim()) ? `${resolution.identifier ? resolution.identifier + ' ' : ''}${resolution.text}` : undefined;
  const what = decided ?? own ?? 'Action';
  return a.owner ? `Action (${a.owner}): ${what}` : `Action: ${what}`;
}

/** Where the entry was written, or the nearest enclosing thing that has a range, or line 1. */
function rangeFor(doc: GovDocument, path: string): Range {
  const found = locate(doc, path);
  if (found) return found.entry.range;
  return doc.lines.range(0, 0);
}
