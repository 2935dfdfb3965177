/**
 * What is overdue, decided once: the `overdue` rule, the Governance tree's
 * Overdue list, the timeline's marks and the CLI all ask these functions, so
 * their counts agree. Pure: today is passed in.
 *
 * Something is due when a document states a date for it: a review date, a
 * milestone still marked planned, at risk or delayed, an action not done or
 * dropped. Once that date has wholly passed (`Q1 2022` from 1 April 2022):
 * - in a document that is current, it is **overdue**;
 * - in a historical record it is **outcome not recorded**: the record stopped
 *   before saying what happened, which is no reason to paint it red years on.
 *
 * A document is a historical record when its status says it is closed
 * (superseded, withdrawn, rescinded, archived, completed, expired,
 * cancelled), or when its status does not say it is live (no status, or a
 * record status such as minutes' `approved`) and every date it states is more
 * than HISTORICAL_AFTER_DAYS before today.
 */
import { isoToDays } from './dates/calendar.js';
import { isPast, parseFrontMatterDate } from './dates/index.js';
import type { FuzzyDate, GovDocument } from './model.js';
import { pointer } from './source-map.js';

/** A document whose latest date is older than this (and whose status does not say it is live) is a record of the past. */
export const HISTORICAL_AFTER_DAYS = 365;

/** Statuses that close a document: nothing in it is still expected to happen. */
export const CLOSING_STATUSES: ReadonlySet<string> = new Set([
  'superseded',
  'withdrawn',
  'rescinded',
  'repealed',
  'revoked',
  'archived',
  'completed',
  'complete',
  'expired',
  'cancelled',
  'closed',
]);

/** Statuses that say a document is live: what it plans is still expected, however old its dates. */
export const LIVE_STATUSES: ReadonlySet<string> = new Set(['draft', 'proposed', 'agreed', 'adopted', 'in-progress', 'active', 'current', 'open', 'in-force']);

/** Milestone statuses that say the work is still to be done. */
const OPEN_MILESTONE: ReadonlySet<string> = new Set(['planned', 'at-risk', 'delayed']);

export type DueKind = 'review' | 'milestone' | 'action';

/** One thing a document says is due by a date. */
export interface DueItem {
  kind: DueKind;
  /** JSON pointer of the item in the document's data (`/meta/review`, `/content/milestones/2`). */
  path: string;
  date: FuzzyDate;
  /** The milestone's or action's status, when written. */
  status?: string;
}

/**
 * `overdue`: date passed, not done, document current. `outcome-not-recorded`:
 * the same in a historical record. `upcoming`: not yet passed. `closed`: done,
 * dropped or cancelled, or a milestone with no open status. `undated`: no
 * date that can pass (Tbc, impossible dates).
 */
export type DueState = 'overdue' | 'outcome-not-recorded' | 'upcoming' | 'closed' | 'undated';

/** Everything in the document that has a date it is due by, in document order: review, milestones, actions. */
export function dueItems(doc: GovDocument): DueItem[] {
  const { meta, content } = doc.data;
  const items: DueItem[] = [];
  const reviewKey = meta.review !== undefined ? 'review' : meta['next-review'] !== undefined ? 'next-review' : undefined;
  const review = reviewKey ? parseFrontMatterDate(meta[reviewKey]) : undefined;
  if (reviewKey && review) items.push({ kind: 'review', path: pointer('meta', reviewKey), date: review });
  (content.milestones ?? []).forEach((m, i) => {
    items.push({ kind: 'milestone', path: pointer('content', 'milestones', i), date: m.date, ...(m.status !== undefined ? { status: m.status } : {}) });
  });
  (content.actions ?? []).forEach((a, i) => {
    if (a.due) items.push({ kind: 'action', path: pointer('content', 'actions', i), date: a.due, ...(a.status !== undefined ? { status: a.status } : {}) });
  });
  return items;
}

/** The document's own status (`status:` in its front matter), lower-cased, if any. */
export function documentStatus(doc: GovDocument): string | undefined {
  const s = doc.data.meta.status;
  return typeof s === 'string' && s.trim() !== '' ? s.trim().toLowerCase().replace(/[\s_]+/g, '-') : undefined;
}

/** True when the document is a record of the past: see the module comment. */
export function isHistoricalRecord(doc: GovDocument, today: string): boolean {
  const status = documentStatus(doc);
  if (status !== undefined && CLOSING_STATUSES.has(status)) return true;
  if (status !== undefined && LIVE_STATUSES.has(status)) return false;
  const latest = latestDay(doc);
  const now = isoToDays(today);
  return latest !== undefined && now !== undefined && now - latest > HISTORICAL_AFTER_DAYS;
}

/** Where the item stands today; `historical` may be passed when already known for the document. */
export function dueState(item: DueItem, doc: GovDocument, today: string, historical?: boolean): DueState {
  if (item.date.invalid !== undefined || item.date.end === undefined) return 'undated';
  if (item.kind === 'milestone' && (item.status === undefined || !OPEN_MILESTONE.has(item.status))) return 'closed';
  if (item.kind === 'action' && (item.status === 'done' || item.status === 'dropped')) return 'closed';
  if (!isPast(item.date, today)) return 'upcoming';
  return (historical ?? isHistoricalRecord(doc, today)) ? 'outcome-not-recorded' : 'overdue';
}

export interface PastDue {
  item: DueItem;
  state: 'overdue' | 'outcome-not-recorded';
}

/** The document's items whose date has passed without being done: overdue, or outcome not recorded in a historical record. */
export function pastDueItems(doc: GovDocument, today: string): PastDue[] {
  const historical = isHistoricalRecord(doc, today);
  const out: PastDue[] = [];
  for (const item of dueItems(doc)) {
    const state = dueState(item, doc, today, historical);
    if (state === 'overdue' || state === 'outcome-not-recorded') out.push({ item, state });
  }
  return out;
}

/** The state of each item by its path, for callers that walk the document themselves. */
export function dueStatesByPath(doc: GovDocument, today: string): Map<string, DueState> {
  const historical = isHistoricalRecord(doc, today);
  return new Map(dueItems(doc).map((item) => [item.path, dueState(item, doc, today, historical)]));
}

/** The last day of any date the document states: front matter dates (two levels deep), milestones, action due dates. */
function latestDay(doc: GovDocument): number | undefined {
  let latest: number | undefined;
  const see = (d: FuzzyDate | undefined) => {
    if (!d || d.invalid !== undefined || d.end === undefined) return;
    const days = isoToDays(d.end);
    if (days !== undefined && (latest === undefined || days > latest)) latest = days;
  };
  const walk = (value: unknown, depth: number) => {
    if (value instanceof Date || typeof value === 'string' || typeof value === 'number') {
      // Numbers only as years (`review: 2022`); strings only when they are wholly a date.
      if (typeof value === 'number' && (value < 1000 || value > 9999)) return;
      see(parseFrontMatterDate(value));
    } else if (depth > 0 && value !== null && typeof value === 'object') {
      for (const v of Array.isArray(value) ? value : Object.values(value)) walk(v, depth - 1);
    }
  };
  walk(doc.data.meta, 2);
  for (const m of doc.data.content.milestones ?? []) see(m.date);
  for (const a of doc.data.content.actions ?? []) see(a.due);
  return latest;
}
