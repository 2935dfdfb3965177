/**
 * Parsing in the editor is bounded: a pathological document gets a
 * `too-complex` diagnostic within a few seconds, and the server keeps serving
 * other documents meanwhile. Which documents go to a worker is decided by a
 * linear risk check, tested here on the shapes that make the parser slow.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { LineIndex } from '../../src/core/text/lines.js';
import { toLspRange } from '../../src/server/edge.js';
import { looksExpensive } from '../../src/server/store.js';
import { exampleWorkspace, TestClient } from './client.js';

const FRONT_MATTER = '---\ntype: minutes\nid: pathological\nbody: Test Board\ndate: 2021-01-01\n---\n\n';

describe('server: bounded parsing', function () {
  this.timeout(60_000);

  describe('the risk check', () => {
    it('flags what makes the Markdown parser slow', () => {
      for (const [name, body] of [
        ['mismatched emphasis', '*a_ '.repeat(10000)],
        ['nested brackets', '['.repeat(5000) + 'a' + ']'.repeat(5000)],
        ['unclosed links', '[a](<b '.repeat(5000)],
        ['nested quotes', '>'.repeat(1000) + ' a'],
        ['nested lists', Array.from({ length: 100 }, (_, i) => ' '.repeat(2 * i) + '- item ' + i).join('\n')],
        ['backtick runs', Array.from({ length: 1000 }, (_, i) => 'e' + '`'.repeat(i + 1)).join('')],
        ['a 1 MB line', 'governance '.repeat(100_000)],
      ]) {
        assert.equal(looksExpensive(FRONT_MATTER + body + '\n'), true, name);
      }
    });

    it('lets ordinary documents be parsed incrementally', () => {
      for (const f of ['valid/trafford-hwb-minutes-2020-10-16.md', 'valid/trafford-hwb-terms-of-reference.md', 'valid/gloucestershire-icp-timeline.md']) {
        const ws = exampleWorkspace();
        try {
          const text = readFileSync(ws.path(f), 'utf8');
          assert.equal(looksExpensive(text), false, f);
          // Long but ordinary: many paragraphs with some emphasis and links each.
          assert.equal(looksExpensive(text + '\nSee *the [report](https://example.org)* and _notes_.\n\n'.repeat(2000)), false, f + ' grown');
        } finally {
          ws.remove();
        }
      }
    });
  });

  describe('over LSP', () => {
    const ws = exampleWorkspace();
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ folder: ws.dir, initializationOptions: { today: '2026-11-23' } });
    });
    after(async () => {
      await client.stop();
      ws.remove();
    });

    it('reports a pathological document as too complex within a few seconds, while another document’s diagnostics still arrive', async () => {
      const bad = ws.uri('scratch/pathological.md');
      const good = ws.uri('invalid/minutes-resolution-gap.md');
      const started = Date.now();
      client.open(bad, FRONT_MATTER + '*a_ '.repeat(10000) + '\n');
      client.open(good, readFileSync(ws.path('invalid/minutes-resolution-gap.md'), 'utf8'));

      const other = await client.waitForDiagnostics(good, (p) => p.version === 1, 10_000);
      assert.equal(other.diagnostics.find((d) => d.code === 'resolution-numbering')?.range.start.line, 25);
      // Requests are served meanwhile too.
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: good } });
      assert.ok(symbols.length > 0);
      const answeredAt = Date.now();

      const p = await client.waitForDiagnostics(bad, (x) => x.version === 1, 15_000);
      const tooComplex = p.diagnostics.find((d) => d.code === 'too-complex');
      assert.ok(tooComplex, JSON.stringify(p.diagnostics));
      assert.equal(tooComplex.severity, 2);
      // Found by the pre-scan, before any parse: the cause named, no time bound paid.
      assert.match(tooComplex.message as string, /too complex to check fully: a paragraph \(from line 8\) has more than 4,000 emphasis, link or code marks/);
      // The core places it on the first line of the body with text (0-based 7: the blank line 6 is skipped).
      assert.deepEqual(tooComplex.range.start, { line: 7, character: 0 });
      assert.ok(answeredAt < p.at, 'the other document was served before the pathological one finished');
      assert.ok(p.at - started < 10_000, `took ${p.at - started} ms`);
    });

    it('keeps the outline of the cheap pass for the pathological document', async () => {
      const bad = ws.uri('scratch/pathological.md');
      const since = client.published.length;
      const version = client.change(bad, FRONT_MATTER + '## 1. Minutes\n\nRESOLVED: That the minutes be agreed.\n\n' + '*a_ '.repeat(10000) + '\n');
      const p = await client.waitForDiagnostics(bad, (x) => x.version === version, 15_000, since);
      assert.ok(p.diagnostics.some((d) => d.code === 'too-complex'));
      const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: bad } });
      assert.deepEqual(
        symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
        [['1. Minutes', ['1 That the minutes be agreed.']]],
      );
    });
  });

  describe('over LSP, past the deadline', () => {
    // The time bound stays as the last resort for what the pre-scan lets through.
    const ws = exampleWorkspace();
    let client: TestClient;
    before(async () => {
      writeFileSync(ws.path('govmark.config.json'), JSON.stringify({ parseTimeoutMs: 300 }));
      client = await TestClient.start({ folder: ws.dir, initializationOptions: { today: '2026-11-23' } });
    });
    after(async () => {
      await client.stop();
      ws.remove();
    });

    it('reports a document that takes longer than parseTimeoutMs as too complex, saying that it took too long', async () => {
      const slow = ws.uri('scratch/long.md');
      // 3.4 MB of ordinary prose: nothing the pre-scan flags, over a second to parse.
      client.open(slow, FRONT_MATTER + '# Minutes\n\n' + 'The board noted the report of the director and agreed the plan. '.repeat(55_000) + '\n');
      const p = await client.waitForDiagnostics(slow, (x) => x.version === 1, 30_000);
      const tooComplex = p.diagnostics.find((d) => d.code === 'too-complex');
      assert.ok(tooComplex, JSON.stringify(p.diagnostics));
      assert.match(tooComplex.message as string, /too complex to check fully \(it took longer than 300 ms to read\)/);
      assert.deepEqual(tooComplex.range.start, { line: 7, character: 0 });
    });
  });

  // A large document is first read in the worker. Past 256 KB it stays there, and the worker keeps
  // its section trees between versions; below, its edits are read on the server's thread once its
  // sections are cached there. Either way, what an author sees after each edit must be what a fresh
  // read of the text gives.
  for (const [what, count, check] of [
    ['past 256 KB, edited in the worker', 1400, (n: number) => n > 256 * 1024],
    ['of 60 KB, read in the worker, then edited on the server thread', 300, (n: number) => n > 32 * 1024 && n < 256 * 1024],
  ] as const) describe(`a large document ${what}`, () => {
    const ws = exampleWorkspace();
    const fresh = exampleWorkspace();
    const base = readFileSync(ws.path('valid/trafford-hwb-minutes-2020-10-16.md'), 'utf8');
    const items = Array.from({ length: count }, (_, i) => `## ${30 + i}. Report ${i}\n\nThe board noted the report of the director.\n\nRESOLVED:\n\n1. That report ${i} be noted.\n2. That report ${i} be published.\n\nAlex to send the summary to members by ${(i % 28) + 1} March 2021.\n`).join('\n');
    const large = base.trimEnd() + '\n\n' + items;
    let client: TestClient;
    after(async () => {
      await client?.stop();
      ws.remove();
      fresh.remove();
    });

    it('gives after each incremental edit the diagnostics a fresh read of the same text gives', async () => {
      assert.ok(check(large.length), `${large.length} characters`);
      client = await TestClient.start({ folder: ws.dir, settings: { validate: { debounceMs: 0 } }, initializationOptions: { today: '2026-11-23' } });
      const uri = ws.uri('scratch/large-minutes.md');
      client.open(uri, large);
      const initial = (await client.waitForDiagnostics(uri, (p) => p.version === 1, 30_000)).diagnostics;
      let text = large;
      let version = 1;
      // Edits in different sections: a word, a due date, a resolution numbered out of sequence, a removed action.
      const edits: [string, string][] = [
        ['report of the director.', 'report of the directors.'],
        ['by 5 March 2021', 'by 5 March 2031'],
        ['2. That report 30 be published.', '4. That report 30 be published.'],
        ['Alex to send the summary to members by 9 March 2021.\n', ''],
      ];
      for (const [from, to] of edits) {
        const at = text.indexOf(from, base.length);
        assert.ok(at > 0, from);
        const range = toLspRange(new LineIndex(text).range(at, at + from.length));
        text = text.slice(0, at) + to + text.slice(at + from.length);
        version++;
        const since = client.published.length;
        void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: to }] });
        const v = version;
        await client.waitForDiagnostics(uri, (p) => p.version === v, 30_000, since);
      }
      const edited = client.last(uri)!.diagnostics;
      const other = await TestClient.start({ folder: fresh.dir, initializationOptions: { today: '2026-11-23' } });
      try {
        const freshUri = fresh.uri('scratch/large-minutes.md');
        other.open(freshUri, text);
        const read = (await other.waitForDiagnostics(freshUri, (p) => p.version === 1, 30_000)).diagnostics;
        const shape = (ds: typeof read) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`).sort();
        assert.deepEqual(shape(edited), shape(read));
        assert.ok(shape(edited).some((d) => d.includes('resolution-numbering')) && !shape(initial).some((d) => d.includes('resolution-numbering')), 'the numbering the edit broke is reported');
        assert.ok(!edited.some((d) => d.code === 'too-complex'), 'read in full');
      } finally {
        await other.stop();
      }
    });
  });
});
