/**
 * What a hostile or unlucky configuration can make govmark do: nothing outside
 * the workspace is read, no file's content is echoed, no schema can hang or
 * crash a run, and no report is written over a document.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/node/config-file.js';
import { repoRoot } from '../helpers.js';

const PAPER = ['---', 'type: board-paper', 'title: Estates strategy', `ref: ${'a'.repeat(34)}!`, '---', '', '# Estates strategy', ''].join('\n');
const SECRET = 'SECRET_TOKEN_7f3a9 root:x:0:0';

function govmark(cwd: string, ...args: string[]) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'govmark.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, elapsed: Date.now() - started };
}

describe('hostile configuration and output paths', function () {
  this.timeout(120_000);
  let base: string;
  let repo: string;
  let outside: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'govmark-hostile-'));
    repo = join(base, 'repo');
    outside = join(base, 'elsewhere');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'papers'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(repo, 'papers', 'estates.md'), PAPER);
    writeFileSync(join(outside, 'secret.json'), SECRET);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const config = (schema: string) => writeFileSync(join(repo, 'govmark.config.json'), JSON.stringify({ types: { 'board-paper': { schema } } }));
  const schemaFile = (name: string, schema: string) => writeFileSync(join(repo, name), schema);
  const metaRef = (pattern: string) => JSON.stringify({ type: 'object', properties: { meta: { type: 'object', properties: { ref: { type: 'string', pattern } } } } });

  it('refuses a schema outside the repository, by path or by symbolic link, without echoing it', async () => {
    for (const schema of [join(outside, 'secret.json'), '../elsewhere/secret.json', '/etc/passwd']) {
      config(schema);
      const run = govmark(repo, 'validate', '--no-cache', 'papers');
      assert.equal(run.status, 2, schema);
      assert.match(run.stderr, /types\.board-paper\.schema: cannot use '.*': it is outside the repository of govmark\.config\.json/);
      assert.ok(!run.stderr.includes('SECRET_TOKEN') && !run.stderr.includes('root:x'), `no content echoed: ${run.stderr}`);
    }
  });

  it('never echoes the content of a config or schema that is not JSON: it names the line and column', () => {
    writeFileSync(join(repo, 'govmark.config.json'), `{\n  "rules": {}\n  ${SECRET}\n}`);
    const run = govmark(repo, 'validate', '--no-cache', 'papers');
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'govmark: govmark.config.json:3:3: not valid JSON: a comma is expected\n');
    const named = govmark(repo, 'validate', '--no-cache', '--config', join(outside, 'secret.json'), 'papers');
    assert.equal(named.status, 2);
    assert.match(named.stderr, /secret\.json:1:1: not valid JSON: unexpected character/);
    assert.ok(!named.stderr.includes('SECRET_TOKEN'));
  });

  it('refuses a pipe, a device or a huge file named as a schema at once', function () {
    if (process.platform === 'win32') this.skip();
    spawnSync('mkfifo', [join(repo, 'fifo.json')]);
    config('fifo.json');
    const fifo = govmark(repo, 'validate', '--no-cache', 'papers');
    assert.equal(fifo.status, 2);
    assert.match(fifo.stderr, /cannot use 'fifo\.json': it is not a regular file/);
    schemaFile('huge.json', JSON.stringify({ type: 'object', description: 'x'.repeat(3 * 1024 * 1024) }));
    config('huge.json');
    const huge = govmark(repo, 'validate', '--no-cache', 'papers');
    assert.equal(huge.status, 2);
    assert.match(huge.stderr, /cannot use 'huge\.json': it is 3 MB, larger than the 2 MB govmark reads/);
  });

  it('refuses schemas that could never finish or would overflow, at load, with exit 2 and the reason', () => {
    const deep = '{"allOf":['.repeat(5000) + '{"type":"object"}' + ']}'.repeat(5000);
    const cases: [string, string, RegExp][] = [
      ['deep.json', deep, /'deep\.json' cannot be used: it nests deeper than 64 levels \(at #\/allOf\/0\/allOf/],
      ['self.json', '{"$ref":"#"}', /'self\.json' cannot be used: it refers to itself without descending into the value .* would never end/],
      ['loop.json', '{"$defs":{"a":{"anyOf":[{"$ref":"#/$defs/b"}]},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}', /'loop\.json' cannot be used: it refers to itself/],
      ['lookahead.json', metaRef('^(?=a)(a+)+$'), /the pattern '\^\(\?=a\)\(a\+\)\+\$' cannot run in linear time \(it has a lookahead\) and may backtrack without end .* \(at #\/properties\/meta\/properties\/ref\/pattern\)/],
    ];
    for (const [name, schema, expected] of cases) {
      schemaFile(name, schema);
      config(name);
      const run = govmark(repo, 'validate', '--no-cache', 'papers');
      assert.equal(run.status, 2, `${name}: ${run.stderr}`);
      assert.match(run.stderr, expected);
      assert.doesNotMatch(run.stderr, /call stack|RangeError|internal/i);
    }
  });

  it('runs a catastrophic pattern in linear time: the value is checked, the run does not hang (it took 103 s)', () => {
    schemaFile('redos.json', metaRef('^(a+)+$'));
    config('redos.json');
    const run = govmark(repo, 'validate', '--no-cache', '--format', 'json', 'papers');
    assert.equal(run.status, 1, run.stderr);
    assert.ok(run.elapsed < 20_000, `took ${run.elapsed} ms`);
    const report = JSON.parse(run.stdout) as { files: { messages: { ruleId: string; range: { start: { line: number } } }[] }[] };
    assert.ok(report.files[0].messages.some((m) => m.ruleId === 'schema' && m.range.start.line === 4), 'the ref that does not match is reported on its line');
  });

  it('keeps a tree-shaped schema that refers to itself through properties (each step goes one value deeper)', async () => {
    schemaFile('tree.json', JSON.stringify({ type: 'object', $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } } }, properties: { meta: { $ref: '#/$defs/node' } } }));
    config('tree.json');
    const loaded = await loadConfig(repo);
    assert.equal(loaded.config.customTypes[0].name, 'board-paper');
  });

  it('in an untrusted workspace reads no schema file the config names, and says which types were read as their base', async () => {
    writeFileSync(join(repo, 'govmark.config.json'), JSON.stringify({ types: { 'board-paper': { schema: '/etc/passwd' }, 'icb-minutes': { schema: 'missing.json', extends: 'minutes' } } }));
    await assert.rejects(loadConfig(repo), ConfigError);
    const loaded = await loadConfig(repo, undefined, { trusted: false });
    assert.deepEqual(loaded.untrustedTypes, ['board-paper', 'icb-minutes']);
    assert.deepEqual(loaded.config.customTypes.map((t) => t.name), ['board-paper', 'icb-minutes']);
    assert.deepEqual(loaded.config.customTypes[0].schema, {}, 'no schema of its own');
    assert.ok(Object.keys(loaded.config.customTypes[1].schema).length > 0, 'an extended type keeps the built-in schema of its base');
  });

  it('will not write a report or a drawing over a document it reads, nor over any Markdown file', () => {
    writeFileSync(join(repo, 'notes.md'), '# Notes\n');
    for (const args of [
      ['validate', '--no-cache', '-o', 'papers/estates.md', 'papers'],
      ['validate', '--no-cache', '-o', 'notes.md', 'papers'],
      ['timeline', '-f', 'html', '-o', 'papers/estates.md', 'papers'],
    ]) {
      const run = govmark(repo, ...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^govmark: will not write the output over '.*': it is (one of the documents being read|a Markdown document)/);
    }
    assert.equal(readFileSync(join(repo, 'papers', 'estates.md'), 'utf8'), PAPER, 'the document is untouched');
    assert.equal(readFileSync(join(repo, 'notes.md'), 'utf8'), '# Notes\n');
    const ok = govmark(repo, 'validate', '--no-cache', '-o', 'reports/govmark.txt', 'papers');
    assert.equal(ok.status, 0, ok.stderr);
  });

  it('will not write the output over a document it reads under another name (a symbolic or a hard link)', function () {
    if (process.platform === 'win32') this.skip();
    const text = '# Agenda\n\n1. Apologies\n';
    writeFileSync(join(repo, 'papers', 'agenda.txt'), text);
    symlinkSync(join(repo, 'papers', 'agenda.txt'), join(repo, 'soft.txt'));
    linkSync(join(repo, 'papers', 'agenda.txt'), join(repo, 'hard.txt'));
    for (const out of ['soft.txt', 'hard.txt']) {
      const run = govmark(repo, 'validate', '--no-cache', '-o', out, 'papers/agenda.txt');
      assert.equal(run.status, 2, out);
      assert.match(run.stderr, /it is one of the documents being read/);
    }
    assert.equal(readFileSync(join(repo, 'papers', 'agenda.txt'), 'utf8'), text);
    // A device is never one of the documents: the report goes there.
    const devnull = govmark(repo, 'validate', '--no-cache', '-o', '/dev/null', 'papers/agenda.txt');
    assert.notEqual(devnull.status, 2, devnull.stderr);
  });

  it('reports a looping or broken link found in a folder on the file and checks the rest; exits 2 only when nothing could be read', function () {
    if (process.platform === 'win32') this.skip();
    const minutes = ['---', 'type: minutes', 'date: 2021-11-02', '---', '', '# Minutes', '', 'RESOLVED:', '', '1. That the report be noted.', '3. That the plan be agreed.', ''].join('\n');
    writeFileSync(join(repo, 'papers', 'minutes.md'), minutes);
    symlinkSync('loop-b.md', join(repo, 'papers', 'loop-a.md'));
    symlinkSync('loop-a.md', join(repo, 'papers', 'loop-b.md'));
    symlinkSync('gone.md', join(repo, 'papers', 'broken.md'));
    const run = govmark(repo, 'validate', '--no-cache', '--format', 'json', 'papers');
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { path: string; messages: { ruleId: string; severity: string; reason: string; range: { start: { line: number } } }[] }[] };
    const on = (name: string) => report.files.find((f) => f.path.endsWith(name))?.messages ?? [];
    assert.match(on('loop-a.md')[0]?.reason ?? '', /could not be read \(its symbolic links loop\)/);
    assert.equal(on('loop-a.md')[0]?.severity, 'warning');
    assert.match(on('broken.md')[0]?.reason ?? '', /could not be read \(no such file or directory\)/);
    assert.ok(on('minutes.md').some((m) => m.ruleId === 'resolution-numbering'), 'the readable minutes are still checked');
    assert.doesNotMatch(run.stdout + run.stderr, /ELOOP|stat '/, 'no raw system error');

    const only = join(repo, 'links');
    mkdirSync(only);
    symlinkSync('x.md', join(only, 'x.md'));
    const nothing = govmark(repo, 'validate', '--no-cache', 'links');
    assert.equal(nothing.status, 2);
    assert.equal(nothing.stderr, "govmark: cannot read 'links/x.md': its symbolic links loop\n");
    const inspect = govmark(repo, 'inspect', 'papers');
    assert.equal(inspect.status, 0);
    assert.match(inspect.stderr, /skipped 'papers\/loop-a\.md': its symbolic links loop/);
  });

  it('a cache or output folder on a virtual file system (/proc) cannot hang the run', function () {
    if (!existsSync('/proc/self')) this.skip();
    const cached = govmark(repo, 'validate', '--cache-location', '/proc/self/govmark-cache', 'papers');
    assert.equal(cached.status, 0, cached.stderr);
    const out = govmark(repo, 'validate', '--no-cache', '-o', '/proc/self/govmark/report.txt', 'papers');
    assert.equal(out.status, 2);
    assert.equal(out.stderr, "govmark: cannot write '/proc/self/govmark/report.txt': its folder cannot be made\n");
  });

  it('reads a UTF-16 document (Windows editors, Word\'s Unicode text) instead of passing it as unreadable bytes', () => {
    const text = ['---', 'type: minutes', 'date: 2021-02-30', '---', '', '# Minutes', ''].join('\n');
    writeFileSync(join(repo, 'papers', 'le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(repo, 'papers', 'be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const run = govmark(repo, 'validate', '--no-cache', '--format', 'json', 'papers/le.md', 'papers/be.md');
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { path: string; messages: { ruleId: string; range: { start: { line: number; column: number } } }[] }[] };
    for (const f of report.files) {
      assert.deepEqual(f.messages.map((m) => `${m.ruleId} ${m.range.start.line}:${m.range.start.column}`), ['impossible-date 3:7'], f.path);
    }
  });

  it('pipes and full devices: named, found in a folder, as the cache file or the output, never hang and say what happened', function () {
    if (process.platform === 'win32' || !existsSync('/dev/full')) this.skip();
    symlinkSync('self.md', join(repo, 'self.md'));
    const loop = govmark(repo, 'validate', '--no-cache', 'self.md');
    assert.equal(loop.stderr, "govmark: cannot read 'self.md': its symbolic links loop\n");
    mkdirSync(join(repo, 'pipes'));
    spawnSync('mkfifo', [join(repo, 'pipes', 'agenda.md')]);
    const found = govmark(repo, 'validate', '--no-cache', 'pipes');
    assert.equal(found.status, 2, 'nothing could be read');
    assert.equal(found.stderr, "govmark: cannot read 'pipes/agenda.md': it is a pipe, socket or device, not a regular file\n");
    const drawn = govmark(repo, 'timeline', 'pipes');
    assert.equal(drawn.status, 2);
    assert.match(drawn.stderr, /nothing to draw/);
    spawnSync('mkfifo', [join(repo, 'report.txt')]);
    const out = govmark(repo, 'validate', '--no-cache', '-o', 'report.txt', 'papers');
    assert.equal(out.stderr, "govmark: cannot write 'report.txt': nobody is reading the pipe\n");
    mkdirSync(join(repo, 'cache'));
    spawnSync('mkfifo', [join(repo, 'cache', 'results-v3.ndjson')]);
    const cached = govmark(repo, 'validate', '--cache-location', 'cache', 'papers');
    assert.equal(cached.status, 0, cached.stderr);
    const full = spawnSync('sh', ['-c', `"${process.execPath}" "${join(repoRoot, 'bin', 'govmark.js')}" validate --no-cache papers > /dev/full`], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
    assert.equal(full.status, 2);
    assert.equal(full.stderr, 'govmark: cannot write the output: no space left on the device\n');
    for (const run of [loop, found, drawn, out, cached, full]) assert.doesNotMatch((run.stderr ?? '') + (run.stdout ?? ''), /ELOOP|ENOSPC|ENXIO|node:events|at Object/);
  });
});
