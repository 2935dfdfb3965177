/** The worker pool: a deadline per document that start-up time does not eat, and a clear failure when workers cannot start. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../src/core/config.js';
import { BoundExceeded, WorkerPool } from '../../src/node/pool.js';
import { workerCount } from '../../src/node/validate.js';
import { availableParallelism } from 'node:os';

const MINUTES = '---\ntype: minutes\nid: m\ndate: 2021-01-01\n---\n\n# Minutes\n\nRESOLVED: That the report be noted.\n';

describe('WorkerPool', function () {
  this.timeout(60_000);
  const config = resolveConfig();

  it('analyses documents, cuts one off past its deadline and goes on with the next', async () => {
    const pool = new WorkerPool({ size: 1, config, timeoutMs: 300 });
    try {
      const ok = await pool.run({ uri: 'file:///a.md', text: MINUTES });
      assert.equal(ok.type, 'minutes');
      // What the pre-scan lets through (3.4 MB of ordinary prose, over a second to parse) still meets the deadline.
      const prose = MINUTES + 'The board noted the report of the director and agreed the plan. '.repeat(55_000);
      await assert.rejects(pool.run({ uri: 'file:///b.md', text: prose }), (e: unknown) => e instanceof BoundExceeded && e.kind === 'time');
      // What it catches is read at once, line by line, and said why.
      const stall = await pool.run({ uri: 'file:///s.md', text: MINUTES + '*a_ '.repeat(20000) });
      assert.equal(stall.complete, false);
      assert.match(stall.messages.find((m) => m.ruleId === 'too-complex')?.reason ?? '', /a paragraph \(from line 10\) has more than 4,000 emphasis/);
      const again = await pool.run({ uri: 'file:///c.md', text: MINUTES });
      assert.equal(again.summary.uri, 'file:///c.md', 'a fresh worker took over');
    } finally {
      await pool.close();
    }
  });

  it('starts no more workers than the machine has cores, nor than there are files', () => {
    assert.equal(workerCount(1000, 100_000), availableParallelism());
    assert.equal(workerCount(1, 8), 1);
    assert.equal(workerCount(1000, 0), 1);
  });

  it('fails every task with a clear reason when the worker cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govmark-pool-'));
    const broken = join(dir, 'worker.mjs');
    writeFileSync(broken, "throw new Error('missing module');\n");
    const pool = new WorkerPool({ size: 1, config, timeoutMs: 1000, workerUrl: pathToFileURL(broken) });
    try {
      await assert.rejects(pool.run({ uri: 'file:///a.md', text: MINUTES }), /could not start|stopped while starting/);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
