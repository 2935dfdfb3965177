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
import { badCount, MAX_SEATS, readQuorum } from '../read/phrases/numbers.js';
import { BUILTIN_TYPES, type GovDocument } from '../model.js';
import { withJSON } from '../serialize.js';
import { expectArgument, expectOptions } from '../arguments.js';
import { LineIndex } from '../text/lines.js';
import type { Range } from '../text/range.js';
import { closest } from '../text/similar.js';
import { describeEvidence, inferKind, kindPathOfUri, type KindInference } from '../kind/infer.js';
import { CHEAP_READS, CHEAP_SKIPS, readBodyCheaply } from './cheap.js';
import { costOf, riskOf } from './cost.js';
import { findFrontMatter, FrontMatterReader, type FrontMatterBlock, type YamlProblem } from './frontmatter.js';
import { parseChunked, type ChunkCache, type FrontMatterSpan } from './markdown.js';

export interface ParseOptions {
  /** The document's URI; messages carry it. */
  uri?: string;
  /** Read the document as this type whatever its front matter says (`--type`). */
  type?: string;
  /** The type a config glob gives the file's path: used when the front matter has no `type:`. */
  configType?: string;
  /**
   * Recognise the kind of a document that declares none (no `type:`, no
   * `configType`) from its path and text (default true). See `core/kind/infer.ts`.
   */
  infer?: boolean;
  /**
   * The file's path relative to the workspace or repository root, for
   * recognising its kind (`minutes/2024-01-09.md`). Without it, only the file
   * name and its folder are taken from the URI.
   */
  path?: string;
  /** Custom types are known from here; `infer: false` turns recognition off. */
  config?: Pick<ResolvedConfig, 'customTypes'> & Partial<Pick<ResolvedConfig, 'infer'>>;
  /**
   * By default a linear scan first decides whether the Markdown parse could
   * stall (nesting, unpaired marks, huge tables; see `riskOf`): such a document
   * is read line by line, with a `too-complex` warning saying why, and every
   * other is parsed. `full` always parses the Markdown (the caller bounds the
   * time); `cheap` reads it line by line only (used past the time bound, with
   * `cheapReason` saying why).
   */
  mode?: 'full' | 'cheap';
  /** Why the cheap pass was used, for the `too-complex` message. */
  cheapReason?: string;
  /** Sections parsed last time (the editor keeps one per document): only changed ones are re-parsed. */
  chunkCache?: ChunkCache;
}

/** The rule that reports each kind of front matter problem. */
const YAML_RULES: Record<YamlProblem['kind'], string> = {
  syntax: 'yaml-syntax',
  'duplicate-key': 'yaml-duplicate-key',
  'alias-cycle': 'yaml-alias-cycle',
  'alias-undefined': 'yaml-alias-undefined',
  'too-complex': 'too-complex',
};

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
  expectArgument(typeof input === 'string', 'parse', 'text', "a string (the document's Markdown)", input);
  expectOptions('parse', options);
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
      const ruleId = YAML_RULES[problem.kind];
      const severity = problem.kind === 'syntax' || problem.kind === 'alias-cycle' || problem.kind === 'alias-undefined' ? 'error' : 'warning';
      b.report(ruleId, severity, { reason: problem.reason, range: problem.range });
    }
  }

  const decided = decideType(meta, options, b, text);
  const type = decided.type;
  const doc: GovDocument = withJSON({
    uri,
    text,
    lines,
    type,
    typeSource: decided.source,
    ...(decided.inference ? { typeInference: decided.inference } : {}),
    data: { meta, content: b.content },
    sourceMap: b.sourceMap,
    frontMatterRange,
    frontMatterContentRange,
    messages: b.messages,
    complete: true,
  });
  // Most Markdown in a repository is not a governance document: its body is never parsed.
  if (type === undefined) return doc;
  if (decided.source === 'inferred' && decided.inference) reportRecognised(b, decided.inference, type, block, recognisedRange(doc));

  checkFrontMatterDates(meta, b);
  const reading = readingFor(baseType(type, options.config));
  const bodyStartLine = block ? lines.point(block.end).line : 1;
  // What would stall the full parse, found by a linear scan before it, so no host pays its time bound in full.
  const risk = options.mode === undefined ? riskOf(text, lines, block) : undefined;
  if (options.mode === 'cheap' || risk) {
    readBodyCheaply(b, reading, bodyStartLine);
    doc.complete = false;
    // Which limit it met, in the author's terms: a YAML or size problem is not blamed on emphasis.
    const cost = risk ?? costOf(text, lines, block);
    const why = (risk ? undefined : options.cheapReason) ?? 'This document is too complex to check fully';
    b.report('too-complex', 'warning', {
      reason: `${why}${cost ? `: ${cost.cause}` : ''}. Only ${CHEAP_READS}; ${CHEAP_SKIPS}. ${cost?.advice ?? 'Split it into smaller files'} to have it checked in full.`,
      range: lines.lineRange(firstTextLine(lines, bodyStartLine)),
      fatal: true,
    });
  } else {
    readBody(b, reading, parseChunked(text, options.chunkCache, block?.end ?? 0, block?.closed ? frontMatterSpan(text, lines, block) : undefined), meta);
  }
  quorumFromFrontMatter(meta, b);
  return doc;
}

/**
 * Says how a document that declares no type was recognised, on its first line
 * with text, with a fix that declares it (the author's explicit action).
 */
function reportRecognised(b: ModelBuilder, inference: KindInference, type: string, block: ReturnType<typeof findFrontMatter>, range: Range): void {
  const { lines } = b;
  const edit = block
    ? { range: lines.range(block.contentStart, block.contentStart), newText: `type: ${type}\n` }
    : { range: lines.range(0, 0), newText: `---\ntype: ${type}\n---\n\n` };
  b.report('recognised-type', 'hint', {
    reason: `Read as ${KIND_NAMES[type] ?? type}, recognised from ${describeEvidence(inference)}. Add \`type: ${type}\` to the front matter to say so and have it checked in full.`,
    range,
    data: { scores: inference.scores, evidence: inference.evidence.slice(0, 8) },
    fixes: [{ title: `Declare it: add 'type: ${type}'`, edits: [edit], preferred: true }],
  });
}

const KIND_NAMES: Record<string, string> = { 'terms-of-reference': 'terms of reference', minutes: 'minutes', resolution: 'a decision record', timeline: 'a timeline' };

/** Where a recognised kind is shown (the hint, hover, the outline): the first line with text after the front matter. */
export function recognisedRange(doc: Pick<GovDocument, 'frontMatterRange' | 'lines'>): Range {
  const end = frontMatterEnd(doc);
  return doc.lines.lineRange(firstTextLine(doc.lines, end !== undefined ? doc.lines.point(end).line : 1));
}

/** The first line from `from` on that has text (the message's place), or line 1. */
function firstTextLine(lines: LineIndex, from: number): number {
  for (let line = from; line <= lines.lineCount && line < from + 1000; line++) {
    if (lines.lineEnd(line) > lines.lineStarts[line - 1] && lines.lineText(line).trim() !== '') return line;
  }
  return from <= lines.lineCount ? from : 1;
}

interface DecidedType {
  type?: string;
  source: GovDocument['typeSource'];
  inference?: KindInference;
}

/**
 * The type, in this order: `--type`; the front matter's `type:`; a config
 * glob; recognised from the path and text. A `type:` that is not ours (a
 * blog's `type: post`) means the file is someone else's: not inferred.
 */
function decideType(meta: Record<string, unknown>, options: ParseOptions, b: ModelBuilder, text: string): DecidedType {
  if (options.type) return { type: options.type, source: 'option' };
  const declared = meta.type;
  if (typeof declared === 'string') {
    const t = declaredType(declared, options, b);
    return t ? { type: t, source: 'front-matter' } : { source: 'none' };
  }
  if (options.configType) return { type: options.configType, source: 'config' };
  if (options.infer === false || options.config?.infer === false) return { source: 'none' };
  const inference = inferKind({ text, path: options.path ?? kindPathOfUri(b.uri) });
  return inference.type ? { type: inference.type, source: 'inferred', inference } : { source: 'none', inference };
}

function declaredType(declared: string, options: ParseOptions, b: ModelBuilder): string | undefined {
  const known = knownTypes(options.config);
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
  // A number the schema accepts but no membership has (`quorum: 99999999999`) is reported by the schema's maximum.
  const meaning = typeof q === 'number' ? (Number.isInteger(q) && q > 0 && q <= MAX_SEATS ? { count: q } : undefined) : readQuorum(text);
  if (!meaning) {
    // `quorum: "2.5 members"`, `quorum: "-3"`: said at the number, never read as 5 or passed over.
    const bad = typeof q === 'string' ? badCount(text) : undefined;
    if (bad) {
      const written = text.slice(bad.at, bad.at + bad.length);
      const at = b.text.slice(entry.range.start.offset, entry.range.end.offset).indexOf(written);
      const range = at < 0 ? entry.range : b.range(entry.range.start.offset + at, entry.range.start.offset + at + written.length);
      b.report('seat-count', 'error', { reason: `${bad.reason}, so the quorum is not read.`, range });
    }
    return;
  }
  b.content.quorum = { text, source: 'front-matter', ...meaning };
  b.sourceMap.set('/content/quorum', { range: entry.range });
}

/** The offset just after a document's front matter block (with its closing line), if it has one. */
function frontMatterEnd(doc: Pick<GovDocument, 'frontMatterRange' | 'lines'>): number | undefined {
  const r = doc.frontMatterRange;
  if (!r) return undefined;
  return r.end.line < doc.lines.lineCount ? doc.lines.lineStarts[r.end.line] : doc.lines.lineEnd(r.end.line);
}

/** Where a closed front matter's parts are, for the Markdown parser to start after it. */
function frontMatterSpan(text: string, lines: LineIndex, block: FrontMatterBlock): FrontMatterSpan {
  let close = block.end;
  while (close > block.contentEnd && (text.charCodeAt(close - 1) === 10 || text.charCodeAt(close - 1) === 13)) close--;
  return { contentStart: block.contentStart, contentEnd: block.contentEnd, close: lines.point(close), end: block.end, bodyLine: lines.point(block.end).line };
}
