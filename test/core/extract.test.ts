/**
 * Reading the body: decisions, actions, attendance, milestones as real authors
 * write them (shared/corpus/real-world/PATTERNS.md), with small excerpts of
 * real files copied in, and a few checks on whole real-world files.
 */
import assert from 'node:assert/strict';
import type { GovDocument } from '../../src/core/model.js';
import { parse } from '../../src/core/parse/parse.js';

function minutes(body: string): GovDocument {
  return parse(`---\ntype: minutes\nid: test-minutes\ndate: 2020-10-16\n---\n\n# Minutes\n\n${body}`);
}

const texts = (doc: GovDocument) => doc.data.content.resolutions!.map((r) => r.text);

describe('extract: decisions', () => {
  it('"Resolved that:" with the clauses listed under it reads each clause', () => {
    const doc = minutes('## 12. Locality Plan Refresh\n\nResolved that:\n\n1. the refreshed Locality Plan be endorsed;\n2. a progress report be brought to the Board in six months.\n');
    assert.deepEqual(texts(doc), ['the refreshed Locality Plan be endorsed;', 'a progress report be brought to the Board in six months.']);
    assert.deepEqual(doc.data.content.resolutions!.map((r) => r.identifier), ['12.1', '12.2']);
  });

  it('"RESOLVED that …" in one paragraph keeps its "That"', () => {
    assert.deepEqual(texts(minutes('RESOLVED that the annual report be received.\n')), ['That the annual report be received.']);
  });
});
