/**
 * The language server when its worker threads cannot start (a broken
 * install): it logs that once and checks documents in its own thread, so every
 * document still gets its diagnostics, none blamed as "too complex".
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../src/core/config.js';
import { createNodeHost } from '../../src/server/node-host.js';
import { exampleWorkspace, TestClient } from './client.js';

const MINUTES = '---\ntype: minutes\nid: m\ndate: 2021-01-01\n---\n\n# Minutes\n\nRESOLVED: That the report be noted.\n';
const missing = pathToFileURL(join(tmpdir(), 'govmark-no-such-folder', 'worker.js')).href;

describe('server: worker threads that cannot start', function () {
  this.timeout(60_000);

  it('the Node host logs once and analyses in its own thread, in full', async () => {
    const logs: string[] = [];
    const analyser = createNodeHost().createAnalyser(resolveConfig(), { size: 1, workerUrl: missing, log: (m) => logs.push(m) });
    try {
      for (const uri of ['file:///a.md', 'file:///b.md']) {
        const result = await analyser.analyse({ uri, text: MINUTES });
        assert.equal(result.complete, true);
        assert.equal(result.type, 'minutes');
        assert.ok(result.model, 'the model comes back');
        assert.deepEqual(result.messages.filter((m) => m.ruleId === 'too-complex'), []);
      }
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0], /govmark's worker thread could not start \(Cannot find module .*\): reinstall govmark; checking documents in the server's own thread instead/);
    } finally {
      await analyser.close();
    }
  });

  it('over LSP, every file of the workspace is still checked, and the log says why', async () => {
    const ws = exampleWorkspace();
    const client = await TestClient.start({ folder: ws.dir, initializationOptions: { today: '2026-11-23', workerUrl: missing } });
    try {
      assert.equal((await client.waitForIndex()).documents, 11);
      const result = await client.request<{ files: number; errors: number; warnings: number }>('govmark/validateWorkspace', {});
      assert.equal(result.files, 12);
      assert.ok(result.errors >= 6 && result.warnings >= 5, JSON.stringify(result));
      const tooComplex = client.published.flatMap((p) => p.diagnostics.filter((d) => d.code === 'too-complex').map(() => p.uri));
      assert.deepEqual(tooComplex, []);
      const said = client.logs.join('').match(/worker thread could not start/g) ?? [];
      assert.ok(said.length >= 1, client.logs.join('').slice(-2000));
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
