/**
 * Cross-document rules on a large repository: every broken reference is
 * reported, however many there are (suggestions stop past a budget; the
 * problems never do). Timings live in bench/combine.ts, not here.
 */
import { strict as assert } from 'node:assert';
import { resolveConfig } from '../../src/core/config.js';
import { checkWorkspace } from '../../src/core/rules/run.js';
import { createIndex, type DocumentSummary } from '../../src/core/workspace/summary.js';

const range = { start: { line: 4, column: 8, offset: 40 }, end: { line: 4, column: 20, offset: 52 } };

describe('cross-document rules at scale', () => {
  it('reports each of 3,000 different broken references among 20,000 documents, with suggestions for the first ones', () => {
    const docs: DocumentSummary[] = [];
    for (let i = 0; i < 17_000; i++) docs.push({ uri: `file:///r/tor-${i}.md`, type: 'terms-of-reference', id: `board-${i}-tor`, refs: [], anchor: range });
    for (let i = 0; i < 3_000; i++) docs.push({ uri: `file:///r/m-${i}.md`, type: 'minutes', id: `m-${i}`, refs: [{ key: 'terms', id: `board-${i}-torr`, range }], anchor: range });
    const messages = [...checkWorkspace(createIndex(docs), resolveConfig()).values()].flat().filter((m) => m.ruleId === 'unresolved-reference');
    assert.equal(messages.length, 3_000);
    assert.match(messages.find((m) => m.uri === 'file:///r/m-0.md')!.reason, /did you mean board-0-tor\?/);
    assert.ok(messages.every((m) => /refers to no document in the workspace/.test(m.reason)));
  });
});
