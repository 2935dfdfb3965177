/**
 * The readers of the body, each with its fixture pairs beside the others'
 * (test/fixtures/read/<reader id>/x.md → x.json, regenerate with UPDATE=1):
 * real snippets, with their origin in a comment, and the whole model read
 * from them with compact source ranges.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from '../../src/core/parse/parse.js';
import { READERS } from '../../src/core/read/registry.js';
import { assertRangesInside } from '../acceptance/ranges.js';
import { expectedPathFor, markdownCases, matchFixture, modelSnapshot, readFixturesDir } from './fixtures.js';

describe('readers: the registry', () => {
  it('gives every reader a unique id and a fixtures folder with cases, and has no folder for a reader that does not exist', () => {
    const ids = READERS.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'reader ids are unique');
    for (const id of ids) assert.ok(markdownCases(join(readFixturesDir, id)).length > 0, `test/fixtures/read/${id} has fixtures`);
    for (const folder of existsSync(readFixturesDir) ? readdirSync(readFixturesDir) : []) assert.ok(ids.includes(folder), `test/fixtures/read/${folder} names a reader`);
  });
});

for (const reader of READERS) {
  describe(`reader: ${reader.id}`, () => {
    for (const file of markdownCases(join(readFixturesDir, reader.id))) {
      it(basename(file, '.md'), () => {
        const doc = parse(readFileSync(file, 'utf8'), { uri: `file:///fixtures/read/${reader.id}/${basename(file)}` });
        assertRangesInside(doc, basename(file));
        matchFixture(expectedPathFor(file), modelSnapshot(doc));
      });
    }
  });
}
