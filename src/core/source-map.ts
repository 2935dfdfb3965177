/**
 * JSON pointers (RFC 6901) into the document model and their source ranges.
 * Every mapping from a model path to text goes through here.
 */
import type { GovDocument, SourceEntry } from './model.js';
import type { Range } from './text/range.js';

export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The JSON pointer (RFC 6901) of a path: `pointer('content', 'resolutions', 0)` is `/content/resolutions/0`. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

export function parentPointer(p: string): string | undefined {
  if (p === '') return undefined;
  return p.slice(0, p.lastIndexOf('/'));
}

/**
 * The source entry for `p`, or for its nearest ancestor that has one.
 * `exact` tells whether the entry belongs to `p` itself.
 */
export function locate(
  doc: Pick<GovDocument, 'sourceMap'>,
  p: string,
): { pointer: string; entry: SourceEntry; exact: boolean } | undefined {
  let cur: string | undefined = p;
  while (cur !== undefined) {
    const entry = doc.sourceMap.get(cur);
    if (entry) return { pointer: cur, entry, exact: cur === p };
    cur = parentPointer(cur);
  }
  return undefined;
}

/** Where the value at JSON pointer `p` is written, when the source map has it (see `locate` for the nearest ancestor). */
export function rangeOf(doc: Pick<GovDocument, 'sourceMap'>, p: string): Range | undefined {
  return doc.sourceMap.get(p)?.range;
}
