/**
 * Runs over a few files of a repository, as pre-commit and lint-staged make
 * them: the rest of the repository is read for the cross-document checks, so
 * a file checked alone gets exactly the problems the full run gives it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { examplesDir, repoRoot } from '../helpers.js';
import { fakeIO, removeTree, tempTree } from './util.js';

interface JsonReport {
  files: { path: string; messages: { ruleId: string; severity: string; line: number; column: number; reason: string }[] }[];
}

async function json(argv: string[], cwd: string): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const io = fakeIO(['validate', '--no-cache', '-f', 'json', ...argv], cwd);
  const code = await main(io);
  return { code, report: io.stdout.text ? (JSON.parse(io.stdout.text) as JsonReport) : { files: [] }, stderr: io.stderr.text };
}

function problems(report: JsonReport, path: string): string[] {
  const file = report.files.find((f) => f.path === path);
  return (file?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.reason}`).sort();
}

function markdownUnder(dir: string, sub: string): string[] {
  return readdirSync(join(dir, sub), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => `${sub}/${f}`.split('\\').join('/'))
    .sort();
}

describe('partial runs (pre-commit, lint-staged)', function () {
  this.timeout(120_000);
  let repo: string;

  before(() => {
    repo = tempTree({});
    cpSync(examplesDir, repo, { recursive: true });
    execFileSync('git', ['init', '-q', repo]);
  });
  after(() => removeTree(repo));

  it('gives every example, named alone, exactly the problems the full run gives it', async () => {
    const full = await json([], repo);
    const files = [...markdownUnder(repo, 'valid'), ...markdownUnder(repo, 'invalid')];
    assert.ok(files.length >= 10, `examples found: ${files.length}`);
    for (const file of files) {
      const alone = await json([file], repo);
      assert.deepEqual(problems(alone.report, file), problems(full.report, file), `${file} checked alone`);
      assert.deepEqual(alone.report.files.map((f) => f.path), [file], 'only the named file is reported');
    }
  });

  it('minutes named alone find the terms of reference they name (no false "refers to no document")', async () => {
    const file = 'invalid/minutes-resolution-gap.md';
    const alone = await json([file], repo);
    assert.equal(alone.code, 0, alone.stderr);
    assert.ok(!problems(alone.report, file).some((p) => p.includes('unresolved-reference')), problems(alone.report, file).join('\n'));
    // Without the repository, the same file would be told its terms do not exist: the context matters.
    const without = await json(['--no-context', file], repo);
    assert.equal(without.code, 1);
    assert.ok(problems(without.report, file).some((p) => p.includes('unresolved-reference')));
  });

  it('as pre-commit runs it: the staged files, relative to the repository root, through the bin', () => {
    const work = tempTree({});
    try {
      cpSync(examplesDir, work, { recursive: true });
      execFileSync('git', ['init', '-q', work]);
      execFileSync('git', ['add', '-A'], { cwd: work });
      const staged = execFileSync('git', ['diff', '--cached', '--name-only', '--', 'invalid/minutes-resolution-gap.md', 'valid/trafford-hwb-minutes-2020-10-16.md'], { cwd: work, encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
      assert.equal(staged.length, 2);
      const out = execFileSync(process.execPath, [join(repoRoot, 'bin', 'govmark.js'), 'validate', '--no-cache', ...staged], { cwd: work, encoding: 'utf8' });
      assert.match(out, /resolution-numbering/);
      assert.doesNotMatch(out, /unresolved-reference|refers to no document/);
    } finally {
      removeTree(work);
    }
  });

  it('reads no repository when there is none (no .git, no config): a file in a plain folder is checked alone', async () => {
    const plain = tempTree({});
    try {
      cpSync(join(examplesDir, 'valid'), join(plain, 'valid'), { recursive: true });
      cpSync(join(examplesDir, 'invalid', 'minutes-resolution-gap.md'), join(plain, 'gap.md'));
      const alone = await json(['gap.md'], plain);
      assert.ok(problems(alone.report, 'gap.md').some((p) => p.includes('unresolved-reference')));
      // --context names the documents to read instead.
      const told = await json(['--context', 'valid', 'gap.md'], plain);
      assert.ok(!problems(told.report, 'gap.md').some((p) => p.includes('unresolved-reference')), problems(told.report, 'gap.md').join('\n'));
      assert.deepEqual(told.report.files.map((f) => f.path), ['gap.md']);
    } finally {
      removeTree(plain);
    }
  });

  it('a config file marks the repository when there is no .git', async () => {
    const plain = tempTree({ 'govmark.config.json': '{}\n' });
    try {
      mkdirSync(join(plain, 'minutes'));
      cpSync(join(examplesDir, 'valid'), join(plain, 'terms'), { recursive: true });
      cpSync(join(examplesDir, 'invalid', 'minutes-resolution-gap.md'), join(plain, 'minutes', 'gap.md'));
      const alone = await json(['gap.md'], join(plain, 'minutes'));
      assert.ok(!problems(alone.report, 'gap.md').some((p) => p.includes('unresolved-reference')), problems(alone.report, 'gap.md').join('\n'));
    } finally {
      removeTree(plain);
    }
  });

  it('an ignored document is not context either (the full run does not see it)', async () => {
    const work = tempTree({ 'govmark.config.json': JSON.stringify({ ignores: ['archive/'] }) });
    try {
      cpSync(join(examplesDir, 'valid'), join(work, 'archive'), { recursive: true });
      cpSync(join(examplesDir, 'invalid', 'minutes-resolution-gap.md'), join(work, 'gap.md'));
      const full = await json([], work);
      const alone = await json(['gap.md'], work);
      assert.deepEqual(problems(alone.report, 'gap.md'), problems(full.report, 'gap.md'));
      assert.ok(problems(alone.report, 'gap.md').some((p) => p.includes('unresolved-reference')));
    } finally {
      removeTree(work);
    }
  });

  it('--context that is no folder, or with --no-context, is exit 2 naming it', async () => {
    writeFileSync(join(repo, 'note.txt'), 'x');
    for (const argv of [['--context', 'nowhere', 'valid'], ['--context', 'note.txt', 'valid'], ['--context', 'valid', '--no-context', 'valid']]) {
      const io = fakeIO(['validate', '--no-cache', ...argv], repo);
      assert.equal(await main(io), 2, argv.join(' '));
      assert.match(io.stderr.text, /--context|--no-context/);
    }
  });
});
