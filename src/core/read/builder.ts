/** Collects the model, its source map and the messages made while reading. */
import type { GovMessage, MessageInput, Severity } from '../message.js';
import type { DocumentContent, SourceEntry } from '../model.js';
import { ruleUrl } from '../rules/rule.js';
import type { LineIndex } from '../text/lines.js';
import type { Range } from '../text/range.js';
import { writtenSpan } from '../text/written.js';

export class ModelBuilder {
  readonly content: DocumentContent = { sections: [] };
  readonly sourceMap = new Map<string, SourceEntry>();
  readonly messages: GovMessage[] = [];

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly lines: LineIndex,
  ) {}

  map(pointer: string, range: Range | undefined, keyRange?: Range): void {
    if (range) this.sourceMap.set(pointer, keyRange ? { range, keyRange } : { range });
  }

  /**
   * Maps `pointer` to where `value` is written inside `within` (see
   * `writtenSpan`); nothing when it is not written there as such.
   */
  mapWritten(pointer: string, value: string | undefined, within: Range | undefined, last = false): void {
    if (value === undefined || !within) return;
    const span = writtenSpan(this.text, within.start.offset, within.end.offset, value, last);
    if (span) this.sourceMap.set(pointer, { range: this.range(span[0], span[1]) });
  }

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  /** A message found while reading; its rule has scope `parse` in the registry. */
  report(ruleId: string, severity: Severity, input: MessageInput): void {
    this.messages.push({ ...input, ruleId, severity: input.severity ?? severity, uri: this.uri, source: 'govmark', url: ruleUrl(ruleId) });
  }
}
