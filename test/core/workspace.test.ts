/** The core Workspace: documents validated together, one document checked against all. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { Workspace } from '../../src/core/workspace/workspace.js';
import { examplesDir } from '../helpers.js';

const read = (f: string) => readFileSync(join(examplesDir, f), 'utf8');

describe('Workspace', () => {
  const config = resolveConfig({ today: '2026-11-23' });

  it('checks one document against every other: an unresolved reference keeps its did-you-mean and fix', () => {
    const ws = new Workspace(config);
    ws.set('file:///tor.md', read('valid/trafford-hwb-terms-of-reference.md'));
    const minutes = read('invalid/minutes-inquorate.md').replace('terms: trafford-hwb-tor', 'terms: trafford-hwb-to');
    ws.set('file:///m.md', minutes);
    const m = ws.checkOne('file:///m.md').find((x) => x.ruleId === 'unresolved-reference');
    assert.ok(m, 'the reference to nothing is reported');
    assert.match(m.reason, /did you mean trafford-hwb-tor/);
    assert.equal(m.fixes?.[0].edits[0].newText, 'trafford-hwb-tor');
    // checkOne agrees with the whole-workspace check for that document.
    assert.deepEqual(ws.checkOne('file:///m.md'), ws.check().get('file:///m.md'));
  });

  it('does not call a meeting inquorate when its minutes record no attendance', () => {
    const ws = new Workspace(config);
    ws.set('file:///tor.md', read('valid/trafford-hwb-terms-of-reference.md'));
    const noPresent = read('invalid/minutes-inquorate.md').replace(/## Present[\s\S]*?(?=## 1\.)/, '');
    ws.set('file:///m.md', noPresent);
    assert.equal(ws.checkOne('file:///m.md').filter((x) => x.ruleId === 'quorum-not-met').length, 0);
    ws.set('file:///m.md', read('invalid/minutes-inquorate.md'));
    assert.equal(ws.checkOne('file:///m.md').filter((x) => x.ruleId === 'quorum-not-met').length, 1);
  });

  it('re-checks a document when the one it depends on changes', () => {
    const ws = new Workspace(config);
    const tor = read('valid/trafford-hwb-terms-of-reference.md');
    ws.set('file:///tor.md', tor);
    ws.set('file:///m.md', read('invalid/minutes-inquorate.md'));
    assert.equal(ws.checkOne('file:///m.md').filter((x) => x.ruleId === 'quorum-not-met').length, 1);
    ws.set('file:///tor.md', tor.replace('quorum: 5', 'quorum: 3'));
    assert.equal(ws.checkOne('file:///m.md').filter((x) => x.ruleId === 'quorum-not-met').length, 0);
  });
});
