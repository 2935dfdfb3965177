import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_TYPES } from '../../src/core/model.js';
import { ConfigError, findConfigFile, loadConfig } from '../../src/node/config-file.js';
import { repoRoot } from '../helpers.js';
import { removeTree, tempTree } from './util.js';

const boardPaperSchema = JSON.stringify({
  type: 'object',
  properties: { meta: { type: 'object', required: ['date'] } },
});

describe('cli config file', () => {
  const dirs: string[] = [];
  const tree = (files: Record<string, string>) => {
    const dir = tempTree(files);
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach(removeTree));

  async function configError(files: Record<string, string>): Promise<ConfigError> {
    const dir = tree(files);
    try {
      await loadConfig(dir);
    } catch (error) {
      assert.ok(error instanceof ConfigError, String(error));
      assert.ok(!error.message.includes('\n'), 'one line');
      return error;
    }
    assert.fail('expected a ConfigError');
  }

  it('gives the defaults when there is no config file', async () => {
    const dir = tree({ 'a.md': '' });
    const loaded = await loadConfig(dir);
    if (loaded.file === undefined) {
      assert.deepEqual(loaded.config.rules, {});
      assert.equal(loaded.baseDir, dir);
    } // else a govmark.config.json above the temp folder: nothing to assert
  });

  it('is found walking up from the working folder, and resolved', async () => {
    const dir = tree({
      'govmark.config.json': JSON.stringify({
        $schema: '../schemas/govmark.config.schema.json',
        rules: { 'resolution-numbering': 'error', overdue: 'off' },
        types: { 'board-paper': { schema: 'schemas/board-paper.json', extends: 'minutes', requiredSections: ['present'], files: ['papers/**/*.md'] } },
        ignores: ['drafts/'],
        parseTimeoutMs: 500,
      }),
      'schemas/board-paper.json': boardPaperSchema,
      'docs/deep/x.md': '',
    });
    const start = join(dir, 'docs', 'deep');
    assert.equal(findConfigFile(start), join(dir, 'govmark.config.json'));
    const { config, file, baseDir } = await loadConfig(start);
    assert.equal(file, join(dir, 'govmark.config.json'));
    assert.equal(baseDir, dir);
    assert.deepEqual(config.rules, { 'resolution-numbering': 'error', overdue: 'off' });
    assert.deepEqual(config.ignores, ['drafts/']);
    assert.equal(config.parseTimeoutMs, 500);
    assert.equal(config.customTypes.length, 1);
    const [type] = config.customTypes;
    assert.equal(type.name, 'board-paper');
    assert.equal(type.extends, 'minutes');
    assert.deepEqual(type.requiredSections, ['present']);
    assert.deepEqual(type.schema, JSON.parse(boardPaperSchema));
    assert.deepEqual(type.files, [`${dir.split('\\').join('/')}/papers/**/*.md`], 'files globs are anchored at the config folder');
  });

  it('reads the file named with --config, relative to the working folder', async () => {
    const dir = tree({ 'conf/strict.json': JSON.stringify({ rules: { 'quorum-missing': 'error' } }) });
    const { config, baseDir } = await loadConfig(dir, 'conf/strict.json');
    assert.deepEqual(config.rules, { 'quorum-missing': 'error' });
    assert.equal(baseDir, join(dir, 'conf'));
    await assert.rejects(loadConfig(dir, 'conf/missing.json'), /^ConfigError: cannot read config 'conf\/missing.json': no such file or directory$/);
  });

  it('names an unknown key, with a suggestion', async () => {
    const e = await configError({ 'govmark.config.json': '{ "rulez": {} }' });
    assert.equal(e.message, "govmark.config.json: unknown key 'rulez' (did you mean 'rules'?)");
    assert.equal(e.key, 'rulez');
    const nested = await configError({ 'govmark.config.json': JSON.stringify({ types: { paper: { schema: 'x.json', extend: 'minutes' } } }) });
    assert.equal(nested.message, "govmark.config.json: unknown key 'types.paper.extend' (did you mean 'extends'?)");
  });

  it('names a key with a wrong value', async () => {
    assert.equal(
      (await configError({ 'govmark.config.json': '{ "rules": { "resolution-numbering": "warn" } }' })).message,
      "govmark.config.json: rules.resolution-numbering must be one of error, warning, info, hint, off, not 'warn' (did you mean 'warning'?)",
    );
    assert.equal((await configError({ 'govmark.config.json': '{ "ignores": "drafts" }' })).message, 'govmark.config.json: ignores must be an array');
    assert.equal((await configError({ 'govmark.config.json': '{ "ignores": ["a", 3] }' })).message, 'govmark.config.json: ignores[1] must be a string');
    assert.equal((await configError({ 'govmark.config.json': '{ "types": { "paper": {} } }' })).message, "govmark.config.json: types.paper needs 'schema'");
    assert.equal(
      (await configError({ 'govmark.config.json': '{ "types": { "paper": { "schema": "p.json", "extends": "minuets" } } }' })).message,
      "govmark.config.json: types.paper.extends must be one of terms-of-reference, minutes, resolution, timeline, not 'minuets' (did you mean 'minutes'?)",
    );
    assert.match((await configError({ 'govmark.config.json': '{ "types": { "Board Paper": { "schema": "p.json" } } }' })).message, /types: 'Board Paper' is not a valid name/);
    assert.equal((await configError({ 'govmark.config.json': '{ "rules": ' })).message, 'govmark.config.json:1:12: not valid JSON: a value is expected');
  });

  it('names an unknown rule, with a suggestion', async () => {
    const e = await configError({ 'govmark.config.json': '{ "rules": { "resolution-numberng": "off" } }' });
    assert.equal(e.message, "govmark.config.json: unknown rule 'resolution-numberng' (did you mean 'resolution-numbering'?)");
    assert.equal(e.key, 'rules.resolution-numberng');
    const far = await configError({ 'govmark.config.json': '{ "rules": { "spelling": "off" } }' });
    assert.equal(far.message, "govmark.config.json: unknown rule 'spelling'");
  });

  it('names a custom type schema that is missing or invalid', async () => {
    const missing = await configError({ 'govmark.config.json': '{ "types": { "paper": { "schema": "schemas/paper.json" } } }' });
    assert.equal(missing.message, "govmark.config.json: types.paper.schema: cannot use 'schemas/paper.json': no such file or directory");
    assert.equal(missing.key, 'types.paper.schema');
    const notJson = await configError({ 'govmark.config.json': '{ "types": { "paper": { "schema": "p.json" } } }', 'p.json': '{ type: object }' });
    assert.equal(notJson.message, "govmark.config.json: types.paper.schema: cannot use 'p.json': it is not valid JSON (line 1, column 3: a key in double quotes is expected)");
    const notSchema = await configError({ 'govmark.config.json': '{ "types": { "paper": { "schema": "p.json" } } }', 'p.json': '{ "type": "objekt" }' });
    assert.match(notSchema.message, /^govmark\.config\.json: types\.paper\.schema: 'p\.json' is not a valid JSON Schema at \/type: /);
  });

  it('refuses to redefine a built-in type', async () => {
    const e = await configError({ 'govmark.config.json': '{ "types": { "minutes": { "schema": "p.json" } } }', 'p.json': '{}' });
    assert.match(e.message, /types\.minutes: 'minutes' is a built-in type and cannot be redefined/);
  });

  it('lists the built-in types in the schema of `extends`', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'govmark.config.schema.json'), 'utf8'));
    assert.deepEqual(schema.$defs.customType.properties.extends.enum, [...BUILTIN_TYPES]);
  });
});
