/**
 * Comparing fuzzy dates as the inclusive intervals they are. A date with no
 * interval (Tbc, or impossible) is never before, after or overlapping anything.
 */
import type { FuzzyDate } from '../model.js';
import { isoToDays } from './calendar.js';

interface Bounded {
  start: string;
  end: string;
}

function bounds(d: FuzzyDate): Bounded | undefined {
  return d.invalid === undefined && d.start !== undefined && d.end !== undefined
    ? { start: d.start, end: d.end }
    : undefined;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** For sorting: by start, then end; unknown and invalid dates sort last. */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  const x = bounds(a);
  const y = bounds(b);
  if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1);
  return compareStrings(x.start, y.start) || compareStrings(x.end, y.end);
}

/** True only when all of `a` is before all of `b`: `Q1 2022` is not definitely before `March 2022`. */
export function definitelyBefore(a: FuzzyDate, b: FuzzyDate): boolean {
  const x = bounds(a);
  const y = bounds(b);
  return x !== undefined && y !== undefined && x.end < y.start;
}

/** True when the two intervals share at least one day. */
export function overlaps(a: FuzzyDate, b: FuzzyDate): boolean {
  const x = bounds(a);
  const y = bounds(b);
  return x !== undefined && y !== undefined && x.start <= y.end && y.start <= x.end;
}

/** True when all of `d` is before `todayIso` (YYYY-MM-DD), so `Q1 2022` is past only from 1 April. */
export function isPast(d: FuzzyDate, todayIso: string): boolean {
  const x = bounds(d);
  return x !== undefined && x.end < todayIso;
}

/**
 * Days from the end of `from` to the start of `to`: `to` minus `from` for two
 * days (ISO strings or day-precision dates), 1 for consecutive quarters,
 * negative when they overlap or `to` comes first. Undefined without both bounds.
 */
export function daysBetween(from: FuzzyDate | string, to: FuzzyDate | string): number | undefined {
  const end = typeof from === 'string' ? from : bounds(from)?.end;
  const start = typeof to === 'string' ? to : bounds(to)?.start;
  const a = end === undefined ? undefined : isoToDays(end);
  const b = start === undefined ? undefined : isoToDays(start);
  return a === undefined || b === undefined ? undefined : b - a;
}
