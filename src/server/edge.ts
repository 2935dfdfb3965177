/**
 * The edge between the core and LSP: every position and every severity the
 * server sends or receives is converted here, in one function each.
 *
 * Core points are 1-based line and column plus a 0-based offset, columns
 * counted in UTF-16 code units (see src/core/text/range.ts); LSP positions are
 * 0-based line and character, also in UTF-16 (the default `positionEncoding`).
 * So a conversion is a shift by one, never a re-measure of the text.
 */
import { DiagnosticSeverity, type Position, type Range as LspRange } from 'vscode-languageserver/node';
import type { Severity } from '../core/message.js';
import type { LineIndex } from '../core/text/lines.js';
import type { Point, Range } from '../core/text/range.js';

/** A core range (1-based) as an LSP range (0-based). */
export function toLspRange(range: Range): LspRange {
  return { start: toLspPosition(range.start), end: toLspPosition(range.end) };
}

function toLspPosition(point: Point): Position {
  return { line: point.line - 1, character: point.column - 1 };
}

/** An LSP position as an offset into the text `lines` indexes (clamped into the line). */
export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position.line + 1, position.character + 1);
}

/** The one mapping of govmark severities onto LSP's. */
export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}
