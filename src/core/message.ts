import type { Range } from './text/range.js';

/**
 * The one message shape every layer uses (after vfile-message): a rule id, a
 * severity, a precise range, a docs link and, where a fix exists, the fix as
 * data. Adapters translate it at their edge (LSP diagnostics, CLI formats).
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Severity as configured: `off` silences a rule. */
export type SeveritySetting = Severity | 'off';

/** Severities in order, error highest (3) to hint (0): for sorting and thresholds. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** Replace the text of `range` with `newText` (an empty range inserts). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix the user may choose to apply: never applied silently. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix the editor offers first. */
  preferred?: boolean;
  /**
   * The fix leaves a placeholder for the author to fill in (`date: YYYY-MM-DD`,
   * an empty `title:`): offered in the editor, never applied by `applyFixes`.
   */
  needsInput?: boolean;
}

/** Another place, usually in another document, that a message depends on. */
export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** A diagnostic: what is wrong, where (a precise range), which rule said it, how severe, and the fix as data where there is one. */
export interface GovMessage {
  /** Stable rule id, e.g. `resolution-numbering`. */
  ruleId: string;
  severity: Severity;
  /** What is wrong, in one sentence a policy author understands. */
  reason: string;
  /** URI of the document the message is about. */
  uri: string;
  range: Range;
  /** Always `govmark`. */
  source: 'govmark';
  /** Link to the rule's documentation. */
  url?: string;
  /** Values that would be accepted here (enum members, the next number...). */
  expected?: string[];
  /** The value that was found. */
  actual?: string;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Set when the check of this document could not be completed. */
  fatal?: boolean;
  /** Extra data for tools, e.g. the JSON Schema path of a schema error. */
  data?: Record<string, unknown>;
}

/** What a rule reports; the rule wrapper stamps rule id, severity, uri, source and url. */
export type MessageInput = Omit<GovMessage, 'ruleId' | 'severity' | 'uri' | 'source' | 'url'> & {
  /** A rule may lower or raise its own default for one message (e.g. info for relative-to-today checks). */
  severity?: Severity;
};

/** The order messages are shown in: by position in the document, then by rule id. */
export function compareMessages(a: GovMessage, b: GovMessage): number {
  return (
    (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
