/**
 * Filters by status and by body, applied to the model before it is laid out,
 * so lanes, rows, the axis and the legend are those of what is shown. What is
 * filtered is kept as the keys hidden: a status or body that appears later
 * (the author types it) shows until it is unticked.
 */
import type { TimelineModel } from '../protocol/requests.js';
import { STATUS_WORDS, statusKey } from './layout.js';

export interface TimelineFilter {
  /** Status keys not shown (`statusKey`: `done`, `planned`…, `none` for no status). */
  hiddenStatuses?: readonly string[];
  /** Body keys not shown (`bodyKey`: the body's name in lower case, `''` for none). */
  hiddenBodies?: readonly string[];
}

export interface FilterChoice {
  key: string;
  /** As shown beside the checkbox. */
  text: string;
  count: number;
}

/** The key a body is filtered by: names differing only in case are one body. */
export function bodyKey(body: string | undefined): string {
  return (body ?? '').trim().toLowerCase();
}

/** The model with only the entries the filter lets through (the same model when nothing is hidden). */
export function filterModel(model: TimelineModel, filter: TimelineFilter): TimelineModel {
  const statuses = new Set(filter.hiddenStatuses ?? []);
  const bodies = new Set(filter.hiddenBodies ?? []);
  if (statuses.size === 0 && bodies.size === 0) return model;
  return { ...model, entries: model.entries.filter((e) => !statuses.has(statusKey(e)) && !bodies.has(bodyKey(e.body))) };
}

/** The statuses and bodies the model has, with how many entries each: what the filter offers. */
export function filterChoices(model: TimelineModel): { statuses: FilterChoice[]; bodies: FilterChoice[] } {
  const statusCounts = new Map<string, number>();
  const bodies = new Map<string, FilterChoice>();
  for (const e of model.entries) {
    const s = statusKey(e);
    statusCounts.set(s, (statusCounts.get(s) ?? 0) + 1);
    const key = bodyKey(e.body);
    const choice = bodies.get(key) ?? bodies.set(key, { key, text: e.body?.trim() || 'No body named', count: 0 }).get(key)!;
    choice.count++;
  }
  // Statuses in the legend's order, then any the renderer has no word for.
  const order = [...Object.keys(STATUS_WORDS), ...[...statusCounts.keys()].filter((k) => !(k in STATUS_WORDS))];
  const statuses = order.filter((k) => statusCounts.has(k)).map((key) => ({ key, text: STATUS_WORDS[key] ?? key, count: statusCounts.get(key)! }));
  return { statuses, bodies: [...bodies.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.text.localeCompare(b.text))) };
}
