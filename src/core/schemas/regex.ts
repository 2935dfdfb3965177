/**
 * The regular expressions of JSON Schemas (`pattern`, `patternProperties`,
 * `propertyNames`) run on a linear-time engine: RE2's algorithm, in pure
 * JavaScript (re2js), so a custom schema's `^(a+)+$` cannot take minutes on a
 * 34-character value, in the CLI or in the language server's main thread.
 *
 * RE2 has no lookaround and no back-references. A pattern that needs them runs
 * on JavaScript's own engine only when a static check (redos-detector) finds no
 * catastrophic backtracking in it; otherwise the schema is refused with a
 * message that says why, before any document is read.
 */
import { RE2JS } from 're2js';
import { isSafe } from 'redos-detector';

/** What Ajv needs of a regular expression (`code.regExp`): `test`, and a `toString` unique per pattern. */
export interface RegExpLike {
  test(value: string): boolean;
  toString(): string;
}

/** A pattern govmark will not run: its message says why, in the schema author's words. */
export class UnsafePattern extends Error {
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(message);
    this.name = 'UnsafePattern';
  }
}

/** Longest pattern quoted in a message. */
const SHOWN = 60;
/** Bounds of the static backtracking check (it stops early, and a pattern it cannot clear is refused). */
const CHECK_STEPS = 20_000;
const CHECK_MS = 500;

const compiled = new Map<string, RegExpLike | UnsafePattern>();

export function shownPattern(pattern: string): string {
  const flat = pattern.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return flat.length > SHOWN ? flat.slice(0, SHOWN - 1) + '…' : flat;
}

/**
 * The pattern compiled for matching, or an `UnsafePattern` error thrown: not a
 * regular expression at all, or one that needs backtracking and may take
 * exponential time. Cached per pattern.
 */
export function linearRegExp(pattern: string, flags = 'u'): RegExpLike {
  const key = `${flags}/${pattern}`;
  let found = compiled.get(key);
  if (found === undefined) {
    found = compile(pattern, flags);
    compiled.set(key, found);
  }
  if (found instanceof UnsafePattern) throw found;
  return found;
}

/** Whether `value` matches `pattern`, false for a pattern govmark will not run. */
export function safeMatch(pattern: string, value: string): boolean {
  try {
    return linearRegExp(pattern).test(value);
  } catch {
    return false;
  }
}

function compile(pattern: string, flags: string): RegExpLike | UnsafePattern {
  const shown = `/${pattern}/${flags}`;
  try {
    const re = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (value: string) => re.matcher(value).find(), toString: () => shown };
  } catch {
    // Not RE2 syntax: lookaround, a back-reference, or not a regular expression at all.
  }
  let native: RegExp;
  try {
    native = new RegExp(pattern, flags);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : 'invalid';
    return new UnsafePattern(`the pattern '${shownPattern(pattern)}' is not a valid regular expression (${why.toLowerCase()})`, pattern);
  }
  let safe = false;
  try {
    safe = isSafe(native, { maxSteps: CHECK_STEPS, timeout: CHECK_MS }).safe;
  } catch {
    safe = false;
  }
  if (!safe) {
    return new UnsafePattern(
      `the pattern '${shownPattern(pattern)}' uses lookaround or a back-reference and may backtrack without end on some values, so govmark will not run it; write it without them (patterns without lookaround or back-references always run in linear time)`,
      pattern,
    );
  }
  return { test: (value: string) => native.test(value), toString: () => shown };
}

/** For Ajv's `code.regExp` option: every schema pattern through `linearRegExp`. */
export const schemaRegExp = Object.assign((pattern: string, flags: string): RegExpLike => linearRegExp(pattern, flags), { code: 'govmark linearRegExp' });
