/**
 * Fixing files, as `eslint --fix` does: validate, apply each message's
 * preferred fix (`applyFixes`), validate again with the fixed texts, and
 * repeat until nothing more applies (a fix can make room for another, or
 * overlap one taken this pass). Nothing is written here: the texts are
 * returned, and the caller writes them (`writeFixed`) only when asked to.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectArgument, expectConfig, expectOptions } from '../core/arguments.js';
import { applyFixes } from '../core/fixes/apply.js';
import type { GovMessage } from '../core/message.js';
import type { FileResult, RunOptions, ValidatePaths } from './contract.js';
import { describeFsError } from './fs-errors.js';
import { decodeText, encodeLike, readTextSync } from './text-file.js';

/** Passes at most, as ESLint: enough for fixes that make room for one another, bounded whatever the rules do. */
export const MAX_FIX_PASSES = 10;

/** One file's text before and after its fixes. */
export interface FileFix {
  /** Absolute path, as in the results. */
  path: string;
  /** The text that was checked first. */
  before: string;
  /** The text with every fix applied. */
  after: string;
  /** How many problems the fixes resolved (over all passes). */
  fixed: number;
}

/** A problem with a fix that was not applied, and why. */
export interface UnfixedProblem {
  path: string;
  message: GovMessage;
  /** Why its fix was not applied, in the user's words. */
  why: string;
}

/** What `fixPaths` did: the files it changed, the problems it could not fix, and the results after the fixes. */
export interface FixRun {
  /** The results of the last validation: what remains once the fixes are applied. */
  results: FileResult[];
  /** Files whose text the fixes change (none for a file without fixes). */
  fixes: FileFix[];
  /** Problems that carry a fix that was not applied, and why. */
  unfixed: UnfixedProblem[];
  /** Whether the last pass still changed something (the pass limit was reached). */
  unfinished: boolean;
}

/** Which fixes `fixPaths` applies, and how. */
export interface FixOptions {
  /** Only the fixes of these rules. */
  ruleIds?: readonly string[];
  /** Passes at most (default `MAX_FIX_PASSES`). */
  maxPasses?: number;
  /** Reads a file's text (default: from disk, as validation reads it). */
  readText?: (path: string) => string;
}

/** Validates the files and applies their fixes, again until nothing changes (at most `maxPasses`), without writing: `writeFixed` writes. */
export async function fixPaths(files: readonly string[], run: RunOptions, validate: ValidatePaths, options: FixOptions = {}): Promise<FixRun> {
  expectArgument(Array.isArray(files) && files.every((f) => typeof f === 'string'), 'fixPaths', 'files', 'an array of file paths (strings)', files);
  expectArgument(typeof run === 'object' && run !== null, 'fixPaths', 'run', 'an object ({ config, ... }, as validatePaths takes)', run);
  expectConfig('fixPaths', run.config, 'run.config');
  expectArgument(typeof validate === 'function', 'fixPaths', 'validate', 'a function (validatePaths)', validate);
  expectOptions('fixPaths', options);
  const texts = new Map<string, string>(run.texts ?? []);
  const before = new Map<string, string>();
  const fixed = new Map<string, number>();
  const read = options.readText ?? readTextSync;
  const maxPasses = Math.max(1, options.maxPasses ?? MAX_FIX_PASSES);
  let results = await validate(files, { ...run, texts });
  let unfixed: UnfixedProblem[] = [];
  for (let pass = 0; ; pass++) {
    unfixed = [];
    let changed = false;
    for (const r of results) {
      if (r.skipped || r.unreadable !== undefined || !r.messages.some((m) => (m.fixes?.length ?? 0) > 0)) continue;
      const key = resolve(r.path);
      if (!r.complete) {
        // Read past the bound: its messages are from a partial reading, and a fix made from one is a guess.
        for (const message of r.messages) if (message.fixes?.length) unfixed.push({ path: r.path, message, why: 'the document was only read in part (too complex): fix it in the editor' });
        continue;
      }
      let text = texts.get(key);
      if (text === undefined) {
        try {
          text = read(r.path);
        } catch {
          continue; // gone since it was checked: nothing to fix
        }
      }
      const out = applyFixes(text, r.messages, options.ruleIds ? { ruleIds: options.ruleIds } : {});
      for (const s of out.skipped) unfixed.push({ path: r.path, message: s.message, why: s.why });
      if (out.applied.length === 0 || out.text === text) continue;
      if (!before.has(key)) before.set(key, text);
      texts.set(key, out.text);
      fixed.set(key, (fixed.get(key) ?? 0) + out.applied.length);
      changed = true;
    }
    if (!changed) return { results, fixes: collect(), unfixed, unfinished: false };
    results = await validate(files, { ...run, texts });
    if (pass + 1 >= maxPasses) return { results, fixes: collect(), unfixed, unfinished: true };
  }

  function collect(): FileFix[] {
    const out: FileFix[] = [];
    for (const r of results) {
      const key = resolve(r.path);
      const first = before.get(key);
      const last = texts.get(key);
      if (first !== undefined && last !== undefined && first !== last) out.push({ path: r.path, before: first, after: last, fixed: fixed.get(key) ?? 0 });
    }
    return out;
  }
}

/**
 * Writes one fixed file, only if it still holds the text that was checked
 * (an editor may have saved it meanwhile: then nothing is written and the
 * reason is returned), in its own encoding (UTF-16 stays UTF-16).
 */
export function writeFixed(fix: FileFix): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(fix.path);
  } catch (error) {
    return `cannot read it again: ${describeFsError(error)}`;
  }
  if (decodeText(bytes) !== fix.before) return 'it changed on disk while govmark was checking it; run again';
  try {
    writeFileSync(fix.path, encodeLike(bytes, fix.after));
  } catch (error) {
    return `cannot write it: ${describeFsError(error)}`;
  }
  return undefined;
}
