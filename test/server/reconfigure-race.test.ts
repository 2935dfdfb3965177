/**
 * Settings changed while the workspace is being read (issue 10): the worker
 * pools a read was sent to are closed under it. No read may be logged as
 * failed ("worker pool closed"), and after the new settings every document is
 * read again on the new pools, open ones included.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../src/core/config.js';
import { createNodeHost } from '../../src/server/node-host.js';
import { DocumentStore } from '../../src/server/store.js';
import { sharedDir } from '../helpers.js';

const examples = ['valid', 'invalid'].flatMap((dir) =>
  readdirSync(join(sharedDir, 'examples', dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ uri: pathToFileURL(join(sharedDir, 'examples', dir, f)).href, text: readFileSync(join(sharedDir, 'examples', dir, f), 'utf8') })),
);
// Large enough that the editor reads it in a worker too (over the first-parse limit).
const bigMinutes = `---\ntype: minutes\nid: big\ndate: 2021-01-01\n---\n\n# Minutes\n\n## Present\n\n- J. Slater\n\n${Array.from({ length: 600 }, (_, i) => `## ${i + 1}. Item\n\nRESOLVED: That the report on item ${i + 1} be noted.\n`).join('\n')}`;

describe('server: reconfigure while reading the workspace', function () {
  this.timeout(300_000);

  it('never logs a read as failed and reads every document again on the new pools, 50 times in a row', async () => {
    const logs: string[] = [];
    const store = new DocumentStore(createNodeHost(), resolveConfig({ today: '2026-11-23' }), { log: (m) => logs.push(m) });
    try {
      for (let round = 0; round < 50; round++) {
        store.update('file:///open/big.md', bigMinutes + `\n<!-- ${round} -->\n`, round + 1, 0);
        const reads = examples.map(({ uri, text }) => store.setFromDisk(uri, text + `\n<!-- ${round} -->\n`));
        const open = store.current('file:///open/big.md');
        // Settings change while the reads are in flight: the old pools close under them.
        await new Promise((r) => setTimeout(r, round % 5));
        await store.reconfigure(resolveConfig({ today: '2026-11-23', rules: round % 2 ? { overdue: 'off' } : {} }));
        const outcomes = await Promise.allSettled([...reads, open]);
        const failed = outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
        assert.deepEqual(failed, [], `round ${round}: a read failed`);
        assert.deepEqual(logs, [], `round ${round}: ${logs.join('\n')}`);
      }
      // The new pools read everything: the disk documents and the open one.
      await Promise.all(examples.map(({ uri, text }) => store.setFromDisk(uri, text)));
      const snapshot = await store.current('file:///open/big.md');
      assert.equal(snapshot?.analysis?.doc.data.content.resolutions?.length, 600);
      assert.ok(store.analyses().length >= 11, `${store.analyses().length} documents held`);
      assert.deepEqual(logs, []);
    } finally {
      await store.dispose();
    }
  });
});
