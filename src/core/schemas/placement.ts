/**
 * Where a schema problem goes in the text: the one function that maps a
 * problem's model pointer to a source range (after yaml-language-server).
 *
 * - a wrong value (type, enum, const, pattern, limits) → the value;
 * - an unknown key → the key;
 * - a missing top-level front matter key → the front matter block, from the
 *   opening `---` through the last key (line 1 when there is no front matter);
 * - a missing nested key → the parent's key;
 * - anything else → the nearest ancestor the source map knows.
 */
import type { GovDocument } from '../model.js';
import { escapePointerToken, locate } from '../source-map.js';
import { LineIndex } from '../text/lines.js';
import type { Range } from '../text/range.js';
import type { SchemaProblem } from './problems.js';

export type PlacedDocument = Pick<GovDocument, 'text' | 'sourceMap' | 'frontMatterRange'> & { lines?: LineIndex };

const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

export interface FrontMatterLayout {
  /** Line of the opening `---`. */
  openLine: number;
  /** Line of the closing fence, when the block is closed. */
  closeLine?: number;
  /** Last line with content before the closing fence (the opening line when empty). */
  lastContentLine: number;
}

const lineIndexes = new WeakMap<object, LineIndex>();

/** The document's LineIndex (made once per document object when it has none). */
export function linesOf(doc: PlacedDocument): LineIndex {
  if (doc.lines && doc.lines.text === doc.text) return doc.lines;
  let lines = lineIndexes.get(doc);
  if (!lines || lines.text !== doc.text) {
    lines = new LineIndex(doc.text);
    lineIndexes.set(doc, lines);
  }
  return lines;
}

export function frontMatterLayout(doc: PlacedDocument): FrontMatterLayout | undefined {
  const fm = doc.frontMatterRange;
  if (!fm) return undefined;
  const lines = linesOf(doc);
  const openLine = fm.start.line;
  let closeLine: number | undefined;
  const lastLine = Math.min(fm.end.line, lines.lineCount);
  for (let line = openLine + 1; line <= lastLine; line++) {
    if (CLOSING_FENCE.test(lines.lineText(line))) {
      closeLine = line;
      break;
    }
  }
  let lastContentLine = (closeLine ?? lastLine + 1) - 1;
  while (lastContentLine > openLine && lines.lineText(lastContentLine).trim() === '') lastContentLine--;
  return { openLine, closeLine, lastContentLine };
}

/** The front matter block from its opening `---` through the last key; line 1 without front matter. */
export function frontMatterBlockRange(doc: PlacedDocument): Range {
  const lines = linesOf(doc);
  const layout = frontMatterLayout(doc);
  if (!layout) return lines.lineRange(1);
  return lines.range(lines.lineStarts[layout.openLine - 1], lines.lineEnd(layout.lastContentLine));
}

/** The first non-blank line of the body, where a problem with what was read from it goes when nothing closer is known. */
export function bodyStartRange(doc: PlacedDocument): Range {
  const lines = linesOf(doc);
  const layout = frontMatterLayout(doc);
  let line = layout ? (layout.closeLine ?? lines.lineCount) + 1 : 1;
  while (line <= lines.lineCount && lines.lineText(line).trim() === '') line++;
  return line <= lines.lineCount ? lines.lineRange(line) : lines.lineRange(1);
}

/** Where the value at `pointer` was written, or the nearest ancestor's value, or a sensible block. */
export function valueRange(doc: PlacedDocument, pointer: string): Range {
  const found = locate(doc, pointer);
  // `key:` with nothing after it has an empty value range: the key is what the author sees.
  if (found?.exact && found.entry.keyRange && found.entry.range.start.offset === found.entry.range.end.offset) {
    return found.entry.keyRange;
  }
  if (found && found.pointer !== '' && found.pointer !== '/meta' && found.pointer !== '/content') return found.entry.range;
  if (pointer === '/content' || pointer.startsWith('/content/')) return found?.pointer === '/content' ? found.entry.range : bodyStartRange(doc);
  return frontMatterBlockRange(doc);
}

/** The key of the entry at `pointer` (its value when it has no key), or as `valueRange`. */
export function keyRange(doc: PlacedDocument, pointer: string): Range {
  const entry = doc.sourceMap.get(pointer);
  if (entry) return entry.keyRange ?? entry.range;
  return valueRange(doc, pointer);
}

/** The range a problem is reported on. */
export function placeProblem(doc: PlacedDocument, problem: SchemaProblem): Range {
  const { keyword, instancePath: path, params } = problem;
  if (keyword === 'required' || keyword === 'dependentRequired') {
    // Missing: nothing to point at, so point at what should contain it.
    if (path === '/meta' || path === '') return frontMatterBlockRange(doc);
    if (path === '/content') return bodyStartRange(doc);
    return keyRange(doc, path);
  }
  if (keyword === 'additionalProperties' || keyword === 'unevaluatedProperties') {
    const key = String(params.additionalProperty ?? params.unevaluatedProperty);
    return keyRange(doc, path + '/' + escapePointerToken(key));
  }
  if (path === '/meta') return frontMatterBlockRange(doc);
  return valueRange(doc, path);
}
