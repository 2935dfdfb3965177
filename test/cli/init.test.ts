/**
 * `govmark init` and validating a repository nobody annotated: the kinds are
 * recognised, the config written maps folders to them, and validate checks
 * the files without any `type:` or `--type`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { fakeIO, tempTree } from './util.js';

const minutes = (day: string) => `# Board meeting — ${day}\n\n## Attendees\n\n- Alex Smith\n- Dana Jones\n\n## Notes\n\n- Agreed: the budget is approved.\n`;

function repo(): string {
  return tempTree({
    'board/minutes/2024-01-09.md': minutes('9 January 2024'),
    'board/minutes/2024-02-06.md': minutes('6 February 2024'),
    'board/charter.md': '# Board Charter\n\n## Mission\n\nTo steer.\n\n## Membership\n\n- Three elected members\n\n## Quorum\n\nA quorum is two members.\n',
    'docs/decisions/0001-use-markdown.md': '# Use Markdown\n\n## Context and Problem Statement\n\nWhich format?\n\n## Considered Options\n\n- Markdown\n- Word\n\n## Decision Outcome\n\nChosen option: Markdown.\n',
    'README.md': '# Our board\n\nHow we work.\n\n## Contributing\n\nOpen a pull request.\n',
    'docs/setup.md': '# Setting up\n\nRun `npm ci`.\n',
  });
}

describe('cli: init', () => {
  it('reports the kinds it found with examples and writes a config that maps folders to them', async () => {
    const dir = repo();
    try {
      const io = fakeIO(['init'], dir);
      assert.equal(await main(io), 0);
      assert.match(io.stdout.text, /Scanned 6 Markdown files/);
      assert.match(io.stdout.text, /\nminutes: 2\n  board\/minutes\/2024-01-09\.md  — /);
      assert.match(io.stdout.text, /terms of reference: 1\n  board\/charter\.md/);
      assert.match(io.stdout.text, /decision records: 1\n  docs\/decisions\/0001-use-markdown\.md/);
      assert.doesNotMatch(io.stdout.text, /README|setup\.md/);
      const config = JSON.parse(readFileSync(join(dir, 'govmark.config.json'), 'utf8'));
      assert.deepEqual(config.files, { 'board/charter.md': 'terms-of-reference', 'board/minutes/*.md': 'minutes', 'docs/decisions/0001-use-markdown.md': 'resolution' });

      // The config it wrote is one validate reads; the files are checked without a type: anywhere.
      const v = fakeIO(['validate', '--format', 'json', '--no-cache'], dir);
      await main(v);
      const results = (JSON.parse(v.stdout.text) as { files: { path: string; skipped: boolean }[] }).files;
      const checked = results.filter((r) => !r.skipped).map((r) => r.path).sort();
      assert.deepEqual(checked, ['board/charter.md', 'board/minutes/2024-01-09.md', 'board/minutes/2024-02-06.md', 'docs/decisions/0001-use-markdown.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never overwrites an existing config without --force, and writes nothing with --dry-run', async () => {
    const dir = repo();
    try {
      writeFileSync(join(dir, 'govmark.config.json'), '{ "rules": {} }\n');
      const io = fakeIO(['init'], dir);
      assert.equal(await main(io), 0);
      assert.match(io.stdout.text, /exists: left as it is/);
      assert.equal(readFileSync(join(dir, 'govmark.config.json'), 'utf8'), '{ "rules": {} }\n');
      rmSync(join(dir, 'govmark.config.json'));
      const dry = fakeIO(['init', '--dry-run'], dir);
      await main(dry);
      assert.match(dry.stdout.text, /Would write govmark\.config\.json:\n\{/);
      assert.equal(existsSync(join(dir, 'govmark.config.json')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the files it was unsure about, with why, and leaves them out of the config', async () => {
    const dir = tempTree({ 'notes/ideas.md': '# Ideas\n\n## Purpose\n\nThoughts.\n\n## Scope\n\nMany.\n' });
    try {
      const io = fakeIO(['init', '--json'], dir);
      assert.equal(await main(io), 0);
      const out = JSON.parse(io.stdout.text);
      assert.equal(out.findings.length, 1);
      assert.equal(out.findings[0].how, 'unsure');
      assert.ok(out.findings[0].evidence.length > 0);
      assert.deepEqual(out.config.files, {});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: validate with no config and no --type', () => {
  it('checks the files it recognises and says how, and leaves ordinary Markdown alone', async () => {
    const dir = repo();
    try {
      const v = fakeIO(['validate', '--format', 'json', '--no-cache'], dir);
      await main(v);
      const results = (JSON.parse(v.stdout.text) as { files: { path: string; skipped: boolean; type?: string; messages: { ruleId: string }[] }[] }).files;
      const minutesResult = results.find((r) => r.path.endsWith('2024-01-09.md'))!;
      assert.equal(minutesResult.type, 'minutes');
      assert.ok(minutesResult.messages.some((m) => m.ruleId === 'recognised-type'));
      assert.deepEqual(results.filter((r) => !r.skipped).map((r) => r.path).sort(), ['board/charter.md', 'board/minutes/2024-01-09.md', 'board/minutes/2024-02-06.md', 'docs/decisions/0001-use-markdown.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: config "files" and "infer"', () => {
  it('reads a file a "files" glob names as that kind, and says a type it does not know', async () => {
    const dir = tempTree({ 'papers/q1.md': '# Q1\n\nRESOLVED: That the budget be approved.\n', 'govmark.config.json': JSON.stringify({ files: { 'papers/*.md': 'minutes' } }) });
    try {
      const io = fakeIO(['inspect', 'papers/q1.md'], dir);
      assert.equal(await main(io), 0);
      const out = JSON.parse(io.stdout.text);
      assert.equal(out.type, 'minutes');
      assert.equal(out.typeSource, 'config');
      writeFileSync(join(dir, 'govmark.config.json'), JSON.stringify({ files: { 'papers/*.md': 'minuts' } }));
      const bad = fakeIO(['validate'], dir);
      assert.equal(await main(bad), 2);
      assert.match(bad.stderr.text, /files: 'papers\/\*\.md' names unknown type 'minuts' \(did you mean 'minutes'\?\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks only declared files with "infer": false', async () => {
    const dir = repo();
    try {
      writeFileSync(join(dir, 'govmark.config.json'), JSON.stringify({ infer: false }));
      const v = fakeIO(['validate', '--format', 'json', '--no-cache'], dir);
      await main(v);
      assert.deepEqual((JSON.parse(v.stdout.text) as { files: { skipped: boolean }[] }).files.filter((f) => !f.skipped), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes no govmark.config.json beside a config of another name: a folder holds one', async () => {
    const dir = repo();
    try {
      writeFileSync(join(dir, 'govmark.config.yaml'), 'rules:\n  overdue: off\n');
      const io = fakeIO(['init', '--force'], dir);
      assert.equal(await main(io), 0);
      assert.match(io.stdout.text, /govmark\.config\.yaml is the config of this folder, and govmark reads one per folder: nothing written\./);
      assert.equal(existsSync(join(dir, 'govmark.config.json')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
