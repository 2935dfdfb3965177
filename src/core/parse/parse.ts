/**
 * parse(text) → the typed, source-mapped model of one document.
 *
 * Tolerant: a broken or half-written document still yields whatever could be
 * read, plus messages. Handles CRLF, a byte-order mark and no final newline.
 * The Markdown parse is not bounded in time here (the core cannot interrupt
 * itself): hosts run it under a deadline and fall back to `mode: 'cheap'`.
 */
import type { ResolvedConfig } from '../config.js';
import { parseFrontMatterDate, writtenDay } from '../dates/index.js';
import { readingFor } from '../read/reader.js';
import { readBody } from '../read/walk.js';
import { ModelBuilder } from '../read/builder.js';
import { readQuorum } from '../read/phrases/numbers.js';
import { BUILTIN_TYPES, type GovDocument } from '../model.js';
import { LineIndex } from '../text/lines.js';
import type { Range } from '../text/range.js';
import { closest } from '../text/similar.js';
import { readBodyCheaply } from './cheap.js';
import { findFrontMatter, FrontMatterReader } from './frontmatter.js';
import { parseChunked, type ChunkCache } from './markdown.js';

export interface ParseOptions {
  /** The document's URI; messages carry it. */
  uri?: string;
  /** Read the document as this type whatever its front matter says (`--type`). */
  type?: string;
  /** Custom types are known from here. */
  config?: Pick<ResolvedConfig, 'customTypes'>;
  /**
   * `full` (default) parses the Markdown; `cheap` reads it line by line only
   * (used past the time bound, with `reason` saying why).
   */
  mode?: 'full' | 'cheap';
  /** Why the cheap pass was used, for the `too-complex` message. */
  cheapReason?: string;
  /** Sections parsed last time (the editor keeps one per document): only changed ones are re-parsed. */
  chunkCache?: ChunkCache;
}

/** Front matter keys whose values are dates that must exist. */
const DATE_KEYS = ['date', 'review', 'adopted', 'adopted/date', 'effective', 'expires', 'next-review', 'due'];

export function knownTypes(config?: Pick<ResolvedConfig, 'customTypes'>): string[] {
  return [...BUILTIN_TYPES, ...(config?.customTypes ?? []).map((t) => t.name)];
}

/** The built-in type whose body reading a type uses. */
export function baseType(type: string | undefined, config?: Pick<ResolvedConfig, 'customTypes'>): string | undefined {
  if (type === undefined || (BUILTIN_TYPES as readonly string[]).includes(type)) return type;
  return config?.customTypes.find((t) => t.name === type)?.extends;
}

export function parse(input: string, options: ParseOptions = {}): GovDocument {
  const uri = options.uri ?? 'untitled:document.md';
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const b = new ModelBuilder(uri, text, lines);
  const block = findFrontMatter(text, lines);
  let meta: Record<string, unknown> = {};
  let frontMatterRange: Range | undefined;
  let frontMatterContentRange: Range | undefined;
  if (block) {
    if (!block.closed) {
      b.report('unclosed-front-matter', 'error', {
        reason: 'The front matter opened on line 1 is never closed: add a `---` line after the last key.',
        range: lines.lineRange(1),
      });
      // Read the keys up to the first blank line or heading, so the type is still known.
      const stop = /\n(?:[ \t]*\r?\n|#)/.exec(text.slice(block.contentStart));
      block.contentEnd = stop ? block.contentStart + stop.index + 1 : text.length;
      block.end = block.contentEnd;
    }
    frontMatterRange = lines.range(block.start, Math.max(block.start, block.end - (text[block.end - 1] === '\n' ? 1 : 0) - (text[block.end - 2] === '\r' ? 1 : 0)));
    frontMatterContentRange = lines.range(block.contentStart, block.contentEnd);
    const fm = new FrontMatterReader(lines, block).read();
    meta = fm.data;
    for (const [p, e] of fm.entries) b.sourceMap.set(p, e);
    for (const problem of fm.problems) {
      const ruleId = problem.kind === 'syntax' ? 'yaml-syntax' : problem.kind === 'duplicate-key' ? 'yaml-duplicate-key' : 'too-complex';
      b.report(ruleId, problem.kind === 'duplicate-key' ? 'warning' : problem.kind === 'syntax' ? 'error' : 'warning', { reason: problem.reason, range: problem.range });
    }
  }

  const type = decideType(meta, options, b);
  const doc: GovDocument = {
    uri,
    text,
    lines,
    type,
    typeSource: options.type ? 'option' : type ? 'front-matter' : 'none',
    data: { meta, content: b.content },
    sourceMap: b.sourceMap,
    frontMatterRange,
    frontMatterContentRange,
    messages: b.messages,
    complete: true,
  };
  // Most Markdown in a repository is not a governance document: its body is never parsed.
  if (type === undefined) return doc;

  checkFrontMatterDates(meta, b);
  const reading = readingFor(baseType(type, options.config));
  const bodyStartLine = block ? lines.point(block.end).line : 1;
  if (options.mode === 'cheap') {
    readBodyCheaply(b, reading, bodyStartLine);
    doc.complete = false;
    b.report('too-complex', 'warning', {
      reason: `${options.cheapReason ?? 'This document is too complex to check fully'}: only its front matter, headings and list items were read. Simplify the Markdown (unmatched emphasis or brackets, very deep nesting) to have it checked in full.`,
      range: lines.lineRange(firstTextLine(lines, bodyStartLine)),
      fatal: true,
    });
  } else {
    readBody(b, reading, parseChunked(text, options.chunkCache, block?.end ?? 0));
  }
  quorumFromFrontMatter(meta, b);
  return doc;
}

/** The first line from `from` on that has text (the message's place), or line 1. */
function firstTextLine(lines: LineIndex, from: number): number {
  for (let line = from; line <= lines.lineCount && line < from + 1000; line++) {
    if (lines.lineEnd(line) > lines.lineStarts[line - 1] && lines.lineText(line).trim() !== '') return line;
  }
  return from <= lines.lineCount ? from : 1;
}

function decideType(meta: Record<string, unknown>, options: ParseOptions, b: ModelBuilder): string | undefined {
  const known = knownTypes(options.config);
  if (options.type) return options.type;
  const declared = meta.type;
  if (typeof declared !== 'string') return undefined;
  if (known.includes(declared)) return declared;
  const suggestion = closest(declared, known);
  const entry = b.sourceMap.get('/meta/type');
  // A type far from every known one (e.g. `post`) belongs to another tool: not ours to judge.
  if (!suggestion || !entry) return undefined;
  b.report('unknown-type', 'error', {
    reason: `Unknown document type '${declared}' (did you mean ${suggestion}?)`,
    range: entry.range,
    expected: [suggestion],
    actual: declared,
    fixes: [{ title: `Change type to '${suggestion}'`, edits: [{ range: entry.range, newText: suggestion }], preferred: true }],
  });
  return undefined;
}

function checkFrontMatterDates(meta: Record<string, unknown>, b: ModelBuilder): void {
  for (const key of DATE_KEYS) {
    const path = key.split('/');
    let value: unknown = meta;
    for (const p of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
    if (typeof value !== 'string' && !(value instanceof Date)) continue;
    const date = parseFrontMatterDate(value);
    const entry = b.sourceMap.get('/meta/' + key);
    if (date?.invalid && entry) b.report('impossible-date', 'error', { reason: date.invalid, range: entry.range });
    // `date: 2 November 2021`: understood (the schema does not object), normalised in the model, the ISO form offered.
    const day = writtenDay(value);
    if (!day?.start) continue;
    if (key === 'date') {
      b.content.date = day;
      if (entry) b.map('/content/date', entry.range);
    }
    if (entry) {
      b.report('date-format', 'hint', {
        reason: `\`${String(value).trim()}\` is read as ${day.start}: written as ${day.start} (YYYY-MM-DD) it means the same to every tool.`,
        range: entry.range,
        fixes: [{ title: `Write the date as \`${day.start}\``, edits: [{ range: entry.range, newText: day.start }], preferred: true }],
      });
    }
  }
}

function quorumFromFrontMatter(meta: Record<string, unknown>, b: ModelBuilder): void {
  const q = meta.quorum;
  const entry = b.sourceMap.get('/meta/quorum');
  if ((typeof q !== 'number' && typeof q !== 'string') || !entry) return;
  const text = String(q);
  const meaning = typeof q === 'number' ? (Number.isInteger(q) && q > 0 ? { count: q } : undefined) : readQuorum(text);
  if (!meaning) return;
  b.content.quorum = { text, source: 'front-matter', ...meaning };
  b.sourceMap.set('/content/quorum', { range: entry.range });
}
