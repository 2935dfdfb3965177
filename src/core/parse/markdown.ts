/**
 * The Markdown parser: unified + remark-parse + remark-frontmatter, with the
 * GFM table extension only where a table can be. The other GFM extensions
 * (autolinks, footnotes, strikethrough, task lists) roughly halve parse speed
 * and nothing govmark reads needs them.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function remarkTables(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const withTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables).freeze();

/** A GFM delimiter row (`| --- | :-: |`); checked line by line, never backtracking. */
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/** True when some line could be a table's delimiter row, so the table extension is needed. */
export function mayContainTable(text: string): boolean {
  let from = 0;
  for (;;) {
    const bar = text.indexOf('|', from);
    if (bar < 0) return false;
    const lineStart = text.lastIndexOf('\n', bar) + 1;
    let lineEnd = text.indexOf('\n', bar);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line.length < 2000 && line.includes('-') && DELIMITER_ROW.test(line)) return true;
    from = lineEnd + 1;
  }
}

export function parseMarkdown(text: string): Root {
  return (mayContainTable(text) ? withTables : plain).parse(text) as Root;
}

/**
 * Parsed top-level sections kept between parses of one document (the editor),
 * keyed by their text: an edit re-parses only the section it touched.
 */
export interface ChunkCache {
  chunks: Map<string, { tree: Root; line: number; offset: number }>;
}

/**
 * Where top-level sections start: `#` and `##` headings at column 1, outside
 * fenced code, HTML blocks and comments. A heading always ends the block
 * before it, so each section parses on its own as it would in the whole.
 */
export function chunkStarts(text: string, bodyStart = 0, body?: { offset: number; line: number }): { starts: { offset: number; line: number }[]; definitions: string } {
  const starts = [body ?? { offset: 0, line: 1 }];
  const definitions: string[] = [];
  let definitionsLength = 0;
  let fence: string | undefined;
  let html: RegExp | undefined; // what ends the HTML block we are in
  let definitionMayStart = true;
  let line = starts[0].line;
  // Lines end at \n, \r\n or a lone \r, as in CommonMark and LineIndex: a chunk's line
  // number must agree with theirs. `cr` is the next \r, searched again only once passed.
  let cr = text.indexOf('\r', starts[0].offset);
  for (let at = starts[0].offset, next = at; at < text.length; at = next, line++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    next = end + 1;
    if (cr >= 0 && cr < at) cr = text.indexOf('\r', at);
    if (cr >= 0 && cr < end) {
      next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      end = cr;
    }
    const l = text.slice(at, Math.min(end, at + 200));
    if (fence !== undefined) {
      if (l.trimStart().startsWith(fence) && /^ {0,3}(`{3,}|~{3,})[ \t]*$/.test(l)) {
        fence = undefined;
        definitionMayStart = true;
      }
    } else if (html) {
      if (html.test(text.slice(at, end))) {
        html = undefined;
        definitionMayStart = true;
      }
    } else {
      const f = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(l);
      const h = f ? undefined : htmlBlockEnd(l);
      if (f) fence = f[1];
      else if (h) html = h.test(text.slice(at + l.indexOf('<') + 1, end)) ? undefined : h;
      else if (at >= bodyStart && at > starts[0].offset && /^#{1,2}(?:[ \t]|$)/.test(l)) starts.push({ offset: at, line });
      else if (at >= bodyStart && definitionMayStart && DEFINITION.test(l) && definitionsLength < MAX_DEFINITIONS) {
        const d = text.slice(at, end).trim();
        definitions.push(d);
        definitionsLength += d.length;
      }
      // A definition cannot interrupt a paragraph: `text\n[a]: url` is one paragraph.
      definitionMayStart = f !== null || h !== undefined || /^[ \t]*$/.test(l) || /^ {0,3}#{1,6}(?:[ \t]|$)/.test(l) || THEMATIC_BREAK.test(l) || (definitionMayStart && DEFINITION.test(l));
    }
  }
  return { starts, definitions: definitions.join('\n') };
}

/**
 * The start condition of a CommonMark HTML block on this line, as what ends the
 * block (tested against the rest of the start line and the following lines).
 */
function htmlBlockEnd(l: string): RegExp | undefined {
  if (!/^ {0,3}</.test(l)) return undefined;
  if (/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(l)) return /<\/(?:script|pre|style|textarea)>/i;
  if (/^ {0,3}<!--/.test(l)) return /-->/;
  if (/^ {0,3}<\?/.test(l)) return /\?>/;
  if (/^ {0,3}<!\[CDATA\[/.test(l)) return /\]\]>/;
  if (/^ {0,3}<![a-zA-Z]/.test(l)) return />/;
  // Other tags end at a blank line; treating every `<x` as one only ever merges sections, never splits one.
  if (/^ {0,3}<\/?[a-zA-Z]/.test(l)) return /^[ \t]*$/;
  return undefined;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** A one-line link reference definition: `[label]: url`. */
const DEFINITION = /^ {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S/;
/** Past this much definition text, sections are parsed without the others' definitions. */
const MAX_DEFINITIONS = 16_384;

function shift(tree: Root, lineDelta: number, offsetDelta: number): void {
  if (lineDelta === 0 && offsetDelta === 0) return;
  const stack: { position?: Root['position']; children?: unknown[] }[] = [tree];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const p = n.position;
    if (p) {
      p.start.line += lineDelta;
      p.end.line += lineDelta;
      if (p.start.offset !== undefined) p.start.offset += offsetDelta;
      if (p.end.offset !== undefined) p.end.offset += offsetDelta;
    }
    if (n.children) for (const c of n.children) stack.push(c as typeof n);
  }
}

/**
 * Appended to a section that a heading follows: when it does not parse as a
 * heading, the section ended inside a fenced code or HTML block (one that opened
 * inside a list item, say, and that the line scan took for closed), so the next
 * heading is not one either and the two sections are parsed together. A heading
 * closes every other block, so whether it is one depends only on what is open
 * before it: this probe answers for any heading line.
 */
const PROBE = '#\n';

/**
 * Parses section by section, reusing the cache's trees for sections whose text
 * did not change (moving their positions if text before them grew or shrank).
 * Without a cache, one parse per run of sections that need the same parser
 * (the table extension or not); positions are the document's.
 */
export function parseChunked(text: string, cache?: ChunkCache, bodyStart = 0, frontMatter?: FrontMatterSpan): Root {
  // A closed front matter is not given to the Markdown parser: it would tokenize every character
  // of it (a second for 2 MB) to make a node nothing reads. It is added as remark-frontmatter makes it.
  const body = frontMatter ? { offset: frontMatter.end, line: frontMatter.bodyLine } : undefined;
  const { starts, definitions } = chunkStarts(text, bodyStart, body);
  // A reference link in one section may be defined in another: every section sees every definition.
  const suffix = definitions === '' ? '' : '\n\n' + definitions + '\n';
  const next = new Map<string, { tree: Root; line: number; offset: number }>();
  const root: Root = { type: 'root', children: [] };
  if (frontMatter) root.children.push(yamlNode(text, frontMatter));
  const sectionEnd = (k: number) => (k + 1 < starts.length ? starts[k + 1].offset : text.length);
  for (let i = 0; i < starts.length; ) {
    const { offset, line } = starts[i];
    let j = i + 1;
    if (!cache && i > 0) {
      // Nothing to reuse: neighbouring sections that need the same parser go in one call
      // (the same trees; each call has a fixed cost of about 0.07 ms). Not the first section:
      // front matter left open changes how the rest of its parse reads (`- item` as text).
      const tables = mayContainTable(text.slice(offset, sectionEnd(i)));
      while (j < starts.length && mayContainTable(text.slice(starts[j].offset, sectionEnd(j))) === tables) j++;
    }
    let entry: { tree: Root; line: number; offset: number } | undefined;
    let key = '';
    while (!entry) {
      const last = j >= starts.length;
      const chunk = text.slice(offset, last ? text.length : starts[j].offset);
      // The last section gets the probe too when definitions follow it: ending inside an open
      // fence or HTML block, it would read them as its own text (`[a]: url` then `~~~`).
      const lead = last && !chunk.endsWith('\n') ? '\n' : '';
      const probed = !last || suffix !== '';
      key = chunk + (probed ? lead + PROBE : '') + suffix;
      entry = cache?.chunks.get(key);
      if (entry && !next.has(key)) {
        shift(entry.tree, line - entry.line, offset - entry.offset);
        entry.line = line;
        entry.offset = offset;
        break;
      }
      let tree = parseMarkdown(key);
      if (probed && !startsHeading(tree, chunk.length + lead.length)) {
        if (!last) {
          entry = undefined;
          j++;
          continue;
        }
        // Open to the end of the document: no definition can be read after it, as in one parse of the whole text.
        key = chunk;
        tree = parseMarkdown(key);
      }
      tree.children = tree.children.filter((c) => (c.position?.start.offset ?? 0) < chunk.length);
      shift(tree, line - 1, offset);
      entry = { tree, line, offset };
    }
    next.set(key, entry);
    for (const c of entry.tree.children) root.children.push(c);
    i = j;
  }
  if (cache) cache.chunks = next;
  return root;
}

/** A closed front matter block, as `parse` found it: the first body line starts at `end`. */
export interface FrontMatterSpan {
  /** Offsets where its YAML starts and ends (the start of the closing line). */
  contentStart: number;
  contentEnd: number;
  /** Where the closing fence ends (before its line break). */
  close: { line: number; column: number; offset: number };
  /** Offset of the line after the closing fence, and that line's number. */
  end: number;
  bodyLine: number;
}

/** The `yaml` node remark-frontmatter makes: from the opening fence to the end of the closing one. */
function yamlNode(text: string, fm: FrontMatterSpan): Root['children'][number] {
  return {
    type: 'yaml',
    value: text.slice(fm.contentStart, fm.contentEnd).replace(/(?:\r?\n|\r)$/, ''),
    position: { start: { line: 1, column: 1, offset: 0 }, end: { ...fm.close } },
  };
}

/** True when the tree has a heading starting at `offset` (the probe parsed as one). */
function startsHeading(tree: Root, offset: number): boolean {
  return tree.children.some((c) => c.type === 'heading' && c.position?.start.offset === offset);
}
