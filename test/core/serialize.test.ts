/**
 * A parsed document survives JSON: `serializeDocument` / `JSON.stringify(doc)`
 * and `deserializeDocument` give back a document that behaves the same (the
 * model, source-map lookups, line/column of offsets), on every shared example
 * and a sample of the real-world corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserializeDocument, locate, parse, rangeOf, serializeDocument, type GovDocument } from '../../src/index.js';
import { examplesDir, realWorldDir, realWorldFiles } from '../helpers.js';

function examples(): string[] {
  return readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(examplesDir, f));
}

/** The back-and-forth document behaves like the parsed one. */
function assertSameBehaviour(back: GovDocument, doc: GovDocument, label: string): void {
  assert.deepStrictEqual(back, doc, label);
  assert.ok(back.sourceMap instanceof Map, `${label}: the source map is a Map again`);
  for (const [p, entry] of doc.sourceMap) {
    assert.deepStrictEqual(rangeOf(back, p), entry.range, `${label}: rangeOf ${p}`);
    assert.deepStrictEqual(locate(back, p + '/not-there'), locate(doc, p + '/not-there'), `${label}: locate under ${p}`);
  }
  for (const offset of [0, Math.floor(doc.text.length / 2), doc.text.length]) {
    assert.deepStrictEqual(back.lines.point(offset), doc.lines.point(offset), `${label}: lines.point(${offset})`);
  }
  assert.equal(back.lines.lineCount, doc.lines.lineCount, label);
}

describe('serializeDocument / deserializeDocument', function () {
  this.timeout(120_000);

  it('JSON.stringify(doc) keeps the source map and the text (not `{}`)', () => {
    const doc = parse('---\ntype: minutes\ndate: 2024-01-09\n---\n\n# Board\n\nRESOLVED: That the plan be noted.\n', { uri: 'file:///m.md' });
    const json = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    assert.equal(json.format, 'govmark-document/1');
    assert.equal(json.text, doc.text);
    assert.deepStrictEqual((json.sourceMap as Record<string, unknown>)['/meta/date'], doc.sourceMap.get('/meta/date'));
    assert.equal('lines' in json, false, 'the line index is rebuilt from the text, not written');
    assert.deepStrictEqual(json, JSON.parse(JSON.stringify(serializeDocument(doc))));
    // toJSON is not one of the document's own enumerable keys: deep equality and spreading are unchanged.
    assert.equal(Object.keys(doc).includes('toJSON'), false);
  });

  it('round-trips every shared example through JSON text', () => {
    const files = examples();
    assert.ok(files.length >= 10, `found ${files.length} examples`);
    for (const file of files) {
      const doc = parse(readFileSync(file, 'utf8'), { uri: pathToFileURL(file).href });
      assert.ok(doc.sourceMap.size > 0, `${file}: the source map has entries`);
      assertSameBehaviour(deserializeDocument(JSON.stringify(doc)), doc, file);
      assertSameBehaviour(deserializeDocument(serializeDocument(doc)), doc, file);
    }
  });

  it('round-trips a sample of the real-world corpus', () => {
    const sample = realWorldFiles().filter((_, i) => i % 4 === 0);
    assert.ok(sample.length >= 40);
    let entries = 0;
    for (const { file, type } of sample) {
      const doc = parse(readFileSync(join(realWorldDir, file), 'utf8'), { uri: pathToFileURL(file).href, type });
      const back = deserializeDocument(JSON.stringify(doc));
      assertSameBehaviour(back, doc, file);
      // And again: what a round-tripped document writes is what the parsed one wrote.
      assert.equal(JSON.stringify(back), JSON.stringify(doc), file);
      entries += doc.sourceMap.size;
    }
    assert.ok(entries > 1000, `the sample's source maps have ${entries} entries`);
  });

  it('says what it expected when given something else', () => {
    assert.throws(() => deserializeDocument({} as never), { name: 'TypeError', message: /^deserializeDocument: `json` must be what serializeDocument\(\) or JSON.stringify\(doc\) wrote, not an object/ });
    assert.throws(() => deserializeDocument(undefined as never), { name: 'TypeError', message: /not undefined$/ });
    assert.throws(() => serializeDocument({ text: 'x' } as never), { name: 'TypeError', message: /^serializeDocument: `doc` must be a document from parse\(\)/ });
  });
});
