/**
 * `govmark/importDocument`, the request behind the editor's Import
 * Document… command: the same importer as `govmark import`, over LSP, on
 * the plain-text pack and on a PDF built from it; a file it cannot read
 * is an answer with an error, not a failed request. When the extension's
 * bundle has been built (dist/server.js), it is asked too: pdf.js and
 * mammoth must work inside the bundle.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImportDocumentResult } from '../../src/protocol/requests.js';
import { docxOf, pdfOf } from '../cli/import-papers.js';
import { packFile, packText } from '../core/import-expected.js';
import { repoRoot } from '../helpers.js';
import { TestClient } from './client.js';

const bundle = join(repoRoot, 'dist', 'server.js');

for (const server of ['compiled', 'bundled'] as const) {
  describe(`server: govmark/importDocument (${server})`, function () {
    this.timeout(60_000);
    let dir: string;
    let client: TestClient;
    before(async function () {
      // `npm test` builds the bundle before the suites run; skipped only when asked for (a quick local run).
      if (server === 'bundled' && !existsSync(bundle)) {
        if (process.env.GOVMARK_SKIP_BUNDLED === '1') this.skip();
        throw new Error(`${bundle} is missing: run \`npm run build:ext\` first (or set GOVMARK_SKIP_BUNDLED=1 to skip the bundled server's tests)`);
      }
      dir = mkdtempSync(join(tmpdir(), 'govmark-import-server-'));
      copyFileSync(packFile, join(dir, 'pack.txt'));
      writeFileSync(join(dir, 'pack.pdf'), await pdfOf(packText));
      writeFileSync(join(dir, 'pack.docx'), await docxOf(packText));
      client = await TestClient.start({ folder: dir, ...(server === 'bundled' ? { command: { script: bundle, args: ['--stdio'] } } : {}) });
    });
    after(async () => {
      await client?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const file of ['pack.txt', 'pack.pdf', 'pack.docx']) {
      it(`imports ${file}: the documents with their text, what was recognised and the places to review`, async () => {
        const result = await client.request<ImportDocumentResult>('govmark/importDocument', { uri: pathToFileURL(join(dir, file)).href });
        assert.equal(result.error, undefined);
        assert.equal(result.documents.length, 7);
        const minutes = result.documents.find((d) => d.fileName === 'health-and-wellbeing-board-minutes-2020-10-16.md')!;
        assert.equal(minutes.type, 'minutes');
        assert.equal(minutes.summary, '7 items, 16 resolutions, 16 attendees, 8 apologies');
        assert.match(minutes.markdown, /^---\ntype: minutes\n/);
        assert.deepEqual(minutes.uncertain.map((u) => u.code), ['import/joined-page-break']);
        assert.match(minutes.markdown.split('\n')[minutes.uncertain[0].line! - 1], /^<!-- govmark import: check /);
      });
    }

    it('answers a file it cannot import with an error', async () => {
      const result = await client.request<ImportDocumentResult>('govmark/importDocument', { uri: pathToFileURL(join(dir, 'absent.md')).href });
      assert.deepEqual(result.documents, []);
      assert.match(result.error ?? '', /govmark imports \.txt, \.text, \.docx, \.pdf files/);
      const malformed = await client.request<ImportDocumentResult>('govmark/importDocument', { uri: 5 });
      assert.deepEqual(malformed, { documents: [] });
    });
  });
}
