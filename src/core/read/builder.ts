/** Collects the model, its source map and the messages made while reading. */
import type { GovMessage, MessageInput, Severity } from '../message.js';
import type { DocumentContent, SourceEntry } from '../model.js';
import { ruleUrl } from '../rules/rule.js';
import type { LineIndex } from '../text/lines.js';
import type { Range } from '../text/range.js';

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

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  /** A message found while reading; its rule has scope `parse` in the registry. */
  report(ruleId: string, severity: Severity, input: MessageInput): void {
    this.messages.push({ ...input, ruleId, severity: input.severity ?? severity, uri: this.uri, source: 'govmark', url: ruleUrl(ruleId) });
  }
}
