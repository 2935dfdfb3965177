/**
 * Fixes for schema problems, as data (never applied silently): change a value
 * to an allowed one, rename a mistyped key, insert a missing key.
 */
import type { Fix } from '../message.js';
import { escapePointerToken } from '../source-map.js';
import type { Range } from '../text/range.js';
import { frontMatterLayout, linesOf, type PlacedDocument } from './placement.js';
import { schemaAtPointer, type SchemaObject } from './resolve.js';

/** A scalar as YAML text, keeping the quotes the author used for the old value. */
function yamlScalar(value: unknown, oldText: string): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const q = oldText[0];
  if ((q === '"' || q === "'") && oldText.endsWith(q) && oldText.length >= 2) return q + text + q;
  return text;
}

/** One fix per allowed value replacing the value's range; `preferred` marks the closest. */
export function replaceValueFixes(doc: PlacedDocument, pointer: string, values: readonly unknown[], preferred?: unknown): Fix[] {
  const entry = doc.sourceMap.get(pointer);
  if (!entry) return [];
  const old = doc.text.slice(entry.range.start.offset, entry.range.end.offset);
  return values.map((v) => {
    const fix: Fix = {
      title: `Change to \`${typeof v === 'string' ? v : JSON.stringify(v)}\``,
      edits: [{ range: entry.range, newText: yamlScalar(v, old) }],
    };
    if (preferred !== undefined && v === preferred) fix.preferred = true;
    return fix;
  });
}

export function renameKeyFix(doc: PlacedDocument, pointer: string, newKey: string): Fix[] {
  const range = doc.sourceMap.get(pointer)?.keyRange;
  if (!range) return [];
  return [{ title: `Rename to \`${newKey}\``, edits: [{ range, newText: newKey }], preferred: true }];
}

export const ISO_DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const CLOCK_PATTERN = '^([01]?[0-9]|2[0-3]):[0-5][0-9]$';

/**
 * The values to offer for a missing key. Placeholders are chosen so that they
 * do NOT validate: `date: YYYY-MM-DD` and `title:` (empty) keep an error on the
 * line until the author writes the real value. A plausible-looking default
 * (`date: 2020-01-01`) would pass silently and put a wrong date in the record.
 * Only where the schema leaves no doubt (`const`) or the author must pick from
 * a list (`enum`, one fix per value) is a real value inserted.
 */
export function placeholders(node: SchemaObject | undefined): { values: string[]; choose: boolean } {
  if (!node) return { values: [''], choose: false };
  if (node.const !== undefined) return { values: [String(node.const)], choose: false };
  if (Array.isArray(node.enum) && node.enum.length > 0) return { values: node.enum.map(String), choose: true };
  if (node.pattern === ISO_DATE_PATTERN) return { values: ['YYYY-MM-DD'], choose: false };
  if (node.pattern === CLOCK_PATTERN) return { values: ['HH:MM'], choose: false };
  return { values: [''], choose: false };
}

function line(key: string, value: string): string {
  return value === '' ? `${key}:` : `${key}: ${value}`;
}

/**
 * Fixes that insert missing key(s) under the object at `parentPointer`: at the
 * end of the front matter (before the closing `---`) for a top-level key, after
 * the parent's last line, indented like its keys, for a nested one.
 */
export function insertKeyFixes(doc: PlacedDocument, schema: object, parentPointer: string, keys: readonly string[]): Fix[] {
  const target = insertionPoint(doc, parentPointer);
  if (!target) return [];
  const fixes: Fix[] = [];
  const where = parentPointer === '/meta' ? 'to the front matter' : `under \`${parentPointer.split('/').pop()}\``;
  for (const key of keys) {
    const node = schemaAtPointer(schema, `${parentPointer}/${escapePointerToken(key)}`);
    const { values, choose } = placeholders(node);
    for (const value of values) {
      const text = line(key, value);
      fixes.push({
        title: choose ? `Add \`${text}\` ${where}` : `Add \`${key}:\` ${where}`,
        edits: [{ range: target.range, newText: target.before + target.indent + text + target.after }],
        // Only a `const` or a chosen `enum` value is real; anything else is for the author to write.
        ...(node?.const === undefined && !choose ? { needsInput: true } : {}),
      });
    }
  }
  if (fixes.length === 1) fixes[0].preferred = true;
  return fixes;
}

interface InsertionPoint {
  range: Range;
  indent: string;
  before: string;
  after: string;
}

function insertionPoint(doc: PlacedDocument, parentPointer: string): InsertionPoint | undefined {
  const lines = linesOf(doc);
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const at = (offset: number): Range => lines.range(offset, offset);
  if (parentPointer === '/meta') {
    const layout = frontMatterLayout(doc);
    if (!layout) {
      // No front matter at all: add one.
      const gap = /^\r?\n/.test(doc.text) ? '' : eol;
      return { range: at(0), indent: '', before: `---${eol}`, after: `${eol}---${eol}${gap}` };
    }
    if (layout.closeLine === undefined) return undefined; // unclosed: the YAML problem comes first
    return { range: at(lines.lineStarts[layout.closeLine - 1]), indent: '', before: '', after: eol };
  }
  const entry = doc.sourceMap.get(parentPointer);
  if (!entry) return undefined;
  const keyLine = (entry.keyRange ?? entry.range).start.line;
  const { start, end } = entry.range;
  // Only a block mapping (keys on the lines below the parent's key) gets a new line;
  // a flow mapping `{ by: ... }` is left to the author.
  if (start.line <= keyLine || doc.text[start.offset] === '{') return undefined;
  let endLine = end.line;
  if (end.column === 1 && endLine > start.line) endLine--;
  return { range: at(lines.lineEnd(endLine)), indent: ' '.repeat(start.column - 1), before: eol, after: '' };
}
