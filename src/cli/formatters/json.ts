/**
 * `--format json`: a stable shape for tools (documented in docs/cli.md).
 * Paths are relative to the working folder with forward slashes; ranges are
 * 1-based lines and columns with an exclusive end. Fields without a value are
 * left out. `formatVersion` changes only when the shape does.
 */
import { fileURLToPath } from 'node:url';
import type { GovMessage, Severity } from '../../core/message.js';
import { toCliRange, type CliRange } from './position.js';
import { countMessages, countResults, displayPath, sortedResults, type Formatter } from './results.js';

export interface JsonReport {
  tool: 'govmark';
  formatVersion: 1;
  /** `infos` counts info and hint messages; `hints` how many of them are hints. */
  summary: { files: number; skipped: number; errors: number; warnings: number; infos: number; hints: number };
  files: JsonFile[];
}

export interface JsonFile {
  path: string;
  uri: string;
  /** The governance type; absent when the file is not a governance document. */
  type?: string;
  /** True when the file is not a governance document (nothing was checked). */
  skipped: boolean;
  /** False when the body could only be read in part (too large or too slow). */
  complete: boolean;
  errors: number;
  warnings: number;
  /** Info and hint messages. */
  infos: number;
  /** Of `infos`, the hints. */
  hints: number;
  messages: JsonMessage[];
}

export interface JsonMessage {
  ruleId: string;
  severity: Severity;
  reason: string;
  range: CliRange;
  url?: string;
  expected?: string[];
  actual?: string;
  fixes?: { title: string; preferred?: boolean; needsInput?: boolean; edits: { range: CliRange; newText: string }[] }[];
  related?: { path: string; uri: string; range: CliRange; message: string }[];
  fatal?: boolean;
  data?: Record<string, unknown>;
}

export function toJsonReport(results: Parameters<Formatter>[0], cwd: string): JsonReport {
  const counts = countResults(results);
  return {
    tool: 'govmark',
    formatVersion: 1,
    summary: { files: results.length, skipped: results.filter((r) => r.skipped).length, ...counts },
    files: sortedResults(results).map((r) => ({
      path: displayPath(r.path, cwd),
      uri: r.uri,
      ...(r.type !== undefined ? { type: r.type } : {}),
      skipped: r.skipped,
      complete: r.complete,
      ...countMessages(r.messages),
      messages: r.messages.map((m) => toJsonMessage(m, cwd)),
    })),
  };
}

function toJsonMessage(m: GovMessage, cwd: string): JsonMessage {
  return {
    ruleId: m.ruleId,
    severity: m.severity,
    reason: m.reason,
    range: toCliRange(m.range),
    ...(m.url !== undefined ? { url: m.url } : {}),
    ...(m.expected !== undefined ? { expected: m.expected } : {}),
    ...(m.actual !== undefined ? { actual: m.actual } : {}),
    ...(m.fixes && m.fixes.length > 0
      ? {
          fixes: m.fixes.map((f) => ({
            title: f.title,
            ...(f.preferred !== undefined ? { preferred: f.preferred } : {}),
            ...(f.needsInput ? { needsInput: true } : {}),
            edits: f.edits.map((e) => ({ range: toCliRange(e.range), newText: e.newText })),
          })),
        }
      : {}),
    ...(m.related && m.related.length > 0
      ? { related: m.related.map((r) => ({ path: uriToDisplayPath(r.uri, cwd), uri: r.uri, range: toCliRange(r.range), message: r.message })) }
      : {}),
    ...(m.fatal ? { fatal: true } : {}),
    ...(m.data !== undefined ? { data: m.data } : {}),
  };
}

/** A `file:` URI as a path relative to `cwd`; other URIs unchanged. */
export function uriToDisplayPath(uri: string, cwd: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return displayPath(fileURLToPath(uri), cwd);
  } catch {
    return uri;
  }
}

export const json: Formatter = (results, ctx) => JSON.stringify(toJsonReport(results, ctx.cwd), null, 2) + '\n';
