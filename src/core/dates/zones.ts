/**
 * Dates in schedules often carry a time of day and a zone, or the same moment
 * in two zones: `02:00 UTC Friday 14th February 2025 / 18:00 PST Thursday 13th
 * February 2025`, `Oct 1, 2025 at 08:48:00 UTC`, `Tuesday 9th June 2026 (AoE)`.
 * The date is the day of the UTC (or GMT) half when there is one, else of the
 * first half; the times themselves are dropped.
 */
import type { FuzzyDate } from '../model.js';
import { MAX_DATE_LENGTH, parseFuzzyDate, type DateOptions } from './parse.js';

/** A time of day with an optional `at` before it and an optional zone after it. Every quantifier is bounded. */
const TIME = /(?:^|[\s,])(?:at\s{1,3})?\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,2}[ap]\.?m\.?)?(?:\s{1,3}\(?(?:UTC|GMT|AoE|Z|[A-Z]{2,4})(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?(?=$|[\s,;)])/g;
/** A zone alone in brackets: `(AoE)`, `(UTC)`. */
const ZONE = /\s{0,3}\((?:UTC|GMT|AoE|Anywhere on Earth)\)/gi;
const UTC = /\b(?:UTC|GMT|Z)\b/;

function withoutTimes(part: string): string {
  return part.replace(TIME, ' ').replace(ZONE, ' ').replace(/[\s,]+$/, '').replace(/^[\s,]+/, '');
}

/**
 * `parseFuzzyDate` for text that may also hold times and a second zone's
 * version of the same date; undefined when what is left is not a date.
 */
export function parseZonedDate(text: string, options?: DateOptions): FuzzyDate | undefined {
  if (typeof text !== 'string') return undefined;
  const plain = parseFuzzyDate(text, options);
  if (plain) return plain;
  const shown = text.trim();
  if (shown.length === 0 || shown.length > 3 * MAX_DATE_LENGTH + 6) return undefined;
  const parts = shown.split(/\s{0,3}\/\s{0,3}(?=\d{1,2}:\d{2}|[A-Za-z])/);
  if (parts.length > 3) return undefined;
  if (parts.length > 1 && !/\d:\d\d|\bAoE\b/i.test(shown)) return undefined;
  const chosen = parts.find((p) => UTC.test(p)) ?? parts[0];
  const rest = withoutTimes(chosen);
  if (rest === chosen.trim() && parts.length === 1) return undefined;
  const d = parseFuzzyDate(rest, options);
  return d && { ...d, text };
}
