import assert from 'node:assert/strict';
import type { GovDocument } from '../../src/core/model.js';
import type { Range } from '../../src/core/text/range.js';

/** Every range in the model and the messages lies inside the text, and its line/column agree with its offset. */
export function assertRangesInside(doc: GovDocument, label: string): void {
  const check = (r: Range, what: string) => {
    assert.ok(r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= doc.text.length, `${label}: ${what} lies outside the document`);
    for (const p of [r.start, r.end]) {
      const q = doc.lines.point(p.offset);
      assert.deepEqual([p.line, p.column], [q.line, q.column], `${label}: ${what} line/column disagree with its offset`);
    }
  };
  for (const [pointer, entry] of doc.sourceMap) {
    check(entry.range, pointer);
    if (entry.keyRange) check(entry.keyRange, pointer + ' (key)');
  }
  for (const m of doc.messages) {
    check(m.range, `message ${m.ruleId}`);
    for (const f of m.fixes ?? []) for (const e of f.edits) check(e.range, `fix of ${m.ruleId}`);
  }
}
