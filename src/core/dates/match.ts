/**
 * Finds the date a line starts with, as timeline items and dated headings
 * write it: `2021-09-21 — Joint workshop`, `**Monday 23rd May 2022**: Week 1`.
 */
import type { FuzzyDate } from '../model.js';
import { MAX_DATE_LENGTH, MAX_DATE_TOKENS, readTokens, toFuzzyDate, type DateOptions } from './parse.js';
import { isAsciiAlphanumeric, isDash, tokenize, type Token } from './tokens.js';
import { canStartDate } from './words.js';

/** A date written at the start of a line (`2024-01-09: Board meeting`), as `matchLeadingDate` finds it. */
export interface LeadingDate {
  date: FuzzyDate;
  /** Offset of the date in the line: 2 after a leading `**`, else 0. */
  start: number;
  /** Length of the date text alone: `line.slice(start, start + length) === date.text`. */
  length: number;
}

function isDigitAt(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * A date may end here only if the text does not run on: `2021-09-21abc` is no
 * date, and neither is the `2021-09` of `2021-09-21abc` (a separator followed
 * at once by a digit continues the number).
 */
function endsCleanly(line: string, end: number): boolean {
  if (isAsciiAlphanumeric(line.charCodeAt(end))) return false;
  const ch = line.charAt(end);
  const joins = isDash(ch) || ch === '/' || ch === '.';
  return !(joins && isDigitAt(line, end + 1));
}

/**
 * The longest date expression at the very start of `line` (after an optional
 * `**`). Only the first MAX_DATE_LENGTH characters are examined, and at most
 * MAX_DATE_TOKENS candidate ends are tried, so cost does not grow with the line.
 */
export function matchLeadingDate(line: string, options?: DateOptions): LeadingDate | undefined {
  if (typeof line !== 'string') return undefined;
  const start = line.startsWith('**') ? 2 : 0;
  const tokens = tokenize(line, start, Math.min(line.length, start + MAX_DATE_LENGTH), MAX_DATE_TOKENS);
  const first = tokens[0] as Token | undefined;
  if (!first || first.start !== start) return undefined;
  if (first.kind !== 'num' && !(first.kind === 'word' && canStartDate(first.text))) return undefined;
  for (let k = tokens.length; k >= 1; k--) {
    const end = tokens[k - 1].end;
    if (!endsCleanly(line, end)) continue;
    const r = readTokens(tokens.slice(0, k), options);
    if (r) {
      const text = line.slice(start, end);
      return { date: toFuzzyDate(text, text, r), start, length: end - start };
    }
  }
  return undefined;
}
