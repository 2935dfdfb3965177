/**
 * Dates in words, for hover text and messages: `1 Jan – 31 Mar 2022`.
 */
import type { DatePrecision, FuzzyDate } from '../model.js';
import { parseIsoDate } from './calendar.js';
import { MONTH_NAMES } from './words.js';

function shortMonth(month: number): string {
  return MONTH_NAMES[month - 1].slice(0, 3);
}

/** `2021-11-02` → `2 Nov 2021`; anything that is not an ISO date comes back unchanged. */
export function formatShortDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.day} ${shortMonth(d.month)} ${d.year}` : iso;
}

/** `1 Jan – 31 Mar 2022`, naming the year once when both ends share it. */
export function formatSpan(start: string, end: string): string {
  if (start === end) return formatShortDate(start);
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  if (!a || !b || a.year !== b.year) return `${formatShortDate(start)} – ${formatShortDate(end)}`;
  if (a.month === b.month) return `${a.day} – ${b.day} ${shortMonth(b.month)} ${b.year}`;
  return `${a.day} ${shortMonth(a.month)} – ${formatShortDate(end)}`;
}

const PRECISION_WORDS: Record<DatePrecision, string> = {
  day: 'day precision',
  'part-of-month': 'part-of-month precision',
  month: 'month precision',
  quarter: 'quarter precision',
  season: 'season precision',
  'half-year': 'half-year precision',
  'financial-year': 'UK financial year (April to March)',
  year: 'year precision',
  range: 'range',
  unknown: 'date not yet known',
};

/**
 * One line for a hover: `Q1 2022 → 1 Jan – 31 Mar 2022, quarter precision`,
 * `Tbc → date not yet known`, or the reason an impossible date is invalid.
 */
export function describeFuzzyDate(d: FuzzyDate): string {
  if (d.invalid) return d.invalid;
  const text = d.text.trim();
  if (d.start === undefined || d.end === undefined) return `${text} → date not yet known`;
  return `${text} → ${formatSpan(d.start, d.end)}, ${PRECISION_WORDS[d.precision]}`;
}
