/**
 * A fuzz test of the language server over JSON-RPC (fast-check, a fixed number
 * of runs): random methods (the server's own, other LSP ones, nonsense), random
 * params (null, scalars, nested junk, known fields of the wrong type), random
 * framing (no Content-Length, lengths that are not lengths or too short,
 * garbage bytes, JSON that is no JSON-RPC message, messages split into pieces)
 * against one real server process over stdio.
 *
 * After every run the server is alive, every well-framed request with an id
 * was answered — with a result, MethodNotFound (-32601) for a method it does
 * not have, or RequestCancelled (-32800), never an internal error (-32603) —
 * and no handler logged an error. After all runs a good document still gets
 * its outline.
 *
 * Left out: `initialize`, `shutdown` and `exit` (the lifecycle: `exit` ends
 * the process by design), `$/setTrace` (handled inside vscode-languageserver,
 * which logs a TypeError for `params: null`), and a Content-Length longer than
 * its body (it swallows the next message by the protocol's own rule, see
 * src/server/framing.ts).
 *
 * A failure prints the seed and the failing sequence (not shrunk: the
 * server's state carries over between runs); rerun one with
 * `FC_SEED=<seed> npx mocha …`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { exampleWorkspace } from './client.js';
import { frame, RawServer, type Message } from './raw.js';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
// No shrinking: the server's state carries over from run to run, so a shrunk sequence would not replay the failure.
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, endOnFailure: true, ...(seed === undefined ? {} : { seed }) });

const OWN_REQUESTS = [
  'textDocument/hover',
  'textDocument/documentSymbol',
  'textDocument/completion',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/codeAction',
  'textDocument/willSaveWaitUntil',
  'workspace/symbol',
  'govmark/timeline',
  'govmark/documents',
  'govmark/validateWorkspace',
  'govmark/newDocument',
];
/** LSP requests the server does not offer. */
const OTHER_REQUESTS = ['textDocument/formatting', 'textDocument/rename', 'completionItem/resolve', 'workspace/executeCommand', 'textDocument/diagnostic'];
const NOTIFICATIONS = [
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'textDocument/didSave',
  'textDocument/willSave',
  'workspace/didChangeWatchedFiles',
  'workspace/didChangeConfiguration',
  'workspace/didChangeWorkspaceFolders',
  'initialized',
  '$/cancelRequest',
];

/** Documents the fuzzer may open, change and close: never the good document checked at the end. */
const URIS = ['file:///fuzz/a.md', 'file:///fuzz/b.markdown', 'file:///fuzz/', 'untitled:Untitled-1', 'file:', '', 'not a uri', 'file:///%E0%A4%A.md'];

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 12 }), fc.constantFrom(-1, 1.5, 2 ** 53, '0', ''));
const junk = fc.oneof(scalar, fc.anything({ maxDepth: 2, maxKeys: 4 }));
const uint = fc.oneof({ weight: 3, arbitrary: fc.nat({ max: 40 }) }, { weight: 1, arbitrary: scalar });
const position = fc.oneof({ weight: 3, arbitrary: fc.record({ line: uint, character: uint }) }, { weight: 1, arbitrary: junk });
const range = fc.oneof({ weight: 3, arbitrary: fc.record({ start: position, end: position }) }, { weight: 1, arbitrary: junk });
type Action =
  | { kind: 'request'; method: string; params: unknown; stringId: boolean; pieces: number[] }
  | { kind: 'notify'; method: string; params: unknown }
  | { kind: 'bytes'; bytes: Buffer; what: string };

/** Params: missing, junk, or of the shapes the server reads with any field missing or of the wrong type, naming `uris`. */
function paramsNaming(uris: string[]): fc.Arbitrary<unknown> {
  const uri = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...uris) }, { weight: 1, arbitrary: scalar });
  const text = fc.oneof(fc.string({ maxLength: 80 }), fc.constant('---\ntype: minutes\nid: fuzz\ndate: 2021-01-01\n---\n\n## 1. Minutes\n\nRESOLVED: That it be so.\n'), scalar);

  const shaped = fc.record(
    {
      textDocument: fc.oneof({ weight: 3, arbitrary: fc.record({ uri, version: uint, text, languageId: fc.constant('markdown') }, { requiredKeys: [] }) }, { weight: 1, arbitrary: junk }),
      position,
      range,
      contentChanges: fc.oneof(fc.array(fc.record({ range, text, rangeLength: uint }, { requiredKeys: [] }), { maxLength: 3 }), junk),
      context: fc.oneof(fc.record({ includeDeclaration: fc.oneof(fc.boolean(), scalar), diagnostics: fc.oneof(fc.array(fc.record({ range, source: fc.constant('govmark'), data: junk }), { maxLength: 2 }), junk), only: junk }, { requiredKeys: [] }), junk),
      query: fc.oneof(fc.string({ maxLength: 8 }), scalar),
      scope: fc.oneof(fc.constantFrom('document', 'workspace'), scalar),
      uri,
      type: fc.oneof(fc.constantFrom('minutes', 'timeline', 'resolution', 'terms-of-reference'), scalar),
      terms: fc.oneof(fc.constant('trafford-hwb-tor'), scalar),
      date: fc.oneof(fc.constant('2021-06-18'), scalar),
      changes: fc.oneof(fc.array(fc.record({ uri, type: fc.oneof(fc.constantFrom(1, 2, 3), scalar) }), { maxLength: 2 }), junk),
      event: fc.oneof(fc.record({ added: fc.oneof(fc.array(fc.record({ uri, name: fc.string() })), junk), removed: junk }), junk),
      reason: uint,
      id: fc.oneof(fc.nat({ max: 5 }), scalar),
    },
    { requiredKeys: [] },
  );
  return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: junk }, { weight: 5, arbitrary: shaped });
}

/**
 * What the fuzzer does, one step. Requests may name `readOnly` documents (the
 * good one) as well as the fuzzer's own; notifications never do, so that the
 * good document's outline can be checked at the end.
 */
function actions(readOnly: string[]): fc.Arbitrary<Action> {
  const params = paramsNaming([...URIS, ...readOnly]);
  const notificationParams = paramsNaming(URIS);

  const body = (p: unknown) => JSON.stringify({ jsonrpc: '2.0', id: 'never-answered', method: 'workspace/symbol', params: p ?? null });
  const badFraming = fc.oneof(
    params.map((p) => ({ kind: 'bytes' as const, what: 'no Content-Length', bytes: Buffer.from(`Content-Type: application/vscode-jsonrpc\r\n\r\n${body(p)}`) })),
    fc.tuple(fc.constantFrom('abc', '-5', '', '1.5', '0x10', '99999999999999', ' '), params).map(([length, p]) => ({ kind: 'bytes' as const, what: `Content-Length: ${length}`, bytes: Buffer.from(`Content-Length: ${length}\r\n\r\n${body(p)}`) })),
    params.map((p) => ({ kind: 'bytes' as const, what: 'a header line without a colon', bytes: Buffer.from(`Content-Length ${body(p).length}\r\n\r\n${body(p)}`) })),
    fc.tuple(params, fc.nat({ max: 20 })).map(([p, cut]) => ({ kind: 'bytes' as const, what: 'a Content-Length too short', bytes: Buffer.from(`Content-Length: ${cut}\r\n\r\n${body(p)}`) })),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((a) => ({ kind: 'bytes' as const, what: 'garbage', bytes: Buffer.from(a) })),
    fc.constantFrom('\r\n\r\n', '\r\n', 'Content-Length: 2\r\n\r\n{}', 'Content-Length: 0\r\n\r\n', 'Content-Length: 4\r\n\r\nnull').map((s) => ({ kind: 'bytes' as const, what: JSON.stringify(s), bytes: Buffer.from(s) })),
    // Well framed, but no JSON-RPC request or notification: arrays, responses to nothing, ids of the wrong type.
    fc.oneof(junk, fc.record({ jsonrpc: fc.constant('2.0'), id: junk, result: junk }), fc.record({ jsonrpc: fc.constant('2.0'), id: fc.oneof(fc.object(), fc.boolean()), method: fc.constantFrom(...OWN_REQUESTS) })).map((m) => ({ kind: 'bytes' as const, what: 'not JSON-RPC', bytes: frame(m ?? null) })),
  );

  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom(...OWN_REQUESTS), params, stringId: fc.boolean(), pieces: fc.array(fc.nat({ max: 60 }), { maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.oneof(fc.constantFrom(...OTHER_REQUESTS), fc.string({ minLength: 1, maxLength: 12 }).filter((m) => !['initialize', 'shutdown', 'exit'].includes(m) && !m.startsWith('$/'))), params, stringId: fc.boolean(), pieces: fc.constant<number[]>([]) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('notify' as const), method: fc.constantFrom(...NOTIFICATIONS), params: notificationParams }) },
    { weight: 2, arbitrary: badFraming },
  );
}

describe('server: JSON-RPC fuzzing', function () {
  this.timeout(120_000);
  const ws = exampleWorkspace();
  const good = ws.uri('valid/gloucestershire-icp-timeline.md');
  let server: RawServer;
  let outline: unknown;
  const action = actions([good]);

  before(async () => {
    server = await RawServer.start({ folder: ws.dir, initializationOptions: { today: '2026-11-23' } });
    await server.notification('govmark/indexChanged', 0, 30_000);
    server.notify('textDocument/didOpen', { textDocument: { uri: good, languageId: 'markdown', version: 1, text: readFileSync(ws.path('valid/gloucestershire-icp-timeline.md'), 'utf8') } });
    outline = (await server.request('textDocument/documentSymbol', { textDocument: { uri: good } })).result;
    assert.ok(Array.isArray(outline) && outline.length === 5);
  });
  after(async () => {
    await server.stop();
    ws.remove();
  });

  /** Writes a framed message in pieces (cut at the given offsets), letting the server read between them. */
  async function writeInPieces(bytes: Buffer, cuts: number[]): Promise<void> {
    let at = 0;
    for (const cut of [...cuts.map((c) => Math.min(bytes.length, at + c)), bytes.length]) {
      if (cut <= at) continue;
      server.write(bytes.subarray(at, cut));
      at = cut;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('never crashes, answers every well-framed request, and keeps serving', async () => {
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        const logsBefore = server.logs.length;
        const pending: { method: string; answer: Promise<Message> }[] = [];
        for (const a of actions) {
          if (a.kind === 'bytes') server.write(a.bytes);
          else if (a.kind === 'notify') server.send(a.params === undefined ? { jsonrpc: '2.0', method: a.method } : { jsonrpc: '2.0', method: a.method, params: a.params });
          else {
            const id = a.stringId ? `fuzz-${++sequence}` : server.id();
            pending.push({ method: a.method, answer: server.response(id, 10_000) });
            const message = a.params === undefined ? { jsonrpc: '2.0', id, method: a.method } : { jsonrpc: '2.0', id, method: a.method, params: a.params };
            await writeInPieces(frame(message), a.pieces);
          }
        }
        for (const { method, answer } of pending) {
          const response = await answer;
          const code = response.error?.code;
          if (OWN_REQUESTS.includes(method)) assert.ok(code === undefined || code === -32800, `${method}: ${JSON.stringify(response.error)}`);
          else assert.equal(code, -32601, `${method}: ${JSON.stringify(response)}`);
        }
        assert.ok(server.alive, `the server exited: ${JSON.stringify(server.exit)}`);
        const errors = server.logs.slice(logsBefore).filter((l) => /TypeError|RangeError|ReferenceError|govmark: [^\n]* failed|analysing [^\n]* failed|handler '[^']*' failed/.test(l));
        assert.deepEqual(errors, []);
      }),
      runs(100),
    );

    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: good } });
    assert.deepEqual(symbols.result, outline);
    const hover = await server.request('textDocument/hover', { textDocument: { uri: good }, position: { line: 13, character: 4 } });
    assert.ok(hover.result !== null);
    assert.equal(server.received.some((m) => m.id === 'never-answered'), false, 'a badly framed message is never read as a request');
    assert.ok(server.alive);
  });
});
