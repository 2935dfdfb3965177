/**
 * `govmark --version` and `--help` start fast because they load only the
 * argument parser and the command table: not the JSON Schema validator (Ajv),
 * not the rule registry, not the Markdown parser. Asserted on the modules a
 * real run loads (an ESM load hook lists them), not on a time, which a loaded
 * CI machine would make flaky; BENCHMARKS.md has the timings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageVersion, repoRoot } from '../helpers.js';

/** What must not load for `--version` or `--help`. */
const HEAVY = [/\/node_modules\/ajv/, /\/core\/rules\//, /\/node\/config-file\.js$/, /\/node_modules\/(?:remark|micromark|unified|mdast)/, /\/core\/parse\//, /\/node_modules\/yaml\//];

describe('cli: start-up of --version and --help', function () {
  this.timeout(60_000);
  let dir: string;
  let hook: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-startup-'));
    hook = join(dir, 'list-modules.mjs');
    writeFileSync(join(dir, 'hooks.mjs'), "import { writeSync } from 'node:fs';\nexport async function load(url, context, next) {\n  writeSync(2, 'LOADED ' + url + '\\n');\n  return next(url, context);\n}\n");
    writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The output of `govmark ...args` and the modules it loaded. */
  function run(...args: string[]): { status: number | null; stdout: string; loaded: string[] } {
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, join(repoRoot, 'bin', 'govmark.js'), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const loaded = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('LOADED '))
      .map((l) => l.slice(7));
    return { status: r.status, stdout: r.stdout, loaded };
  }

  for (const args of [['--version'], ['-v'], ['--help'], ['help']]) {
    it(`govmark ${args.join(' ')} loads neither Ajv nor the rules nor the Markdown parser`, () => {
      const r = run(...args);
      assert.equal(r.status, 0);
      assert.match(r.stdout, args[0].includes('v') ? new RegExp(`^${packageVersion.replace(/\./g, '\\.')}\\n$`) : /^govmark .*\n\nUsage: govmark <command>/);
      assert.ok(r.loaded.some((u) => u.endsWith('/cli/main.js')), 'the hook saw the CLI load');
      assert.deepEqual(r.loaded.filter((u) => HEAVY.some((h) => h.test(u))), []);
    });
  }

  it('(the check sees them when a command does load them)', () => {
    const r = run('rules');
    assert.equal(r.status, 0);
    assert.ok(r.loaded.some((u) => /\/core\/rules\/registry\.js$/.test(u)), r.loaded.join('\n'));
  });
});
