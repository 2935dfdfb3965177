/**
 * The one date parser: a whole string, or a token sequence, to a `FuzzyDate`.
 */
import { expectArgument } from '../arguments.js';
import type { DatePrecision, FuzzyDate } from '../model.js';
import { formatIsoDate, isValidCalendarDate, weekdayOf } from './calendar.js';
import { formatShortDate } from './describe.js';
import { readPoint, readRangeEnd, isPlaceholderAt, type Point } from './grammar.js';
import { intervalOf, type Interval } from './interval.js';
import { tokenize, type Token } from './tokens.js';
import { PLACEHOLDERS } from './words.js';

export interface DateOptions {
  /**
   * The year for dates written without one (`November 2`, `Tuesday, July 9`),
   * e.g. from the document's folder or meeting date. Without it such text is
   * not read as a date, since guessing the year silently would mislead.
   */
  referenceYear?: number;
  /**
   * With `referenceYear`: a weekday written with a year-less day picks the year,
   * of the reference year and the years either side, in which the day falls on
   * that weekday (`Monday, December 2` in a 2025 schedule is 2024-12-02). Without
   * a match the reference year stands.
   */
  yearFromWeekday?: boolean;
  /**
   * With `referenceYear`: the ISO date a year-less day (with no weekday that
   * chose its year) may not fall before; such a day takes the next year, as in a
   * schedule that runs `December 2`, `January 31`.
   */
  notBefore?: string;
}

/** No real date expression is longer; longer text is rejected before any work. */
export const MAX_DATE_LENGTH = 100;
/** Nor has more tokens (`Wednesday, 10th of September, 2025 – Thursday, …` has 15). */
export const MAX_DATE_TOKENS = 24;

/** What the tokens say, before it is attached to the text it came from. */
export interface Reading {
  precision: DatePrecision;
  start?: string;
  end?: string;
  /** Why the text names no date (after "<text> is not a date: "). */
  invalid?: string;
}

const PRECISION: Record<Point['kind'], DatePrecision> = {
  day: 'day',
  month: 'month',
  year: 'year',
  quarter: 'quarter',
  'half-year': 'half-year',
  season: 'season',
  'financial-year': 'financial-year',
  'part-of-month': 'part-of-month',
  // "early 2022" covers four months: nothing finer than a range describes it.
  'part-of-year': 'range',
};

function usableYear(options: DateOptions | undefined): number | undefined {
  const y = options?.referenceYear;
  return y !== undefined && Number.isInteger(y) && y >= 1000 && y <= 9999 ? y : undefined;
}

function withYear(p: Point, year: number): Point {
  return { ...p, year } as Point;
}

function reading(precision: DatePrecision, interval: Interval): Reading {
  return 'reason' in interval ? { precision, invalid: interval.reason } : { precision, ...interval };
}

/** The year a year-less day takes: the reference year, or one its weekday or `notBefore` chooses. */
function assumedYear(day: number, month: number, weekday: number | undefined, referenceYear: number, options: DateOptions | undefined): number {
  if (options?.yearFromWeekday && weekday !== undefined) {
    for (const y of [referenceYear, referenceYear - 1, referenceYear + 1]) {
      if (isValidCalendarDate(y, month, day) && weekdayOf(y, month, day) === weekday) return y;
    }
  }
  const floor = options?.notBefore;
  if (floor !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(floor) && formatIsoDate(referenceYear, month, day) < floor) {
    // The day after the floor: the floor's year, or the next when the day comes earlier in the year.
    const y = Number(floor.slice(0, 4));
    const next = formatIsoDate(y, month, day) < floor ? y + 1 : y;
    if (next > referenceYear && next <= referenceYear + 1) return next;
  }
  return referenceYear;
}

/** A point standing alone must be complete; only a day may take the reference year. */
function readAlone(p: Point, referenceYear: number | undefined, options?: DateOptions): Reading | undefined {
  let assumed = false;
  if (p.kind === 'day' && p.year === undefined && p.month !== undefined && referenceYear !== undefined) {
    p = withYear(p, assumedYear(p.day, p.month, p.weekday, referenceYear, options));
    assumed = true;
  }
  const interval = intervalOf(p, !assumed);
  return interval && reading(PRECISION[p.kind], interval);
}

/**
 * `left – right`. The left half borrows what it leaves out from the right
 * (`30 March – 2 April 2021`, `1-4 April 2025`); the right borrows only a month,
 * and only after a month-first left (`May 16-20 2022`), so that
 * `2021-09-21 - 22 people` is not read as a range.
 */
function readRange(left: Point, right: Point, slash: boolean, referenceYear: number | undefined): Reading | undefined {
  if (right.kind === 'day' && right.month === undefined) {
    // `May 16/17` reads as "16 or 17" as much as "16 to 17": only dashes and "to" make it a range.
    if (slash || left.kind !== 'day' || !left.monthFirst || left.month === undefined) return undefined;
    right = { ...right, month: left.month };
  }
  let assumed = false;
  if (right.year === undefined) {
    // `Monday 13 January 2025 – Friday 17 January`; but `2021–March` is no range.
    if (left.year !== undefined && left.kind === right.kind) right = withYear(right, left.year);
    // As for a point alone, only days take the reference year: `March–Winter` stays no date.
    else if (referenceYear !== undefined && right.kind === 'day') {
      right = withYear(right, referenceYear);
      assumed = true;
    } else return undefined;
  }
  const ownPeriod = !(left.kind === 'day' && left.month === undefined);
  if (left.kind === 'day' && left.month === undefined) {
    if (right.kind !== 'day') return undefined;
    left = { ...left, month: right.month };
  }
  const b = intervalOf(right, !assumed);
  if (!b) return undefined;
  if ('reason' in b) return reading('range', b);
  if (left.year === undefined) {
    left = withYear(left, right.year as number);
    // `December/January 2022`, `30 December – 2 January 2022`: the left half is
    // in the year before. Decided without the weekday, which only fits the right year.
    const plain = intervalOf(left, false);
    if (ownPeriod && plain && 'start' in plain && plain.start > b.start) {
      // Only across a year end (a few months at most): `March/February 2021` is not March 2020 to February
      // 2021 but a range written backwards, reported as such.
      const before = withYear(left, (left.year as number) - 1);
      const earlier = intervalOf(before, false);
      if (earlier && 'start' in earlier && (Date.parse(b.end) - Date.parse(earlier.start)) / 86_400_000 <= MAX_WRAP_DAYS) left = before;
    }
  }
  const a = intervalOf(left, !assumed);
  if (!a) return undefined;
  if ('reason' in a) return reading('range', a);
  if (a.start > b.end) {
    return {
      precision: 'range',
      invalid: `it ends on ${formatShortDate(b.end)}, before it starts on ${formatShortDate(a.start)}`,
    };
  }
  return { precision: 'range', start: a.start, end: b.end };
}

/** How long a range whose first half borrows the year before may be: half a year (`October–March 2022` is a winter). */
const MAX_WRAP_DAYS = 185;

function separatorAt(ts: readonly Token[], i: number, startsWithWord: boolean): number | undefined {
  const t = ts[i] as Token | undefined;
  if (!t) return undefined;
  if (t.kind === 'dash' || (t.kind === 'word' && t.text === 'to')) return i + 1;
  // A slash joins named periods (`March/April 2021`); between numbers it is a
  // financial year or an ambiguous M/D date, never a range.
  if (t.kind === 'slash' && startsWithWord) return i + 1;
  return undefined;
}

/** Reads `ts` as one date expression, all of it, or returns undefined. */
export function readTokens(ts: readonly Token[], options?: DateOptions): Reading | undefined {
  if (ts.length === 0 || ts.length > MAX_DATE_TOKENS) return undefined;
  if (PLACEHOLDERS.some((words) => isPlaceholderAt(ts, words))) return { precision: 'unknown' };
  const referenceYear = usableYear(options);
  const left = readPoint(ts, 0);
  if (!left) return undefined;
  if (left.next === ts.length) return readAlone(left.value, referenceYear, options);
  const afterSeparator = separatorAt(ts, left.next, ts[0].kind === 'word');
  if (afterSeparator === undefined) return undefined;
  const right = readRangeEnd(ts, afterSeparator);
  if (!right || right.next !== ts.length) return undefined;
  return readRange(left.value, right.value, ts[left.next].kind === 'slash', referenceYear);
}

/** The `FuzzyDate` for `text` (kept as given) from what its trimmed form `shown` reads as. */
export function toFuzzyDate(text: string, shown: string, r: Reading): FuzzyDate {
  const date: FuzzyDate = { text, precision: r.precision };
  if (r.start !== undefined) date.start = r.start;
  if (r.end !== undefined) date.end = r.end;
  if (r.invalid !== undefined) date.invalid = `${shown} is not a date: ${r.invalid}`;
  return date;
}

/**
 * Parses `text` when all of it (trimmed, any case) is a date expression;
 * undefined when it is not one. Impossible dates (`30 February 2022`) come back
 * with `invalid` set and no start or end.
 */
export function parseFuzzyDate(text: string, options?: DateOptions): FuzzyDate | undefined {
  expectArgument(typeof text === 'string', 'parseFuzzyDate', 'text', 'a string (the date as written)', text);
  const shown = text.trim();
  if (shown.length === 0 || shown.length > MAX_DATE_LENGTH) return undefined;
  const r = readTokens(tokenize(shown, 0, shown.length, MAX_DATE_TOKENS + 1), options);
  return r && toFuzzyDate(text, shown, r);
}
