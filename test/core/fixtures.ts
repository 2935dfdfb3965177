/**
 * Fixture pairs, the unified-collective way: `x.md` is read, the result is
 * compared with `x.json` beside it. `UPDATE=1` rewrites the JSON instead of
 * comparing, so a deliberate change is one command and a reviewed diff.
 *
 * Ranges are written compactly (`"12:3-12:17"`, line:column, 1-based) so a
 * diff of a fixture reads like a diff of positions in the document.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Fix, GovMessage } from '../../src/core/message.js';
import type { GovDocument } from '../../src/core/model.js';
import type { Range } from '../../src/core/text/range.js';
import { fixturesDir, repoRoot } from '../helpers.js';

export const updating = process.env.UPDATE === '1' || process.env.UPDATE === 'true';

/** `"L:C-L:C"`: the form every range takes in a fixture. */
export function compactRange(r: Range): string {
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

export interface MessageSnapshot {
  ruleId: string;
  severity: string;
  range: string;
  reason: string;
  expected?: string[];
  actual?: string;
  fatal?: boolean;
  fixes?: { title: string; preferred?: boolean; edits: { range: string; newText: string }[] }[];
}

/** A message as a fixture records it; fixes only when asked (rule fixtures). */
export function messageSnapshot(m: GovMessage, detail: boolean): MessageSnapshot {
  const out: MessageSnapshot = { ruleId: m.ruleId, severity: m.severity, range: compactRange(m.range), reason: m.reason };
  if (!detail) return out;
  if (m.expected) out.expected = m.expected;
  if (m.actual !== undefined) out.actual = m.actual;
  if (m.fatal) out.fatal = true;
  if (m.fixes) out.fixes = m.fixes.map(fixSnapshot);
  return out;
}

function fixSnapshot(f: Fix): NonNullable<MessageSnapshot['fixes']>[number] {
  const out: NonNullable<MessageSnapshot['fixes']>[number] = { title: f.title, edits: f.edits.map((e) => ({ range: compactRange(e.range), newText: e.newText })) };
  if (f.preferred) out.preferred = true;
  return out;
}

/** What a parse fixture records: the model, where each value came from, and what reading reported. */
export function modelSnapshot(doc: GovDocument): unknown {
  const sourceMap: Record<string, string> = {};
  for (const [pointer, entry] of [...doc.sourceMap].sort(([a], [b]) => comparePointers(a, b))) {
    sourceMap[pointer] = entry.keyRange ? `${compactRange(entry.range)} key ${compactRange(entry.keyRange)}` : compactRange(entry.range);
  }
  return {
    type: doc.type ?? null,
    complete: doc.complete,
    data: doc.data,
    sourceMap,
    messages: doc.messages.map((m) => messageSnapshot(m, false)),
  };
}

/** Pointers in document order of their tokens, numbers compared as numbers (`/2` before `/10`). */
function comparePointers(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const nx = /^\d+$/.test(x[i]) ? Number(x[i]) : NaN;
    const ny = /^\d+$/.test(y[i]) ? Number(y[i]) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** Markdown cases in a folder, sorted, without the ones under `related/`. */
export function markdownCases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f));
}

/** `x.md` → `x.json`. */
export function expectedPathFor(mdPath: string): string {
  return mdPath.replace(/\.md$/, '.json');
}

/**
 * Compares `actual` with the JSON stored at `expectedPath`, or writes it
 * there under `UPDATE=1`. A mismatch fails with a structural diff.
 */
export function matchFixture(expectedPath: string, actual: unknown): void {
  const json = JSON.stringify(actual, null, 2) + '\n';
  const label = relative(repoRoot, expectedPath);
  if (updating) {
    if (!existsSync(expectedPath) || readFileSync(expectedPath, 'utf8') !== json) writeFileSync(expectedPath, json);
    return;
  }
  assert.ok(existsSync(expectedPath), `${label} is missing: run the tests with UPDATE=1 to create it, then review it`);
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as unknown;
  assert.deepStrictEqual(
    JSON.parse(json) as unknown,
    expected,
    `${basename(expectedPath, '.json')}.md no longer gives what ${label} records. If the change is intended, regenerate with UPDATE=1 and review the diff.`,
  );
}

/** Applies a fix's edits to a text (edits never overlap; applied from the end). */
export function applyEdits(text: string, edits: Fix['edits']): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  }
  return out;
}

/** Reader fixtures: `test/fixtures/read/<reader id>/x.md`, one folder per reader of the registry. */
export const readFixturesDir = join(fixturesDir, 'read');

/** Every parse and reader fixture (`.md`), sorted by folder then name. */
export function allParseCases(): string[] {
  const readers = existsSync(readFixturesDir) ? readdirSync(readFixturesDir).sort() : [];
  return [join(fixturesDir, 'parse'), ...readers.map((r) => join(readFixturesDir, r))].flatMap((d) => markdownCases(d));
}

/** The path of a parse or reader fixture named `name` (`x.md`), wherever it lives. */
export function fixturePath(name: string): string {
  const found = allParseCases().find((p) => basename(p) === name);
  if (!found) throw new Error(`no fixture named ${name}`);
  return found;
}
