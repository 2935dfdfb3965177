/**
 * `govmark validate --fix` and `--fix-dry-run`: each problem's preferred fix
 * applied, checked again, and written only with --fix; files without fixes
 * never touched; the dry run's diff is exactly what --fix writes.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { writeFixed } from '../../src/node/fix.js';
import { examplesDir } from '../helpers.js';
import { fakeIO, removeTree, tempTree } from './util.js';

interface JsonReport {
  files: { path: string; messages: { ruleId: string; line: number; fixes?: { preferred?: boolean; needsInput?: boolean }[] }[] }[];
}

function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (f.startsWith('.git')) continue;
    const p = join(dir, f);
    if (statSync(p).isFile()) out.set(f.split('\\').join('/'), readFileSync(p));
  }
  return out;
}

async function run(argv: string[], cwd: string, extra: Parameters<typeof fakeIO>[2] = {}) {
  const io = fakeIO(['validate', '--no-cache', ...argv], cwd, extra);
  const code = await main(io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

function examplesCopy(): string {
  const dir = tempTree({});
  cpSync(examplesDir, dir, { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
  return dir;
}

describe('validate --fix and --fix-dry-run', function () {
  this.timeout(120_000);

  it('--fix applies every preferred fix in the examples, touches no file without one, and a second run has nothing to fix', async () => {
    const dir = examplesCopy();
    try {
      const before = snapshot(dir);
      const first = JSON.parse((await run(['-f', 'json'], dir)).stdout) as JsonReport;
      const fixable = new Map<string, string[]>();
      for (const f of first.files) {
        const rules = f.messages.filter((m) => m.fixes?.some((x) => x.preferred && !x.needsInput) || (m.fixes?.length === 1 && !m.fixes[0].needsInput)).map((m) => m.ruleId);
        if (rules.length > 0) fixable.set(f.path, rules);
      }
      assert.ok(fixable.size >= 3, `fixable examples: ${[...fixable.keys()].join(', ')}`);

      const fixed = await run(['--fix', '-f', 'json'], dir);
      const after = snapshot(dir);
      for (const [path, bytes] of before) {
        if (fixable.has(path)) assert.notDeepEqual(after.get(path), bytes, `${path} was fixed`);
        else assert.deepEqual(after.get(path), bytes, `${path} has no fix and is untouched`);
      }
      for (const path of fixable.keys()) assert.match(fixed.stderr, new RegExp(`fixed \\d+ problems? in ${path.replace(/[.]/g, '\\.')}`));
      // The report is of what remains: none of the fixed problems.
      const remaining = JSON.parse(fixed.stdout) as JsonReport;
      for (const [path, rules] of fixable) {
        const left = remaining.files.find((f) => f.path === path)?.messages ?? [];
        for (const rule of rules) {
          const was = first.files.find((f) => f.path === path)!.messages.filter((m) => m.ruleId === rule).length;
          assert.ok(left.filter((m) => m.ruleId === rule).length < was, `${path}: ${rule} fixed`);
        }
      }
      const again = await run(['--fix'], dir);
      assert.match(again.stderr, /nothing to fix|fixes? not applied/);
      assert.doesNotMatch(again.stderr, /fixed \d+ problem/);
      assert.deepEqual(snapshot(dir), after, 'a second --fix changes nothing');
    } finally {
      removeTree(dir);
    }
  });

  it('never applies a fix that leaves a value to write (a skeleton section, a date placeholder)', async () => {
    const dir = examplesCopy();
    try {
      await run(['--fix'], dir);
      const tor = readFileSync(join(dir, 'invalid', 'tor-missing-membership.md'), 'utf8');
      assert.doesNotMatch(tor, /\|\s+\|\s+\|\s*1\s*\|/, 'no empty membership row was added');
      assert.doesNotMatch(readFileSync(join(dir, 'invalid', 'unknown-type.md'), 'utf8'), /YYYY-MM-DD/);
    } finally {
      removeTree(dir);
    }
  });

  it('--fix-dry-run writes nothing and prints a diff that git apply turns into exactly what --fix writes', async () => {
    const dir = examplesCopy();
    try {
      const before = snapshot(dir);
      const dry = await run(['--fix-dry-run'], dir);
      assert.equal(dry.code, 1, 'errors would remain');
      assert.deepEqual(snapshot(dir), before, 'nothing written');
      assert.match(dry.stdout, /^diff --git a\/invalid\//m);
      assert.match(dry.stdout, /^@@ -\d+,\d+ \+\d+,\d+ @@/m);
      assert.match(dry.stderr, /would fix \d+ problems in \d+ files/);
      assert.match(dry.stderr, /nothing was written/);

      writeFileSync(join(dir, '..', `${dir.split('/').pop()}.patch`), dry.stdout);
      execFileSync('git', ['apply', join(dir, '..', `${dir.split('/').pop()}.patch`)], { cwd: dir });
      const applied = snapshot(dir);

      const other = examplesCopy();
      try {
        await run(['--fix'], other);
        assert.deepEqual(applied, snapshot(other));
      } finally {
        removeTree(other);
      }
    } finally {
      removeTree(dir);
    }
  });

  it('keeps a UTF-16 document UTF-16, and does not write a file that changed since it was checked', async () => {
    const text = readFileSync(join(examplesDir, 'invalid', 'unknown-type.md'), 'utf8');
    const dir = tempTree({});
    try {
      const path = join(dir, 'tor.md');
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const out = await run(['--fix', 'tor.md'], dir);
      assert.match(out.stderr, /fixed 1 problem in tor\.md/);
      const bytes = readFileSync(path);
      assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
      assert.match(bytes.toString('utf16le', 2), /type: terms-of-reference/);

      writeFileSync(path, 'changed by the editor\n');
      const why = writeFixed({ path, before: text, after: text + 'x', fixed: 1 });
      assert.match(why ?? '', /changed on disk/);
      assert.equal(readFileSync(path, 'utf8'), 'changed by the editor\n');
    } finally {
      removeTree(dir);
    }
  });

  it('refuses what cannot be done: --fix with --fix-dry-run, --fix on stdin, a format for the diff', async () => {
    const dir = tempTree({ 'a.md': '# A\n' });
    try {
      for (const argv of [['--fix', '--fix-dry-run'], ['--fix', '-'], ['--fix-dry-run', '-f', 'json']]) {
        const out = await run(argv, dir, { readStdin: async () => '# A\n' });
        assert.equal(out.code, 2, argv.join(' '));
        assert.match(out.stderr, /^govmark: .*(--fix|--format)/);
      }
      assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), '# A\n');
    } finally {
      removeTree(dir);
    }
  });
});
