/**
 * The time axis: which days the drawing covers, where a day falls in pixels,
 * and the ticks. Days are counted as integers (days since 1970-01-01), so a
 * span's width is exact: a quarter is about three times a month.
 *
 * Ticks follow the room there is: months when a month gets at least
 * MIN_MONTH_PX pixels, else quarters, else years (every 1, 2, 5, 10... years).
 */
import { civilFromDays, daysFromCivil, isoToDays } from '../core/dates/calendar.js';

export type TickUnit = 'month' | 'quarter' | 'year';

export interface Tick {
  /** Pixel position of the boundary. */
  x: number;
  /** Days of the boundary. */
  days: number;
  /** A year boundary: drawn stronger. */
  major: boolean;
}

export interface AxisLabel {
  x: number;
  text: string;
  /** `middle` labels an interval, centred in it. */
  anchor: 'start' | 'middle';
}

export interface TimeScale {
  /** First day drawn (inclusive) and the day after the last (exclusive). */
  startDays: number;
  endDays: number;
  /** Pixel extent of the plot. */
  left: number;
  right: number;
  unit: TickUnit;
  /** Years per tick in `year` units. */
  step: number;
  ticks: Tick[];
  /** Month, quarter or year names under the ticks. */
  labels: AxisLabel[];
  /** Year names above month and quarter labels. */
  yearLabels: AxisLabel[];
  /** Pixel position of the start of a day. */
  x(days: number): number;
  pxPerDay: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Below this many pixels a month label ("Sep") no longer fits. */
export const MIN_MONTH_PX = 30;
/** Below this many pixels a quarter or year label no longer fits. */
const MIN_LABEL_PX = 36;
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export function daysOf(iso: string): number | undefined {
  return isoToDays(iso);
}

/** Month index (year × 12 + month − 1) of a day. */
function monthIndex(days: number): number {
  const d = civilFromDays(days);
  return d.year * 12 + d.month - 1;
}

function unitMonths(unit: TickUnit, step: number): number {
  return unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12 * step;
}

function daysOfMonthIndex(m: number): number {
  return daysFromCivil(Math.floor(m / 12), (m % 12) + 1, 1);
}

/**
 * A scale over [firstDay, lastDay] (inclusive), widened to whole ticks,
 * drawn between `left` and `right` pixels.
 */
export function createScale(firstDay: number, lastDay: number, left: number, right: number): TimeScale {
  const width = Math.max(1, right - left);
  const firstMonth = monthIndex(firstDay);
  const lastMonth = monthIndex(lastDay);
  // Choose the unit on whole months, then widen to that unit; widening can
  // only make each month narrower, so check again once.
  let unit: TickUnit = 'month';
  let step = 1;
  let from = firstMonth;
  let to = lastMonth + 1;
  for (let pass = 0; pass < 2; pass++) {
    const pxPerMonth = width / (to - from);
    if (pxPerMonth >= MIN_MONTH_PX && unit === 'month') {
      // months fit
    } else if (pxPerMonth * 3 >= MIN_LABEL_PX && unit !== 'year') {
      unit = 'quarter';
    } else {
      unit = 'year';
      step = YEAR_STEPS.find((s) => pxPerMonth * 12 * s >= MIN_LABEL_PX) ?? YEAR_STEPS[YEAR_STEPS.length - 1];
    }
    const size = unitMonths(unit, step);
    from = Math.floor(firstMonth / size) * size;
    to = Math.ceil((lastMonth + 1) / size) * size;
  }
  const size = unitMonths(unit, step);

  const startDays = daysOfMonthIndex(from);
  const endDays = daysOfMonthIndex(to);
  const pxPerDay = width / (endDays - startDays);
  const x = (days: number) => left + (days - startDays) * pxPerDay;

  const ticks: Tick[] = [];
  const labels: AxisLabel[] = [];
  for (let m = from; m <= to; m += size) {
    const days = daysOfMonthIndex(m);
    ticks.push({ x: x(days), days, major: m % 12 === 0 });
    if (m === to) break;
    const next = x(daysOfMonthIndex(m + size));
    const year = Math.floor(m / 12);
    if (unit === 'month') labels.push({ x: (x(days) + next) / 2, text: MONTHS[m % 12], anchor: 'middle' });
    else if (unit === 'quarter') labels.push({ x: (x(days) + next) / 2, text: `Q${Math.floor((m % 12) / 3) + 1}`, anchor: 'middle' });
    else if (step === 1) labels.push({ x: (x(days) + next) / 2, text: String(year), anchor: 'middle' });
    else labels.push({ x: x(days) + 3, text: String(year), anchor: 'start' });
  }

  const yearLabels: AxisLabel[] = [];
  if (unit !== 'year') {
    // Each year named where it starts (or at the left edge for the first one).
    // A first year with too little room left before the next is not named.
    for (let y = Math.floor(from / 12); y * 12 < to; y++) {
      const at = Math.max(x(daysFromCivil(y, 1, 1)), left);
      const next = x(daysFromCivil(y + 1, 1, 1));
      if (next - at < MIN_LABEL_PX && next < right) continue;
      yearLabels.push({ x: at + 3, text: String(y), anchor: 'start' });
    }
  }
  return { startDays, endDays, left, right, unit, step, ticks, labels, yearLabels, x, pxPerDay };
}
