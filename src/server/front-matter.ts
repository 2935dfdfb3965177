/**
 * Finding front matter values from a position: the model's source map (hover,
 * definition, references) and, for completion, the text itself (a half-typed
 * key is not valid YAML, so the model may not have it yet).
 */
import type { ResolvedConfig } from '../core/config.js';
import type { GovDocument, SourceEntry } from '../core/model.js';
import { findFrontMatter } from '../core/parse/frontmatter.js';
import { builtinSchemas, getSchemaForType } from '../core/schemas/index.js';
import { unescapePointerToken } from '../core/source-map.js';
import type { LineIndex } from '../core/text/lines.js';
import type { Range } from '../core/text/range.js';

/** Front matter keys whose values are ids of other documents. */
export const REFERENCE_KEYS: readonly string[] = ['terms', 'supersedes', 'amends'];

function inside(r: Range, offset: number): boolean {
  return r.start.offset <= offset && offset <= r.end.offset;
}

/** The deepest front matter entry at `offset`, and whether the offset is on its key. */
export function frontMatterEntryAt(doc: GovDocument, offset: number): { pointer: string; entry: SourceEntry; onKey: boolean } | undefined {
  let best: { pointer: string; entry: SourceEntry; onKey: boolean } | undefined;
  for (const [pointer, entry] of doc.sourceMap) {
    if (!pointer.startsWith('/meta/')) continue;
    const onKey = entry.keyRange !== undefined && inside(entry.keyRange, offset);
    if (!onKey && !inside(entry.range, offset)) continue;
    if (!best || pointer.length > best.pointer.length) best = { pointer, entry, onKey };
  }
  return best;
}

/** The model value at a pointer (`/meta/adopted/date`). */
export function valueAt(doc: GovDocument, pointer: string): unknown {
  let value: unknown = doc.data;
  for (const token of pointer.slice(1).split('/').map(unescapePointerToken)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** The schema for a document type, or for an unknown type the shared definitions only. */
export function schemaFor(type: string | undefined, config: ResolvedConfig): Record<string, unknown> | undefined {
  return type !== undefined ? getSchemaForType(type, config) : undefined;
}

/** The shared definition of `type:`, for documents whose type is not (yet) known. */
export function documentTypeSchema(): Record<string, unknown> {
  const defs = builtinSchemas['defs.schema.json'].$defs as Record<string, Record<string, unknown>>;
  return defs.documentType;
}

/** Where the cursor is in the front matter, read from the text. */
export interface FrontMatterContext {
  /** The type the front matter declares, if any. */
  type?: string;
  /** Pointer of the mapping the cursor's key belongs to: `/meta`, `/meta/adopted`. */
  parent: string;
  /** Editing a key (`sta|`) or a value (`status: dr|`, `  - trafford|`). */
  kind: 'key' | 'value';
  /** The key whose value is edited (for `value`). */
  key?: string;
  /** Pointer of the value edited, e.g. `/meta/status`, `/meta/supersedes/0`. */
  pointer?: string;
  /** Range (offsets) the completion replaces. */
  replaceStart: number;
  replaceEnd: number;
  /** Keys already present in the same mapping. */
  siblings: Set<string>;
  /** Indentation of the line. */
  indent: string;
}

const KEY_LINE = /^(\s*)([A-Za-z0-9_$][\w$.-]*)\s*:(?:\s|$)/;

/** The front matter context at `offset`, undefined when the offset is not inside the front matter. */
export function frontMatterContext(text: string, lines: LineIndex, offset: number): FrontMatterContext | undefined {
  const block = findFrontMatter(text, lines);
  if (!block || offset < block.contentStart || offset > block.contentEnd) return undefined;
  const here = lines.point(offset);
  const lineStart = lines.lineStarts[here.line - 1];
  const lineText = lines.lineText(here.line);
  const before = lineText.slice(0, offset - lineStart);
  const firstLine = lines.point(block.contentStart).line;
  const lastLine = lines.point(Math.max(block.contentStart, block.contentEnd - 1)).line;

  const type = declaredType(lines, firstLine, lastLine);
  const indent = /^\s*/.exec(lineText)![0];
  // The mapping the line belongs to: walk up to less indented `key:` lines.
  const path: string[] = [];
  let level = indent.length;
  let listItem = /^\s*-\s/.test(before);
  for (let l = here.line - 1; l >= firstLine && level > 0; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
    const ind = /^\s*/.exec(t)![0].length;
    if (ind >= level) continue;
    const m = KEY_LINE.exec(t);
    if (!m) break;
    path.unshift(m[2]);
    level = ind;
  }
  const parentPath = listItem ? path.slice(0, -1) : path;
  const parent = ['/meta', ...parentPath].join('/');

  const valueLine = /^(\s*)([A-Za-z0-9_$][\w$.-]*)\s*:[ \t]*(.*)$/.exec(before);
  if (listItem) {
    const key = path[path.length - 1];
    const m = /^(\s*-\s+)(.*)$/.exec(before)!;
    const start = lineStart + m[1].length;
    return { type, parent, kind: 'value', key, pointer: key !== undefined ? `${parent}/${key}/0` : undefined, replaceStart: start, replaceEnd: Math.max(start, lineStart + lineText.trimEnd().length), siblings: new Set(), indent };
  }
  if (valueLine) {
    const key = valueLine[2];
    const start = lineStart + before.length - valueLine[3].length;
    return { type, parent, kind: 'value', key, pointer: `${parent}/${key}`, replaceStart: start, replaceEnd: Math.max(start, lineStart + lineText.trimEnd().length), siblings: new Set(), indent };
  }
  const keyStart = lineStart + indent.length;
  const siblings = siblingKeys(lines, firstLine, lastLine, here.line, indent.length);
  const rest = /^[\w$.-]*/.exec(lineText.slice(offset - lineStart))![0];
  return { type, parent, kind: 'key', replaceStart: Math.min(keyStart, offset), replaceEnd: offset + rest.length, siblings, indent };
}

function declaredType(lines: LineIndex, first: number, last: number): string | undefined {
  for (let l = first; l <= last; l++) {
    const m = /^type\s*:\s*(['"]?)([^'"#\s]+)\1\s*(?:#.*)?$/.exec(lines.lineText(l));
    if (m) return m[2];
  }
  return undefined;
}

/** Keys at the same indentation in the mapping around `line`. */
function siblingKeys(lines: LineIndex, first: number, last: number, line: number, indent: number): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, step: number) => {
    for (let l = from; l >= first && l <= last; l += step) {
      const t = lines.lineText(l);
      if (t.trim() === '') continue;
      const ind = /^\s*/.exec(t)![0].length;
      if (ind < indent) break;
      if (ind > indent) continue;
      const m = KEY_LINE.exec(t);
      if (m) keys.add(m[2]);
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return keys;
}
