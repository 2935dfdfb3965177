/**
 * Dates found in a paper's text, for front matter: the first one-day date
 * written in words or ISO form ("Friday, 16 October 2020", "16th October
 * 2020", "October 16, 2020", "2020-10-16"), read by govmark's date parser.
 * Numeric day/month dates ("16/10/2020") are never taken: their order is
 * ambiguous. The text keeps what was written; only front matter is ISO.
 */
import { parseFuzzyDate } from '../dates/index.js';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const DAY_DATE = new RegExp(
  `\\b(?:${WEEKDAY}\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+\\d{4}|${WEEKDAY}${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`,
  'gi',
);

export interface FoundDate {
  /** As written. */
  text: string;
  /** YYYY-MM-DD. */
  iso: string;
  index: number;
}

/** Every one-day date in the text, in order. */
export function datesIn(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DAY_DATE)) {
    const d = parseFuzzyDate(m[0]);
    if (d && d.precision === 'day' && d.start && !d.invalid) found.push({ text: m[0], iso: d.start, index: m.index });
  }
  return found;
}

/** A cell or line that is only a date (as a schedule or timescale writes it), read as govmark reads dates. */
export function cellDate(text: string): { iso?: string; known: boolean; readable: boolean } {
  const t = text.trim();
  if (/^(?:tbc|tbd|tba|to be (?:confirmed|agreed)|ongoing|on-going|n\/a|complete[d]?|continuous)$/i.test(t)) return { known: false, readable: true };
  const d = parseFuzzyDate(t);
  if (!d || d.invalid || d.precision === 'unknown') return { known: false, readable: false };
  return { ...(d.precision === 'day' && d.start ? { iso: d.start } : {}), known: true, readable: true };
}
