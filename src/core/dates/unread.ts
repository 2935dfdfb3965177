/**
 * Text written where a date goes that the grammar cannot read (`2022/21`,
 * `31/12/2021`): whether it is shaped like a date at all, and what to tell the
 * author, so a dated entry is never dropped without a word.
 */
import { MAX_DATE_LENGTH } from './parse.js';
import { tokenize } from './tokens.js';
import { monthNumber, partOf, seasonOf, weekdayNumber } from './words.js';

/** Words that may stand in a date as written, besides month, weekday, season and part names. */
const DATE_WORDS = new Set(['q', 'h', 'fy', 'st', 'nd', 'rd', 'th', 'of', 'w', 'c', 'wc']);

/**
 * True when `text` is made only of numbers, date words and the marks between
 * them, with a number of four or more digits (a year): `2022/21`,
 * `31/12/2021`, `w/c 7 March 2022`. Versions (`1.25`), counts (`22 people`),
 * times (`10:00`) and days without a year (`March 5`, which a recurring
 * calendar writes) are not.
 */
export function looksLikeDate(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > MAX_DATE_LENGTH || /\d:\d/.test(t)) return false;
  let year = false;
  let numbers = 0;
  for (const token of tokenize(t)) {
    if (token.kind === 'num') {
      numbers++;
      if (token.text.length >= 4) year = true;
    } else if (token.kind === 'word') {
      const w = token.text;
      if (monthNumber(w) === undefined && seasonOf(w) === undefined && weekdayNumber(w) === undefined && partOf(w) === undefined && !DATE_WORDS.has(w)) return false;
    } else if (token.kind === 'other' || token.kind === 'time') return false;
  }
  return numbers > 0 && year;
}

/** Forms govmark reads, for the message. */
const FORMS = '2022-03-01; 1 March 2022; March 1, 2022; March 2022; Q1 2022; H2 2022; 2021/22 (a financial year); spring 2022; early March 2022; 1–4 March 2022';

/**
 * The date-shaped text a list item starts with before its title (`2022/21 — Consult`,
 * `**31/12/2021**: Report`), when it is shaped like a date: its offset and length.
 */
export function leadingDateShape(body: string): { start: number; length: number } | undefined {
  const m = /^(\*\*|__)?([^\s*_][^*_—–:\n]{0,40}?)(?:\*\*|__)?[ \t]*(?:[—–]|[ \t]-[ \t]|:[ \t])/.exec(body.slice(0, 60));
  if (!m || !looksLikeDate(m[2])) return undefined;
  const start = m[1]?.length ?? 0;
  return { start, length: m[2].trimEnd().length };
}

/** What to say about date text that could not be read; `consequence` says what is lost ("this milestone is left out of the timeline"). */
export function unreadDateReason(text: string, consequence: string): string {
  const shown = text.trim().slice(0, MAX_DATE_LENGTH);
  const numeric = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(shown);
  const advice = numeric
    ? `its day and month could be either way round; write it year first (${yearFirst(shown)})`
    : `dates are read in forms such as ${FORMS}`;
  return `\`${shown}\` could not be read as a date, so ${consequence}: ${advice}.`;
}

/** `31/12/2021` → `2021-12-31` when the order is plain (a part over 12 is the day), else the pattern. */
function yearFirst(shown: string): string {
  const [a, b, c] = shown.split(/[/.-]/).map(Number);
  const year = c < 100 ? 2000 + c : c;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (a > 12 && b <= 12) return `${year}-${pad(b)}-${pad(a)}`;
  if (b > 12 && a <= 12) return `${year}-${pad(a)}-${pad(b)}`;
  return 'YYYY-MM-DD';
}
