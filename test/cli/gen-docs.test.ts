/**
 * The config schema's rule list and docs/rules/ are generated from the rule
 * registry by scripts/gen-docs.mjs: this fails when the committed files differ
 * from a fresh generation (STYLE practice 9). Fix: build, then
 * `node scripts/gen-docs.mjs`.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../src/core/rules/registry.js';
import { DOCS_BASE } from '../../src/core/rules/rule.js';
import { repoRoot } from '../helpers.js';
import { removeTree, tempTree } from './util.js';

interface GenDocs {
  DOCS_BASE: string;
  GENERATED_MARK: string;
  outdated(rules: typeof allRules, root?: string): string[];
  write(rules: typeof allRules, root?: string): string[];
}

const load = async (): Promise<GenDocs> => (await import(pathToFileURL(join(repoRoot, 'scripts', 'gen-docs.mjs')).href)) as GenDocs;

describe('cli generated docs and config schema', () => {
  it('are up to date with the rule registry (run `node scripts/gen-docs.mjs` after a build)', async () => {
    const gen = await load();
    assert.deepEqual(gen.outdated(allRules, repoRoot), []);
  });

  it('link to where the rule wrapper says the docs are', async () => {
    assert.equal((await load()).DOCS_BASE, DOCS_BASE);
  });

  it('are written idempotently, and pages of removed rules are deleted only if generated', async () => {
    const gen = await load();
    const root = tempTree({ 'docs/rules/hand-written.md': '# Notes\n' });
    try {
      mkdirSync(join(root, 'schemas'));
      copyFileSync(join(repoRoot, 'schemas', 'govmark.config.schema.json'), join(root, 'schemas', 'govmark.config.schema.json'));
      writeFileSync(join(root, 'docs', 'rules', 'retired-rule.md'), gen.GENERATED_MARK + '\n\n# `retired-rule`\n');
      const first = gen.write(allRules, root);
      assert.ok(first.includes(join('docs', 'rules', 'retired-rule.md')));
      assert.ok(!existsSync(join(root, 'docs', 'rules', 'retired-rule.md')));
      assert.equal(readFileSync(join(root, 'docs', 'rules', 'hand-written.md'), 'utf8'), '# Notes\n');
      assert.deepEqual(gen.write(allRules, root), [], 'a second run changes nothing');
      assert.deepEqual(gen.outdated(allRules, root), []);
      const schema = JSON.parse(readFileSync(join(root, 'schemas', 'govmark.config.schema.json'), 'utf8'));
      assert.deepEqual(Object.keys(schema.properties.rules.properties), allRules.map((r) => r.id).sort());
    } finally {
      removeTree(root);
    }
  });
});
