/**
 * Requests whose params are missing, null or of the wrong shape get the
 * request's empty answer (null, [], an empty model), never JSON-RPC's
 * "internal error" (-32603) with a TypeError, and the server goes on serving.
 * The messages are written raw: a client library would not send them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { exampleWorkspace } from './client.js';
import { RawServer, type Message } from './raw.js';

const TODAY = '2026-11-23';
const at = { line: 0, character: 0 };

/** Params that are not params: the member left out, null, scalars, arrays. */
const NOT_PARAMS: unknown[] = [undefined, null, 5, 'text', true, [], [1, null], [null]];

describe('server: malformed requests', function () {
  this.timeout(60_000);
  const ws = exampleWorkspace();
  const uri = ws.uri('valid/gloucestershire-icp-timeline.md');
  let server: RawServer;

  before(async () => {
    server = await RawServer.start({ folder: ws.dir, initializationOptions: { today: TODAY } });
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(ws.path('valid/gloucestershire-icp-timeline.md'), 'utf8') } });
  });
  after(async () => {
    await server.stop();
    ws.remove();
  });

  const emptyTimeline = { title: '', today: TODAY, entries: [] };
  const cases: { method: string; empty: unknown; wrong: unknown[] }[] = [
    {
      method: 'textDocument/hover',
      empty: null,
      wrong: [
        { textDocument: null, position: at },
        { textDocument: { uri: 5 }, position: at },
        { textDocument: { uri } },
        { textDocument: { uri }, position: { line: '3', character: 0 } },
        { textDocument: { uri }, position: { line: -1, character: 0 } },
        { textDocument: { uri }, position: { line: 1.5, character: 0 } },
      ],
    },
    { method: 'textDocument/documentSymbol', empty: [], wrong: [{}, { textDocument: 'x' }, { textDocument: { uri: null } }, { textDocument: { uri: '' } }] },
    { method: 'textDocument/completion', empty: { isIncomplete: false, items: [] }, wrong: [{ textDocument: { uri }, position: null }, { textDocument: { uri }, position: { line: 0 } }] },
    { method: 'textDocument/definition', empty: [], wrong: [{ textDocument: { uri }, position: [0, 0] }] },
    { method: 'textDocument/references', empty: [], wrong: [{ textDocument: { uri }, position: at }, { textDocument: { uri }, position: at, context: { includeDeclaration: 'yes' } }] },
    {
      method: 'textDocument/codeAction',
      empty: [],
      wrong: [
        { textDocument: { uri }, range: { start: at, end: at }, context: null },
        { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: 'none' } },
        { textDocument: { uri }, range: null, context: { diagnostics: [] } },
        { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: 'quickfix' } },
      ],
    },
    { method: 'workspace/symbol', empty: [], wrong: [{}, { query: 5 }, { query: null }] },
    { method: 'govmark/timeline', empty: emptyTimeline, wrong: [{}, { scope: 'all' }, { scope: 'document', uri: 5 }] },
    { method: 'govmark/newDocument', empty: { text: '', fileName: 'untitled.md' }, wrong: [{}, { type: 5 }, { type: 'notes' }, { type: 'minutes', terms: 7 }, { type: 'agenda', body: 3 }, { type: 'minutes', date: {} }] },
  ];

  for (const { method, empty, wrong } of cases) {
    it(`${method}: answers missing or ill-typed params with its empty answer`, async () => {
      for (const params of [...NOT_PARAMS, ...wrong]) {
        const response: Message = await server.request(method, params);
        assert.equal(response.error, undefined, `${method} ${JSON.stringify(params)}: ${JSON.stringify(response.error)}`);
        assert.deepEqual(response.result, empty, `${method} ${JSON.stringify(params)}`);
      }
      assert.ok(server.logs.some((l) => l.includes('malformed params')), 'a short line says the params were malformed');
    });
  }

  it('offers the well-formed fixes of a diagnostic’s data and ignores the others (the client sends the data back)', async () => {
    const edit = { range: { start: at, end: at }, newText: '<!-- checked -->\n' };
    const fixes = [null, { title: 5 }, { title: 'Broken', edits: [{ range: null, newText: 1 }] }, { title: 'Mark as checked', edits: [edit] }];
    const diagnostic = { range: { start: at, end: at }, message: 'x', source: 'govmark', data: { version: 1, fixes } };
    const response = await server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [diagnostic, 'junk'] } });
    assert.equal(response.error, undefined);
    const actions = response.result as { title: string; edit: { changes: Record<string, unknown[]> } }[];
    assert.deepEqual(actions.map((a) => [a.title, a.edit.changes[uri]]), [['Mark as checked', [edit]]]);
    assert.deepEqual(server.logs.filter((l) => /codeAction failed/.test(l)), []);
  });

  it('takes params of the right shape as before, and logs no TypeError for the wrong ones', async () => {
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 4 } });
    assert.ok(hover.result !== null, 'a hover over a milestone date');
    const symbols = (await server.request('textDocument/documentSymbol', { textDocument: { uri } })).result as { name: string }[];
    assert.deepEqual(symbols.map((s) => s.name.slice(0, 10)), ['2021-09-21', '2021-11-02', '2022-01-18', '2022-03-14', '2022-05-18']);
    const timeline = (await server.request('govmark/timeline', { scope: 'document', uri })).result as { entries: unknown[] };
    assert.equal(timeline.entries.length, 5);
    // Requests that take no params answer whatever comes.
    for (const method of ['govmark/documents', 'govmark/validateWorkspace']) {
      for (const params of NOT_PARAMS) {
        const response = await server.request(method, params);
        assert.equal(response.error, undefined, `${method} ${JSON.stringify(params)}`);
      }
    }
    assert.deepEqual(server.logs.filter((l) => /TypeError|failed/.test(l)), []);
    assert.ok(server.alive);
  });
});
