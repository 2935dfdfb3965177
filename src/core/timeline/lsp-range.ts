/**
 * The core's ranges (1-based line and column, unist) as LSP ranges (0-based
 * line and UTF-16 character): the one conversion the timeline model makes.
 * Columns already count UTF-16 code units (see text/lines.ts), so only the
 * base changes.
 */
import type { LspRange } from '../../protocol/requests.js';
import type { Range } from '../text/range.js';

export function toLspRange(range: Range): LspRange {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}
