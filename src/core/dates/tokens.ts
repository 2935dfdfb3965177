/**
 * Splits text into the few kinds of token date expressions are made of.
 *
 * The grammar (grammar.ts) works on these tokens instead of one large regular
 * expression: every step looks at a bounded number of tokens, so matching is
 * linear and cannot backtrack catastrophically on long lines.
 */

export type TokenKind = 'num' | 'word' | 'dash' | 'slash' | 'comma' | 'dot' | 'time' | 'other';

export interface Token {
  kind: TokenKind;
  /** Words lower-cased; numbers as their digits (without an ordinal suffix); others as written. */
  text: string;
  /** Offsets into the tokenized string; `end` is exclusive and covers an ordinal suffix. */
  start: number;
  end: number;
  /** Whitespace stands between this token and the one before it. */
  spaced: boolean;
  /** For numbers: the value, and whether a suffix (st, nd, rd, th) followed. */
  value: number;
  ordinal: boolean;
}

/** Hyphen-minus, the Unicode hyphens, figure/en/em dashes, horizontal bar and minus. */
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
/** The time part of an ISO date-time (`T18:30:00Z`); every quantifier is bounded. */
const ISO_TIME = /[Tt]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?/y;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiAlphanumeric(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u202f' || ch === '\u2009';
}

export function isDash(ch: string): boolean {
  return DASHES.has(ch);
}

/**
 * Tokens of `text` between offsets `from` and `to`, at most `maxTokens` of them.
 * Offsets in the tokens are offsets into `text`.
 */
export function tokenize(text: string, from = 0, to = text.length, maxTokens = Infinity): Token[] {
  const tokens: Token[] = [];
  let i = from;
  let spaced = false;
  while (i < to && tokens.length < maxTokens) {
    const ch = text[i];
    if (isSpace(ch)) {
      spaced = true;
      i++;
      continue;
    }
    const start = i;
    const c = text.charCodeAt(i);
    const token: Token = { kind: 'other', text: ch, start, end: i + 1, spaced, value: NaN, ordinal: false };
    const previous = tokens[tokens.length - 1] as Token | undefined;
    const timeLength = previous?.kind === 'num' && previous.end === i ? readTime(text, i, to) : 0;
    if (isDigit(c)) {
      while (i < to && isDigit(text.charCodeAt(i))) i++;
      token.kind = 'num';
      token.text = text.slice(start, i);
      token.value = Number(token.text);
      const suffix = text.slice(i, i + 2).toLowerCase();
      if (i + 2 <= to && ORDINAL_SUFFIXES.has(suffix) && !isAsciiLetter(text.charCodeAt(i + 2))) {
        token.ordinal = true;
        i += 2;
      }
    } else if (timeLength > 0) {
      i += timeLength;
      token.kind = 'time';
      token.text = text.slice(start, i);
    } else if (isAsciiLetter(c)) {
      while (i < to && isAsciiLetter(text.charCodeAt(i))) i++;
      token.kind = 'word';
      token.text = text.slice(start, i).toLowerCase();
    } else {
      i++;
      if (isDash(ch)) token.kind = 'dash';
      else if (ch === '/') token.kind = 'slash';
      else if (ch === ',') token.kind = 'comma';
      else if (ch === '.') token.kind = 'dot';
    }
    token.end = i;
    tokens.push(token);
    spaced = false;
  }
  return tokens;
}

/** Length of an ISO time at `i`, or 0. */
function readTime(text: string, i: number, to: number): number {
  ISO_TIME.lastIndex = i;
  const m = ISO_TIME.exec(text);
  return m && i + m[0].length <= to ? m[0].length : 0;
}
