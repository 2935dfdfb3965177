import type { Point, Range } from './range.js';

/**
 * Maps offsets to line/column points and back for one document text.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as CommonMark defines them.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** How many lines the text has (an empty text has one). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The point at `offset` (clamped into the document). */
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo] + 1, offset: o };
  }

  /** The range between two offsets. */
  range(startOffset: number, endOffset: number): Range {
    return { start: this.point(startOffset), end: this.point(endOffset) };
  }

  /** Offset of a 1-based line and column (clamped to the line's end). */
  offsetAt(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.lineStarts.length));
    const start = this.lineStarts[l - 1];
    return Math.min(start + Math.max(0, column - 1), this.lineEnd(l));
  }

  /** Offset of the end of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const next = line < this.lineStarts.length ? this.lineStarts[line] : this.text.length;
    let end = next;
    if (line < this.lineStarts.length) {
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (this.text.charCodeAt(end - 1) === 13) end--;
    }
    return end;
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line - 1], this.lineEnd(line));
  }

  /** The range of a whole 1-based line, without its line break. */
  lineRange(line: number): Range {
    return this.range(this.lineStarts[line - 1], this.lineEnd(line));
  }
}
