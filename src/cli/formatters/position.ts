/**
 * The one place where positions take the CLI's form. The core's points are
 * unist's (1-based line and column, 0-based offset, end exclusive); reports
 * show 1-based line and column with an exclusive end, as SARIF's regions do,
 * and leave offsets out. A range whose end lies before its start is clamped.
 */
import type { Range } from '../../core/text/range.js';

export interface CliPoint {
  line: number;
  column: number;
}

export interface CliRange {
  start: CliPoint;
  end: CliPoint;
}

export function toCliRange(range: Range | undefined): CliRange {
  const start = toCliPoint(range?.start);
  const end = toCliPoint(range?.end ?? range?.start);
  // An end before its start would be rejected by SARIF consumers.
  if (end.line < start.line || (end.line === start.line && end.column < start.column)) return { start, end: { ...start } };
  return { start, end };
}

function toCliPoint(point: Partial<Range['start']> | undefined): CliPoint {
  const line = Number.isInteger(point?.line) && point!.line! >= 1 ? point!.line! : 1;
  const column = Number.isInteger(point?.column) && point!.column! >= 1 ? point!.column! : 1;
  return { line, column };
}
