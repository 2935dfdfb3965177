import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles, DiscoveryError } from '../../src/node/discover.js';
import { removeTree, tempTree } from './util.js';

describe('cli discovery', () => {
  let dir: string;
  const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1).split('\\').join('/'));

  beforeEach(() => {
    dir = tempTree({
      '.gitignore': 'drafts/\n*.tmp.md\n/build\n',
      'terms.md': '',
      'notes.markdown': '',
      'notes.txt': '',
      'scratch.tmp.md': '',
      'drafts/minutes.md': '',
      'build/out.md': '',
      'node_modules/pkg/README.md': '',
      '.git/info.md': '',
      'board/2020/minutes.md': '',
      'board/2020/private.md': '',
      'board/2020/.gitignore': 'private.md\n',
      'board/keep.tmp.md': '',
      'board/.gitignore': '!keep.tmp.md\n',
      'archive/old.md': '',
      'docs/build/kept.md': '',
    });
  });
  afterEach(() => removeTree(dir));

  it('searches folders for Markdown, honouring nested .gitignore files', async () => {
    const files = await discoverFiles(['.'], { cwd: dir });
    assert.deepEqual(rel(files), ['archive/old.md', 'board/2020/minutes.md', 'board/keep.tmp.md', 'docs/build/kept.md', 'notes.markdown', 'terms.md']);
  });

  it('reads config ignores relative to the config folder, not the working folder', async () => {
    const cwd = join(dir, 'board');
    assert.deepEqual(rel(await discoverFiles(['.'], { cwd, ignores: ['/2020/'], ignoreBase: dir })), ['board/2020/minutes.md', 'board/keep.tmp.md']);
    assert.deepEqual(rel(await discoverFiles(['.'], { cwd, ignores: ['/board/2020/'], ignoreBase: dir })), ['board/keep.tmp.md']);
  });

  it('applies config ignores to folder searches and globs', async () => {
    assert.deepEqual(rel(await discoverFiles(['.'], { cwd: dir, ignores: ['archive/', '**/2020/*.md'] })), ['board/keep.tmp.md', 'docs/build/kept.md', 'notes.markdown', 'terms.md']);
    assert.deepEqual(rel(await discoverFiles(['**/*.md'], { cwd: dir, ignores: ['archive/'] })), ['board/2020/minutes.md', 'board/keep.tmp.md', 'docs/build/kept.md', 'terms.md']);
  });

  it('expands globs, without node_modules, .git or ignored files', async () => {
    assert.deepEqual(rel(await discoverFiles(['**/*.md'], { cwd: dir })), ['archive/old.md', 'board/2020/minutes.md', 'board/keep.tmp.md', 'docs/build/kept.md', 'terms.md']);
    assert.deepEqual(rel(await discoverFiles(['board/*/*.md', 'terms.md', 'terms.md'], { cwd: dir })), ['board/2020/minutes.md', 'terms.md']);
  });

  it('checks a file named explicitly even when it is ignored or not Markdown', async () => {
    assert.deepEqual(rel(await discoverFiles(['drafts/minutes.md', 'notes.txt', 'scratch.tmp.md'], { cwd: dir, ignores: ['notes.txt'] })), [
      'drafts/minutes.md',
      'notes.txt',
      'scratch.tmp.md',
    ]);
  });

  it('searches a folder named explicitly even when it is ignored', async () => {
    assert.deepEqual(rel(await discoverFiles(['drafts'], { cwd: dir })), ['drafts/minutes.md']);
    assert.deepEqual(rel(await discoverFiles(['archive'], { cwd: dir, ignores: ['archive/'] })), ['archive/old.md']);
  });

  it('can be told to ignore no .gitignore', async () => {
    const files = rel(await discoverFiles(['.'], { cwd: dir, gitignore: false }));
    assert.ok(files.includes('drafts/minutes.md') && files.includes('build/out.md'));
    assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('.git/')));
  });

  it('fails on a path that does not exist, or a glob that matches nothing', async () => {
    await assert.rejects(discoverFiles(['missing.md'], { cwd: dir }), (e: unknown) => e instanceof DiscoveryError && e.message === "cannot read 'missing.md': no such file or directory");
    await assert.rejects(discoverFiles(['nothing/**/*.md'], { cwd: dir }), (e: unknown) => e instanceof DiscoveryError && e.message === "'nothing/**/*.md' matches no files");
  });

  it('does not follow linked folders, and reads linked files', async function () {
    try {
      symlinkSync(dir, join(dir, 'board', 'loop'));
      symlinkSync(join(dir, 'terms.md'), join(dir, 'board', 'linked.md'));
    } catch {
      this.skip();
    }
    const files = rel(await discoverFiles(['board'], { cwd: dir }));
    assert.deepEqual(files, ['board/2020/minutes.md', 'board/keep.tmp.md', 'board/linked.md']);
  });

  it('fails on a folder it cannot read', async function () {
    if (process.getuid?.() === 0 || process.platform === 'win32') this.skip(); // root reads everything
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      await assert.rejects(discoverFiles(['.'], { cwd: dir }), /cannot read 'locked': permission denied/);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  describe('negations', () => {
    it('leaves out what an argument starting with ! or # matches, folders with all inside them', async () => {
      assert.deepEqual(rel(await discoverFiles(['.', '!board/**', '#archive'], { cwd: dir })), ['docs/build/kept.md', 'notes.markdown', 'terms.md']);
      assert.deepEqual(rel(await discoverFiles(['**/*.md', '#**/2020/*.md'], { cwd: dir })), ['archive/old.md', 'board/keep.tmp.md', 'docs/build/kept.md', 'terms.md']);
    });

    it('applies wherever it is written, and to files named explicitly too', async () => {
      assert.deepEqual(rel(await discoverFiles(['!terms.md', 'terms.md', 'notes.markdown'], { cwd: dir })), ['notes.markdown']);
    });

    it('searches the working folder when only negations are given', async () => {
      assert.deepEqual(rel(await discoverFiles(['#board', '#archive/'], { cwd: dir })), ['docs/build/kept.md', 'notes.markdown', 'terms.md']);
    });

    it('refuses a bare ! or #', async () => {
      await assert.rejects(discoverFiles(['.', '#'], { cwd: dir }), (e: unknown) => e instanceof DiscoveryError && /^'#' leaves nothing out: write the files or folders to leave out after the #/.test(e.message));
    });
  });

  describe('.git/info/exclude', () => {
    it('applies like a top-level .gitignore, below the .gitignore files', async () => {
      mkdirSync(join(dir, '.git', 'info'), { recursive: true });
      writeFileSync(join(dir, '.git', 'info', 'exclude'), '# mine\narchive/\n*.tmp.md\n');
      assert.deepEqual(rel(await discoverFiles(['.'], { cwd: dir })), ['board/2020/minutes.md', 'board/keep.tmp.md', 'docs/build/kept.md', 'notes.markdown', 'terms.md'], 'board/.gitignore still re-includes keep.tmp.md');
      assert.deepEqual(rel(await discoverFiles(['**/old.md', 'terms.md'], { cwd: dir })), ['terms.md']);
    });

    it('is found through the .git file of a linked work tree', async () => {
      const main = tempTree({ '.git/info/exclude': 'private/\n', '.git/worktrees/wt/commondir': '../..\n' });
      const wt = tempTree({ 'private/x.md': '', 'public/y.md': '' });
      try {
        writeFileSync(join(wt, '.git'), `gitdir: ${join(main, '.git', 'worktrees', 'wt')}\n`);
        const files = await discoverFiles(['.'], { cwd: wt });
        assert.deepEqual(files.map((f) => f.slice(wt.length + 1).split('\\').join('/')), ['public/y.md']);
      } finally {
        removeTree(main);
        removeTree(wt);
      }
    });
  });

  describe('when an argument finds nothing (requireMatches)', () => {
    const fails = (inputs: string[], message: string, extra: { ignores?: string[] } = {}) =>
      assert.rejects(discoverFiles(inputs, { cwd: dir, requireMatches: true, ...extra }), (e: unknown) => {
        assert.ok(e instanceof DiscoveryError, String(e));
        assert.equal(e.message, message);
        return true;
      });

    it('a glob that matches only ignored files says which ignores', async () => {
      await fails(['drafts/**/*.md'], "'drafts/**/*.md' matches only ignored files (.gitignore)");
      await fails(['archive/*.md', 'build/*.md'], "'archive/*.md' matches only ignored files (config ignores)", { ignores: ['archive/'] });
      await fails(['terms.md', '**/*.tmp.md', '!board'], "'**/*.tmp.md' matches only ignored files (.gitignore, excluded by '!board')");
    });

    it('a folder with no Markdown files, or only ignored ones', async () => {
      mkdirSync(join(dir, 'empty'));
      writeFileSync(join(dir, 'empty', 'notes.txt'), '');
      await fails(['empty'], "'empty' holds no Markdown files (*.md, *.markdown; node_modules and .git are not searched)");
      await fails(['board/2020', '#board/2020/minutes.md'], "'board/2020' holds no Markdown files that are not ignored (.gitignore, excluded by '#board/2020/minutes.md')");
      await fails(['.', '#*', '#.*'], "'.' holds no Markdown files that are not ignored (excluded by '#*')");
    });

    it('a file named explicitly that a negation leaves out', async () => {
      await fails(['terms.md', '!*.md'], "'terms.md' is excluded by '!*.md', so nothing is left to check from it");
    });

    it('still checks a file named explicitly that an ignore file names', async () => {
      assert.deepEqual(rel(await discoverFiles(['drafts/minutes.md'], { cwd: dir, requireMatches: true })), ['drafts/minutes.md']);
    });
  });
});
