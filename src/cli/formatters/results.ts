/** What every formatter needs from a run: counts, paths as the user sees them, and sorted messages. */
import { isAbsolute, relative, sep } from 'node:path';
import type { GovMessage, Severity } from '../../core/message.js';
import { compareMessages } from '../../core/message.js';
import type { FileResult } from '../../node/contract.js';

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** Whether to colour the output (only the human formats do). */
  color: boolean;
}

/** One signature for every output format (after markdownlint-cli2's formatters). */
export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

export interface Counts {
  errors: number;
  warnings: number;
  /** Info and hint messages: shown, never failing a run. */
  infos: number;
  /** Of `infos`, the hints (what the editor shows as dots, not in the Problems panel). */
  hints: number;
}

export function countMessages(messages: readonly GovMessage[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const m of messages) {
    if (m.severity === 'error') counts.errors++;
    else if (m.severity === 'warning') counts.warnings++;
    else {
      counts.infos++;
      if (m.severity === 'hint') counts.hints++;
    }
  }
  return counts;
}

export function countResults(results: readonly FileResult[]): Counts {
  return countMessages(results.flatMap((r) => r.messages));
}

/** A path relative to `cwd`, with forward slashes; absolute when on another drive. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || isAbsolute(rel)) return path.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** Results sorted by path, each with its messages in document order. */
export function sortedResults(results: readonly FileResult[]): FileResult[] {
  return [...results]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((r) => ({ ...r, messages: [...r.messages].sort(compareMessages) }));
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

/**
 * `s` safe to print on a terminal or in a CI log: control characters (ESC
 * sequences that recolour, move the cursor or forge log commands), C1 controls
 * and the bidirectional overrides that reorder what is shown are written as
 * `\u001B`-style escapes. Tabs become spaces; line breaks are left to the caller.
 */
export function visible(s: string): string {
  return s.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
