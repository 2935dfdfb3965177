/**
 * The CLI as users run it: `node bin/govmark.js …` in a child process, from
 * the repository root, on the shared examples. Needs the real build in dist/
 * (`npx tsc -p .`, which `npm test` runs first).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { JsonReport } from '../../src/cli/formatters/json.js';
import { examplesDir, packageVersion, repoRoot } from '../helpers.js';

function govmark(...args: string[]) {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'govmark.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cli: bin/govmark.js in a child process', function () {
  this.timeout(60000);
  const examples = relative(repoRoot, examplesDir);

  before(function () {
    if (!existsSync(join(repoRoot, 'dist', 'src', 'cli', 'main.js'))) {
      throw new Error('dist/ is missing: build first with `npx tsc -p .`');
    }
  });

  it('validate <valid examples> exits 0 with no errors or warnings', () => {
    const { status, stdout, stderr } = govmark('validate', '--no-cache', '--format', 'json', join(examples, 'valid'));
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const report = JSON.parse(stdout) as JsonReport;
    assert.equal(report.summary.files, 3);
    assert.equal(report.summary.errors, 0);
    assert.equal(report.summary.warnings, 0);
  });

  it('validate <all examples> exits 1, and the JSON report places the problems', () => {
    const { status, stdout } = govmark('validate', '--no-cache', '--format', 'json', examples);
    assert.equal(status, 1);
    const report = JSON.parse(stdout) as JsonReport;
    const at = (file: string, severity: string, line: number) =>
      report.files
        .find((f) => f.path === `${examples.split('\\').join('/')}/${file}`)
        ?.messages.some((m) => m.severity === severity && m.range.start.line === line);
    assert.ok(at('invalid/unknown-type.md', 'error', 2), 'unknown type on line 2');
    assert.ok(at('invalid/timeline-impossible-date.md', 'error', 11), 'impossible date on line 11');
    assert.ok(at('invalid/minutes-resolution-gap.md', 'warning', 26), 'numbering gap on line 26');
    for (const f of report.files.filter((f) => f.path.includes('/valid/'))) {
      assert.equal(f.errors + f.warnings, 0, `${f.path} is valid`);
    }
  });

  it('stylish, github, sarif and gitlab reports of the same run', () => {
    const stylish = govmark('validate', '--no-cache', examples);
    assert.equal(stylish.status, 1);
    assert.match(stylish.stdout, /^✖ \d+ problems \(\d+ errors, \d+ warnings/m);
    const github = govmark('validate', '--no-cache', '--format', 'github', examples);
    assert.match(github.stdout, /^::error file=[^,]*invalid\/unknown-type\.md,line=2,col=\d+,endLine=2,endColumn=\d+,title=govmark [a-z-]+::/m);
    const sarif = JSON.parse(govmark('validate', '--no-cache', '--format', 'sarif', examples).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    const gitlab = govmark('validate', '--no-cache', '--format', 'gitlab', '-o', join(tmpdir(), `govmark-codequality-${process.pid}.json`), examples);
    try {
      assert.equal(gitlab.status, 1, 'the exit code is the run\'s, whatever the format');
      const issues = JSON.parse(readFileSync(join(tmpdir(), `govmark-codequality-${process.pid}.json`), 'utf8')) as { location: { path: string; lines: { begin: number } }; severity: string; check_name: string }[];
      assert.ok(issues.some((i) => i.location.path.endsWith('invalid/unknown-type.md') && i.location.lines.begin === 2 && i.severity === 'critical' && i.check_name === 'unknown-type'));
    } finally {
      rmSync(join(tmpdir(), `govmark-codequality-${process.pid}.json`), { force: true });
    }
  });

  it('links every diagnostic, and the config init writes, to this version\'s tag, not to main', () => {
    const report = JSON.parse(govmark('validate', '--no-cache', '--format', 'json', examples).stdout) as JsonReport;
    const urls = report.files.flatMap((f) => f.messages.map((m) => m.url));
    assert.ok(urls.length > 0);
    for (const url of urls) assert.match(String(url), new RegExp(`^https://github\\.com/govmark/govmark/blob/v${packageVersion.replace(/\./g, '\\.')}/docs/rules/[a-z-]+\\.md$`));
    const init = JSON.parse(govmark('init', '--json', '--dry-run', join(examples, 'valid')).stdout) as { config: { $schema: string } };
    assert.equal(init.config.$schema, `https://raw.githubusercontent.com/govmark/govmark/v${packageVersion}/schemas/govmark.config.schema.json`);
  });

  it('a missing path exits 2 with one line on stderr', () => {
    const { status, stdout, stderr } = govmark('validate', 'no-such-folder/minutes.md');
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, "govmark: cannot read 'no-such-folder/minutes.md': no such file or directory\n");
  });

  it('a pipe named like a document is refused at once, in every command, and reported without being opened in a folder', function () {
    const dir = mkdtempSync(join(tmpdir(), 'govmark-fifo-'));
    try {
      const fifo = join(dir, 'minutes.md');
      if (spawnSync('mkfifo', [fifo]).status !== 0) return this.skip();
      for (const command of ['validate', 'inspect', 'timeline']) {
        const { status, stderr } = govmark(command, fifo);
        assert.equal(status, 2, command);
        assert.match(stderr, /not a regular file \(a pipe, socket or device\)/, command);
      }
      writeFileSync(join(dir, 'tor.md'), '---\ntype: terms-of-reference\nid: t\ntitle: T\nquorum: 3\n---\n\n# T\n\n## Functions\n\n1. To meet.\n\n## Membership\n\n- Three members\n');
      const folder = govmark('validate', '--no-cache', dir);
      assert.equal(folder.status, 0, folder.stderr);
      assert.match(folder.stdout, /minutes\.md {2}\(not read\)\n {2}1:1 {2}warning {2}This file could not be read \(it is a pipe, socket or device, not a regular file\), so nothing in it was checked\. {2}unreadable-file/);
      assert.doesNotMatch(folder.stdout, /tor\.md/, 'the terms of reference were checked and are clean');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown option exits 2 with one line on stderr', () => {
    const { status, stderr } = govmark('validate', '--fromat', 'json');
    assert.equal(status, 2);
    assert.equal(stderr, "govmark: unknown option '--fromat' (did you mean '--format'?)\n");
  });

  it('inspect prints the model, with the resolutions of the valid minutes', () => {
    const { status, stdout } = govmark('inspect', join(examples, 'valid', 'trafford-hwb-minutes-2020-10-16.md'));
    assert.equal(status, 0);
    const model = JSON.parse(stdout);
    assert.equal(model.type, 'minutes');
    assert.ok(Array.isArray(model.data.content.resolutions) && model.data.content.resolutions.length > 0);
    assert.equal(typeof model.sourceMap, 'object');
    assert.ok(Object.keys(model.sourceMap).some((p) => p.startsWith('/content/resolutions/')));
  });
});
