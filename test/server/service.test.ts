/**
 * govmark/server's in-process language service: the answers the language
 * server gives over LSP, as function calls, for hosts that are no LSP client.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { getLanguageService } from '../../src/server/service.js';
import { examplesDir, repoRoot } from '../helpers.js';
import { applyEdits, TestClient } from './client.js';

const read = (rel: string) => readFileSync(join(examplesDir, rel), 'utf8');
const TOR = { uri: 'file:///ws/tor.md', text: read('valid/trafford-hwb-terms-of-reference.md') };
const GAP = { uri: 'file:///ws/gap.md', text: read('invalid/minutes-resolution-gap.md') };

describe('govmark/server: getLanguageService()', () => {
  it('validates a text with the workspace as context: minutes find the terms they name', () => {
    const alone = getLanguageService();
    assert.ok(alone.validate(GAP).some((d) => d.code === 'unresolved-reference'), 'alone, the terms exist nowhere');
    const service = getLanguageService();
    service.setDocument(TOR);
    const diagnostics = service.validate(GAP);
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`), ['26 resolution-numbering']);
    assert.equal(diagnostics[0].source, 'govmark');
    assert.deepEqual(service.documents(), [TOR.uri, GAP.uri]);
    assert.deepEqual([...service.validateWorkspace().keys()].sort(), [GAP.uri, TOR.uri]);
    service.removeDocument(TOR.uri);
    assert.ok(service.validate(GAP).some((d) => d.code === 'unresolved-reference'));
  });

  it('gives the same diagnostics as the language server over LSP', async () => {
    const service = getLanguageService();
    const unknown = { uri: 'file:///ws/unknown.md', text: read('invalid/unknown-type.md') };
    const inProcess = service.validate(unknown).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
    const client = await TestClient.start();
    try {
      client.open(unknown.uri, unknown.text);
      const published = await client.waitForDiagnostics(unknown.uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(published.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`), inProcess);
    } finally {
      await client.stop();
    }
  });

  it('offers the quick fix of a diagnostic, and applying it fixes the problem', () => {
    const service = getLanguageService();
    const unknown = { uri: 'file:///ws/unknown.md', text: read('invalid/unknown-type.md') };
    const diagnostic = service.validate(unknown).find((d) => d.code === 'unknown-type')!;
    assert.ok(diagnostic);
    const actions = service.codeActions(unknown, [diagnostic], diagnostic.range);
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.match(preferred.title, /terms-of-reference/);
    const fixed = applyEdits(unknown.text, preferred.edit!.changes![unknown.uri]);
    assert.ok(!service.validate({ uri: unknown.uri, text: fixed }).some((d) => d.code === 'unknown-type'));
    // A range elsewhere has no actions for it.
    assert.deepEqual(service.codeActions(unknown, [diagnostic], { start: { line: 12, character: 0 }, end: { line: 12, character: 1 } }), []);
  });

  it('completes types and ids, hovers on a date, and lists the outline of meaning', () => {
    const service = getLanguageService();
    service.setDocument(TOR);
    const draft = { uri: 'file:///ws/draft.md', text: '---\ntype: minutes\nterms: \ndate: 2021-01-29\n---\n\n# Board\n' };
    const ids = service.complete(draft, { line: 2, character: 7 }).items.map((i) => i.label);
    assert.ok(ids.includes('trafford-hwb-tor'), ids.join(', '));
    const types = service.complete({ uri: draft.uri, text: '---\ntype: \n---\n' }, { line: 1, character: 6 }).items.map((i) => i.label);
    assert.ok(types.includes('minutes') && types.includes('terms-of-reference'), types.join(', '));
    const hover = service.hover(draft, { line: 3, character: 8 });
    assert.match(JSON.stringify(hover?.contents), /2021/);
    const symbols = service.documentSymbols(GAP).map((s) => s.name + ' ' + (s.children ?? []).map((c) => c.name).join('|'));
    // Attendance, and the resolutions under the item they were made at.
    assert.ok(symbols.some((s) => /^Attendance/.test(s)), symbols.join('\n'));
    assert.ok(symbols.some((s) => s.includes('18.2 That the Winter Plan be noted.')), symbols.join('\n'));
  });

  it('shows beside a decision in the Outline what became of it and the vote that took it', () => {
    const service = getLanguageService();
    const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'read', 'votes', 'minutes-recorded-votes.md'), 'utf8');
    const flat = (list: ReturnType<typeof service.documentSymbols>): { name: string; detail?: string }[] => list.flatMap((s) => [{ name: s.name, ...(s.detail ? { detail: s.detail } : {}) }, ...flat(s.children ?? [])]);
    const details = flat(service.documentSymbols({ uri: 'file:///ws/votes.md', text })).filter((s) => /^\d+ (?:That|The motion)/.test(s.name)).map((s) => `${s.name.slice(0, 2).trim()} ${s.detail ?? ''}`);
    assert.deepEqual(details, [
      '5 agreed · 3 for, 2 against, recorded vote',
      '6 agreed · 4 for, 1 against, recorded vote',
      '7 agreed · 2 for, 1 against, 1 abstaining, recorded vote',
      '8 not carried · 2 for, 3 against, recorded vote',
      '9 ',
    ]);
  });

  it('keeps people written on one line in written order in the Outline, sorted by position as VS Code sorts', () => {
    const service = getLanguageService();
    const text = '---\ntype: minutes\nbody: Test Board\ndate: 2021-01-01\n---\n\n# Test Board\n\n**Present:** Councillor Zed, Councillor Adams (Chair), Dr Moss\n\n## Apologies\n\nCllr Young; Cllr Baker and Cllr Carter\n';
    const attendance = service.documentSymbols({ uri: 'file:///ws/one-line.md', text }).find((s) => s.name === 'Attendance');
    assert.ok(attendance, 'an Attendance symbol');
    // VS Code's Outline sorted by position: range start, then name for symbols that start at the same place.
    const byPosition = (list: typeof attendance.children) =>
      [...(list ?? [])].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.name.localeCompare(b.name)).map((s) => s.name);
    const lists = Object.fromEntries((attendance.children ?? []).map((l) => [l.name, byPosition(l.children)]));
    assert.deepEqual(lists, {
      Present: ['Councillor Zed', 'Councillor Adams', 'Dr Moss'],
      Apologies: ['Cllr Young', 'Cllr Baker', 'Cllr Carter'],
    });
  });

  it('takes a configuration, and says what is wrong with wrong arguments', () => {
    const service = getLanguageService({ config: resolveConfig({ rules: { 'resolution-numbering': 'off' } }) });
    service.setDocument(TOR);
    assert.deepEqual(service.validate(GAP), []);
    service.configure(resolveConfig());
    assert.equal(service.validate(GAP).length, 1);
    assert.throws(() => service.validate('text' as never), /TypeError|document must be \{ uri: string, text: string \}/);
    assert.throws(() => service.complete(GAP, { line: -1, character: 0 }), /position must be/);
    assert.throws(() => service.codeActions(GAP, undefined as never), /diagnostics. must be an array/);
  });
});
