/**
 * Turns a complete point into the inclusive ISO interval it covers, or into the
 * reason it names no date at all.
 */
import { daysInMonth, formatIsoDate, lastDayOf, weekdayOf } from './calendar.js';
import type { Point } from './grammar.js';
import { MONTH_NAMES, WEEKDAY_NAMES, type Part, type Season } from './words.js';

export type Interval = { start: string; end: string } | { reason: string };

/** First and last month of each season (northern hemisphere, meteorological). */
const SEASON_MONTHS: Record<Season, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  winter: [12, 2],
};

/** Days of the month each part covers; `late` runs to the month's end. */
const PART_DAYS: Record<Part, [number, number | undefined]> = {
  early: [1, 10],
  mid: [11, 20],
  late: [21, undefined],
};

/** Months of the year each part covers: thirds of the year. */
const PART_MONTHS: Record<Part, [number, number]> = {
  early: [1, 4],
  mid: [5, 8],
  late: [9, 12],
};

function months(year: number, first: number, last: number): { start: string; end: string } {
  return { start: formatIsoDate(year, first, 1), end: lastDayOf(year, last) };
}

/**
 * The interval of `p`, undefined when `p` lacks its year (or a day its month).
 * `checkWeekday` is false when the year was not written but assumed: a weekday
 * that disagrees with our guess of the year is not the author's mistake.
 */
export function intervalOf(p: Point, checkWeekday: boolean): Interval | undefined {
  if (p.year === undefined) return undefined;
  const y = p.year;
  if (y < 1) return { reason: y === 0 ? 'there is no year 0' : `the year ${y} is before any record govmark reads (years from 1000)` };
  if (y < 1000) return { reason: `the year ${y} is before any record govmark reads (years from 1000)` };
  if (y > 9999) return { reason: `the year ${y} is after any record govmark reads (years to 9999)` };
  switch (p.kind) {
    case 'day': {
      if (p.month === undefined) return undefined;
      return dayInterval(y, p.month, p.day, checkWeekday ? p.weekday : undefined);
    }
    case 'month':
      if (p.month < 1 || p.month > 12) return { reason: `there is no month ${p.month}` };
      return months(y, p.month, p.month);
    case 'year':
      return months(y, 1, 12);
    case 'quarter':
      if (p.quarter < 1 || p.quarter > 4) return { reason: `there is no quarter ${p.quarter} (a year has four, Q1–Q4)` };
      return months(y, p.quarter * 3 - 2, p.quarter * 3);
    case 'half-year':
      if (p.half < 1 || p.half > 2) return { reason: `there is no half ${p.half} (a year has two, H1 and H2)` };
      return months(y, p.half * 6 - 5, p.half * 6);
    case 'season': {
      const [first, last] = SEASON_MONTHS[p.season];
      // Winter 2022 is December 2022 to February 2023: the year names its start.
      return last < first
        ? { start: formatIsoDate(y, first, 1), end: lastDayOf(y + 1, last) }
        : months(y, first, last);
    }
    case 'financial-year':
      return { start: formatIsoDate(y, 4, 1), end: formatIsoDate(y + 1, 3, 31) };
    case 'part-of-month': {
      const [first, last] = PART_DAYS[p.part];
      return {
        start: formatIsoDate(y, p.month, first),
        end: formatIsoDate(y, p.month, last ?? daysInMonth(y, p.month)),
      };
    }
    case 'part-of-year':
      return months(y, ...PART_MONTHS[p.part]);
  }
}

function dayInterval(y: number, m: number, d: number, weekday: number | undefined): Interval {
  if (m < 1 || m > 12) return { reason: `there is no month ${m}` };
  const name = `${MONTH_NAMES[m - 1]} ${y}`;
  if (d < 1) return { reason: `there is no day ${d} in ${name}` };
  const days = daysInMonth(y, m);
  if (d > days) return { reason: `${name} has ${days} days` };
  if (weekday !== undefined) {
    const actual = weekdayOf(y, m, d);
    if (actual !== weekday) {
      return { reason: `${d} ${name} is a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[weekday]}` };
    }
  }
  const iso = formatIsoDate(y, m, d);
  return { start: iso, end: iso };
}
