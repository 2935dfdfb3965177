/**
 * Per-folder configs: a config in a subfolder applies to the files below it,
 * over the run's config, the nearest winning (see src/node/config-cascade.ts).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { resolveConfig } from '../../src/core/config.js';
import { anchorIgnore, mergeConfig } from '../../src/node/config-cascade.js';
import { examplesDir } from '../helpers.js';
import { fakeIO, removeTree, tempTree } from './util.js';

const tor = readFileSync(join(examplesDir, 'valid', 'trafford-hwb-terms-of-reference.md'), 'utf8');
const gap = readFileSync(join(examplesDir, 'invalid', 'minutes-resolution-gap.md'), 'utf8');
const gapWithId = (id: string) => gap.replace('id: trafford-hwb-2021-01-29-gap', `id: ${id}`);

async function report(argv: string[], cwd: string) {
  const io = fakeIO(['validate', '--no-cache', '-f', 'json', ...argv], cwd);
  const code = await main(io);
  const json = io.stdout.text ? (JSON.parse(io.stdout.text) as { files: { path: string; messages: { ruleId: string; severity: string }[] }[] }) : { files: [] };
  const numbering = (path: string) => json.files.find((f) => f.path === path)?.messages.find((m) => m.ruleId === 'resolution-numbering')?.severity ?? 'none';
  return { code, json, numbering, stderr: io.stderr.text };
}

describe('per-folder configs', function () {
  this.timeout(60_000);
  let repo: string;

  before(() => {
    repo = tempTree({
      'govmark.config.json': JSON.stringify({ rules: { 'resolution-numbering': 'error' } }),
      'tor.md': tor,
      'top.md': gapWithId('top'),
      'committee/govmark.config.yaml': 'rules:\n  resolution-numbering: "off"\n',
      'committee/gap.md': gapWithId('committee'),
      'committee/sub/govmark.config.jsonc': '// the sub-committee counts its own way\n{ "rules": { "resolution-numbering": "info", }, }\n',
      'committee/sub/gap.md': gapWithId('sub'),
      'committee/plain/gap.md': gapWithId('plain'),
      'archive/package.json': JSON.stringify({ name: 'archive', govmark: { ignores: ['old*.md'] } }),
      'archive/old-2019.md': gapWithId('old'),
      'archive/kept.md': gapWithId('kept'),
    });
    execFileSync('git', ['init', '-q', repo]);
  });
  after(() => removeTree(repo));

  it('applies the nearest config over its parents, in any format', async () => {
    const { numbering } = await report([], repo);
    assert.equal(numbering('top.md'), 'error', 'the run\'s config');
    assert.equal(numbering('committee/gap.md'), 'none', 'committee/ turns the rule off');
    assert.equal(numbering('committee/plain/gap.md'), 'none', 'a folder without a config inherits its parent\'s');
    assert.equal(numbering('committee/sub/gap.md'), 'info', 'the nearest config wins');
    assert.equal(numbering('archive/kept.md'), 'error', 'a package.json key is a config too, and inherits the rules');
  });

  it('leaves out what a nested config ignores, relative to its own folder, unless the file is named', async () => {
    const { json } = await report([], repo);
    const paths = json.files.map((f) => f.path);
    assert.ok(!paths.includes('archive/old-2019.md'), paths.join(', '));
    assert.ok(paths.includes('archive/kept.md'));
    const named = await report(['archive/old-2019.md'], repo);
    assert.deepEqual(named.json.files.map((f) => f.path), ['archive/old-2019.md']);
  });

  it('gives a file checked alone (a hook) the config and problems of the full run', async () => {
    const full = await report([], repo);
    for (const path of ['committee/sub/gap.md', 'committee/gap.md', 'top.md']) {
      const alone = await report([path], repo);
      assert.equal(alone.numbering(path), full.numbering(path), path);
      assert.deepEqual(alone.json.files[0].messages, full.json.files.find((f) => f.path === path)!.messages, path);
    }
  });

  it('a custom type of a nested config is known to validate, inspect and timeline in its folder', async () => {
    const dir = tempTree({
      'govmark.config.json': '{}',
      'board/govmark.config.json': JSON.stringify({ types: { 'board-paper': { schema: 'paper.schema.json', extends: 'minutes' } } }),
      'board/paper.schema.json': JSON.stringify({ type: 'object' }),
      'board/paper.md': '---\ntype: board-paper\nid: paper-1\ntitle: Paper\ndate: 2024-01-10\n---\n\n# Paper\n\n## Present\n\n- Alex Smith\n',
      'elsewhere/paper.md': '---\ntype: board-paper\nid: paper-2\ntitle: Paper\ndate: 2024-01-10\n---\n\n# Paper\n',
    });
    try {
      execFileSync('git', ['init', '-q', dir]);
      const validated = await report([], dir);
      const rules = (path: string) => validated.json.files.find((f) => f.path === path)?.messages.map((m) => m.ruleId) ?? [];
      assert.ok(!rules('board/paper.md').includes('unknown-type'), rules('board/paper.md').join(', '));
      // Outside board/ the type is nobody's: the file is not read as a governance document there.
      assert.equal((validated.json.files.find((f) => f.path === 'elsewhere/paper.md') as { skipped?: boolean } | undefined)?.skipped, true);
      assert.equal((validated.json.files.find((f) => f.path === 'board/paper.md') as { type?: string } | undefined)?.type, 'board-paper');
      const io = fakeIO(['inspect', 'board/paper.md'], dir);
      assert.equal(await main(io), 0, io.stderr.text);
      assert.equal((JSON.parse(io.stdout.text) as { type: string }).type, 'board-paper');
      const drawn = fakeIO(['timeline', 'board', '--format', 'svg', '--today', '2024-02-01'], dir);
      assert.equal(await main(drawn), 0, drawn.stderr.text);
      assert.match(drawn.stdout.text, /Paper/);
    } finally {
      removeTree(dir);
    }
  });

  it('--config names the whole run\'s config: no nested config is read', async () => {
    const { numbering } = await report(['--config', 'govmark.config.json'], repo);
    assert.equal(numbering('committee/sub/gap.md'), 'error');
  });

  it('a broken nested config stops the run at its line and column', async () => {
    const broken = tempTree({ 'govmark.config.json': '{}', 'x/govmark.config.json': '{\n  "rules": { "resolution-numbring": "off" }\n}\n', 'x/gap.md': gap });
    try {
      const io = fakeIO(['validate', '--no-cache'], broken);
      assert.equal(await main(io), 2);
      assert.match(io.stderr.text, /x\/govmark\.config\.json:2:\d+: unknown rule 'resolution-numbring' \(did you mean 'resolution-numbering'\?\)/);
    } finally {
      removeTree(broken);
    }
  });

  it('merges per key: rules rule by rule, file globs nearest first, ignores anchored to their folder', () => {
    const parent = resolveConfig({ rules: { a: 'error', b: 'warning' } as never, fileTypes: [{ files: ['/r/**/*.md'], type: 'minutes' }], infer: false });
    const child = resolveConfig({ rules: { b: 'off' } as never, fileTypes: [{ files: ['/r/c/*.md'], type: 'timeline' }], ignores: ['drafts/'] });
    const merged = mergeConfig(parent, { file: '/r/c/govmark.config.json', config: child, set: new Set(['rules', 'files', 'ignores']) }, '/r/c', '/r');
    assert.deepEqual(merged.rules, { a: 'error', b: 'off' });
    assert.deepEqual(merged.fileTypes.map((f) => f.type), ['timeline', 'minutes']);
    assert.equal(merged.infer, false, 'not set by the child: the parent\'s');
    assert.deepEqual(merged.ignores, ['c/**/drafts/'], 'a folder name matches at any depth below, as in .gitignore');
    assert.equal(anchorIgnore('*.draft.md', 'c'), 'c/**/*.draft.md');
    assert.equal(anchorIgnore('/top.md', 'c'), 'c/top.md');
    assert.equal(anchorIgnore('a/b.md', 'c/d'), 'c/d/a/b.md');
    assert.equal(anchorIgnore('!keep.md', 'c'), '!c/**/keep.md');
  });
});
