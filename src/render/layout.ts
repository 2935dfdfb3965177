/**
 * Where everything goes, as numbers: the axis, the swimlanes, each entry's
 * mark and label, the lane of undated entries, the legend. Pure geometry (the
 * SVG is written from it in svg.ts), so tests can check positions without
 * parsing markup.
 *
 * Marks: a day is a point (a shape by kind); anything less precise is a bar
 * from the first to the last day it may mean, so the uncertainty is drawn.
 * Labels are never cut: a label goes inside its bar when it fits there on one
 * line, else beside the mark (right, or left when the right has too little
 * room), wrapped onto as many lines as it needs; entries are then packed into
 * rows so that no two marks or labels share space. The full text is also in
 * every entry's tooltip and accessible name (svg.ts).
 */
import type { TimelineEntry, TimelineModel } from '../protocol/requests.js';
import { formatShortDate } from '../core/dates/describe.js';
import { createScale, createViewScale, daysOf, type TimeScale } from './scale.js';
import { oneLine, textWidth } from './text-width.js';

export const FONT_SIZE = 12;
/** Dates are drawn bold: wider than the estimate for regular text. */
const BOLD = 1.12;
export const ROW_HEIGHT = 24;
/** Baseline to baseline of a wrapped label. */
export const LINE_HEIGHT = 15;
export const POINT_RADIUS = 6;
export const BAR_HEIGHT = 14;
/** The narrowest bar: a week in a ten-year view is still visibly a bar, not a point. */
export const MIN_BAR_WIDTH = 5;
/** Left and right of the plot: the axis runs from MARGIN to width − MARGIN. */
export const MARGIN = 20;
const LABEL_GAP = 6;
const PACK_GAP = 12;
const DEFAULT_WIDTH = 960;
/** A label beside a mark wraps to no less than this, when there is the room. */
const MIN_WRAP = 150;
/** Room for the problem mark (a warning triangle) left of an entry's mark. */
const PROBLEM_ROOM = 16;
const LANE_TITLE_HEIGHT = 22;

export type Shape = 'point' | 'span' | 'undated';

/** Swimlanes: one per body, per document, per workstream (heading section), or none. */
export type GroupBy = 'none' | 'body' | 'document' | 'workstream';
export const GROUP_BY: readonly GroupBy[] = ['none', 'body', 'document', 'workstream'];

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
   * ONE_ROW_EACH_UP_TO entries (in a lane), packed beyond.
   */
  rows?: 'auto' | 'packed' | 'one-per-entry';
  /** Swimlanes (default `none`). */
  groupBy?: GroupBy;
  /** Only these days are drawn (a zoomed or panned view), as days since 1970-01-01, inclusive. */
  view?: { start: number; end: number };
}

export const ONE_ROW_EACH_UP_TO = 24;

/** One line of a label: the date leads the first line; the tag (overdue…) ends the last. */
export interface LabelLine {
  date?: string;
  text: string;
  tag?: string;
}

export interface LabelBox {
  x: number;
  /** Baseline of the first line. */
  y: number;
  anchor: 'start' | 'end';
  /** The date as shown before the title: `21 Sep 2021`, or the text as written for fuzzy dates. */
  date: string;
  /** The whole title, never cut. */
  title: string;
  /** The label as drawn, wrapped: the date, the title and the tag over one or more lines. */
  lines: LabelLine[];
  /** Widest line, in pixels (estimated). */
  width: number;
  overdue: boolean;
  notRecorded: boolean;
  inside: boolean;
}

export interface EntryBox {
  entry: TimelineEntry;
  shape: Shape;
  /** Horizontal extent of the mark; a point's centre is halfway. */
  x0: number;
  x1: number;
  /** Vertical centre of the mark. */
  y: number;
  row: number;
  label: LabelBox;
  /** Horizontal space taken by mark, problem mark and label together. */
  extent: [number, number];
  /** Vertical space taken (the label may wrap below the mark). */
  top: number;
  bottom: number;
  /** The bar starts before or ends after the view (zoomed): drawn cut at the edge. */
  clipped?: { start: boolean; end: boolean };
  /** Where the problem mark (out of order, not a date) is centred, when the entry has problems. */
  problem?: { x: number; y: number };
}

export interface Lane {
  key: string;
  /** The lane's name as shown (wrapped onto lines), empty when not grouped. */
  title: string[];
  top: number;
  bottom: number;
  /** Baseline of the first title line. */
  titleY: number;
  index: number;
}

export interface LegendItem {
  kind: 'status' | 'shape' | 'span' | 'overdue' | 'not-recorded' | 'problem' | 'today' | 'undated';
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
  lanes: Lane[];
  dated: EntryBox[];
  /** Dated entries outside a zoomed view: not drawn, counted. */
  outside?: { before: number; after: number };
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
  return date.invalid !== undefined ? `${text} (not a date)` : text;
}

/** The word after the label: overdue, or that the outcome is not recorded. */
export function tagOf(entry: TimelineEntry): string | undefined {
  return entry.overdue ? 'overdue' : entry.outcomeNotRecorded ? 'outcome not recorded' : undefined;
}

/** The lane an entry goes in, by key, and the lane's name. */
export function laneOf(entry: TimelineEntry, groupBy: GroupBy): { key: string; title: string } {
  switch (groupBy) {
    case 'body':
      return entry.body ? { key: `body:${entry.body.toLowerCase()}`, title: entry.body } : { key: 'body:', title: 'No body named' };
    case 'document':
      return { key: `doc:${entry.uri}`, title: entry.source };
    case 'workstream':
      return entry.workstream ? { key: `ws:${entry.workstream.toLowerCase()}`, title: entry.workstream } : { key: 'ws:', title: 'Not under a section heading' };
    default:
      return { key: '', title: '' };
  }
}

/**
 * Words onto lines no wider than `room` pixels: the date (bold) opens the
 * first line, the tag (bold) closes the last. A word wider than a line is
 * broken between characters. Nothing is left out.
 */
export function wrapLabel(date: string, title: string, tag: string | undefined, room: number): { lines: LabelLine[]; width: number } {
  const space = textWidth(' ', FONT_SIZE);
  const lines: LabelLine[] = [{ date, text: '' }];
  let used = textWidth(date, FONT_SIZE) * BOLD;
  let width = used;
  const push = (word: string, w: number) => {
    const line = lines[lines.length - 1];
    const empty = line.text === '' && line.date === undefined;
    if (!empty && used + space + w > room) {
      lines.push({ text: word });
      used = w;
    } else {
      line.text = line.text === '' ? word : `${line.text} ${word}`;
      used += (empty ? 0 : space) + w;
    }
    width = Math.max(width, used);
  };
  for (const word of oneLine(title).split(' ').filter(Boolean)) {
    let rest = word;
    // A word wider than a whole line (a long URL): in pieces that fit.
    while (textWidth(rest, FONT_SIZE) > room && rest.length > 1) {
      const chars = Array.from(rest);
      let n = 1;
      while (n < chars.length && textWidth(chars.slice(0, n + 1).join(''), FONT_SIZE) <= room) n++;
      const piece = chars.slice(0, n).join('');
      lines.push({ text: piece });
      used = textWidth(piece, FONT_SIZE);
      width = Math.max(width, used);
      rest = chars.slice(n).join('');
      lines.push({ text: '' });
      used = 0;
    }
    if (rest !== '') push(rest, textWidth(rest, FONT_SIZE));
  }
  const cleaned = lines.filter((l, i) => i === 0 || l.text !== '');
  if (tag) {
    const w = textWidth(tag, FONT_SIZE) * BOLD;
    const last = cleaned[cleaned.length - 1];
    used = lineWidth(last);
    if (used + space + w > room && !(last.text === '' && last.date === undefined)) {
      cleaned.push({ text: '', tag });
      width = Math.max(width, w);
    } else {
      last.tag = tag;
      width = Math.max(width, used + space * 1.5 + w);
    }
  }
  return { lines: cleaned, width };
}

/** The estimated width of one label line as drawn. */
export function lineWidth(line: LabelLine): number {
  const space = textWidth(' ', FONT_SIZE);
  let w = line.date !== undefined ? textWidth(line.date, FONT_SIZE) * BOLD : 0;
  if (line.text !== '') w += (line.date !== undefined ? space : 0) + textWidth(line.text, FONT_SIZE);
  if (line.tag) w += (w > 0 ? space * 1.5 : 0) + textWidth(line.tag, FONT_SIZE) * BOLD;
  return w;
}

function naturalWidth(entry: TimelineEntry): number {
  return wrapLabel(dateLabel(entry), entry.title, tagOf(entry), Infinity).width;
}

/** Lines of plain text no wider than `room` (lane titles): never cut. */
function wrapText(text: string, size: number, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ').filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, size) * BOLD > room) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

export function layoutTimeline(model: TimelineModel, options: LayoutOptions = {}): TimelineLayout {
  const width = Math.max(320, Math.round(options.width ?? DEFAULT_WIDTH));
  const left = MARGIN;
  const right = width - MARGIN;
  const minX = 4;
  const maxX = width - 4;
  const groupBy = options.groupBy ?? 'none';
  let y = 12;

  const layout: TimelineLayout = { width, height: 0, rowsTop: 0, rowsBottom: 0, rows: 0, lanes: [], dated: [], legend: [] };
  if (options.title !== false && model.title.trim() !== '') {
    const lines = wrapText(model.title, 16, right - left);
    layout.title = { x: left, y: y + 16, text: lines.join(' ') };
    y += 30;
  }

  const allDated = model.entries.filter((e) => shapeOf(e) !== 'undated');
  const undated = model.entries.filter((e) => shapeOf(e) === 'undated');
  const todayDays = daysOf(model.today);
  const view = options.view && Number.isFinite(options.view.start) && Number.isFinite(options.view.end) && options.view.end >= options.view.start ? options.view : undefined;
  const dated = view
    ? allDated.filter((e) => {
        const d = entryDays(e)!;
        return d.end >= view.start && d.start <= view.end;
      })
    : allDated;
  if (view && dated.length < allDated.length) {
    const before = allDated.filter((e) => entryDays(e)!.end < view.start).length;
    layout.outside = { before, after: allDated.length - dated.length - before };
  }

  if (allDated.length > 0) {
    const scale: TimeScale = view ? createViewScale(view.start, view.end, left, right) : wholeScale(dated, todayDays, left, right);
    layout.scale = scale;
    const yearY = y + 12;
    const labelY = scale.yearLabels.length > 0 ? yearY + 16 : yearY;
    layout.axis = { yearY, labelY, top: labelY + 8 };
    y = labelY + 14;
    layout.rowsTop = y;

    // Lanes in the order their first entry comes (entries are in date order).
    const lanes = new Map<string, { title: string; entries: TimelineEntry[] }>();
    for (const e of dated) {
      const { key, title } = laneOf(e, groupBy);
      const lane = lanes.get(key) ?? lanes.set(key, { title, entries: [] }).get(key)!;
      lane.entries.push(e);
    }
    let row = 0;
    let laneIndex = 0;
    const placed = new Map<TimelineEntry, EntryBox>();
    for (const [key, lane] of lanes) {
      const grouped = groupBy !== 'none';
      const title = grouped ? wrapText(lane.title, FONT_SIZE, right - left - 8) : [];
      const laneTop = y;
      const titleY = y + 15;
      if (grouped) y += LANE_TITLE_HEIGHT + (title.length - 1) * LINE_HEIGHT;
      const mode = options.rows ?? 'auto';
      const packed = mode === 'packed' || (mode === 'auto' && lane.entries.length > ONE_ROW_EACH_UP_TO);
      // Packed rows share space: narrower labels (wrapped) leave room for more entries per row.
      const maxLabel = packed ? Math.max(MIN_WRAP, Math.min(200, (right - left) * 0.22)) : (right - left) * 0.8;
      const boxes = lane.entries.map((entry) => placeEntry(entry, scale, { minX, maxX, maxLabel, view }));
      for (const box of boxes) placed.set(box.entry, box);
      // Interval partitioning (by where each box starts, labels may reach left
      // of the mark) into the first row it fits after what is already there.
      const rowEnds: number[] = [];
      const rowBoxes: EntryBox[][] = [];
      for (const box of packed ? [...boxes].sort((a, b) => a.extent[0] - b.extent[0]) : boxes) {
        let r = packed ? rowEnds.findIndex((end) => end + PACK_GAP <= box.extent[0]) : -1;
        if (r === -1) {
          r = rowEnds.push(-Infinity) - 1;
          rowBoxes.push([]);
        }
        rowEnds[r] = box.extent[1];
        rowBoxes[r].push(box);
      }
      for (const inRow of rowBoxes) {
        const lines = Math.max(...inRow.map((b) => (b.label.inside ? 1 : b.label.lines.length)));
        const height = Math.max(ROW_HEIGHT, ROW_HEIGHT + (lines - 1) * LINE_HEIGHT);
        for (const box of inRow) {
          box.row = row;
          box.y = y + ROW_HEIGHT / 2;
          box.label.y = box.y + FONT_SIZE * 0.35;
          if (box.problem) box.problem.y = box.y;
          box.top = y;
          box.bottom = y + height;
        }
        y += height;
        row++;
      }
      layout.lanes.push({ key, title, top: laneTop, bottom: y, titleY, index: laneIndex++ });
      if (grouped) y += 4;
    }
    // In the model's (date) order: the SVG writes entries in time order for Tab and screen readers, whatever their row.
    layout.dated = dated.map((e) => placed.get(e)!);
    if (view && dated.length === 0) {
      // Zoomed into days with nothing on them: say so, and where the entries are.
      const { before = 0, after = 0 } = layout.outside ?? {};
      const where = [before > 0 ? `${before} earlier` : '', after > 0 ? `${after} later` : ''].filter(Boolean).join(', ');
      layout.empty = { x: left, y: y + 18, text: `Nothing dated in these days${where ? ` (${where})` : ''}.` };
      y += 30;
    }
    layout.rows = row;
    layout.rowsBottom = y;

    if (todayDays !== undefined) {
      const labelY = y + 14;
      const text = `Today ${formatShortDate(model.today)}`;
      if (todayDays >= scale.startDays && todayDays < scale.endDays) {
        const x = scale.x(todayDays) + scale.pxPerDay / 2;
        const half = (textWidth(text, 11) * BOLD) / 2;
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
    let x = left;
    let rowTop = titleY + 8;
    let rowHeight = ROW_HEIGHT;
    let row = 0;
    const boxes: EntryBox[] = [];
    const chipRoom = Math.max(MIN_WRAP, (right - left) / 2 - 2 * POINT_RADIUS - LABEL_GAP - PROBLEM_ROOM);
    for (const entry of undated) {
      const date = dateLabel(entry);
      const tag = tagOf(entry);
      const wrapped = wrapLabel(date, entry.title, tag, Math.min(chipRoom, right - left - 2 * POINT_RADIUS - LABEL_GAP - PROBLEM_ROOM));
      const problems = entry.problems !== undefined && entry.problems.length > 0;
      const lead = problems ? PROBLEM_ROOM : 0;
      const w = lead + 2 * POINT_RADIUS + LABEL_GAP + wrapped.width;
      if (x > left && x + w > right) {
        row++;
        x = left;
        rowTop += rowHeight;
        rowHeight = ROW_HEIGHT;
      }
      const height = ROW_HEIGHT + (wrapped.lines.length - 1) * LINE_HEIGHT;
      rowHeight = Math.max(rowHeight, height);
      const cy = rowTop + ROW_HEIGHT / 2;
      const mx = x + lead;
      boxes.push({
        entry,
        shape: 'undated',
        x0: mx,
        x1: mx + 2 * POINT_RADIUS,
        y: cy,
        row,
        label: { x: mx + 2 * POINT_RADIUS + LABEL_GAP, y: cy + FONT_SIZE * 0.35, anchor: 'start', date, title: entry.title, lines: wrapped.lines, width: wrapped.width, overdue: !!entry.overdue, notRecorded: !!entry.outcomeNotRecorded, inside: false },
        extent: [x, x + w],
        top: rowTop,
        bottom: rowTop + height,
        ...(problems ? { problem: { x: x + PROBLEM_ROOM / 2 - 1, y: cy } } : {}),
      });
      x += w + 2 * PACK_GAP;
    }
    const bottom = rowTop + rowHeight + 4;
    const title = undated.some((e) => e.date.invalid !== undefined) ? 'Date not yet known, or not a real date' : 'Date not yet known';
    layout.undated = { top, bottom, titleY, title, entries: boxes };
    y = bottom;
  }

  layout.legend = legendFor(model, layout, left, right, y + 12);
  const lastLegend = layout.legend.length > 0 ? Math.max(...layout.legend.map((i) => i.y)) : y;
  layout.height = Math.ceil(lastLegend + 14);
  return layout;
}

/**
 * The unzoomed axis: from the first to the last day of the dated entries, widened to whole
 * ticks. Today widens the period when it is near (a plan in progress), not when it is years
 * away from a historical record: then an arrow says where it is.
 */
function wholeScale(dated: readonly TimelineEntry[], todayDays: number | undefined, left: number, right: number): TimeScale {
  let first = Infinity;
  let last = -Infinity;
  for (const e of dated) {
    const d = entryDays(e)!;
    if (d.start < first) first = d.start;
    if (d.end > last) last = d.end;
  }
  if (todayDays !== undefined) {
    const slack = (last - first + 1) / 2 + 31;
    if (todayDays >= first - slack && todayDays <= last + slack) {
      first = Math.min(first, todayDays);
      last = Math.max(last, todayDays);
    }
  }
  return createScale(first, last, left, right);
}

/** The days the unzoomed drawing of `model` covers at `width` (whole ticks), without laying it out; undefined when nothing has a date. */
export function wholePeriod(model: TimelineModel, width = DEFAULT_WIDTH): { start: number; end: number } | undefined {
  const dated = model.entries.filter((e) => entryDays(e) !== undefined);
  if (dated.length === 0) return undefined;
  const w = Math.max(320, Math.round(width));
  const scale = wholeScale(dated, daysOf(model.today), MARGIN, w - MARGIN);
  return { start: scale.startDays, end: scale.endDays - 1 };
}

function placeEntry(entry: TimelineEntry, scale: TimeScale, room: { minX: number; maxX: number; maxLabel: number; view?: { start: number; end: number } }): EntryBox {
  const days = entryDays(entry)!;
  const shape = shapeOf(entry);
  let x0: number;
  let x1: number;
  let clipped: EntryBox['clipped'];
  if (shape === 'point') {
    const cx = scale.x(days.start) + scale.pxPerDay / 2;
    x0 = cx - POINT_RADIUS;
    x1 = cx + POINT_RADIUS;
  } else {
    x0 = scale.x(days.start);
    x1 = Math.max(scale.x(days.end + 1), x0 + MIN_BAR_WIDTH);
    if (x0 < scale.left || x1 > scale.right) {
      clipped = { start: x0 < scale.left, end: x1 > scale.right };
      x0 = Math.max(x0, scale.left);
      x1 = Math.min(x1, scale.right);
      if (x1 - x0 < MIN_BAR_WIDTH) x1 = x0 + MIN_BAR_WIDTH;
    }
  }
  const problems = entry.problems !== undefined && entry.problems.length > 0;
  const lead = problems ? PROBLEM_ROOM : 0;
  const date = dateLabel(entry);
  const tag = tagOf(entry);
  const natural = naturalWidth(entry);
  const rightRoom = room.maxX - (x1 + LABEL_GAP);
  const leftRoom = x0 - LABEL_GAP - lead - room.minX;
  const label: LabelBox = { x: 0, y: 0, anchor: 'start', date, title: entry.title, lines: [], width: 0, overdue: !!entry.overdue, notRecorded: !!entry.outcomeNotRecorded, inside: false };
  let extent: [number, number];
  const want = Math.min(natural, room.maxLabel);
  if (shape === 'span' && x1 - x0 - lead >= natural + 2 * LABEL_GAP) {
    // The whole label on one line inside its bar.
    Object.assign(label, wrapLabel(date, entry.title, tag, Infinity), { x: x0 + lead + LABEL_GAP, inside: true });
    extent = [x0, x1];
  } else {
    // Right when the label fits there as wide as it wants; else left if it fits there; else
    // wherever there is more room (so a label near the right edge is not squeezed into a
    // narrow column while the whole left of the drawing is empty).
    const side = rightRoom >= want ? 'right' : leftRoom >= want ? 'left' : rightRoom >= leftRoom ? 'right' : 'left';
    const wrapTo = Math.max(40, Math.min(room.maxLabel, side === 'right' ? rightRoom : leftRoom));
    Object.assign(label, balancedWrap(date, entry.title, tag, wrapTo));
    if (side === 'right') {
      label.x = x1 + LABEL_GAP;
      extent = [x0 - lead, x1 + LABEL_GAP + label.width];
    } else {
      Object.assign(label, { x: x0 - lead - LABEL_GAP, anchor: 'end' });
      extent = [x0 - lead - LABEL_GAP - label.width, x1];
    }
  }
  const box: EntryBox = { entry, shape, x0, x1, y: 0, row: 0, label, extent, top: 0, bottom: 0, ...(clipped ? { clipped } : {}), ...(problems ? { problem: { x: x0 - PROBLEM_ROOM / 2 - 1, y: 0 } } : {}) };
  if (problems && label.inside) box.problem = { x: x0 + PROBLEM_ROOM / 2 + 1, y: 0 };
  return box;
}

/**
 * Wrapped onto as few lines as `room` allows, with the lines about as even as that number of
 * lines allows, so a label does not end on one stranded word.
 */
function balancedWrap(date: string, title: string, tag: string | undefined, room: number): { lines: LabelLine[]; width: number } {
  const first = wrapLabel(date, title, tag, room);
  const count = first.lines.length;
  // Worth it only when the last line is short: most wrapped labels are already even enough.
  if (count < 2 || lineWidth(first.lines[count - 1]) > first.width * 0.6) return first;
  // A few widths from the even share of the whole label up; the first that needs no more lines.
  const natural = wrapLabel(date, title, tag, Infinity).width;
  for (const stretch of [1.08, 1.2, 1.4]) {
    const w = (natural / count) * stretch;
    if (w >= room) break;
    const even = wrapLabel(date, title, tag, Math.max(40, w));
    if (even.lines.length <= count) return even;
  }
  return first;
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
  if (layout.dated.some((b) => b.shape === 'span')) wanted.push({ kind: 'span', key: 'span', text: 'Dashed bar: the date is known only to a month, quarter, season, year or range' });
  if (model.entries.some((e) => e.overdue)) wanted.push({ kind: 'overdue', key: 'overdue', text: 'Overdue: the date has passed and it is not done' });
  if (model.entries.some((e) => e.outcomeNotRecorded)) wanted.push({ kind: 'not-recorded', key: 'not-recorded', text: 'Outcome not recorded: past, in a historical record' });
  if (model.entries.some((e) => e.problems?.length)) wanted.push({ kind: 'problem', key: 'problem', text: 'Problem: out of written order, or not a real date' });
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
