/**
 * A broken install (the worker thread's file missing) is said as such: exit 2
 * with one line telling the user to reinstall, never "too complex, simplify the
 * Markdown" on their documents. Runs a copy of the built CLI in a temporary
 * folder, with its worker file deleted.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

const MINUTES = '---\ntype: minutes\nid: m\ndate: 2021-01-01\n---\n\n# Minutes\n\nRESOLVED: That the report be noted.\n';

describe('cli: a worker thread that cannot start', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-broken-'));
    for (const f of ['bin', 'schemas', 'package.json']) cpSync(join(repoRoot, f), join(dir, f), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    cpSync(join(repoRoot, 'dist', 'src'), join(dir, 'dist', 'src'), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    unlinkSync(join(dir, 'dist', 'src', 'node', 'worker.js'));
    writeFileSync(join(dir, 'minutes.md'), MINUTES);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const command of [['validate', '--no-cache'], ['inspect'], ['timeline']]) {
    it(`${command[0]} exits 2 with one line saying to reinstall govmark`, () => {
      const run = spawnSync(process.execPath, [join(dir, 'bin', 'govmark.js'), ...command, 'minutes.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^govmark: govmark's worker thread could not start \(Cannot find module '[^']*worker\.js'[^)]*\): reinstall govmark\n$/);
    });
  }
});
