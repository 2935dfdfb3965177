/** `applyFixes`: the fixes messages carry, applied as `eslint --fix` does, never half or over each other. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { applyFixes } from '../../src/core/fixes/apply.js';
import type { GovMessage } from '../../src/core/message.js';
import { analyse } from '../../src/core/workspace/workspace.js';
import { examplesDir, fixturesDir } from '../helpers.js';
import { markdownCases } from './fixtures.js';

const config = resolveConfig({ today: '2026-11-23' });
const messagesOf = (text: string, uri = 'file:///doc.md') => analyse(text, { uri, config }).messages;

function edit(start: number, end: number, newText: string) {
  const p = (offset: number) => ({ line: 1, column: offset + 1, offset });
  return { range: { start: p(start), end: p(end) }, newText };
}
function message(ruleId: string, at: number, fixes: GovMessage['fixes']): GovMessage {
  const p = { line: 1, column: at + 1, offset: at };
  return { ruleId, severity: 'error', reason: 'x', uri: 'file:///doc.md', range: { start: p, end: p }, source: 'govmark', fixes };
}

describe('applyFixes', () => {
  it('fixes a mistyped type, and the document then checks clean of it', () => {
    const text = readFileSync(join(examplesDir, 'invalid', 'unknown-type.md'), 'utf8');
    const before = messagesOf(text);
    assert.ok(before.some((m) => m.ruleId === 'unknown-type' && m.fixes?.length));
    const { text: fixed, applied } = applyFixes(text, before, { ruleIds: ['unknown-type'] });
    assert.equal(applied.length, 1);
    assert.notEqual(fixed, text);
    assert.equal(messagesOf(fixed).filter((m) => m.ruleId === 'unknown-type').length, 0);
    assert.equal(fixed.split('\n').filter((l, i) => l !== text.split('\n')[i]).length, 1, 'one line changed');
  });

  it('on every example and rule fixture: never throws, and no problem it fixed is reported again', () => {
    const files = [
      ...['valid', 'invalid'].flatMap((d) => readdirSync(join(examplesDir, d)).filter((f) => f.endsWith('.md')).map((f) => join(examplesDir, d, f))),
      ...readdirSync(join(fixturesDir, 'rules')).flatMap((r) => markdownCases(join(fixturesDir, 'rules', r))),
    ];
    let fixedSomething = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const before = messagesOf(text);
      const { text: fixed, applied } = applyFixes(text, before);
      if (applied.length === 0) {
        assert.equal(fixed, text, file);
        continue;
      }
      fixedSomething++;
      const after = messagesOf(fixed);
      for (const m of applied) {
        assert.ok(!after.some((a) => a.ruleId === m.ruleId && a.reason === m.reason), `${file}: still reported after its fix: ${m.reason}`);
      }
    }
    assert.ok(fixedSomething >= 5, `fixes were applied on ${fixedSomething} files`);
  });

  it('skips, and says why, a fix that overlaps one taken, falls outside the text, or is one of several with none preferred', () => {
    const text = 'type: minuets\n';
    const result = applyFixes(text, [
      message('a', 6, [{ title: 'minutes', edits: [edit(6, 13, 'minutes')] }]),
      message('b', 8, [{ title: 'overlap', edits: [edit(8, 10, 'XX')] }]),
      message('c', 0, [{ title: 'stale', edits: [edit(10, 99, 'x')] }]),
      message('d', 1, [{ title: 'one', edits: [edit(0, 0, '1')] }, { title: 'two', edits: [edit(0, 0, '2')] }]),
      message('e', 2, [{ title: 'self', edits: [edit(0, 3, 'a'), edit(2, 4, 'b')] }]),
    ]);
    assert.equal(result.text, 'type: minutes\n');
    assert.deepEqual(result.applied.map((m) => m.ruleId), ['a']);
    assert.deepEqual(
      result.skipped.map((s) => `${s.message.ruleId}: ${s.why.split(':')[0]}`).sort(),
      ['b: it overlaps a fix already applied', 'c: its edits do not fit this text (was the document changed since it was checked?)', 'd: it offers 2 fixes and none is preferred', 'e: its own edits overlap'],
    );
    assert.throws(() => applyFixes(undefined as unknown as string, []), /applyFixes: `text` must be the document text/);
  });
});
