/**
 * A malformed `didOpen`, `didChange` or `didClose` is ignored: it neither
 * becomes a document nor corrupts one, and every workspace request (the tree
 * view's documents, the workspace timeline, validate workspace) keeps
 * answering for the other documents. Before, one `didOpen` with `text: null`
 * emptied all three until that document was closed.
 */
import assert from 'node:assert/strict';
import type { DocumentsResult, TimelineModel, ValidateWorkspaceResult } from '../../src/protocol/requests.js';
import { RawServer } from './raw.js';

const TODAY = '2026-11-23';
const TIMELINE = [
  '---',
  'type: timeline',
  'id: malformed-good',
  'title: Review of the partnership',
  'body: Test Board',
  '---',
  '',
  '# Review',
  '',
  '- 2021-09-21 — Workshop agrees the outcomes [done]',
  '- 2022-01-18 — Board considers the proposals',
  '',
].join('\n');

describe('server: malformed document notifications', function () {
  this.timeout(60_000);
  const good = 'file:///malformed/good.md';
  const bad = 'file:///malformed/bad.md';
  let server: RawServer;

  // No workspace folder: the documents the server knows are exactly those opened here.
  before(async () => {
    server = await RawServer.start({ initializationOptions: { today: TODAY } });
    server.notify('textDocument/didOpen', { textDocument: { uri: good, languageId: 'markdown', version: 1, text: TIMELINE } });
  });
  after(async () => server.stop());

  const names = async () => ((await server.request('textDocument/documentSymbol', { textDocument: { uri: good } })).result as { name: string }[]).map((s) => s.name);

  it('ignores a didOpen without a text, uri or version; the workspace requests still answer for the other documents', async () => {
    const document = { uri: bad, languageId: 'markdown', version: 1, text: TIMELINE.replace('malformed-good', 'malformed-bad') };
    for (const textDocument of [
      { ...document, text: null },
      { ...document, text: 42 },
      { ...document, text: { value: 'x' } },
      { ...document, uri: undefined },
      { ...document, uri: 7 },
      { ...document, version: undefined },
      { ...document, version: '1' },
      null,
      'file:///malformed/bad.md',
    ]) {
      server.notify('textDocument/didOpen', { textDocument });
    }
    for (const params of [undefined, null, [], 5]) server.notify('textDocument/didOpen', params);

    const documents = (await server.request('govmark/documents', {})).result as DocumentsResult;
    assert.deepEqual(documents.documents.map((d) => [d.uri, d.title, d.milestones.length]), [[good, 'Review of the partnership', 2]]);
    const timeline = (await server.request('govmark/timeline', { scope: 'workspace' })).result as TimelineModel;
    assert.deepEqual(timeline.entries.map((e) => [e.uri, e.date.text]), [
      [good, '2021-09-21'],
      [good, '2022-01-18'],
    ]);
    const validated = await server.request('govmark/validateWorkspace', {});
    assert.deepEqual(validated.result as ValidateWorkspaceResult, { files: 1, errors: 0, warnings: 0 });
    assert.ok(server.logs.some((l) => l.includes('textDocument/didOpen: malformed params ignored')));
    assert.deepEqual(server.logs.filter((l) => /TypeError|failed/.test(l)), []);
  });

  it('ignores a change with a malformed range as a whole, and applies the next good one', async () => {
    const range = (line: unknown) => ({ start: { line, character: 2 }, end: { line, character: 8 } });
    for (const contentChanges of [
      [{ range: range(null), text: 'Broken' }],
      [{ range: range('7'), text: 'Broken' }],
      [{ range: { start: { line: 7 } }, text: 'Broken' }],
      [{ range: range(7), text: 42 }],
      [{ range: range(7), rangeLength: 'six', text: 'Broken' }],
      // A good change before a bad one in the same notification: neither is applied.
      [{ text: '# Broken\n' }, { range: range(undefined), text: 'x' }],
      null,
      'text',
    ]) {
      server.notify('textDocument/didChange', { textDocument: { uri: good, version: 2 }, contentChanges });
    }
    server.notify('textDocument/didChange', { textDocument: { uri: good }, contentChanges: [{ text: '# Broken\n' }] });
    server.notify('textDocument/didChange', { textDocument: null, contentChanges: [{ text: '# Broken\n' }] });
    server.notify('textDocument/didChange', null);
    assert.deepEqual((await names()).map((n) => n.slice(0, 10)), ['2021-09-21', '2022-01-18']);

    // The first milestone's date (line 9) changes: the outline follows.
    server.notify('textDocument/didChange', { textDocument: { uri: good, version: 3 }, contentChanges: [{ range: { start: { line: 9, character: 2 }, end: { line: 9, character: 12 } }, text: '2021-10-01' }] });
    assert.deepEqual((await names()).map((n) => n.slice(0, 10)), ['2021-10-01', '2022-01-18']);
  });

  it('ignores a malformed didClose and keeps the document open', async () => {
    for (const params of [null, { textDocument: null }, { textDocument: { uri: 5 } }, { textDocument: {} }]) server.notify('textDocument/didClose', params);
    for (const method of ['textDocument/didSave', 'textDocument/willSave']) server.notify(method, { textDocument: null });
    const willSave = await server.request('textDocument/willSaveWaitUntil', null);
    assert.deepEqual([willSave.error, willSave.result], [undefined, []]);
    assert.deepEqual((await names()).map((n) => n.slice(0, 10)), ['2021-10-01', '2022-01-18']);
    assert.deepEqual(server.logs.filter((l) => /TypeError|failed/.test(l)), []);

    const since = server.received.length;
    server.notify('textDocument/didClose', { textDocument: { uri: good } });
    await server.notification('govmark/indexChanged', since);
    const documents = (await server.request('govmark/documents', {})).result as DocumentsResult;
    assert.deepEqual(documents.documents, [], 'closed, and not a file of any workspace folder');
  });

  it('ignores malformed file events and a second `initialized`', async () => {
    for (const params of [null, { changes: null }, { changes: [null, { uri: 5, type: 1 }, { uri: 'file:///x.md', type: 9 }] }]) server.notify('workspace/didChangeWatchedFiles', params);
    server.notify('initialized', null);
    server.notify('textDocument/didOpen', { textDocument: { uri: good, languageId: 'markdown', version: 1, text: TIMELINE } });
    assert.deepEqual((await names()).map((n) => n.slice(0, 10)), ['2021-09-21', '2022-01-18']);
    assert.deepEqual(server.logs.filter((l) => /TypeError|failed/.test(l)), []);
    assert.ok(server.alive);
  });
});

describe('server: malformed initialize', function () {
  this.timeout(60_000);

  it('reads ill-typed workspace folders, capabilities and options as absent, and starts', async () => {
    const server = await RawServer.start({ initialize: { workspaceFolders: [null, 5, { uri: 7 }], rootUri: 5, capabilities: { workspace: 'yes' }, initializationOptions: { today: 2026, workerUrl: {} } } });
    try {
      const uri = 'file:///malformed/init.md';
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TIMELINE } });
      const symbols = (await server.request('textDocument/documentSymbol', { textDocument: { uri } })).result as { name: string }[];
      assert.deepEqual(symbols.map((s) => s.name.slice(0, 10)), ['2021-09-21', '2022-01-18']);
      assert.deepEqual(server.logs.filter((l) => /TypeError|failed/.test(l)), []);
    } finally {
      await server.stop();
    }
  });
});
