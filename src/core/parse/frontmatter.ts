/**
 * Front matter: finding the block, reading its YAML with bounded cost, and
 * translating YAML offsets into document coordinates — in exactly one place
 * (`FrontMatterReader.range`).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node as YamlNode } from 'yaml';
import type { SourceEntry } from '../model.js';
import type { LineIndex } from '../text/lines.js';
import type { Range } from '../text/range.js';

export interface FrontMatterBlock {
  /** Offset of the opening `---`. */
  start: number;
  /** Offset where the YAML content starts (after the opening line). */
  contentStart: number;
  /** Offset where the YAML content ends (start of the closing line). */
  contentEnd: number;
  /** Offset just after the closing fence line (or the end of text when unclosed). */
  end: number;
  closed: boolean;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Finds a front matter block at the very start of the text (no BOM). */
export function findFrontMatter(text: string, lines: LineIndex): FrontMatterBlock | undefined {
  if (!text.startsWith('---') || !FENCE.test(lines.lineText(1))) return undefined;
  const contentStart = lines.lineCount > 1 ? lines.lineStarts[1] : text.length;
  for (let line = 2; line <= lines.lineCount; line++) {
    const t = lines.lineText(line);
    if (t.length <= 8 && CLOSE.test(t)) {
      const contentEnd = lines.lineStarts[line - 1];
      const end = line < lines.lineCount ? lines.lineStarts[line] : text.length;
      return { start: 0, contentStart, contentEnd, end, closed: true };
    }
  }
  return { start: 0, contentStart, contentEnd: text.length, end: text.length, closed: false };
}

export interface YamlProblem {
  kind: 'syntax' | 'duplicate-key' | 'alias-cycle' | 'alias-undefined' | 'too-complex';
  reason: string;
  range: Range;
}

export interface FrontMatterResult {
  /** The front matter as JSON-compatible data (an empty object when absent or unreadable). */
  data: Record<string, unknown>;
  /** JSON pointers under `/meta` → ranges. */
  entries: Map<string, SourceEntry>;
  problems: YamlProblem[];
}

/** Deeper YAML than this is not walked for ranges (pathological nesting). */
const MAX_DEPTH = 64;
/** yaml's own default; lifting it makes alias bombs expensive. */
const MAX_ALIAS_COUNT = 100;
/** Keys read one by one, past an alias bound, that may hold aliases (each costs a walk of the document). */
const MAX_ALIASED_KEYS = 200;
/** Characters of front matter those walks may cover in all (a 200 KB front matter gets 20 keys). */
const ALIAS_WALK_BUDGET = 4_000_000;

/** Past this, a front matter is read a run of top-level keys at a time (`readInParts`). */
const HUGE_FRONT_MATTER = 512 * 1024;
/** One top-level value past this in such a front matter is read as empty. */
const HUGE_VALUE = 256 * 1024;
/** The size of each run of keys read at once. */
const PART = 32 * 1024;
/** An anchor (`&name`) whose aliases could be in another part. */
const ANCHOR = /(?:^|[\s[{,:-])&[^\s,\]}]+/m;

/** A key as it appears in a source-map pointer (JSON Pointer escaping). */
function pointerKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export class FrontMatterReader {
  constructor(
    private readonly lines: LineIndex,
    private readonly block: FrontMatterBlock,
  ) {}

  /** The one translation of a YAML offset range into document coordinates. */
  range(yamlStart: number, yamlEnd: number): Range {
    const base = this.block.contentStart;
    const limit = this.block.contentEnd;
    return this.lines.range(Math.min(base + yamlStart, limit), Math.min(base + yamlEnd, limit));
  }

  read(): FrontMatterResult {
    // yaml breaks lines at \n only; a lone \r (old Mac line ending) becomes \n, same length, same offsets.
    const source = this.lines.text.slice(this.block.contentStart, this.block.contentEnd).replace(/\r(?!\n)/g, '\n');
    if (source.length > HUGE_FRONT_MATTER && !ANCHOR.test(source)) return this.readInParts(source);
    const entries = new Map<string, SourceEntry>();
    const problems: YamlProblem[] = [];
    const lineCounter = new LineCounter();
    let doc;
    try {
      // uniqueKeys: false — yaml's own duplicate check is quadratic (19 s on 50k keys); we check in linear time below.
      // logLevel 'error': yaml would print its warnings (a `[a]: b` key stringified) on the host's stderr.
      doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, lineCounter, strict: false, logLevel: 'error' });
    } catch (error) {
      return { data: {}, entries, problems: [{ kind: 'too-complex', reason: `The front matter is too complex to read: ${tooComplexReason(error)}.`, range: this.range(0, source.length) }] };
    }
    for (const e of doc.errors) {
      let [s, t] = e.pos;
      if (e.code === 'MISSING_CHAR' && /quote/.test(e.message)) [s, t] = openingQuote(source, s);
      problems.push({ kind: 'syntax', reason: yamlReason(e.code, e.message), range: this.range(s, Math.max(t, s + 1)) });
    }
    // `x: *nope`: an alias whose anchor is not set before it names nothing. yaml would refuse the whole
    // front matter for it; each one is reported where it is written and read as empty instead.
    for (const alias of undefinedAliases(doc)) {
      const r = alias.range;
      problems.push({
        kind: 'alias-undefined',
        reason: `The alias \`*${alias.source}\` names no anchor: no value before it is marked \`&${alias.source}\`, so it is read as empty. Mark the value it should repeat with \`&${alias.source}\` (before this line), or write the value here.`,
        range: r ? this.range(r[0], Math.max(r[1], r[0] + 1)) : this.range(0, source.length),
      });
    }
    let data: unknown = {};
    if (doc.errors.length === 0 || doc.contents) data = this.toData(doc, source, problems);
    if (doc.contents) this.walk(doc.contents as YamlNode, '/meta', entries, problems);
    // `x: &a [*a]`: an alias inside the value it names makes the data circular (JSON cannot hold it, and
    // nothing could check it). Each such alias is reported where it is written and read as empty.
    if (doc.contents) {
      const cycles = cyclicAliases(doc.contents as YamlNode);
      for (const alias of cycles) {
        const r = alias.range;
        problems.push({
          kind: 'alias-cycle',
          reason: `The alias \`*${alias.source}\` refers to the value that contains it, so that value would never end; it is read as empty. Repeat the value instead of the alias.`,
          range: r ? this.range(r[0], Math.max(r[1], r[0] + 1)) : this.range(0, source.length),
        });
      }
      if (cycles.length > 0) data = withoutCycles(data);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      if (doc.errors.length === 0 && source.trim() !== '') {
        problems.push({ kind: 'syntax', reason: 'Front matter must be a mapping of keys to values (`key: value` lines).', range: this.range(0, source.length) });
      }
      data = {};
    }
    return { data: data as Record<string, unknown>, entries, problems };
  }

  /**
   * A front matter past `HUGE_FRONT_MATTER` (with no anchors to share between
   * its keys): read key by key, a run of top-level keys at a time, so its cost
   * stays linear and its memory small. A single value past `HUGE_VALUE` is
   * read as empty, said at its key; duplicate keys across parts are reported
   * as they are within one.
   */
  private readInParts(source: string): FrontMatterResult {
    const data: Record<string, unknown> = {};
    const entries = new Map<string, SourceEntry>();
    const problems: YamlProblem[] = [];
    // Offsets of the top-level keys: lines that start with neither space, `-`, `#` nor a flow or block marker.
    const starts: number[] = [];
    for (let at = 0; at < source.length; ) {
      const c = source.charCodeAt(at);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 35 && c !== 45 && c !== 93 && c !== 125) starts.push(at);
      const nl = source.indexOf('\n', at);
      if (nl < 0) break;
      at = nl + 1;
    }
    if (starts[0] !== 0) starts.unshift(0);
    starts.push(source.length);
    const part = (from: number, to: number) => {
      const reader = new FrontMatterReader(this.lines, { ...this.block, contentStart: this.block.contentStart + from, contentEnd: this.block.contentStart + to });
      const got = reader.read();
      for (const [key, value] of Object.entries(got.data)) {
        if (Object.hasOwn(data, key)) {
          const at = got.entries.get(`/meta/${pointerKey(key)}`);
          problems.push({ kind: 'duplicate-key', reason: `The key \`${key}\` appears twice in the front matter; the last value wins.`, range: at?.keyRange ?? at?.range ?? reader.range(0, 1) });
        }
        data[key] = value;
      }
      for (const [k, v] of got.entries) entries.set(k, v);
      problems.push(...got.problems);
    };
    let from = 0;
    for (let k = 1; k < starts.length; k++) {
      const [start, end] = [starts[k - 1], starts[k]];
      if (end - start > HUGE_VALUE) {
        if (start > from) part(from, start);
        const key = /^([^:\n]{1,200}):/.exec(source.slice(start, start + 201))?.[1]?.trim() ?? '';
        const keyAt = this.range(start, start + Math.max(1, key.length));
        if (key !== '') {
          data[key] = null;
          entries.set(`/meta/${pointerKey(key)}`, { range: keyAt, keyRange: keyAt });
        }
        problems.push({
          kind: 'too-complex',
          reason: `The value of \`${key.slice(0, 80)}\` is ${Math.round((end - start) / 1024)} KB of YAML, too large to read in the front matter; it is read as empty. Move it into the body or another file.`,
          range: keyAt,
        });
        from = end;
      } else if (end - from > PART) {
        part(from, start > from ? start : end);
        from = start > from ? start : end;
      }
    }
    if (from < source.length) part(from, source.length);
    return { data, entries, problems };
  }

  /**
   * The front matter as data. When the whole cannot be made (aliases that would copy values past the
   * bound, nesting too deep to convert), each top-level key is made on its own: the key at fault is
   * reported at its value and read as empty, and every other key is still read and checked.
   */
  private toData(doc: Document, source: string, problems: YamlProblem[]): unknown {
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    } catch (error) {
      const contents = doc.contents as YamlNode | null;
      if (!isMap(contents)) {
        problems.push({ kind: 'too-complex', reason: `The front matter is too complex to read: ${tooComplexReason(error)}.`, range: this.range(0, source.length) });
        return {};
      }
      const out: Record<string, unknown> = {};
      // Each alias resolved on its own walks the whole document: past a few hundred keys with aliases,
      // the rest are read as empty and said so once (20,000 `kN: *b` would otherwise take minutes).
      const limit = Math.min(MAX_ALIASED_KEYS, Math.max(10, Math.floor(ALIAS_WALK_BUDGET / Math.max(1, source.length))));
      let aliased = 0;
      let skipped = 0;
      let firstSkipped: { key: string; range?: [number, number, number] } | undefined;
      for (const pair of contents.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
        const valueNode = pair.value as YamlNode | null;
        if (valueNode && hasAlias(valueNode) && ++aliased > limit) {
          out[key] = null;
          if (skipped++ === 0) firstSkipped = { key, range: (valueNode.range ?? keyNode?.range) as [number, number, number] | undefined };
          continue;
        }
        try {
          out[key] = valueNode ? valueNode.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : null;
        } catch (e) {
          out[key] = null;
          const r = valueNode?.range ?? keyNode?.range;
          problems.push({
            kind: 'too-complex',
            reason: `The value of \`${key.slice(0, 80)}\` is too complex to read: ${tooComplexReason(e)}; it is read as empty.`,
            range: r ? this.range(r[0], Math.max(r[1], r[0] + 1)) : this.range(0, source.length),
          });
        }
      }
      if (firstSkipped) {
        const r = firstSkipped.range;
        problems.push({
          kind: 'too-complex',
          reason: `The front matter is too complex to read in full: its aliases (\`*name\`) would copy values more than ${MAX_ALIAS_COUNT} times over, so the ${skipped} keys with aliases from \`${firstSkipped.key.slice(0, 80)}\` on are read as empty; write the values out instead.`,
          range: r ? this.range(r[0], Math.max(r[1], r[0] + 1)) : this.range(0, source.length),
        });
      }
      return out;
    }
  }

  /** Records a range for every key and value; iterative so deep nesting cannot overflow the stack. */
  private walk(root: YamlNode, rootPointer: string, entries: Map<string, SourceEntry>, problems: YamlProblem[]): void {
    const stack: { node: YamlNode; pointer: string; depth: number }[] = [{ node: root, pointer: rootPointer, depth: 0 }];
    while (stack.length > 0) {
      const { node, pointer, depth } = stack.pop()!;
      if (depth > MAX_DEPTH || isAlias(node)) continue;
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          const keyNode = pair.key as YamlNode | null;
          const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
          const keyRange = keyNode?.range ? this.range(keyNode.range[0], keyNode.range[1]) : undefined;
          if (seen.has(key) && keyRange) {
            problems.push({ kind: 'duplicate-key', reason: `The key \`${key}\` appears twice in the front matter; the last value wins.`, range: keyRange });
          }
          seen.add(key);
          const child = pointer + '/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
          const valueNode = pair.value as YamlNode | null;
          const range = valueNode?.range
            ? this.range(valueNode.range[0], valueNode.range[1])
            : keyNode?.range
              ? this.range(keyNode.range[0], keyNode.range[2])
              : undefined;
          if (range) entries.set(child, keyRange ? { range, keyRange } : { range });
          if (valueNode) stack.push({ node: valueNode, pointer: child, depth: depth + 1 });
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          const n = item as YamlNode;
          const child = `${pointer}/${i}`;
          if (n?.range) entries.set(child, { range: this.range(n.range[0], n.range[1]) });
          if (n) stack.push({ node: n, pointer: child, depth: depth + 1 });
        });
      }
      if (pointer === rootPointer && node.range) {
        entries.set(rootPointer, { range: this.range(node.range[0], node.range[2]) });
      }
    }
  }
}

/**
 * yaml reports an unclosed quote where the text ends; the author needs the line
 * where the quote was opened: the last value that starts with a quote before it.
 */
/** Where a quoted string that yaml says is unclosed opens (yaml reports the end of the text). */
export function openingQuote(source: string, pos: number): [number, number] {
  const re = /(?:^|[:\-[,{][ \t]*)(["'])/gm;
  let found = -1;
  for (let m = re.exec(source); m && m.index < pos; m = re.exec(source)) found = m.index + m[0].length - 1;
  if (found < 0) return [pos, pos + 1];
  const lineEnd = source.indexOf('\n', found);
  return [found, lineEnd < 0 ? source.length : lineEnd];
}

function yamlReason(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'MISSING_CHAR':
      return `Front matter YAML: ${first} (an unclosed quoted string or bracket?)`;
    case 'BAD_INDENT':
      return `Front matter YAML: ${first} (check the indentation)`;
    default:
      return `Front matter YAML: ${first}`;
  }
}

/** Aliases written inside the node their anchor names (`&a [*a]`, `&a {self: *a}`): cycles. */
function cyclicAliases(root: YamlNode): { source: string; range?: [number, number, number] }[] {
  const out: { source: string; range?: [number, number, number] }[] = [];
  const stack: { node: YamlNode; anchors: readonly string[]; depth: number }[] = [{ node: root, anchors: [], depth: 0 }];
  while (stack.length > 0 && out.length < 100) {
    const { node, anchors, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (isAlias(node)) {
      if (anchors.includes(node.source)) out.push({ source: node.source, range: node.range as [number, number, number] | undefined });
      continue;
    }
    const own = (node as { anchor?: string }).anchor;
    const here = own ? [...anchors, own] : anchors;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.key && typeof pair.key === 'object') stack.push({ node: pair.key as YamlNode, anchors: here, depth: depth + 1 });
        if (pair.value && typeof pair.value === 'object') stack.push({ node: pair.value as YamlNode, anchors: here, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item && typeof item === 'object') stack.push({ node: item as YamlNode, anchors: here, depth: depth + 1 });
    }
  }
  return out.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

/** A copy of `data` in which every value that contains itself is replaced by null (iterative, bounded by the input). */
function withoutCycles(data: unknown): unknown {
  const onPath = new Set<object>();
  const copy = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (onPath.has(v) || depth > MAX_DEPTH) return null;
    onPath.add(v);
    try {
      if (Array.isArray(v)) return v.map((x) => copy(x, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = copy(x, depth + 1);
      return out;
    } finally {
      onPath.delete(v);
    }
  };
  return copy(data, 0);
}

/** What stopped yaml from making the data, in the author's words (never the engine's). */
function tooComplexReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(message)) return `its aliases (\`*name\`) would copy values more than ${MAX_ALIAS_COUNT} times over; write the values out instead`;
  if (error instanceof RangeError) return 'it is nested too deeply or is too large; flatten it';
  return 'it cannot be turned into keys and values; simplify it';
}

/**
 * Aliases whose anchor is not set before them (in document order, as yaml
 * resolves them), each replaced in the tree by an empty value so the rest can
 * be read. Iterative, so no nesting depth can overflow the stack.
 */
function undefinedAliases(doc: Document): { source: string; range?: [number, number, number] }[] {
  const out: { source: string; range?: [number, number, number] }[] = [];
  const defined = new Set<string>();
  const empty = (alias: YamlNode & { source: string }): Scalar => {
    out.push({ source: alias.source, range: alias.range as [number, number, number] | undefined });
    const s = new Scalar(null);
    if (alias.range) s.range = [alias.range[0], alias.range[1], alias.range[2]];
    return s;
  };
  const root = doc.contents as YamlNode | null;
  if (isAlias(root)) {
    doc.contents = empty(root);
    return out;
  }
  // Each slot holds a node and says how to replace it.
  type Slot = { node: unknown; set: (n: Scalar) => void };
  const stack: Slot[] = root ? [{ node: root, set: () => undefined }] : [];
  while (stack.length > 0) {
    const { node, set } = stack.pop()!;
    if (isAlias(node)) {
      if (!defined.has(node.source)) set(empty(node));
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) defined.add(anchor);
    const children: Slot[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        children.push({ node: pair.key, set: (n) => (pair.key = n) });
        children.push({ node: pair.value, set: (n) => (pair.value = n) });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        // A pair in a sequence (`[a: *x]`) holds its own key and value.
        if (isPair(item)) {
          children.push({ node: item.key, set: (n) => (item.key = n) });
          children.push({ node: item.value, set: (n) => (item.value = n) });
        } else children.push({ node: item, set: (n) => (node.items[i] = n) });
      });
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
  return out.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

/** Whether an alias is written anywhere in `root` (iterative, linear in its size). */
function hasAlias(root: YamlNode): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return true;
    if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
    else if (isSeq(node)) for (const item of node.items) stack.push(isPair(item) ? item.value : item, isPair(item) ? item.key : undefined);
  }
  return false;
}
