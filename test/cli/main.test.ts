import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { GovDocument } from '../../src/core/model.js';
import { allRules } from '../../src/core/rules/registry.js';
import { LineIndex } from '../../src/core/text/lines.js';
import { defaultCacheDir } from '../../src/node/cache.js';
import type { FileResult, RunOptions } from '../../src/node/contract.js';
import { fakeIO, message, range, removeTree, result, tempTree } from './util.js';

/** A stand-in engine: records what it was asked and answers with `answer(files)`. */
function fakeEngine(answer: (files: readonly string[]) => FileResult[] = (files) => files.map((f) => result(f, []))) {
  const calls: { files: readonly string[]; options: RunOptions }[] = [];
  const validatePaths = async (files: readonly string[], options: RunOptions) => {
    calls.push({ files, options });
    files.forEach((_, i) => options.onProgress?.(i + 1, files.length));
    return answer(files);
  };
  return { calls, validatePaths };
}

describe('cli main', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempTree({ 'minutes.md': '---\ntype: minutes\n---\n', 'terms.md': '---\ntype: terms-of-reference\n---\n', 'notes/a.md': '' });
  });
  afterEach(() => removeTree(dir));

  async function run(argv: string[], extra: Parameters<typeof fakeIO>[2] = {}) {
    const io = fakeIO(argv, dir, { validatePaths: fakeEngine().validatePaths, ...extra });
    const code = await main(io);
    return { code, stdout: io.stdout.text, stderr: io.stderr.text };
  }

  describe('when it cannot run: exit 2 and one line on stderr', () => {
    const cases: [string[], string][] = [
      [['validate', '--formt', 'json'], "govmark: unknown option '--formt' (did you mean '--format'?)\n"],
      [['validate', '--format'], 'govmark: option \'--format\' needs a value (stylish, json, sarif, github, gitlab, junit)\n'],
      [['validate', '--format', 'xml'], "govmark: option '--format' must be one of stylish, json, sarif, github, gitlab, junit, not 'xml'\n"],
      [['validate', '--max-warnings', 'many'], "govmark: option '--max-warnings' must be a whole number (0 or more), not 'many'\n"],
      [['validate', '--workers', '-2'], "govmark: option '--workers' must be a whole number (0 or more), not '-2'\n"],
      [['validate', '--quiet=yes'], "govmark: option '--quiet' takes no value\n"],
      [['validate', '-x'], "govmark: unknown option '-x'\n"],
      [['validate', '--type', 'minuets'], "govmark: unknown type 'minuets' (did you mean 'minutes'?); known types: terms-of-reference, minutes, agenda, resolution, timeline\n"],
      [['validate', 'missing.md'], "govmark: cannot read 'missing.md': no such file or directory\n"],
      [['validate', '--config', 'nope.json'], "govmark: cannot read config 'nope.json': no such file or directory\n"],
      [['valdate'], "govmark: unknown command 'valdate' (did you mean 'validate'?); commands: validate, inspect, init, rules, actions, as-at, new, export, import, timeline\n"],
      [['--format', 'json'], "govmark: unknown option '--format' before the command; commands: validate, inspect, init, rules, actions, as-at, new, export, import, timeline\n"],
      [['inspect'], 'govmark: inspect needs at least one file\n'],
      [['inspect', '!minutes.md'], 'govmark: inspect needs at least one file\n'],
      [['validate', 'minutes/*.md'], "govmark: 'minutes/*.md' matches no files\n"],
      [['validate', 'notes', '#notes/a.md'], "govmark: 'notes' holds no Markdown files that are not ignored (excluded by '#notes/a.md')\n"],
      [['validate', 'terms.md', '!terms.md'], "govmark: 'terms.md' is excluded by '!terms.md', so nothing is left to check from it\n"],
      [['inspect', 'notes/*.md', '#notes'], "govmark: 'notes/*.md' matches only ignored files (excluded by '#notes')\n"],
      [['timeline', 'notes/**/*.md', '!notes/a.md'], "govmark: 'notes/**/*.md' matches only ignored files (excluded by '!notes/a.md')\n"],
    ];
    for (const [argv, expected] of cases) {
      it(argv.join(' '), async () => {
        const { code, stdout, stderr } = await run(argv);
        assert.equal(code, 2);
        assert.equal(stderr, expected);
        assert.equal(stdout, '');
      });
    }

    it('no command: help on stderr', async () => {
      const { code, stderr } = await run([]);
      assert.equal(code, 2);
      assert.match(stderr, /^govmark \S+: checks governance documents/);
    });

    it('a bad config file, naming the key', async () => {
      const io = fakeIO(['validate'], dir, { validatePaths: fakeEngine().validatePaths });
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'govmark.config.json'), '{ "rules": { "quorum-mising": "off" } }');
      assert.equal(await main(io), 2);
      assert.equal(io.stderr.text, "govmark: govmark.config.json:1:14: unknown rule 'quorum-mising' (did you mean 'quorum-missing'?)\n");
    });

    it('an engine that fails', async () => {
      const { code, stderr } = await run(['validate'], {
        validatePaths: async () => {
          throw new Error('worker died\nat line 3');
        },
      });
      assert.equal(code, 2);
      assert.equal(stderr, 'govmark: validation failed: worker died at line 3\n');
    });
  });

  describe('help and version', () => {
    it('--help lists the commands on stdout', async () => {
      const { code, stdout } = await run(['--help']);
      assert.equal(code, 0);
      for (const name of ['validate', 'inspect', 'rules']) assert.match(stdout, new RegExp(`^  ${name} `, 'm'));
    });
    it('validate --help lists its options', async () => {
      const { code, stdout } = await run(['validate', '--help']);
      assert.equal(code, 0);
      for (const option of ['--format', '--output', '--max-warnings', '--quiet', '--config', '--no-cache', '--workers', '--type', '--no-color']) assert.ok(stdout.includes(option), option);
    });
    it('--version prints the package version', async () => {
      const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
      assert.equal((await run(['--version'])).stdout, version + '\n');
      assert.equal((await run(['validate', '-v'])).stdout, version + '\n');
    });
  });

  describe('validate', () => {
    const withProblems = (severities: ('error' | 'warning' | 'info')[]) =>
      fakeEngine((files) => files.map((f, i) => result(f, i === 0 ? severities.map((s, k) => message(f, s, k + 1, 1)) : []))).validatePaths;

    it('checks the working folder by default and passes the options on', async () => {
      const engine = fakeEngine();
      const io = fakeIO(['validate', '--type', 'minutes', '--workers', '3', '--no-cache'], dir, { validatePaths: engine.validatePaths });
      assert.equal(await main(io), 0);
      assert.deepEqual(engine.calls[0].files, [join(dir, 'minutes.md'), join(dir, 'notes', 'a.md'), join(dir, 'terms.md')]);
      const { options } = engine.calls[0];
      assert.equal(options.typeOverride, 'minutes');
      assert.equal(options.workers, 3);
      assert.equal(options.cacheDir, false);
      assert.deepEqual(options.config.rules, {});
      assert.equal(io.stdout.text, '✔ 3 files checked, no problems\n');
      assert.equal(io.stderr.text, '');
    });

    it('leaves out what arguments starting with ! or # match', async () => {
      const engine = fakeEngine();
      assert.equal(await main(fakeIO(['validate', '#notes', '!terms.md'], dir, { validatePaths: engine.validatePaths })), 0);
      assert.deepEqual(engine.calls[0].files, [join(dir, 'minutes.md')]);
    });

    it('exits 2 when a glob matches only files that .gitignore or the config ignores, naming them', async () => {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, '.gitignore'), 'notes/\n');
      let r = await run(['validate', 'notes/**/*.md']);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, "govmark: 'notes/**/*.md' matches only ignored files (.gitignore)\n");
      writeFileSync(join(dir, 'govmark.config.yaml'), 'ignores:\n  - "*.md"\n');
      r = await run(['validate', '*.md']);
      assert.equal(r.stderr, "govmark: '*.md' matches only ignored files (config ignores)\n");
      r = await run(['validate']);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, "govmark: '.' holds no Markdown files that are not ignored (.gitignore, config ignores)\n", 'not a silent "0 files checked"');
    });

    it('hands the engine the config, and a cache folder beside it unless --no-cache', async () => {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'govmark.config.json'), JSON.stringify({ rules: { overdue: 'off' }, ignores: ['notes/'] }));
      const engine = fakeEngine();
      assert.equal(await main(fakeIO(['validate', '--workers', 'auto'], dir, { validatePaths: engine.validatePaths })), 0);
      assert.deepEqual(engine.calls[0].options.config.rules, { overdue: 'off' });
      assert.deepEqual(engine.calls[0].files, [join(dir, 'minutes.md'), join(dir, 'terms.md')]);
      assert.equal(engine.calls[0].options.cacheDir, defaultCacheDir(dir));
      assert.equal(engine.calls[0].options.workers, 'auto');
    });

    it('keeps the cache out of the repository by default, and where --cache-location says', async () => {
      const engine = fakeEngine();
      assert.equal(await main(fakeIO(['validate'], dir, { validatePaths: engine.validatePaths })), 0);
      assert.ok(!String(engine.calls[0].options.cacheDir).startsWith(join(dir, '.')), 'no dot-folder in the validated folder');
      assert.equal(await main(fakeIO(['validate', '--cache-location', 'c'], dir, { validatePaths: engine.validatePaths })), 0);
      assert.equal(engine.calls[1].options.cacheDir, join(dir, 'c'));
      assert.equal(await main(fakeIO(['validate', '--no-cache'], dir, { validatePaths: engine.validatePaths })), 0);
      assert.equal(engine.calls[2].options.cacheDir, false);
    });

    it('exits 1 on errors, 0 on warnings and info', async () => {
      assert.equal((await run(['validate'], { validatePaths: withProblems(['error', 'warning']) })).code, 1);
      assert.equal((await run(['validate'], { validatePaths: withProblems(['warning', 'info']) })).code, 0);
      assert.equal((await run(['validate'], { validatePaths: withProblems(['info']) })).code, 0);
    });

    it('exits 1 when warnings exceed --max-warnings, saying so on stderr', async () => {
      const two = withProblems(['warning', 'warning']);
      assert.equal((await run(['validate', '--max-warnings', '2'], { validatePaths: two })).code, 0);
      const over = await run(['validate', '--max-warnings', '1'], { validatePaths: two });
      assert.equal(over.code, 1);
      assert.equal(over.stderr, 'govmark: 2 warnings, more than --max-warnings 1 allows\n');
    });

    it('--quiet reports errors only', async () => {
      const quiet = await run(['validate', '--quiet', '--format', 'json'], { validatePaths: withProblems(['error', 'warning', 'info']) });
      assert.equal(quiet.code, 1);
      const report = JSON.parse(quiet.stdout);
      assert.deepEqual(report.files.flatMap((f: { messages: { severity: string }[] }) => f.messages.map((m) => m.severity)), ['error']);
      const silent = await run(['validate', '-q'], { validatePaths: withProblems(['warning']) });
      assert.equal(silent.code, 0);
      assert.equal(silent.stdout, '');
    });

    it('--output writes the report to a file, without colours', async () => {
      const { code, stdout } = await run(['validate', '--output', 'reports/govmark.sarif', '--format', 'sarif'], {
        validatePaths: withProblems(['error']),
        isTTY: true,
      });
      assert.equal(code, 1);
      assert.equal(stdout, '');
      const log = JSON.parse(readFileSync(join(dir, 'reports', 'govmark.sarif'), 'utf8'));
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'minutes.md');
    });

    it('colours for a terminal unless NO_COLOR or --no-color says otherwise', async () => {
      const engine = withProblems(['error']);
      assert.ok((await run(['validate'], { validatePaths: engine, isTTY: true })).stdout.includes('\x1b['));
      assert.ok(!(await run(['validate'], { validatePaths: engine, isTTY: true, env: { NO_COLOR: '1' } })).stdout.includes('\x1b['));
      assert.ok(!(await run(['validate', '--no-color'], { validatePaths: engine, isTTY: true })).stdout.includes('\x1b['));
      assert.ok((await run(['validate', '--color'], { validatePaths: engine })).stdout.includes('\x1b['));
      assert.ok(!(await run(['validate'], { validatePaths: engine })).stdout.includes('\x1b['));
    });

    it('shows progress on a terminal for long runs only, and erases it', async () => {
      const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`many/${i}.md`, '']));
      const big = tempTree(many);
      try {
        let clock = 0;
        const io = fakeIO(['validate'], big, { validatePaths: fakeEngine().validatePaths, now: () => (clock += 30) });
        io.stderr.isTTY = true;
        assert.equal(await main(io), 0);
        const frames = io.stderr.text.split('\r\x1b[2K').filter(Boolean);
        assert.ok(frames.length > 10 && frames.length < 250, `${frames.length} redraws`);
        assert.equal(frames.at(-1), 'govmark: checked 250/250 files');
        assert.ok(io.stderr.text.endsWith('\r\x1b[2K'), 'erased at the end');

        const piped = fakeIO(['validate'], big, { validatePaths: fakeEngine().validatePaths });
        assert.equal(await main(piped), 0);
        assert.equal(piped.stderr.text, '');
      } finally {
        removeTree(big);
      }
      const small = fakeIO(['validate'], dir, { validatePaths: fakeEngine().validatePaths });
      small.stderr.isTTY = true;
      await main(small);
      assert.equal(small.stderr.text, '');
    });
  });

  describe('inspect', () => {
    const parse = (text: string, options: { uri: string; type?: string }): GovDocument => ({
      uri: options.uri,
      text,
      lines: new LineIndex(text),
      type: options.type ?? 'minutes',
      typeSource: options.type ? 'option' : 'front-matter',
      data: { meta: { type: 'minutes' }, content: { sections: [], resolutions: [] } },
      sourceMap: new Map([['/meta/type', { range: range(2, 7, 2, 14, 10), keyRange: range(2, 1, 2, 5, 4) }]]),
      messages: [],
      complete: true,
    });

    it('prints one object for one file, with the source map as an object of ranges', async () => {
      const { code, stdout } = await run(['inspect', 'minutes.md'], { parse });
      assert.equal(code, 0);
      const out = JSON.parse(stdout);
      assert.equal(out.uri, pathToFileURL(join(dir, 'minutes.md')).href);
      assert.equal(out.type, 'minutes');
      assert.equal(out.complete, true);
      assert.deepEqual(out.data.content.resolutions, []);
      assert.deepEqual(out.sourceMap, { '/meta/type': range(2, 7, 2, 14, 10) });
      assert.deepEqual(out.messages, []);
    });

    it('prints an array for several files, and passes --type', async () => {
      const out = JSON.parse((await run(['inspect', 'minutes.md', 'terms.md', '--type', 'resolution'], { parse })).stdout);
      assert.ok(Array.isArray(out));
      assert.deepEqual(out.map((d: { type: string }) => d.type), ['resolution', 'resolution']);
    });
  });

  describe('rules', () => {
    it('lists every rule with its default severity', async () => {
      const { code, stdout } = await run(['rules']);
      assert.equal(code, 0);
      for (const rule of allRules) assert.match(stdout, new RegExp(`^${rule.id} +${rule.defaultSeverity} `, 'm'));
      const list = JSON.parse((await run(['rules', '--format', 'json'])).stdout);
      assert.equal(list.length, allRules.length);
    });
  });

  it('the bin shim is executable', () => {
    const bin = new URL('../../../bin/govmark.js', import.meta.url);
    assert.ok(existsSync(bin));
    assert.ok((readFileSync(bin, 'utf8')).startsWith('#!/usr/bin/env node\n'));
  });
});
