/**
 * The workspace over LSP: changes on disk reach the index (and re-validate
 * the open documents that depend on them), the configuration file and the
 * client's settings apply and re-apply, requests can be cancelled, and no
 * request is answered with an error.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { exampleWorkspace, TestClient, startOnExamples } from './client.js';

const CHANGED = 2;
const PAPER = '# Board paper\n\n## 4. Finance\n\nRESOLVED:\n\n1. That the budget be noted.\n3. That the plan be agreed.\n';
const DELETED = 3;
const CREATED = 1;

describe('server: workspace', function () {
  this.timeout(60_000);

  describe('files on disk', () => {
    const ws = exampleWorkspace();
    let client: TestClient;
    before(async () => {
      client = await startOnExamples(ws.dir);
    });
    after(async () => {
      await client.stop();
      ws.remove();
    });

    it('registers file watchers for Markdown files and the configuration', () => {
      const watchers = client.registrations
        .filter((x): x is { method: string; registerOptions: { watchers: { globPattern: string }[] } } => (x as { method: string }).method === 'workspace/didChangeWatchedFiles')
        .flatMap((x) => x.registerOptions.watchers.map((w) => w.globPattern));
      assert.deepEqual(watchers, ['**/*.{md,markdown}', '**/govmark.config.{json,jsonc,yaml,yml}', '**/package.json']);
    });

    it('re-validates an open document when the terms of reference it depends on change on disk', async () => {
      const minutes = ws.uri('invalid/minutes-inquorate.md');
      client.open(minutes, readFileSync(ws.path('invalid/minutes-inquorate.md'), 'utf8'));
      const first = await client.waitForDiagnostics(minutes, (p) => p.version === 1);
      assert.deepEqual(first.diagnostics.map((d) => d.code), ['quorum-not-met']);

      const tor = ws.path('valid/trafford-hwb-terms-of-reference.md');
      writeFileSync(tor, readFileSync(tor, 'utf8').replace('quorum: 5', 'quorum: 3'));
      let since = client.published.length;
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('valid/trafford-hwb-terms-of-reference.md'), type: CHANGED }] });
      const quorate = await client.waitForDiagnostics(minutes, () => true, 10_000, since);
      assert.deepEqual(quorate.diagnostics, []);
      assert.equal(quorate.version, 1);

      rmSync(tor);
      since = client.published.length;
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('valid/trafford-hwb-terms-of-reference.md'), type: DELETED }] });
      const dangling = await client.waitForDiagnostics(minutes, () => true, 10_000, since);
      assert.deepEqual(dangling.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`), ['4:7 unresolved-reference']);
    });

    it('re-validates other open documents as one is edited', async () => {
      const minutes = ws.uri('invalid/minutes-inquorate.md');
      const tor = ws.uri('scratch/new-tor.md');
      const since = client.published.length;
      client.open(tor, '---\ntype: terms-of-reference\nid: trafford-hwb-tor\nquorum: 2\n---\n\n# ToR\n\n## Functions\n\n1. To meet.\n\n## Membership\n\n| Seat | Count |\n| --- | ---: |\n| Member | 4 |\n');
      const p = await client.waitForDiagnostics(minutes, () => true, 10_000, since);
      assert.deepEqual(p.diagnostics, [], 'the reference resolves to the new, unsaved terms of reference');
      const since2 = client.published.length;
      client.change(tor, '---\ntype: terms-of-reference\nid: trafford-hwb-tor\nquorum: 4\n---\n\n# ToR\n\n## Functions\n\n1. To meet.\n\n## Membership\n\n| Seat | Count |\n| --- | ---: |\n| Member | 4 |\n');
      const q = await client.waitForDiagnostics(minutes, () => true, 10_000, since2);
      assert.deepEqual(q.diagnostics.map((d) => d.message), ['3 voting members present; the terms of reference (trafford-hwb-tor) set a quorum of 4. The meeting was not quorate.']);
      assert.equal(q.diagnostics[0].relatedInformation?.[0].location.uri, tor);
    });
  });

  describe('configuration', () => {
    const ws = exampleWorkspace();
    let client: TestClient;
    before(async () => {
      writeFileSync(
        ws.path('govmark.config.json'),
        JSON.stringify({
          rules: { overdue: 'off', 'resolution-numbering': 'error' },
          types: { 'board-paper': { schema: 'board-paper.schema.json', extends: 'minutes', files: ['papers/*.md'] } },
        }),
      );
      writeFileSync(ws.path('board-paper.schema.json'), JSON.stringify({ type: 'object', required: ['meta', 'content'] }));
      mkdirSync(ws.path('papers'));
      writeFileSync(ws.path('papers/finance.md'), PAPER);
      client = await TestClient.start({ folder: ws.dir, initializationOptions: { today: '2026-11-23' } });
      assert.equal((await client.waitForIndex()).documents, 12, 'the examples and the board paper');
    });
    after(async () => {
      await client.stop();
      ws.remove();
    });

    it('reads govmark.config.json of the workspace folder', async () => {
      const gap = ws.uri('invalid/minutes-resolution-gap.md');
      client.open(gap, readFileSync(ws.path('invalid/minutes-resolution-gap.md'), 'utf8'));
      const p = await client.waitForDiagnostics(gap, (x) => x.version === 1);
      assert.deepEqual(p.diagnostics.map((d) => `${d.code} ${d.severity}`), ['action-not-reported 3', 'resolution-numbering 1']);
      const tor = ws.uri('valid/trafford-hwb-terms-of-reference.md');
      client.open(tor, readFileSync(ws.path('valid/trafford-hwb-terms-of-reference.md'), 'utf8'));
      assert.deepEqual((await client.waitForDiagnostics(tor, (x) => x.version === 1)).diagnostics, [], 'overdue is off');
    });

    it('reads files a custom type’s globs select as that type, without a `type:` key', async () => {
      const paper = ws.uri('papers/finance.md');
      client.open(paper, PAPER);
      const p = await client.waitForDiagnostics(paper, (x) => x.version === 1);
      assert.deepEqual(p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.severity}`), ['7:0 resolution-numbering 1']);
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: paper } });
      assert.deepEqual(symbols.map((s) => s.name), ['4. Finance']);
      // The same text elsewhere is plain Markdown.
      const elsewhere = ws.uri('notes/finance.md');
      client.open(elsewhere, PAPER);
      assert.deepEqual((await client.waitForDiagnostics(elsewhere, (x) => x.version === 1)).diagnostics, []);
    });

    it('applies the client’s settings on top, and again when they change', async () => {
      const gap = ws.uri('invalid/minutes-resolution-gap.md');
      client.settings = { rules: { 'resolution-numbering': 'off', 'action-not-reported': 'off' } };
      const since = client.published.length;
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { govmark: client.settings } });
      const p = await client.waitForDiagnostics(gap, () => true, 10_000, since);
      assert.deepEqual(p.diagnostics, []);
    });

    it('re-reads govmark.config.json when it changes on disk', async () => {
      const tor = ws.uri('valid/trafford-hwb-terms-of-reference.md');
      writeFileSync(ws.path('govmark.config.json'), JSON.stringify({ rules: { overdue: 'warning' } }));
      const since = client.published.length;
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('govmark.config.json'), type: CHANGED }] });
      const p = await client.waitForDiagnostics(tor, (x) => x.diagnostics.length > 0, 10_000, since);
      assert.deepEqual(p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.severity}`), ['10:8 overdue 2']);
    });

    it('says what is wrong with a setting and goes on', async () => {
      client.settings = { rules: { 'resolution-numberng': 'off', overdue: 'loud' } };
      const logs = client.logs.length;
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { govmark: client.settings } });
      const deadline = Date.now() + 10_000;
      while (!client.logs.slice(logs).some((l) => l.includes('overdue must be')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const said = client.logs.slice(logs).join('\n');
      assert.match(said, /govmark\.rules: unknown rule 'resolution-numberng'/);
      assert.match(said, /govmark\.rules\.overdue must be one of error, warning, info, hint, off/);
    });

    it('re-reads the config when it becomes govmark.config.yaml, and when package.json gains a govmark key', async () => {
      client.settings = {};
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { govmark: {} } });
      const tor = ws.uri('valid/trafford-hwb-terms-of-reference.md');
      const overdue = async (expected: string[], change: { uri: string; type: number }[]) => {
        const since = client.published.length;
        void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: change });
        // By content: a publish for the settings change above may still arrive first.
        const shown = (x: { diagnostics: { code?: unknown; severity?: number }[] }) => x.diagnostics.map((d) => `${String(d.code)} ${d.severity}`);
        const p = await client.waitForDiagnostics(tor, (x) => JSON.stringify(shown(x)) === JSON.stringify(expected), 10_000, since);
        assert.deepEqual(shown(p), expected);
      };
      rmSync(ws.path('govmark.config.json'));
      writeFileSync(ws.path('govmark.config.yaml'), 'rules:\n  overdue: info\n');
      await overdue(['overdue 3'], [
        { uri: ws.uri('govmark.config.json'), type: DELETED },
        { uri: ws.uri('govmark.config.yaml'), type: CREATED },
      ]);
      rmSync(ws.path('govmark.config.yaml'));
      writeFileSync(ws.path('package.json'), JSON.stringify({ name: 'board', govmark: { rules: { overdue: 'hint' } } }));
      await overdue(['overdue 4'], [
        { uri: ws.uri('govmark.config.yaml'), type: DELETED },
        { uri: ws.uri('package.json'), type: CREATED },
      ]);
    });
  });

  describe('robustness', () => {
    const ws = exampleWorkspace();
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ folder: ws.dir });
      assert.equal((await client.waitForIndex()).documents, 11);
    });
    after(async () => {
      await client.stop();
      ws.remove();
    });

    it('answers requests about unknown documents with empty results, never an error', async () => {
      const uri = ws.uri('nowhere.md');
      const position = { line: 0, character: 0 };
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position }), []);
      assert.deepEqual(await client.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }), []);
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position }), { isIncomplete: false, items: [] });
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    });

    it('bails out of a cancelled request and goes on serving', async () => {
      // A document that takes the bounded reading (about 3 s): the cancellation arrives while the request waits for it.
      const uri = ws.uri('scratch/slow.md');
      client.open(uri, '---\ntype: minutes\ndate: 2021-01-01\n---\n\n## 1. Minutes\n\nRESOLVED: That the minutes be agreed.\n\n' + '*a_ '.repeat(10000) + '\n');
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
      setTimeout(() => source.cancel(), 100);
      const outcome = await pending.then(
        (result) => ({ result }),
        (error: { code?: number }) => ({ error: error.code }),
      );
      // The empty answer, or the protocol's "request cancelled" (-32800): not the outline it would have given.
      assert.ok('error' in outcome ? outcome.error === -32800 : Array.isArray(outcome.result) && outcome.result.length === 0, JSON.stringify(outcome));
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((s) => s.name), ['1. Minutes']);
    });
  });

  describe('transport', () => {
    it('speaks LSP over Node IPC too, as the extension starts it', async () => {
      const ws = exampleWorkspace();
      const client = await TestClient.start({ folder: ws.dir, transport: 'ipc', initializationOptions: { today: '2026-11-23' } });
      try {
        assert.equal((await client.waitForIndex()).documents, 11);
        const gap = ws.uri('invalid/minutes-resolution-gap.md');
        client.open(gap, readFileSync(ws.path('invalid/minutes-resolution-gap.md'), 'utf8'));
        const p = await client.waitForDiagnostics(gap, (x) => x.version === 1);
        assert.deepEqual(p.diagnostics.map((d) => d.code), ['action-not-reported', 'resolution-numbering']);
      } finally {
        await client.stop();
        ws.remove();
      }
    });
  });
});
