/**
 * Reads one date "point" (a day, month, quarter, season…) from tokens.
 *
 * A point may be incomplete — `30 March`, `1st`, `Q1`, `March` — because the
 * first half of a range borrows what it leaves out from the second half
 * (`30 March – 2 April 2021`, `1-4 April 2025`). parse.ts decides whether an
 * incomplete point is acceptable where it stands.
 *
 * Each reader looks at a fixed number of tokens and returns the index after
 * what it read, so a whole parse touches each token a bounded number of times.
 */
import type { Token } from './tokens.js';
import {
  isMonthAbbreviation,
  isWeekdayAbbreviation,
  monthNumber,
  partOf,
  seasonOf,
  weekdayNumber,
  type Part,
  type Season,
} from './words.js';

export type Point =
  | { kind: 'day'; year?: number; month?: number; day: number; weekday?: number; monthFirst: boolean }
  | { kind: 'month'; year?: number; month: number }
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year?: number; quarter: number }
  | { kind: 'half-year'; year?: number; half: number }
  | { kind: 'season'; year?: number; season: Season }
  | { kind: 'financial-year'; year: number }
  | { kind: 'part-of-month'; year?: number; month: number; part: Part }
  | { kind: 'part-of-year'; year: number; part: Part };

export interface Read<T> {
  value: T;
  /** Index of the first token not read. */
  next: number;
}

type Tokens = readonly Token[];

const SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
/** The words (and ordinals) that name a half of a year before `half`. */
const HALVES = new Map([
  ['first', 1],
  ['former', 1],
  ['1', 1],
  ['second', 2],
  ['latter', 2],
  ['2', 2],
]);

function at(ts: Tokens, i: number): Token | undefined {
  return ts[i];
}

/** The token at `i`, if it touches the one before (no whitespace between). */
function glued(ts: Tokens, i: number): Token | undefined {
  const t = at(ts, i);
  return t && !t.spaced ? t : undefined;
}

/**
 * The token at `i` is set apart from the one before by whitespace or punctuation.
 * Words and numbers must be (`Nov 22`, not `Nov22`, which may mean 2022), except
 * in the glued forms that are written that way: `Q1`, `H2`, `2024H2`, `FY2021/22`.
 */
function separated(ts: Tokens, i: number): boolean {
  const t = at(ts, i);
  const before = at(ts, i - 1);
  if (!t) return false;
  return t.spaced || !before || (before.kind !== 'num' && before.kind !== 'word');
}

/**
 * `0000-01-01`, `0999-12-31`: the ISO shape of a day whose year is below 1000. Read as that year so that it is
 * reported as no date (`there is no year 0`), never passed over in silence.
 */
function isEarlyIsoDay(ts: Tokens, i: number): boolean {
  const t = at(ts, i);
  if (!t || t.kind !== 'num' || t.text.length !== 4 || t.ordinal || t.value >= 1000) return false;
  const d1 = glued(ts, i + 1);
  const d2 = glued(ts, i + 3);
  return d1?.kind === 'dash' && d1.text === '-' && twoDigits(glued(ts, i + 2)) && d2?.kind === 'dash' && d2.text === '-' && twoDigits(glued(ts, i + 4));
}

/** Four digits in an ISO shape (`1066-10-14`) are a year whatever their value. */
function isYear(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'num' && t.text.length === 4 && !t.ordinal && t.value >= 1000;
}

/**
 * Four digits on their own or after words must also be a plausible year for a
 * governance document: in `Friday 26 July 1400 UTC` or `**1057: ProgPOW**` they
 * are a time and a proposal number.
 */
export const PLAUSIBLE_YEARS = { min: 1800, max: 2199 };

function isPlausibleYear(t: Token | undefined): boolean {
  return isYear(t) && (t as Token).value >= PLAUSIBLE_YEARS.min && (t as Token).value <= PLAUSIBLE_YEARS.max;
}

function isWord(t: Token | undefined, word: string): boolean {
  return t !== undefined && t.kind === 'word' && t.text === word;
}

/**
 * A year no record has, written where a day's or month's year goes: `1 Jan -5000`, `March 99999`. Read
 * as that year so that it is reported as no date, never as `1 Jan` of the context's year with the rest
 * left over. A minus must touch its digits and be set apart from the month (`1 Jan - 5 Feb` is a range).
 */
function impossibleYear(ts: Tokens, i: number): Read<number> | undefined {
  const t = at(ts, i);
  if (!t || !separated(ts, i)) return undefined;
  if (t.kind === 'num' && !t.ordinal && t.text.length >= 5) return { value: t.value, next: i + 1 };
  const digits = glued(ts, i + 1);
  if (t.kind === 'dash' && t.spaced && digits?.kind === 'num' && !digits.ordinal && digits.text.length >= 3 && !glued(ts, i + 2)) {
    return { value: -digits.value, next: i + 2 };
  }
  return undefined;
}

/** `2021`, or `, 2021` (as in `November 2, 2021`); reads nothing when no year follows. */
function optionalYear(ts: Tokens, i: number): Read<number | undefined> {
  const t = at(ts, i);
  if (isPlausibleYear(t) && separated(ts, i)) return { value: (t as Token).value, next: i + 1 };
  const impossible = impossibleYear(ts, i);
  if (impossible) return impossible;
  const after = at(ts, i + 1);
  if (t?.kind === 'comma' && isPlausibleYear(after)) return { value: (after as Token).value, next: i + 2 };
  return { value: undefined, next: i };
}

function monthAt(ts: Tokens, i: number): Read<number> | undefined {
  const t = at(ts, i);
  const month = t?.kind === 'word' ? monthNumber(t.text) : undefined;
  if (!t || month === undefined) return undefined;
  const abbreviated = isMonthAbbreviation(t.text) && glued(ts, i + 1)?.kind === 'dot';
  return { value: month, next: abbreviated ? i + 2 : i + 1 };
}

/**
 * A UK financial year written as `2021/22`, `2021-22`, `2021–22` or `2021/2022`:
 * the second part must be the following year, otherwise it is not one.
 */
export function financialYearAt(ts: Tokens, i: number): Read<number> | undefined {
  const first = at(ts, i);
  const sep = glued(ts, i + 1);
  const second = glued(ts, i + 2);
  if (!first || !isPlausibleYear(first) || !sep || !second || second.kind !== 'num' || second.ordinal) return undefined;
  if (sep.kind !== 'slash' && sep.kind !== 'dash') return undefined;
  const y = first.value;
  const follows =
    (second.text.length === 2 && second.value === (y + 1) % 100) || (second.text.length === 4 && second.value === y + 1);
  // `2021-2022` with a hyphen reads as two calendar years, a range; only `/` joins four-digit pairs.
  if (!follows || (second.text.length === 4 && sep.kind !== 'slash')) return undefined;
  return { value: y, next: i + 3 };
}

function twoDigits(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'num' && t.text.length === 2 && !t.ordinal;
}

function oneOrTwoDigits(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'num' && t.text.length <= 2 && !t.ordinal;
}

/** Points that begin with a four-digit year: ISO forms, financial years, `2022 Q1`, `2024H2`, `2021`. */
function yearFirst(ts: Tokens, i: number): Read<Point> | undefined {
  const year = at(ts, i) as Token;
  const y = year.value;
  const sep = glued(ts, i + 1);
  const second = glued(ts, i + 2);
  const hyphen = sep?.kind === 'dash' && sep.text === '-';
  if (hyphen && twoDigits(second)) {
    const third = glued(ts, i + 4);
    if (glued(ts, i + 3)?.text === '-' && twoDigits(third)) {
      // ISO date, maybe with a time that we read and drop: the written day is the date.
      const next = glued(ts, i + 5)?.kind === 'time' ? i + 6 : i + 5;
      return { value: { kind: 'day', year: y, month: second.value, day: third.value, monthFirst: false }, next };
    }
    // `2021-11` is a month even though `2011-12` could also be a financial year:
    // ISO wins for the hyphen; authors can write `2011/12` or `2011–12` for the year.
    if (second.value >= 1 && second.value <= 12) {
      return { value: { kind: 'month', year: y, month: second.value }, next: i + 3 };
    }
  }
  const fy = financialYearAt(ts, i);
  if (fy) return { value: { kind: 'financial-year', year: fy.value }, next: fy.next };
  if (sep?.kind === 'slash' && oneOrTwoDigits(second) && glued(ts, i + 3)?.kind === 'slash') {
    const third = glued(ts, i + 4);
    if (oneOrTwoDigits(third)) {
      return { value: { kind: 'day', year: y, month: second.value, day: third.value, monthFirst: false }, next: i + 5 };
    }
  }
  if (hyphen && twoDigits(second)) {
    // `2021-13`: shaped like an ISO month, so report it as an impossible one.
    return { value: { kind: 'month', year: y, month: second.value }, next: i + 3 };
  }
  if (!isPlausibleYear(year)) return undefined;
  const letter = at(ts, i + 1);
  const digit = glued(ts, i + 2);
  if (letter?.kind === 'word' && (letter.text === 'q' || letter.text === 'h') && digit) {
    const period = periodNumber(letter.text, digit);
    if (period) return { value: { ...period, year: y }, next: i + 3 };
  }
  return { value: { kind: 'year', year: y }, next: i + 1 };
}

/** `Q1`…`Q4`, `H1`, `H2`; `Q5`, `Q0` and `H3` too, so that with a year they are reported as no date. */
function periodNumber(letter: string, t: Token): Point | undefined {
  if (t.kind !== 'num' || t.text.length !== 1 || t.ordinal) return undefined;
  if (letter === 'q') return { kind: 'quarter', quarter: t.value };
  if (letter === 'h') return { kind: 'half-year', half: t.value };
  return undefined;
}

/** `2 November 2021`, `2nd of November, 2021`, `30 March`, or a bare `1st`. */
function dayFirst(ts: Tokens, i: number): Read<Point> | undefined {
  const t = at(ts, i) as Token;
  if (t.text.length > 2) return undefined;
  // `14 th January`: an ordinal suffix set apart from its number, when a month follows.
  const suffix = at(ts, i + 1);
  const apart = !t.ordinal && suffix?.kind === 'word' && SUFFIXES.has(suffix.text) && at(ts, i + 2)?.kind === 'word';
  const after = apart && monthAt(ts, i + 2) ? i + 2 : i + 1;
  const of = isWord(at(ts, after), 'of') ? after + 1 : after;
  const month = separated(ts, of) ? monthAt(ts, of) : undefined;
  if (!month) return { value: { kind: 'day', day: t.value, monthFirst: false }, next: i + 1 };
  const year = optionalYear(ts, month.next);
  return {
    value: { kind: 'day', year: year.value, month: month.value, day: t.value, monthFirst: false },
    next: year.next,
  };
}

/** `November 2, 2021`, `Nov 2021`, `May 16`, or a bare `March`. */
function monthFirst(ts: Tokens, i: number): Read<Point> | undefined {
  const month = monthAt(ts, i);
  if (!month) return undefined;
  const t = at(ts, month.next);
  if (t?.kind === 'num' && t.text.length <= 2 && separated(ts, month.next)) {
    const year = optionalYear(ts, month.next + 1);
    return {
      value: { kind: 'day', year: year.value, month: month.value, day: t.value, monthFirst: true },
      next: year.next,
    };
  }
  const year = optionalYear(ts, month.next);
  return { value: { kind: 'month', year: year.value, month: month.value }, next: year.next };
}

/** `Tuesday, 2 November 2021`, `Monday 13th January 2025`, `Tue Nov 2`, `Friday 4th`. */
function weekdayFirst(ts: Tokens, i: number): Read<Point> | undefined {
  const t = at(ts, i) as Token;
  const weekday = weekdayNumber(t.text);
  if (weekday === undefined) return undefined;
  let j = i + 1;
  if (isWeekdayAbbreviation(t.text) && glued(ts, j)?.kind === 'dot') j++;
  if (at(ts, j)?.kind === 'comma') j++;
  if (!separated(ts, j)) return undefined;
  const day = at(ts, j)?.kind === 'num' ? dayFirst(ts, j) : monthFirst(ts, j);
  if (!day || day.value.kind !== 'day') return undefined;
  return { value: { ...day.value, weekday }, next: day.next };
}

/** `Q1 2022`, `H2 2024`, or `Q1` alone (the start of `Q1–Q2 2022`). */
function periodFirst(ts: Tokens, i: number): Read<Point> | undefined {
  const letter = at(ts, i) as Token;
  const digit = glued(ts, i + 1);
  const period = digit && periodNumber(letter.text, digit);
  if (!period) return undefined;
  const year = optionalYear(ts, i + 2);
  return { value: { ...period, year: year.value }, next: year.next } as Read<Point>;
}

/**
 * `Spring 2022`. Seasons are the northern hemisphere's meteorological ones
 * (spring March–May …), as UK governance documents mean them. Winter straddles
 * the new year, so `Winter 2022/23` is accepted as well as `Winter 2022`.
 */
function seasonFirst(ts: Tokens, i: number): Read<Point> | undefined {
  const season = seasonOf((at(ts, i) as Token).text);
  if (!season) return undefined;
  const fy = season === 'winter' ? financialYearAt(ts, i + 1) : undefined;
  if (fy) return { value: { kind: 'season', season, year: fy.value }, next: fy.next };
  const year = optionalYear(ts, i + 1);
  return { value: { kind: 'season', season, year: year.value }, next: year.next };
}

/** `early September 2021`, `mid-September`, `late 2022`. */
function partFirst(ts: Tokens, i: number): Read<Point> | undefined {
  const part = partOf((at(ts, i) as Token).text);
  if (!part) return undefined;
  const j = glued(ts, i + 1)?.kind === 'dash' ? i + 2 : i + 1;
  const month = monthAt(ts, j);
  if (month) {
    const year = optionalYear(ts, month.next);
    return { value: { kind: 'part-of-month', part, month: month.value, year: year.value }, next: year.next };
  }
  const year = at(ts, j);
  if (!year || !isPlausibleYear(year) || !separated(ts, j)) return undefined;
  return { value: { kind: 'part-of-year', part, year: year.value }, next: j + 1 };
}

/** `first half of 2025`, `latter half of 2025`, `2nd half 2024`: a half-year. */
function halfFirst(ts: Tokens, i: number): Read<Point> | undefined {
  const t = at(ts, i) as Token;
  const half = HALVES.get(t.kind === 'num' && t.ordinal ? t.text : t.text);
  if (half === undefined || (t.kind === 'num' && !t.ordinal) || !isWord(at(ts, i + 1), 'half')) return undefined;
  const j = isWord(at(ts, i + 2), 'of') ? i + 3 : i + 2;
  const year = optionalYear(ts, j);
  if (year.value === undefined) return undefined;
  return { value: { kind: 'half-year', half, year: year.value }, next: year.next };
}

/** `FY2021/22`, `FY 2021-22`. With the prefix, `FY2011-12` is a year, not December. */
function financialFirst(ts: Tokens, i: number): Read<Point> | undefined {
  if (!isWord(at(ts, i), 'fy')) return undefined;
  const fy = financialYearAt(ts, i + 1);
  return fy && { value: { kind: 'financial-year', year: fy.value }, next: fy.next };
}

/** The point starting at token `i`, read as far as it goes. */
export function readPoint(ts: Tokens, i: number): Read<Point> | undefined {
  const t = at(ts, i);
  if (!t) return undefined;
  if (t.kind === 'num') {
    if (t.ordinal) return halfFirst(ts, i) ?? dayFirst(ts, i);
    if (isYear(t) || isEarlyIsoDay(ts, i)) return yearFirst(ts, i);
    return t.text.length <= 2 ? dayFirst(ts, i) : undefined;
  }
  if (t.kind !== 'word') return undefined;
  return (
    monthFirst(ts, i) ??
    weekdayFirst(ts, i) ??
    periodFirst(ts, i) ??
    seasonFirst(ts, i) ??
    partFirst(ts, i) ??
    halfFirst(ts, i) ??
    financialFirst(ts, i)
  );
}

/**
 * The second half of a range. Beyond a point, it may be a bare day with a year
 * (`20 2022` in `May 16-20 2022`), which takes its month from the first half.
 */
export function readRangeEnd(ts: Tokens, i: number): Read<Point> | undefined {
  const point = readPoint(ts, i);
  if (!point || point.value.kind !== 'day' || point.value.month !== undefined) return point;
  const year = optionalYear(ts, point.next);
  return { value: { ...point.value, year: year.value }, next: year.next };
}

export function isPlaceholderAt(ts: Tokens, words: readonly string[]): boolean {
  return ts.length === words.length && words.every((w, k) => isWord(ts[k], w));
}
