/**
 * Zoom and pan as arithmetic on the layout's view window (days since
 * 1970-01-01, inclusive): the webview keeps a window, these functions move
 * it, and the layout draws just those days with an axis as dense as the room
 * allows (days when zoomed in). Pure, so the webview's controls can be tested
 * without a browser.
 *
 * `undefined` is the whole period (Fit): zooming out as far as the whole
 * period, or further, goes back to it.
 */
import type { TimelineModel } from '../protocol/requests.js';
import { civilFromDays, formatIsoDate } from '../core/dates/calendar.js';
import { formatShortDate } from '../core/dates/describe.js';
import { entryDays, MARGIN, wholePeriod, type LayoutOptions } from './layout.js';

/** Days drawn, inclusive at both ends. */
export interface ViewWindow {
  start: number;
  end: number;
}

/** Zoomed in no further than a week: the axis shows days then. */
export const MIN_VIEW_DAYS = 7;
/** One press of Zoom in halves what is shown; Zoom out doubles it. */
export const ZOOM_STEP = 2;
/** An arrow key moves the view by this much of what is shown. */
export const PAN_STEP = 0.2;

/** The whole period a drawing covers unzoomed (whole ticks), or undefined when nothing has a date. */
export function fullPeriod(model: TimelineModel, options: Pick<LayoutOptions, 'width'> = {}): ViewWindow | undefined {
  return wholePeriod(model, options.width);
}

function days(view: ViewWindow): number {
  return view.end - view.start + 1;
}

/** Keeps a window of its length inside the period (or the period itself, when longer). */
function clampTo(start: number, length: number, full: ViewWindow): ViewWindow | undefined {
  if (length >= days(full)) return undefined;
  const s = Math.min(Math.max(start, full.start), full.end - length + 1);
  return { start: s, end: s + length - 1 };
}

/**
 * Zoomed by `factor` (above 1 shows fewer days: zoom in; below 1 more: zoom
 * out), keeping the day at `at` (0 the left edge, 1 the right, default the
 * middle) where it is on screen.
 */
export function zoomView(view: ViewWindow | undefined, full: ViewWindow, factor: number, at = 0.5): ViewWindow | undefined {
  if (!(factor > 0) || !Number.isFinite(factor)) return view;
  const current = view ?? full;
  const fraction = Math.min(Math.max(Number.isFinite(at) ? at : 0.5, 0), 1);
  const length = Math.max(MIN_VIEW_DAYS, Math.round(days(current) / factor));
  if (length >= days(full)) return undefined;
  const anchor = current.start + fraction * days(current);
  return clampTo(Math.round(anchor - fraction * length), length, full);
}

/** Moved by `by` days (negative: earlier), staying inside the period. */
export function panView(view: ViewWindow | undefined, full: ViewWindow, by: number): ViewWindow | undefined {
  if (!view || !Number.isFinite(by)) return view;
  return clampTo(view.start + Math.round(by), days(view), full);
}

/** Moved by a share of what is shown (an arrow key: `PAN_STEP` or `-PAN_STEP`). */
export function panViewBy(view: ViewWindow | undefined, full: ViewWindow, share: number): ViewWindow | undefined {
  return view ? panView(view, full, share * days(view)) : view;
}

/** A window from elsewhere (a restored state, a message) made safe: inside the period, at least a week, whole days. */
export function normaliseView(value: unknown, full: ViewWindow | undefined): ViewWindow | undefined {
  const v = value as Partial<ViewWindow> | undefined;
  if (!full || !v || typeof v.start !== 'number' || typeof v.end !== 'number' || !Number.isFinite(v.start) || !Number.isFinite(v.end)) return undefined;
  const start = Math.round(Math.min(v.start, v.end));
  const length = Math.max(MIN_VIEW_DAYS, Math.round(Math.max(v.start, v.end)) - start + 1);
  return clampTo(start, length, full);
}

/** Where `x` (pixels from the drawing's left) falls on the axis of a drawing `width` wide: 0 its start, 1 its end. */
export function fractionAt(x: number, width: number): number {
  const w = Math.max(320, Math.round(width));
  return Math.min(Math.max((x - MARGIN) / (w - 2 * MARGIN), 0), 1);
}

/** How many days one pixel of the axis is, for dragging: the view's days over the plot's width. */
export function daysPerPixel(view: ViewWindow, width: number): number {
  return days(view) / (Math.max(320, Math.round(width)) - 2 * MARGIN);
}

function isoOf(d: number): string {
  const c = civilFromDays(d);
  return formatIsoDate(c.year, c.month, c.day);
}

/** What a zoomed view shows, in words, with the entries left out: `Showing 3 Jan 2021 – 10 Feb 2021 · 4 earlier, 2 later not shown`. */
export function describeView(model: TimelineModel, view: ViewWindow | undefined): string {
  if (!view) return 'Showing the whole period';
  let before = 0;
  let after = 0;
  for (const e of model.entries) {
    const d = entryDays(e);
    if (!d) continue;
    if (d.end < view.start) before++;
    else if (d.start > view.end) after++;
  }
  const hidden = [before > 0 ? `${before} earlier` : '', after > 0 ? `${after} later` : ''].filter(Boolean).join(', ');
  return `Showing ${formatShortDate(isoOf(view.start))} – ${formatShortDate(isoOf(view.end))}${hidden ? ` · ${hidden} not shown` : ''}`;
}
