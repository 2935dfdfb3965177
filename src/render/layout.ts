/**
 * Where everything goes, as numbers: the axis, each entry's mark and label,
 * the lane of undated entries, the legend. Pure geometry (the SVG is written
 * from it in svg.ts), so tests can check positions without parsing markup.
 *
 * Marks: a day is a point (a shape by kind); anything less precise is a bar
 * from the first to the last day it may mean, so the uncertainty is drawn.
 * Labels go inside a bar when they fit, else right of the mark, else left,
 * else cut to the larger side; entries are then packed into rows so that no
 * two marks or labels share space.
 */
import type { TimelineEntry, TimelineModel } from '../protocol/requests.js';
import { formatShortDate } from '../core/dates/describe.js';
import { createScale, daysOf, type TimeScale } from './scale.js';
import { fitText, oneLine, textWidth } from './text-width.js';

export const FONT_SIZE = 12;
/** Dates are drawn bold: wider than the estimate for regular text. */
const BOLD = 1.12;
export const ROW_HEIGHT = 24;
export const POINT_RADIUS = 6;
export const BAR_HEIGHT = 14;
/** The narrowest bar: a week in a ten-year view is still visibly a bar, not a point. */
export const MIN_BAR_WIDTH = 5;
const MARGIN = 20;
const LABEL_GAP = 6;
const PACK_GAP = 12;
const DEFAULT_WIDTH = 960;

export type Shape = 'point' | 'span' | 'undated';

/** The width of the drawing, whether it shows its title, and how entries are laid out in rows. */
export interface LayoutOptions {
  /** Width in pixels of the drawing (default 960, at least 320). */
  width?: number;
  /** Draw the model's title at the top (default true). */
  title?: boolean;
  /**
   * `one-per-entry`: each dated entry on its own row, top to bottom in date
   * order (reads like the document); `packed`: as few rows as fit without
   * overlap (for a whole workspace). `auto` (default): one per entry up to
   * ONE_ROW_EACH_UP_TO entries, packed beyond.
   */
  rows?: 'auto' | 'packed' | 'one-per-entry';
}

export const ONE_ROW_EACH_UP_TO = 24;

export interface LabelBox {
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** The date as shown before the title: `21 Sep 2021`, or the text as written for fuzzy dates. */
  date: string;
  /** The title, cut to fit (the full one is in the tooltip). */
  title: string;
  overdue: boolean;
  inside: boolean;
}

export interface EntryBox {
  entry: TimelineEntry;
  shape: Shape;
  /** Horizontal extent of the mark; a point's centre is halfway. */
  x0: number;
  x1: number;
  /** Vertical centre of the row. */
  y: number;
  row: number;
  label: LabelBox;
  /** Horizontal space taken by mark and label together. */
  extent: [number, number];
}

export interface LegendItem {
  kind: 'status' | 'shape' | 'span' | 'overdue' | 'today' | 'undated';
  /** Status class or entry kind the swatch shows. */
  key: string;
  text: string;
  x: number;
  y: number;
}

export interface TodayMark {
  iso: string;
  /** Where the line is, when today is inside the drawn period. */
  x?: number;
  /** Otherwise, the side it is off to. */
  side?: 'before' | 'after';
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; text: string };
}

export interface TimelineLayout {
  width: number;
  height: number;
  title?: { x: number; y: number; text: string };
  scale?: TimeScale;
  /** y of the year labels, the tick labels, and where grid lines start. */
  axis?: { yearY: number; labelY: number; top: number };
  rowsTop: number;
  rowsBottom: number;
  rows: number;
  dated: EntryBox[];
  undated?: { top: number; bottom: number; titleY: number; title: string; entries: EntryBox[] };
  today?: TodayMark;
  /** Text shown when nothing has a date. */
  empty?: { x: number; y: number; text: string };
  legend: LegendItem[];
}

/** The interval an entry's date covers, as days; undefined when undated or impossible. */
export function entryDays(entry: TimelineEntry): { start: number; end: number } | undefined {
  const { start, end, invalid } = entry.date;
  if (invalid !== undefined || start === undefined || end === undefined) return undefined;
  const a = daysOf(start);
  const b = daysOf(end);
  return a === undefined || b === undefined || b < a ? undefined : { start: a, end: b };
}

export function shapeOf(entry: TimelineEntry): Shape {
  const days = entryDays(entry);
  if (!days) return 'undated';
  return entry.date.precision === 'day' && days.start === days.end ? 'point' : 'span';
}

/** The date before the title: `21 Sep 2021` for a day, the author's words for anything fuzzier. */
export function dateLabel(entry: TimelineEntry): string {
  const { date } = entry;
  if (date.precision === 'day' && date.start !== undefined && date.start === date.end) return formatShortDate(date.start);
  const text = oneLine(date.text);
  if (text === '') return 'Tbc';
  return date.invalid !== undefined ? `${fitText(text, FONT_SIZE, 120)} (not a date)` : fitText(text, FONT_SIZE, 160);
}

const OVERDUE_TAG = ' overdue';

function labelWidth(date: string, title: string, overdue: boolean): number {
  return textWidth(date, FONT_SIZE) * BOLD + textWidth(' ' + title, FONT_SIZE) + (overdue ? textWidth(OVERDUE_TAG, FONT_SIZE) * BOLD : 0);
}

/** The title cut so that date, title and tag fit `room` pixels (the title may become empty). */
function fitTitle(date: string, title: string, overdue: boolean, room: number): string {
  const fixed = labelWidth(date, '', overdue);
  if (fixed + textWidth(' ' + title, FONT_SIZE) <= room) return title;
  return room - fixed > textWidth(' ……', FONT_SIZE) ? fitText(title, FONT_SIZE, room - fixed - textWidth(' ', FONT_SIZE)) : '…';
}

export function layoutTimeline(model: TimelineModel, options: LayoutOptions = {}): TimelineLayout {
  const width = Math.max(320, Math.round(options.width ?? DEFAULT_WIDTH));
  const left = MARGIN;
  const right = width - MARGIN;
  const minX = 4;
  const maxX = width - 4;
  let y = 12;

  const layout: TimelineLayout = { width, height: 0, rowsTop: 0, rowsBottom: 0, rows: 0, dated: [], legend: [] };
  if (options.title !== false && model.title.trim() !== '') {
    layout.title = { x: left, y: y + 16, text: fitText(oneLine(model.title), 16, (right - left) / 1.1) };
    y += 30;
  }

  const dated = model.entries.filter((e) => shapeOf(e) !== 'undated');
  const undated = model.entries.filter((e) => shapeOf(e) === 'undated');
  const todayDays = daysOf(model.today);

  if (dated.length > 0) {
    const spans = dated.map((e) => entryDays(e)!);
    let first = Math.min(...spans.map((s) => s.start));
    let last = Math.max(...spans.map((s) => s.end));
    // Today widens the period when it is near (a plan in progress), not when
    // it is years away from a historical record: then an arrow says where it is.
    if (todayDays !== undefined) {
      const slack = (last - first + 1) / 2 + 31;
      if (todayDays >= first - slack && todayDays <= last + slack) {
        first = Math.min(first, todayDays);
        last = Math.max(last, todayDays);
      }
    }
    const scale = createScale(first, last, left, right);
    layout.scale = scale;
    const yearY = y + 12;
    const labelY = scale.yearLabels.length > 0 ? yearY + 16 : yearY;
    layout.axis = { yearY, labelY, top: labelY + 8 };
    y = labelY + 14;
    layout.rowsTop = y;

    const mode = options.rows ?? 'auto';
    const packed = mode === 'packed' || (mode === 'auto' && dated.length > ONE_ROW_EACH_UP_TO);
    // Packed rows share space: shorter labels leave room for more entries per row.
    const maxLabel = packed ? Math.min(280, (right - left) * 0.3) : (right - left) * 0.8;
    // Packed, a label cut short on the right beats one flipped to the left:
    // flipped labels crowd the rows before them.
    const boxes = dated.map((entry) => placeEntry(entry, scale, { minX, maxX, maxLabel, cutRightFrom: packed ? 120 : Infinity }));
    // Packed: by where each box starts (labels may reach left of the mark),
    // into the first row it fits after what is already there: interval
    // partitioning, which uses as few rows as the densest moment needs.
    const rowEnds: number[] = [];
    for (const box of packed ? [...boxes].sort((a, b) => a.extent[0] - b.extent[0]) : boxes) {
      let row = packed ? rowEnds.findIndex((end) => end + PACK_GAP <= box.extent[0]) : -1;
      if (row === -1) row = rowEnds.push(-Infinity) - 1;
      rowEnds[row] = box.extent[1];
      box.row = row;
      box.y = layout.rowsTop + row * ROW_HEIGHT + ROW_HEIGHT / 2;
      box.label.y = box.y + FONT_SIZE * 0.35;
    }
    layout.dated = boxes;
    layout.rows = rowEnds.length;
    y = layout.rowsTop + rowEnds.length * ROW_HEIGHT;
    layout.rowsBottom = y;

    if (todayDays !== undefined) {
      const labelY = y + 14;
      const text = `Today ${formatShortDate(model.today)}`;
      if (todayDays >= scale.startDays && todayDays < scale.endDays) {
        const x = scale.x(todayDays) + scale.pxPerDay / 2;
        const half = textWidth(text, 11) * BOLD / 2;
        layout.today = { iso: model.today, x, label: { x: Math.min(Math.max(x, left + half), right - half), y: labelY, anchor: 'middle', text } };
      } else if (todayDays < scale.startDays) {
        layout.today = { iso: model.today, side: 'before', label: { x: left, y: labelY, anchor: 'start', text: `← ${text} (earlier)` } };
      } else {
        layout.today = { iso: model.today, side: 'after', label: { x: right, y: labelY, anchor: 'end', text: `${text} (later) →` } };
      }
      y += 22;
    }
  } else {
    layout.rowsTop = layout.rowsBottom = y;
    if (undated.length === 0) {
      layout.empty = { x: left, y: y + 18, text: 'Nothing to draw: no milestones, meetings, actions or reviews with a date.' };
      y += 30;
    }
  }

  if (undated.length > 0) {
    const top = y + 8;
    const titleY = top + 16;
    let row = 0;
    let x = left;
    const boxes: EntryBox[] = [];
    const chipRoom = (right - left) / 2;
    for (const entry of undated) {
      const date = dateLabel(entry);
      const title = fitTitle(date, oneLine(entry.title), false, chipRoom - 2 * POINT_RADIUS - LABEL_GAP);
      const w = 2 * POINT_RADIUS + LABEL_GAP + labelWidth(date, title, false);
      if (x > left && x + w > right) {
        row++;
        x = left;
      }
      const cy = titleY + 8 + row * ROW_HEIGHT + ROW_HEIGHT / 2;
      boxes.push({
        entry,
        shape: 'undated',
        x0: x,
        x1: x + 2 * POINT_RADIUS,
        y: cy,
        row,
        label: { x: x + 2 * POINT_RADIUS + LABEL_GAP, y: cy + FONT_SIZE * 0.35, anchor: 'start', date, title, overdue: false, inside: false },
        extent: [x, x + w],
      });
      x += w + 2 * PACK_GAP;
    }
    const bottom = titleY + 8 + (row + 1) * ROW_HEIGHT + 4;
    const title = undated.some((e) => e.date.invalid !== undefined) ? 'Date not yet known, or not a real date' : 'Date not yet known';
    layout.undated = { top, bottom, titleY, title, entries: boxes };
    y = bottom;
  }

  layout.legend = legendFor(model, layout, left, right, y + 12);
  const lastLegend = layout.legend.length > 0 ? Math.max(...layout.legend.map((i) => i.y)) : y;
  layout.height = Math.ceil(lastLegend + 14);
  return layout;
}

function placeEntry(entry: TimelineEntry, scale: TimeScale, room: { minX: number; maxX: number; maxLabel: number; cutRightFrom: number }): EntryBox {
  const days = entryDays(entry)!;
  const shape = shapeOf(entry);
  let x0: number;
  let x1: number;
  if (shape === 'point') {
    const cx = scale.x(days.start) + scale.pxPerDay / 2;
    x0 = cx - POINT_RADIUS;
    x1 = cx + POINT_RADIUS;
  } else {
    x0 = scale.x(days.start);
    x1 = Math.max(scale.x(days.end + 1), x0 + MIN_BAR_WIDTH);
  }
  const overdue = entry.overdue === true;
  const date = dateLabel(entry);
  let title = fitTitle(date, oneLine(entry.title), overdue, room.maxLabel);
  const full = labelWidth(date, title, overdue);
  const label: LabelBox = { x: 0, y: 0, anchor: 'start', date, title, overdue, inside: false };
  let extent: [number, number];
  const rightRoom = room.maxX - (x1 + LABEL_GAP);
  const leftRoom = x0 - LABEL_GAP - room.minX;
  if (shape === 'span' && x1 - x0 >= full + 2 * LABEL_GAP) {
    Object.assign(label, { x: x0 + LABEL_GAP, inside: true });
    extent = [x0, x1];
  } else if (full <= rightRoom) {
    label.x = x1 + LABEL_GAP;
    extent = [x0, x1 + LABEL_GAP + full];
  } else if (full <= leftRoom && rightRoom < room.cutRightFrom) {
    Object.assign(label, { x: x0 - LABEL_GAP, anchor: 'end' });
    extent = [x0 - LABEL_GAP - full, x1];
  } else if (rightRoom >= leftRoom || rightRoom >= room.cutRightFrom) {
    title = fitTitle(date, title, overdue, rightRoom);
    Object.assign(label, { x: x1 + LABEL_GAP, title });
    extent = [x0, x1 + LABEL_GAP + labelWidth(date, title, overdue)];
  } else {
    title = fitTitle(date, title, overdue, leftRoom);
    Object.assign(label, { x: x0 - LABEL_GAP, anchor: 'end', title });
    extent = [x0 - LABEL_GAP - labelWidth(date, title, overdue), x1];
  }
  return { entry, shape, x0, x1, y: 0, row: 0, label, extent };
}

export const STATUS_WORDS: Record<string, string> = {
  done: 'Done',
  planned: 'Planned',
  'at-risk': 'At risk',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
  tbc: 'To be confirmed',
  none: 'No status given',
};

export const KIND_WORDS: Record<TimelineEntry['kind'], string> = {
  milestone: 'Milestone',
  meeting: 'Meeting',
  action: 'Action due',
  review: 'Review due',
};

/** The status class an entry is drawn with. */
export function statusKey(entry: TimelineEntry): string {
  return entry.status ?? 'none';
}

/** Only what the drawing uses: the statuses, shapes and marks that appear in it. */
function legendFor(model: TimelineModel, layout: TimelineLayout, left: number, right: number, top: number): LegendItem[] {
  const wanted: Omit<LegendItem, 'x' | 'y'>[] = [];
  const statuses = new Set(model.entries.map(statusKey));
  for (const key of Object.keys(STATUS_WORDS)) if (statuses.has(key)) wanted.push({ kind: 'status', key, text: STATUS_WORDS[key] });
  const points = new Set(layout.dated.filter((b) => b.shape === 'point').map((b) => b.entry.kind));
  // Shapes only tell kinds apart: worth a legend when there is more than milestones.
  const onlyMilestones = points.size === 1 && points.has('milestone');
  for (const kind of Object.keys(KIND_WORDS) as TimelineEntry['kind'][]) {
    if (points.has(kind) && !onlyMilestones) wanted.push({ kind: 'shape', key: kind, text: `${KIND_WORDS[kind]} on a known day` });
  }
  if (layout.dated.some((b) => b.shape === 'span')) wanted.push({ kind: 'span', key: 'span', text: 'Bar: the date is known only to a month, quarter, season, year or range' });
  if (model.entries.some((e) => e.overdue)) wanted.push({ kind: 'overdue', key: 'overdue', text: 'Overdue: the date has passed and it is not done' });
  if (layout.today?.x !== undefined) wanted.push({ kind: 'today', key: 'today', text: 'Today' });
  if (layout.undated) wanted.push({ kind: 'undated', key: 'undated', text: 'No date yet' });

  const items: LegendItem[] = [];
  let x = left;
  let y = top;
  for (const item of wanted) {
    const w = 18 + textWidth(item.text, 11) + 18;
    if (x > left && x + w > right) {
      x = left;
      y += 20;
    }
    items.push({ ...item, x, y });
    x += w;
  }
  return items;
}
