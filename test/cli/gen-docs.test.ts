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
  outdated(rules: typeof allRules, root?: string, fixturesRoot?: string): string[];
  write(rules: typeof allRules, root?: string, fixturesRoot?: string): string[];
  renderRulePage(rule: (typeof allRules)[number], fixturesRoot?: string): string;
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

  it('give every rule page an example: a wrong document, what govmark reports, and a right one', () => {
    const problems: string[] = [];
    for (const rule of allRules) {
      const page = readFileSync(join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      const example = page.slice(page.indexOf('\n## Example\n'), page.indexOf('\n## Configuration\n'));
      if (!page.includes('\n## Example\n')) problems.push(`${rule.id}: no Example section`);
      else if (!/\nWrong\b[^\n]*:\n\n```+\w+\n[\s\S]+?\nRight\b[^\n]*:\n\n```+\w+\n/.test(example)) problems.push(`${rule.id}: the example lacks a wrong or a right block`);
    }
    assert.deepEqual(problems, []);
  });

  it("take a rule's example from its fixtures, follow them when they change, and refuse a rule with no example", async () => {
    const gen = await load();
    const rule = { ...allRules.find((r) => r.id === 'resolution-numbering')!, id: 'made-up-rule' };
    const fixtures = tempTree({});
    try {
      assert.throws(() => gen.renderRulePage(rule, fixtures), /rule 'made-up-rule' has no example/);
      const dir = join(fixtures, 'test', 'fixtures', 'rules', 'made-up-rule');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'bad.md'), '---\ntype: minutes\n---\n\n1. One\n3. Three\n');
      writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ ruleId: 'made-up-rule', severity: 'warning', range: '6:1-6:3', reason: 'Jumps from 1 to 3.', fixes: [{ title: 'Renumber' }] }]));
      assert.throws(() => gen.renderRulePage(rule, fixtures), /has no example/, 'a wrong case alone is not an example');
      writeFileSync(join(dir, 'good.md'), '---\ntype: minutes\n---\n\n1. One\n2. Two\n');
      writeFileSync(join(dir, 'good.json'), '[]\n');
      const page = gen.renderRulePage(rule, fixtures);
      assert.ok(page.includes('Wrong (`test/fixtures/rules/made-up-rule/bad.md`):\n\n```markdown\n---\ntype: minutes\n---\n\n1. One\n3. Three\n```'), page);
      assert.ok(page.includes('```text\n6:1  warning  Jumps from 1 to 3.\n  fix: Renumber\n```'), page);
      assert.ok(page.includes('Right (`test/fixtures/rules/made-up-rule/good.md`), nothing reported:\n\n```markdown\n---\ntype: minutes\n---\n\n1. One\n2. Two\n```'), page);
      writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ ruleId: 'made-up-rule', severity: 'error', range: '6:1-6:3', reason: 'Now an error.' }]));
      assert.ok(gen.renderRulePage(rule, fixtures).includes('```text\n6:1  error  Now an error.\n```'), 'the page follows the fixture');
    } finally {
      removeTree(fixtures);
    }
  });
});
