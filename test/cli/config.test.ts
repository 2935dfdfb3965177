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
    assert.equal(await findConfigFile(start), join(dir, 'govmark.config.json'));
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
    assert.equal(e.message, "govmark.config.json:1:3: unknown key 'rulez' (did you mean 'rules'?)");
    assert.equal(e.key, 'rulez');
    const nested = await configError({ 'govmark.config.json': JSON.stringify({ types: { paper: { schema: 'x.json', extend: 'minutes' } } }) });
    assert.equal(nested.message, "govmark.config.json:1:38: unknown key 'types.paper.extend' (did you mean 'extends'?)");
  });

  it('names a key with a wrong value', async () => {
    assert.equal(
      (await configError({ 'govmark.config.json': '{ "rules": { "resolution-numbering": "warn" } }' })).message,
      "govmark.config.json:1:38: rules.resolution-numbering must be one of error, warning, info, hint, off, not 'warn' (did you mean 'warning'?)",
    );
    assert.equal((await configError({ 'govmark.config.json': '{ "ignores": "drafts" }' })).message, 'govmark.config.json:1:14: ignores must be an array');
    assert.equal((await configError({ 'govmark.config.json': '{ "ignores": ["a", 3] }' })).message, 'govmark.config.json:1:20: ignores[1] must be a string');
    assert.equal((await configError({ 'govmark.config.json': '{ "types": { "paper": {} } }' })).message, "govmark.config.json:1:23: types.paper needs 'schema'");
    assert.equal(
      (await configError({ 'govmark.config.json': '{ "types": { "paper": { "schema": "p.json", "extends": "minuets" } } }' })).message,
      "govmark.config.json:1:56: types.paper.extends must be one of terms-of-reference, minutes, agenda, resolution, timeline, not 'minuets' (did you mean 'minutes'?)",
    );
    assert.match((await configError({ 'govmark.config.json': '{ "types": { "Board Paper": { "schema": "p.json" } } }' })).message, /types: 'Board Paper' is not a valid name/);
    assert.equal((await configError({ 'govmark.config.json': '{ "rules": ' })).message, 'govmark.config.json:1:12: not valid JSON: a value is expected');
  });

  it('names an unknown rule, with a suggestion', async () => {
    const e = await configError({ 'govmark.config.json': '{ "rules": { "resolution-numberng": "off" } }' });
    assert.equal(e.message, "govmark.config.json:1:14: unknown rule 'resolution-numberng' (did you mean 'resolution-numbering'?)");
    assert.equal(e.key, 'rules.resolution-numberng');
    const far = await configError({ 'govmark.config.json': '{ "rules": { "spelling": "off" } }' });
    assert.equal(far.message, "govmark.config.json:1:14: unknown rule 'spelling'");
  });

  it('names a custom type schema that is missing or invalid', async () => {
    const missing = await configError({ 'govmark.config.json': '{ "types": { "paper": { "schema": "schemas/paper.json" } } }' });
    assert.equal(missing.message, "govmark.config.json:1:35: types.paper.schema: cannot use 'schemas/paper.json': no such file or directory");
    assert.equal(missing.key, 'types.paper.schema');
    const notJson = await configError({ 'govmark.config.json': '{ "types": { "paper": { "schema": "p.json" } } }', 'p.json': '{ type: object }' });
    assert.equal(notJson.message, "govmark.config.json:1:35: types.paper.schema: cannot use 'p.json': it is not valid JSON (line 1, column 3: a key in double quotes is expected)");
    const notSchema = await configError({ 'govmark.config.json': '{ "types": { "paper": { "schema": "p.json" } } }', 'p.json': '{ "type": "objekt" }' });
    assert.match(notSchema.message, /^govmark\.config\.json:1:35: types\.paper\.schema: 'p\.json' is not a valid JSON Schema at \/type: /);
  });

  it('refuses to redefine a built-in type', async () => {
    const e = await configError({ 'govmark.config.json': '{ "types": { "minutes": { "schema": "p.json" } } }', 'p.json': '{}' });
    assert.match(e.message, /types\.minutes: 'minutes' is a built-in type and cannot be redefined/);
  });

  describe('formats', () => {
    const expectRules = async (files: Record<string, string>, name: string) => {
      const dir = tree(files);
      const start = join(dir, 'docs');
      const loaded = await loadConfig(start);
      assert.equal(loaded.file, join(dir, name));
      assert.equal(loaded.baseDir, dir);
      assert.deepEqual(loaded.config.rules, { overdue: 'off', 'quorum-missing': 'error' });
      assert.deepEqual(loaded.config.ignores, ['drafts/']);
    };

    it('reads govmark.config.jsonc, with comments and trailing commas', async () => {
      await expectRules(
        {
          'govmark.config.jsonc': '// the board\'s settings\n{\n  "rules": {\n    "overdue": "off", /* for now */\n    "quorum-missing": "error",\n  },\n  "ignores": ["drafts/",],\n}\n',
          'docs/a.md': '',
        },
        'govmark.config.jsonc',
      );
    });

    for (const name of ['govmark.config.yaml', 'govmark.config.yml']) {
      it(`reads ${name}`, async () => {
        await expectRules({ [name]: '# the board\'s settings\nrules:\n  overdue: off\n  quorum-missing: error\nignores:\n  - drafts/\n', 'docs/a.md': '' }, name);
      });
    }

    it('reads the govmark key of package.json', async () => {
      await expectRules(
        { 'package.json': JSON.stringify({ name: 'board', govmark: { rules: { overdue: 'off', 'quorum-missing': 'error' }, ignores: ['drafts/'] } }, null, 2), 'docs/a.md': '' },
        'package.json',
      );
    });

    it('walks past a package.json without a govmark key', async () => {
      const dir = tree({ 'govmark.config.yaml': 'rules:\n  overdue: off\n', 'docs/package.json': '{ "name": "site" }', 'docs/a.md': '' });
      assert.equal(await findConfigFile(join(dir, 'docs')), join(dir, 'govmark.config.yaml'));
    });

    it('reads the file named with --config in the format of its extension', async () => {
      const dir = tree({ 'conf/strict.yaml': 'rules:\n  quorum-missing: error\n', 'conf/strict.jsonc': '{ "rules": { "overdue": "off", }, }', 'conf/package.json': '{ "govmark": { "rules": { "overdue": "info" } } }' });
      assert.deepEqual((await loadConfig(dir, 'conf/strict.yaml')).config.rules, { 'quorum-missing': 'error' });
      assert.deepEqual((await loadConfig(dir, 'conf/strict.jsonc')).config.rules, { overdue: 'off' });
      assert.deepEqual((await loadConfig(dir, 'conf/package.json')).config.rules, { overdue: 'info' });
      await assert.rejects(loadConfig(dir, 'conf/strict.toml'), /^ConfigError: cannot read config 'conf\/strict.toml': govmark reads config files named \*\.json, \*\.jsonc, \*\.yaml, \*\.yml or package\.json$/);
    });

    it('refuses a package.json named with --config that has no govmark key', async () => {
      const dir = tree({ 'package.json': '{ "name": "board" }' });
      await assert.rejects(loadConfig(dir, 'package.json'), /^ConfigError: package\.json: has no "govmark" key, so it holds no govmark config$/);
    });
  });

  describe('errors at line and column', () => {
    it('a comment in a .json file, suggesting .jsonc', async () => {
      const e = await configError({ 'govmark.config.json': '{\n  // strict for the board\n  "rules": {}\n}\n' });
      assert.equal(e.message, 'govmark.config.json:2:3: not valid JSON: comments are not allowed in JSON; rename the file to govmark.config.jsonc to allow comments and trailing commas');
      const comma = await configError({ 'govmark.config.json': '{\n  "rules": {},\n}\n' });
      assert.equal(comma.message, 'govmark.config.json:3:1: not valid JSON: a comma before a closing bracket (JSON allows no trailing comma); rename the file to govmark.config.jsonc to allow comments and trailing commas');
    });

    it('a .jsonc file that is not valid', async () => {
      const e = await configError({ 'govmark.config.jsonc': '{\n  // ok\n  "rules": { "overdue" "off" }\n}\n' });
      assert.equal(e.message, 'govmark.config.jsonc:3:24: not valid JSON with comments: a colon is expected after the key');
    });

    it('a YAML file that is not valid, or holds two documents, or a key twice', async () => {
      assert.match((await configError({ 'govmark.config.yaml': 'rules:\n  overdue: "off\n' })).message, /^govmark\.config\.yaml:2:12: not valid YAML: .*\(an unclosed quoted string or bracket\?\)$/);
      assert.equal((await configError({ 'govmark.config.yaml': 'rules: {}\n---\nignores: []\n' })).message, 'govmark.config.yaml:2:1: not valid YAML: the file holds more than one YAML document (a second ---); keep one');
      assert.equal((await configError({ 'govmark.config.yml': 'rules:\n  overdue: off\n  overdue: error\n' })).message, "govmark.config.yml:3:3: not valid YAML: the key 'overdue' is written twice in one mapping");
    });

    it('a YAML alias bomb is refused, not expanded', async () => {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill('*' + 'abcdefgh'[i]).join(', ')}]`), 'ignores: *h'].join('\n');
      const e = await configError({ 'govmark.config.yaml': bomb });
      assert.match(e.message, /^govmark\.config\.yaml:1:1: not valid YAML: its aliases \(\*name\) would copy values more than 100 times over/);
    });

    it('a wrong key or value in YAML, where it is written', async () => {
      const e = await configError({ 'govmark.config.yaml': '# settings\nrules:\n  overdue: warn\nignore:\n  - drafts/\n' });
      assert.equal(e.message, "govmark.config.yaml:4:1: unknown key 'ignore' (did you mean 'ignores'?)");
      const value = await configError({ 'govmark.config.yaml': 'rules:\n  overdue: warn\n' });
      assert.equal(value.message, "govmark.config.yaml:2:12: rules.overdue must be one of error, warning, info, hint, off, not 'warn' (did you mean 'warning'?)");
      const rule = await configError({ 'govmark.config.yml': 'rules:\n  overdu: off\n' });
      assert.equal(rule.message, "govmark.config.yml:2:3: unknown rule 'overdu' (did you mean 'overdue'?)");
    });

    it('a wrong key under the govmark key of package.json, where it is written', async () => {
      const e = await configError({ 'package.json': '{\n  "name": "board",\n  "govmark": {\n    "rulez": {}\n  }\n}\n' });
      assert.equal(e.message, "package.json:4:5: unknown key 'rulez' (did you mean 'rules'?)");
      assert.equal(e.key, 'rulez');
    });

    it('a package.json that is not valid JSON', async () => {
      const e = await configError({ 'package.json': '{ "name": "board", }' });
      assert.match(e.message, /package\.json:1:20: not valid JSON: a comma before a closing bracket .*\(govmark reads package\.json for a "govmark" key\)$/);
    });
  });

  describe('two config files in one folder', () => {
    it('is an error naming both, not a silent pick', async () => {
      const e = await configError({ 'govmark.config.json': '{}', 'govmark.config.yaml': 'rules: {}\n', 'docs/a.md': '' });
      assert.match(e.message, /holds 2 config files, govmark\.config\.json and govmark\.config\.yaml; govmark reads one per folder, so keep one and remove the others$/);
    });

    it('counts the govmark key of package.json as one, and a package.json without it not', async () => {
      const both = await configError({ 'govmark.config.jsonc': '{}', 'package.json': '{ "govmark": {} }' });
      assert.match(both.message, /holds 2 config files, govmark\.config\.jsonc and package\.json \(its "govmark" key\);/);
      const dir = tree({ 'govmark.config.jsonc': '{}', 'package.json': '{ "name": "board" }' });
      assert.equal((await loadConfig(dir)).file, join(dir, 'govmark.config.jsonc'));
    });
  });

  it('lists the built-in types in the schema of `extends`', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'govmark.config.schema.json'), 'utf8'));
    assert.deepEqual(schema.$defs.customType.properties.extends.enum, [...BUILTIN_TYPES]);
  });
});
