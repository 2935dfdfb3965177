/**
 * Positions inside a document, in the one form the core uses everywhere.
 *
 * The form is unist's: `line` and `column` are 1-based, `offset` is a 0-based
 * index into the document string (UTF-16 code units, after a leading byte-order
 * mark has been removed). The LSP and CLI adapters convert at their edge, each
 * in one function.
 */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A span of the document text, `end` exclusive. */
export interface Range {
  start: Point;
  end: Point;
}

export function pointsEqual(a: Point, b: Point): boolean {
  return a.offset === b.offset;
}

/** True when `inner` lies inside `outer` (inclusive at both ends). */
export function rangeContains(outer: Range, inner: Range): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

export function compareRanges(a: Range, b: Range): number {
  return a.start.offset - b.start.offset || a.end.offset - b.end.offset;
}
