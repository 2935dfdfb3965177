/**
 * Inputs that stall the Markdown or YAML parser for minutes
 * (../shared/corpus/pathological): each ends within its bound with a located
 * diagnostic, and the rest of the run goes on.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { validatePaths } from '../../src/node/validate.js';
import { examplesDir, repoRoot, sharedDir } from '../helpers.js';

describe('pathological inputs', function () {
  this.timeout(600_000);
  let dir: string;
  let files: string[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-patho-'));
    execFileSync(process.execPath, [join(sharedDir, 'corpus', 'pathological', 'generate.mjs'), dir], { stdio: 'ignore' });
    files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('bounds every case and still validates a normal file in the same run', async () => {
    assert.ok(files.length >= 30, 'the generator wrote its cases');
    const timeoutMs = 2000;
    const config = resolveConfig({ parseTimeoutMs: timeoutMs, today: '2026-11-23' });
    const normal = join(examplesDir, 'invalid', 'minutes-resolution-gap.md');
    const started = Date.now();
    const results = await validatePaths([...files, normal], { config, cacheDir: false, workers: 2 });
    const elapsed = Date.now() - started;
    // Two workers, each case at most one bound plus the cheap pass: far below the minutes an unbounded parse takes.
    assert.ok(elapsed < (files.length * (timeoutMs + 1500)) / 2 + 10_000, `the run took ${elapsed} ms`);
    const tooComplex = results.filter((r) => !r.complete);
    assert.ok(tooComplex.length >= 5, `expected several cases past the bound, got ${tooComplex.map((r) => r.path).join(', ')}`);
    for (const r of tooComplex) {
      const m = r.messages.find((x) => x.ruleId === 'too-complex');
      assert.ok(m, `${r.path}: a too-complex diagnostic`);
      assert.ok(m.range.start.line >= 1 && m.reason.includes('too complex'), `${r.path}: located and explained`);
    }
    for (const r of results) assert.equal(r.messages.filter((m) => m.ruleId === 'internal-error').length, 0, `${r.path}: no rule crashed`);
    const gap = results.find((r) => r.path === normal)!;
    assert.equal(gap.complete, true);
    assert.ok(gap.messages.some((m) => m.ruleId === 'resolution-numbering' && m.range.start.line === 26), 'the normal file is still checked in full');
  });

  it('keeps the outline of a document read by the cheap pass', async () => {
    const config = resolveConfig({ parseTimeoutMs: 1000 });
    const target = files.find((f) => f.endsWith('mismatched-emph-100000.md'))!;
    const [r] = await validatePaths([target], { config, cacheDir: false });
    assert.equal(r.complete, false);
    assert.equal(r.type, 'minutes');
    // Front matter checks still ran on the cheap pass.
    assert.ok(r.messages.every((m) => m.range.end.offset >= m.range.start.offset));
  });

  it('timeline and inspect, as users run them, are bounded like validate (a 70 KB nesting took 40 s unbounded)', () => {
    const work = mkdtempSync(join(tmpdir(), 'govmark-patho-cli-'));
    try {
      writeFileSync(join(work, 'govmark.config.json'), JSON.stringify({ parseTimeoutMs: 1000 }));
      copyFileSync(files.find((f) => f.endsWith('nested-emph-5000.md'))!, join(work, 'nested.md'));
      copyFileSync(join(examplesDir, 'valid', 'gloucestershire-icp-timeline.md'), join(work, 'icp-timeline.md'));
      const cli = (...args: string[]) => {
        const started = Date.now();
        const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'govmark.js'), ...args], { cwd: work, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
        return { ...run, elapsed: Date.now() - started };
      };

      const timeline = cli('timeline', '--today', '2026-11-23', 'nested.md', 'icp-timeline.md');
      assert.equal(timeline.status, 0, timeline.stderr);
      assert.ok(timeline.elapsed < 30_000, `timeline took ${timeline.elapsed} ms`);
      assert.match(timeline.stdout, /Full Council ratifies the Constitution Committee decision/, 'the normal document is still drawn');

      const inspect = cli('inspect', 'nested.md');
      assert.equal(inspect.status, 0, inspect.stderr);
      assert.ok(inspect.elapsed < 30_000, `inspect took ${inspect.elapsed} ms`);
      const model = JSON.parse(inspect.stdout) as { complete: boolean; messages: { ruleId: string }[] };
      assert.equal(model.complete, false);
      assert.ok(model.messages.some((m) => m.ruleId === 'too-complex'), 'inspect says the document was read only in part');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
