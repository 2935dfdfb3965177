/**
 * `govmark validate - --stdin-filename PATH`: the text on stdin checked as
 * if it were PATH (its type, its config, the path reported), as editors'
 * lint runners and pipes use it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { examplesDir, repoRoot } from '../helpers.js';
import { fakeIO, removeTree, tempTree } from './util.js';

async function run(argv: string[], cwd: string, stdin: string | Uint8Array) {
  const io = fakeIO(['validate', '--no-cache', ...argv], cwd, { readStdin: async () => stdin });
  const code = await main(io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe('validate - (stdin)', function () {
  this.timeout(60_000);
  let repo: string;
  const gap = readFileSync(join(examplesDir, 'invalid', 'minutes-resolution-gap.md'), 'utf8');

  before(() => {
    repo = tempTree({});
    cpSync(examplesDir, repo, { recursive: true });
    execFileSync('git', ['init', '-q', repo]);
  });
  after(() => removeTree(repo));

  it('reports the text under the name given, with the repository as context, like the file itself', async () => {
    // Another meeting's minutes (another id), not yet saved anywhere.
    const text = gap.replace('id: trafford-hwb-2021-01-29-gap', 'id: trafford-hwb-2024-01-10');
    const fromStdin = await run(['-f', 'json', '-', '--stdin-filename', 'minutes/2024-01-10.md'], repo, text);
    const report = JSON.parse(fromStdin.stdout) as { files: { path: string; type: string; messages: { ruleId: string; range: { start: { line: number } } }[] }[] };
    assert.deepEqual(report.files.map((f) => f.path), ['minutes/2024-01-10.md']);
    assert.equal(report.files[0].type, 'minutes');
    // Its terms are found in the repository (no unresolved-reference), and its own problem is reported.
    assert.deepEqual(report.files[0].messages.map((m) => `${m.range.start.line} ${m.ruleId}`), ['26 resolution-numbering']);
    // A copy of a document on disk under another name is a second document with its id.
    const copy = await run(['-', '--stdin-filename', 'minutes/copy.md'], repo, gap);
    assert.match(copy.stdout, /duplicate-id/);
  });

  it('the unsaved text wins over the file of the same name on disk', async () => {
    const fixed = gap.replace('4. That the COVID', '3. That the COVID');
    const out = await run(['-', '--stdin-filename', 'invalid/minutes-resolution-gap.md'], repo, fixed);
    assert.equal(out.code, 0);
    // The gap on disk is gone; what is left is information across meetings (actions of 16 October not reported on).
    assert.doesNotMatch(out.stdout, /resolution-numbering/);
    assert.match(out.stdout, /\(0 errors, 0 warnings, \d+ info\)|no problems/i);
  });

  it('the name decides the config: the nearest config of the folder it is named in', async () => {
    mkdirSync(join(repo, 'quiet'), { recursive: true });
    writeFileSync(join(repo, 'quiet', 'govmark.config.json'), JSON.stringify({ rules: { 'resolution-numbering': 'off' } }));
    const out = await run(['-', '--stdin-filename', 'quiet/gap.md'], repo, gap);
    assert.doesNotMatch(out.stdout, /resolution-numbering/);
    const elsewhere = await run(['-', '--stdin-filename', 'loud/gap.md'], repo, gap);
    assert.match(elsewhere.stdout, /resolution-numbering/);
  });

  it('UTF-16 on stdin is read as text, and without a name the report says <stdin>', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(gap, 'utf16le')]);
    const out = await run(['-'], repo, new Uint8Array(bytes));
    assert.match(out.stdout, /^<stdin>$/m);
    assert.match(out.stdout, /resolution-numbering/);
  });

  it('is exit 2 for --stdin-filename without -, and for - given twice', async () => {
    for (const argv of [['--stdin-filename', 'a.md'], ['-', '-']]) {
      const out = await run(argv, repo, gap);
      assert.equal(out.code, 2, argv.join(' '));
      assert.match(out.stderr, /stdin/);
    }
  });

  it('through the bin, from a pipe', () => {
    const input = gap.replace('id: trafford-hwb-2021-01-29-gap', 'id: piped');
    const out = spawnSync(process.execPath, [join(repoRoot, 'bin', 'govmark.js'), 'validate', '--no-cache', '-', '--stdin-filename', 'minutes/x.md'], { cwd: repo, input, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /^minutes\/x\.md$/m);
    assert.match(out.stdout, /26:1\s+warning/);
  });
});
