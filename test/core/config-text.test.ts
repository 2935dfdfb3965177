/**
 * Config text in each format (src/core/text/json.ts, yaml-data.ts): the
 * values mean what they mean in JSON, and places are found for messages.
 */
import assert from 'node:assert/strict';
import { locateJson, parseJsonc } from '../../src/core/text/json.js';
import { parseYamlData } from '../../src/core/text/yaml-data.js';

describe('core: config text', () => {
  describe('JSON with comments', () => {
    it('reads comments and trailing commas, and keeps offsets for errors after them', () => {
      assert.deepEqual(parseJsonc('/* a */ { "a": [1, 2,], // b\n "b": "//not a comment", }'), { ok: true, value: { a: [1, 2], b: '//not a comment' } });
      const bad = parseJsonc('// one\n{ "a": 1 "b": 2 }');
      assert.equal(bad.ok, false);
      if (!bad.ok) assert.deepEqual([bad.problem.line, bad.problem.column, bad.problem.message], [2, 10, 'a comma is expected']);
    });

    it('allows a comma only after a value', () => {
      assert.equal(parseJsonc('[,]').ok, false);
      assert.equal(parseJsonc('{,}').ok, false);
      assert.equal(parseJsonc('[1,,]').ok, false);
    });

    it('reads __proto__ as an ordinary key, as JSON.parse does', () => {
      const r = parseJsonc('{ "__proto__": { "rules": {} }, }');
      assert.ok(r.ok);
      const value = r.value as Record<string, unknown>;
      assert.equal(Object.getPrototypeOf(value), Object.prototype);
      assert.deepEqual(Object.keys(value), ['__proto__']);
    });

    it('says an empty file is empty', () => {
      const r = parseJsonc('// nothing yet\n');
      assert.ok(!r.ok && r.problem.message === 'the file is empty');
    });
  });

  describe('locating a path', () => {
    const text = '{\n  "rules": {\n    "overdue": "warn"\n  },\n  "ignores": ["a", 3]\n}\n';

    it('finds a value, or its key', () => {
      assert.deepEqual(locateJson(text, ['rules', 'overdue']), { line: 3, column: 16 });
      assert.deepEqual(locateJson(text, ['rules', 'overdue'], 'key'), { line: 3, column: 5 });
      assert.deepEqual(locateJson(text, ['ignores', 1]), { line: 5, column: 20 });
    });

    it('falls back to the nearest ancestor that is written', () => {
      assert.deepEqual(locateJson(text, ['rules', 'missing', 'deeper']), { line: 2, column: 12 });
      assert.deepEqual(locateJson('not json', ['x']), { line: 1, column: 1 });
    });

    it('finds the same places in YAML', () => {
      const yaml = parseYamlData('# c\nrules:\n  overdue: warn\nignores: [a, 3]\n');
      assert.ok(yaml.result.ok);
      assert.deepEqual(yaml.locate(['rules', 'overdue']), { line: 3, column: 12 });
      assert.deepEqual(yaml.locate(['rules', 'overdue'], 'key'), { line: 3, column: 3 });
      assert.deepEqual(yaml.locate(['ignores', 1]), { line: 4, column: 14 });
      assert.deepEqual(yaml.locate(['rules', 'nope']), { line: 3, column: 3 });
    });
  });

  describe('YAML', () => {
    it('gives JSON data: YAML 1.2 scalars, no cycles', () => {
      const r = parseYamlData('a: off\nb: 2024-01-01\nc: ~\n');
      assert.deepEqual(r.result, { ok: true, value: { a: 'off', b: '2024-01-01', c: null } });
      const cycle = parseYamlData('a: &x [*x]\n');
      assert.equal(cycle.result.ok, false);
    });
  });
});
