/**
 * Applying the fixes that messages carry, as `eslint --fix` does: for each
 * message its preferred fix (or its only one), in document order; a fix whose
 * edits overlap one already taken, fall outside the text or overlap each
 * other is skipped and said so, never half applied. Pure: the caller decides
 * whether to write the result (the CLI only with `--fix`).
 */
import type { Fix, GovMessage, TextEdit } from '../message.js';

/** What `applyFixes` made: the new text and which messages it fixed or skipped, and why. */
export interface AppliedFixes {
  /** The text with every applied fix. */
  text: string;
  /** The messages whose fix was applied, in document order. */
  applied: GovMessage[];
  /** Messages with fixes that were not applied, and why. */
  skipped: { message: GovMessage; why: string }[];
}

/** Which fixes `applyFixes` applies. */
export interface ApplyFixesOptions {
  /** Only the messages of these rules (default: every message with a fix). */
  ruleIds?: readonly string[];
}

/** The fix `applyFixes` takes for a message: the preferred one, else the only one. */
export function chosenFix(message: GovMessage): Fix | undefined {
  const fixes = message.fixes ?? [];
  return fixes.find((f) => f.preferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

/** Applies the messages' fixes (the one `chosenFix` takes for each) to `text`; a fix whose edits overlap one already applied is skipped, with why. */
export function applyFixes(text: string, messages: readonly GovMessage[], options: ApplyFixesOptions = {}): AppliedFixes {
  if (typeof text !== 'string') throw new TypeError('applyFixes: `text` must be the document text (a string)');
  if (!Array.isArray(messages)) throw new TypeError('applyFixes: `messages` must be an array of messages');
  const wanted = options.ruleIds ? new Set(options.ruleIds) : undefined;
  const applied: GovMessage[] = [];
  const skipped: AppliedFixes['skipped'] = [];
  const taken: TextEdit[] = [];
  const ordered = messages
    .filter((m) => (m.fixes?.length ?? 0) > 0 && (!wanted || wanted.has(m.ruleId)))
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const message of ordered) {
    const fix = chosenFix(message);
    if (fix?.needsInput) {
      skipped.push({ message, why: 'its fix leaves a value for you to write: apply it in the editor' });
      continue;
    }
    if (!fix) {
      skipped.push({ message, why: `it offers ${message.fixes!.length} fixes and none is preferred: choose one in the editor` });
      continue;
    }
    const edits = [...fix.edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
    const why = invalid(edits, text.length) ?? (edits.some((e) => taken.some((t) => overlap(e, t))) ? 'it overlaps a fix already applied: run again to apply it' : undefined);
    if (why) {
      skipped.push({ message, why });
      continue;
    }
    taken.push(...edits);
    applied.push(message);
  }
  let out = text;
  for (const e of [...taken].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  }
  return { text: out, applied, skipped };
}

function invalid(edits: readonly TextEdit[], length: number): string | undefined {
  for (let i = 0; i < edits.length; i++) {
    const { start, end } = edits[i].range;
    if (!(Number.isInteger(start.offset) && Number.isInteger(end.offset) && start.offset >= 0 && start.offset <= end.offset && end.offset <= length)) {
      return 'its edits do not fit this text (was the document changed since it was checked?)';
    }
    if (typeof edits[i].newText !== 'string') return 'one of its edits has no replacement text';
    if (i > 0 && overlap(edits[i - 1], edits[i])) return 'its own edits overlap';
  }
  return undefined;
}

/** Two edits touch the same text (two insertions at one point also count: their order would be a guess). */
function overlap(a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [a.range.start.offset, a.range.end.offset, b.range.start.offset, b.range.end.offset];
  if (as === ae && bs === be) return as === bs;
  return as < be && bs < ae;
}
