/**
 * Dates in front matter. YAML libraries hand us strings, numbers (`review: 2022`)
 * or, for unquoted timestamps under YAML 1.1 rules, `Date` objects.
 */
import type { FuzzyDate } from '../model.js';
import { formatIsoDate } from './calendar.js';
import { MAX_DATE_LENGTH, parseFuzzyDate } from './parse.js';

/** `2018-05-22 10:00:00` and similar: the YAML timestamp form with a space before the time. */
const SPACED_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ \t]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?[ \t]*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?$/;

/** A front matter value read as a date: a YAML date, a year, or a string as `parseFuzzyDate` reads it; undefined for anything else. */
export function parseFrontMatterDate(value: unknown): FuzzyDate | undefined {
  if (value instanceof Date) {
    // A timestamp names an instant; the day meant is the one written, which YAML
    // parsers keep in UTC.
    if (Number.isNaN(value.getTime())) return undefined;
    const year = value.getUTCFullYear();
    if (year < 1000 || year > 9999) return undefined;
    const iso = formatIsoDate(year, value.getUTCMonth() + 1, value.getUTCDate());
    return { text: iso, precision: 'day', start: iso, end: iso };
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? parseFuzzyDate(String(value)) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const parsed = parseFuzzyDate(value);
  if (parsed) return parsed;
  const trimmed = value.trim();
  const m = trimmed.length <= MAX_DATE_LENGTH ? SPACED_DATE_TIME.exec(trimmed) : null;
  const day = m ? parseFuzzyDate(m[1]) : undefined;
  return day && { ...day, text: value };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day written as people write it rather than YYYY-MM-DD (`2 November 2021`,
 * `02 November 2021`, `Tuesday 2 November 2021`) that govmark reads as one
 * day, or undefined: ISO days, non-days (`November 2021`), impossible days,
 * dates with a time of day, and text that is not a date.
 */
export function writtenDay(value: unknown): FuzzyDate | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (ISO_DAY.test(t) || /\d:\d\d/.test(t)) return undefined;
  const d = parseFuzzyDate(t);
  return d && d.precision === 'day' && !d.invalid && d.start !== undefined && d.start === d.end ? { ...d, text: value } : undefined;
}
