/**
 * validatePaths as the library documents it: absolute paths in the results,
 * whatever was given; a worker thread that cannot start is an error that says so.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../src/core/config.js';
import { validatePaths, WorkerStartFailed } from '../../src/node/index.js';

const MINUTES = '---\ntype: minutes\nid: m\ndate: 2021-01-01\n---\n\n# Minutes\n\nRESOLVED: That the report be noted.\n';

describe('validatePaths', function () {
  this.timeout(60_000);
  const config = resolveConfig({ today: '2026-11-23' });
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-validate-'));
    writeFileSync(join(dir, 'minutes.md'), MINUTES);
    writeFileSync(join(dir, 'notes.md'), '# Not governance\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('returns absolute paths (FileResult.path) for paths given relative to the working folder', async () => {
    const given = [relative(process.cwd(), join(dir, 'minutes.md')), relative(process.cwd(), join(dir, 'notes.md'))];
    assert.ok(!isAbsolute(given[0]));
    for (const cacheDir of [false, join(dir, '.cache')] as const) {
      const results = await validatePaths(given, { config, cacheDir });
      assert.deepEqual(
        results.map((r) => [r.path, r.uri, r.type, r.skipped]),
        [
          [join(dir, 'minutes.md'), pathToFileURL(join(dir, 'minutes.md')).href, 'minutes', false],
          [join(dir, 'notes.md'), pathToFileURL(join(dir, 'notes.md')).href, undefined, true],
        ],
        `cacheDir: ${cacheDir}`,
      );
    }
  });
});

describe('a worker thread that cannot start', function () {
  this.timeout(60_000);
  const config = resolveConfig({ today: '2026-11-23' });
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-worker-'));
    writeFileSync(join(dir, 'minutes.md'), MINUTES);
    writeFileSync(join(dir, 'throws.mjs'), "throw new SyntaxError('Unexpected token in worker.js');\n");
    writeFileSync(join(dir, 'exits.mjs'), 'process.exit(3);\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const broken: [string, () => URL, RegExp][] = [
    ['its file is missing', () => pathToFileURL(join(dir, 'missing', 'worker.js')), /Cannot find module/],
    ['it throws as it loads', () => pathToFileURL(join(dir, 'throws.mjs')), /Unexpected token in worker\.js/],
    ['it exits at start', () => pathToFileURL(join(dir, 'exits.mjs')), /stopped while starting, exit code 3/],
  ];
  for (const [when, url, why] of broken) {
    it(`is an error that says so when ${when}, not a document "too complex" to read`, async () => {
      await assert.rejects(validatePaths([join(dir, 'minutes.md')], { config, cacheDir: false, workerUrl: url() }), (e: unknown) => {
        assert.ok(e instanceof WorkerStartFailed, String(e));
        assert.match(e.message, /^govmark's worker thread could not start \(.+\): reinstall govmark$/);
        assert.match(e.message, why);
        assert.doesNotMatch(e.message, /\n/);
        return true;
      });
    });
  }
});
