/** Custom types from the configuration, recognised by their file globs, validated against their schema. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigFile } from '../../src/node/config-file.js';
import { readModels } from '../../src/node/models.js';
import { validatePaths } from '../../src/node/validate.js';

describe('custom document types', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-custom-'));
    mkdirSync(join(dir, 'papers'));
    writeFileSync(
      join(dir, 'govmark.config.json'),
      JSON.stringify({ types: { 'board-paper': { schema: 'paper.schema.json', extends: 'resolution', files: ['papers/*.md'] } } }),
    );
    writeFileSync(
      join(dir, 'paper.schema.json'),
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { meta: { type: 'object', required: ['author'] }, content: { type: 'object', properties: { resolutions: { type: 'array', minItems: 1 } } } },
      }),
    );
    // No front matter at all: the glob makes it a board paper.
    writeFileSync(join(dir, 'papers', 'budget.md'), '# Budget 2022/23\n\nRESOLVED: That the budget be approved.\n');
    // Its own `type:` wins over the glob.
    writeFileSync(join(dir, 'papers', 'plan.md'), '---\ntype: timeline\ntitle: Plan\n---\n\n- 2022-01-01 — Start\n');
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\nRESOLVED: not a governance document here.\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads files matching the glob as the custom type, with the base type extraction and the custom schema', async () => {
    const config = await readConfigFile(join(dir, 'govmark.config.json'), dir);
    const files = ['papers/budget.md', 'papers/plan.md', 'notes.md'].map((f) => join(dir, f));
    const [budget, plan, notes] = await validatePaths(files, { config, cacheDir: false });
    assert.equal(budget.type, 'board-paper');
    const missing = budget.messages.find((m) => m.ruleId === 'schema');
    assert.ok(missing, 'the custom schema requires an author');
    assert.match(missing.reason, /author/);
    assert.equal(plan.type, 'timeline');
    assert.equal(notes.skipped, true);
    const [model] = await readModels([files[0]], { config });
    assert.deepEqual(model.model.data.content.resolutions?.map((r) => r.text), ['That the budget be approved.']);
  });
});
