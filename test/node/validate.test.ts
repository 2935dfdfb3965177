/** validatePaths as the library documents it: absolute paths in the results, whatever was given. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../src/core/config.js';
import { validatePaths } from '../../src/node/index.js';

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
