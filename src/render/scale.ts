/**
 * The time axis: which days the drawing covers, where a day falls in pixels,
 * and the ticks. Days are counted as integers (days since 1970-01-01), so a
 * span's width is exact: a quarter is about three times a month.
 *
 * Ticks follow the room there is: days when a day gets at least MIN_DAY_PX
 * pixels, weeks when a week gets MIN_WEEK_PX, months when a month gets at
 * least MIN_MONTH_PX pixels, else quarters, else years (every 1, 2, 5, 10...
 * years: decades and centuries for long spans). The whole drawing is widened
 * to whole ticks; a zoomed view (`createViewScale`) shows exactly the days asked.
 */
import { civilFromDays, daysFromCivil, isoToDays } from '../core/dates/calendar.js';

export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

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
/** A day label ("21") needs this much room. */
export const MIN_DAY_PX = 22;
/** A week label ("21 Sep") needs this much room. */
export const MIN_WEEK_PX = 48;
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
  // A month or so: days or weeks, if they fit, over the same whole months.
  if (unit === 'month' && to - from <= 3) {
    const fine = fineUnit(width / (daysOfMonthIndex(to) - daysOfMonthIndex(from)));
    if (fine) return createViewScale(daysOfMonthIndex(from), daysOfMonthIndex(to) - 1, left, right);
  }

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

function fineUnit(pxPerDay: number): 'day' | 'week' | undefined {
  if (pxPerDay >= MIN_DAY_PX) return 'day';
  if (pxPerDay * 7 >= MIN_WEEK_PX) return 'week';
  return undefined;
}

/**
 * A scale over exactly [firstDay, lastDay] (a zoomed or panned view), its
 * unit chosen from how many pixels a day gets: days, weeks, months,
 * quarters, years, decades. Ticks and labels only where they fall inside.
 */
export function createViewScale(firstDay: number, lastDay: number, left: number, right: number): TimeScale {
  const width = Math.max(1, right - left);
  const startDays = Math.floor(firstDay);
  const endDays = Math.max(startDays + 1, Math.ceil(lastDay) + 1);
  const pxPerDay = width / (endDays - startDays);
  const x = (days: number) => left + (days - startDays) * pxPerDay;
  const ticks: Tick[] = [];
  const labels: AxisLabel[] = [];
  const yearLabels: AxisLabel[] = [];
  const fine = fineUnit(pxPerDay);
  const pxPerMonth = pxPerDay * 30.44;
  let unit: TickUnit;
  let step = 1;
  if (fine) unit = fine;
  else if (pxPerMonth >= MIN_MONTH_PX) unit = 'month';
  else if (pxPerMonth * 3 >= MIN_LABEL_PX) unit = 'quarter';
  else {
    unit = 'year';
    step = YEAR_STEPS.find((s) => pxPerMonth * 12 * s >= MIN_LABEL_PX) ?? YEAR_STEPS[YEAR_STEPS.length - 1];
  }
  const centred = (a: number, b: number, text: string) => {
    const from = Math.max(x(a), left);
    const to = Math.min(x(b), right);
    if (to - from >= Math.min(MIN_LABEL_PX, pxPerDay * (b - a)) * 0.6) labels.push({ x: (from + to) / 2, text, anchor: 'middle' });
  };
  if (unit === 'day' || unit === 'week') {
    let d = startDays;
    if (unit === 'week') while ((d % 7 + 7 + 3) % 7 !== 0) d++; // 1970-01-01 was a Thursday: Mondays are days ≡ 4 (mod 7)
    for (; d <= endDays; d += unit === 'day' ? 1 : 7) {
      const c = civilFromDays(d);
      ticks.push({ x: x(d), days: d, major: c.day === 1 });
      if (d === endDays) break;
      if (unit === 'day') centred(d, d + 1, String(c.day));
      else labels.push({ x: x(d) + 3, text: `${c.day} ${MONTHS[c.month - 1]}`, anchor: 'start' });
    }
    // Months (with their year) named where they start, or at the left edge.
    for (let m = monthIndex(startDays); daysOfMonthIndex(m) < endDays; m++) {
      const at = Math.max(x(daysOfMonthIndex(m)), left);
      const next = Math.min(x(daysOfMonthIndex(m + 1)), right);
      if (next - at < 60 && next < right) continue;
      yearLabels.push({ x: at + 3, text: `${MONTHS[m % 12]} ${Math.floor(m / 12)}`, anchor: 'start' });
    }
  } else {
    const size = unitMonths(unit, step);
    const first = Math.floor(monthIndex(startDays) / size) * size;
    for (let m = first; daysOfMonthIndex(m) <= endDays; m += size) {
      const days = daysOfMonthIndex(m);
      const nextDays = daysOfMonthIndex(m + size);
      if (days >= startDays) ticks.push({ x: x(days), days, major: m % 12 === 0 });
      if (nextDays <= startDays) continue;
      if (days >= endDays) break;
      const year = Math.floor(m / 12);
      if (unit === 'month') centred(days, nextDays, MONTHS[m % 12]);
      else if (unit === 'quarter') centred(days, nextDays, `Q${Math.floor((m % 12) / 3) + 1}`);
      else if (step === 1) centred(days, nextDays, String(year));
      else if (days >= startDays) labels.push({ x: x(days) + 3, text: step >= 10 && year % 10 === 0 ? `${year}s` : String(year), anchor: 'start' });
    }
    if (unit !== 'year') {
      for (let y = Math.floor(monthIndex(startDays) / 12); daysFromCivil(y, 1, 1) < endDays; y++) {
        const at = Math.max(x(daysFromCivil(y, 1, 1)), left);
        const next = Math.min(x(daysFromCivil(y + 1, 1, 1)), right);
        if (next - at < MIN_LABEL_PX && next < right) continue;
        yearLabels.push({ x: at + 3, text: String(y), anchor: 'start' });
      }
    }
  }
  return { startDays, endDays, left, right, unit, step, ticks, labels, yearLabels, x, pxPerDay };
}
