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
  let re2Reason = 'RE2 does not accept it';
  try {
    const re = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (value: string) => re.matcher(value).find(), toString: () => shown };
  } catch (error) {
    // Not RE2 syntax: lookaround, a back-reference, a repeat count over 1000, or not a regular expression at all.
    if (error instanceof Error) re2Reason = error.message.replace(/^error parsing regexp: /, '').replace(/`/g, "'").slice(0, 80);
  }
  let native: RegExp;
  try {
    native = new RegExp(pattern, flags);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : 'invalid';
    return new UnsafePattern(`the pattern '${shownPattern(pattern)}' is not a valid regular expression (${why.toLowerCase()})`, pattern);
  }
  if (/\(\?<[=!]/.test(pattern)) re2Reason = 'it has a lookbehind';
  else if (/\(\?[=!]/.test(pattern)) re2Reason = 'it has a lookahead';
  else if (/\\[1-9]|\\k</.test(pattern)) re2Reason = 'it has a back-reference';
  // The backtracking checker does not look inside lookbehinds: one with a repetition in it is refused unread.
  let safe = !repeatsInLookbehind(pattern);
  try {
    safe &&= isSafe(native, { maxSteps: CHECK_STEPS, timeout: CHECK_MS }).safe;
  } catch {
    safe = false;
  }
  if (!safe) {
    return new UnsafePattern(
      `the pattern '${shownPattern(pattern)}' cannot run in linear time (${re2Reason}) and may backtrack without end on some values, so govmark will not run it; write it without lookaround, back-references or repeat counts over 1000 (such patterns always run in linear time)`,
      pattern,
    );
  }
  return { test: (value: string) => native.test(value), toString: () => shown };
}

/** For Ajv's `code.regExp` option: every schema pattern through `linearRegExp`. */
export const schemaRegExp = Object.assign((pattern: string, flags: string): RegExpLike => linearRegExp(pattern, flags), { code: 'govmark linearRegExp' });

/** Whether a lookbehind (`(?<=…)`, `(?<!…)`) holds a repetition (`*`, `+`, `?`, `{`). */
function repeatsInLookbehind(pattern: string): boolean {
  for (let i = pattern.indexOf('(?<'); i >= 0; i = pattern.indexOf('(?<', i + 1)) {
    const kind = pattern[i + 3];
    if (kind !== '=' && kind !== '!') continue;
    let depth = 1;
    let inClass = false;
    for (let k = i + 4; k < pattern.length && depth > 0; k++) {
      const c = pattern[k];
      if (c === '\\') {
        k++;
        continue;
      }
      if (inClass) {
        if (c === ']') inClass = false;
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '*' || c === '+' || c === '?' || c === '{') {
        // `(?:`, `(?<name>` and lazy `??` are not repetitions of their own; a `?` right after `(` is syntax.
        if (c === '?' && pattern[k - 1] === '(') continue;
        return true;
      }
    }
  }
  return false;
}
