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

  it('lists its documents with their type, id, title and date, whether held in full or by summary', () => {
    const ws = new Workspace(config);
    ws.set('file:///tor.md', read('valid/trafford-hwb-terms-of-reference.md'));
    ws.set('file:///b/minutes.md', read('valid/trafford-hwb-minutes-2020-10-16.md'));
    const other = new Workspace(config).set('file:///a/old.md', '---\ntype: minutes\nid: old-minutes\ndate: 2019-01-01\n---\n\n# Old minutes\n');
    ws.setSummary(other.summary);
    assert.deepStrictEqual(ws.documents(), [
      { uri: 'file:///a/old.md', held: 'summary', type: 'minutes', typeSource: 'front-matter', id: 'old-minutes', title: 'Old minutes', date: '2019-01-01' },
      {
        uri: 'file:///b/minutes.md',
        held: 'full',
        complete: true,
        type: 'minutes',
        typeSource: 'front-matter',
        id: 'trafford-hwb-2020-10-16',
        title: ws.get('file:///b/minutes.md')?.summary.title,
        date: '2020-10-16',
      },
      { uri: 'file:///tor.md', held: 'full', complete: true, type: 'terms-of-reference', typeSource: 'front-matter', id: 'trafford-hwb-tor', title: 'Health and Wellbeing Board — Terms of Reference' },
    ]);
    assert.ok(ws.get('file:///b/minutes.md')?.summary.title, 'the minutes have a title');
    ws.delete('file:///tor.md');
    assert.deepEqual(
      ws.documents().map((d) => d.uri),
      ['file:///a/old.md', 'file:///b/minutes.md'],
    );
    assert.deepEqual(new Workspace(config).documents(), []);
  });
});
