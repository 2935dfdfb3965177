/**
 * The linear pre-scan (`riskOf`) that decides, before the Markdown parse, that a
 * document would stall it: such a document is read line by line at once, with
 * the cause named, instead of after a host's time bound is paid in full. It must
 * never fire on a real governance document, and a huge front matter is read a
 * run of keys at a time with the same data as one YAML parse.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { riskOf } from '../../src/core/parse/cost.js';
import { findFrontMatter } from '../../src/core/parse/frontmatter.js';
import { parseChunked, parseMarkdown } from '../../src/core/parse/markdown.js';
import { parse } from '../../src/core/parse/parse.js';
import { LineIndex } from '../../src/core/text/lines.js';
import { examplesDir, realWorldDir, realWorldFiles, sharedDir } from '../helpers.js';

function risk(text: string) {
  const lines = new LineIndex(text);
  return riskOf(text, lines, findFrontMatter(text, lines));
}

/** Every real document we have: the real-world corpus, the examples and the fidelity seeds. */
function realDocuments(): { name: string; text: string }[] {
  const out = realWorldFiles().map(({ file }) => ({ name: file, text: readFileSync(join(realWorldDir, file), 'utf8') }));
  for (const d of ['valid', 'invalid']) {
    for (const f of readdirSync(join(examplesDir, d)).filter((x) => x.endsWith('.md'))) out.push({ name: `${d}/${f}`, text: readFileSync(join(examplesDir, d, f), 'utf8') });
  }
  const seeds = join(sharedDir, 'fidelity', 'seeds');
  for (const f of readdirSync(seeds).filter((x) => x.endsWith('.md'))) out.push({ name: `seeds/${f}`, text: readFileSync(join(seeds, f), 'utf8') });
  return out;
}

describe('parse: documents that would stall the Markdown parser, found before parsing', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-risk-'));
    execFileSync(process.execPath, [join(sharedDir, 'corpus', 'pathological', 'generate.mjs'), dir], { stdio: 'ignore' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every stalling body of the pathological set line by line at once, naming what makes it costly', () => {
    // The cases an unbounded parse spends seconds to minutes on (../shared/corpus/pathological).
    const stalls = [
      'nested-list-1000', 'nested-quote-10000', 'table-rows-50000', 'emph-openers-100000', 'emph-closers-100000', 'link-openers-100000',
      'link-closers-100000', 'mismatched-emph-100000', 'nested-emph-50000', 'nested-brackets-50000', 'unclosed-links-50000',
      'html-comment-open-50000', 'headings-100k', 'list-items-200k',
    ];
    for (const name of stalls) {
      const doc = parse(readFileSync(join(dir, `${name}.md`), 'utf8'));
      assert.equal(doc.complete, false, `${name}: read in part`);
      const m = doc.messages.find((x) => x.ruleId === 'too-complex');
      assert.ok(m, `${name}: a too-complex warning`);
      assert.match(m.reason, /^This document is too complex to check fully: (its Markdown is nested|a table|a paragraph|it has more than|it is)/, name);
      assert.doesNotMatch(m.reason, /took longer/, `${name}: not blamed on time`);
      assert.equal(doc.type, 'minutes', `${name}: the front matter still read`);
    }
  });

  it('never reads a real governance document in part: no corpus file, example or fidelity seed is found risky', () => {
    const docs = realDocuments();
    assert.ok(docs.length > 180, `${docs.length} documents`);
    const risky = docs.filter((d) => risk(d.text)).map((d) => `${d.name}: ${risk(d.text)!.cause}`);
    assert.deepEqual(risky, []);
  });

  it('names each limit in the author\u2019s terms, with the line it starts on', () => {
    const fm = '---\ntype: minutes\n---\n\n# Minutes\n\n';
    assert.match(risk(`${fm}${'>'.repeat(70)} quoted\n`)!.cause, /nested more than 64 levels deep .*line 7/);
    assert.match(risk(`${fm}| a | b |\n| - | - |\n${'| x | y |\n'.repeat(5001)}`)!.cause, /a table \(from line 7\) has more than 5,000 rows/);
    assert.match(risk(`${fm}${'a <!-- '.repeat(4001)}\n`)!.cause, /a paragraph \(from line 7\) has more than 4,000 emphasis, link or code marks/);
    assert.match(risk(`${fm}${'# h\n'.repeat(50_001)}`)!.cause, /more than 50,000 headings, list items and table rows/);
    // Paragraphs each under the limit add up: a hundred of 3,800 marks took the parser 68 s.
    assert.match(risk(`${fm}${`${'*a_ '.repeat(1900)}\n\n`.repeat(100)}`)!.cause, /its paragraphs hold more emphasis, link or code marks .* than the parser can pair up in time \([\d,]+ so far, 3,800 in the paragraph from line 7\)/);
    // Marks in separate paragraphs never pair up: thousands of links, one per paragraph, are fine.
    assert.equal(risk(`${fm}${'See [the report](https://example.org/r) and *note* it.\n\n'.repeat(5000)}`), undefined);
  });
});

describe('parse: the front matter is not given to the Markdown parser', () => {
  it('gives the tree of one parse of the whole text, front matter node included, for every real document', () => {
    for (const { name, text } of realDocuments()) {
      const lines = new LineIndex(text);
      const block = findFrontMatter(text, lines);
      // Closed by `---` as remark-frontmatter requires (YAML's `...` it does not know).
      if (!block?.closed || !/^---[ \t]*$/.test(lines.lineText(lines.point(block.contentEnd).line))) continue;
      let close = block.end;
      while (close > block.contentEnd && /[\r\n]/.test(text[close - 1])) close--;
      const span = { contentStart: block.contentStart, contentEnd: block.contentEnd, close: lines.point(close), end: block.end, bodyLine: lines.point(block.end).line };
      assert.deepStrictEqual(parseChunked(text, undefined, block.end, span).children, parseMarkdown(text).children, name);
    }
  });
});

describe('parse: a front matter of more than 512 KB is read a run of keys at a time', () => {
  const huge = (keys: number, extra = '') => {
    let s = '---\ntype: minutes\ntitle: "Council: minutes"\ndate: 2022-01-10\n';
    for (let i = 0; i < keys; i++) s += `key_${i}:\n  - a list entry ${i}\n  - {name: "Person ${i}", role: member}\nnote_${i}: >\n  folded text\n  over lines ${i}\n`;
    return `${s}${extra}---\n\n# Council minutes\n`;
  };

  it('gives the data one YAML parse gives, with each value mapped to where it is written', () => {
    const text = huge(6000);
    assert.ok(text.length > 600 * 1024);
    const doc = parse(text);
    const yamlText = text.slice(4, text.indexOf('\n---\n') + 1);
    assert.deepEqual(JSON.parse(JSON.stringify(doc.data.meta)), JSON.parse(JSON.stringify(parseDocument(yamlText).toJS())));
    assert.equal(doc.messages.filter((m) => m.ruleId === 'yaml-syntax' || m.ruleId === 'too-complex').length, 0);
    // Mapped as in a front matter read whole: the same place relative to its key.
    const small = huge(10);
    const keyLine = (t: string, key: string) => t.slice(0, t.indexOf(`${key}:`)).split('\n').length;
    const expected = parse(small).sourceMap.get('/meta/note_9')!.range.start;
    const at = doc.sourceMap.get('/meta/note_5999')!.range.start;
    assert.deepEqual([at.line - keyLine(text, 'note_5999'), at.column - 'note_5999'.length], [expected.line - keyLine(small, 'note_9'), expected.column - 'note_9'.length]);
    assert.equal(doc.sourceMap.get('/meta/key_4000/1/name')!.range.start.line, keyLine(text, 'key_4000') + 2);
  });

  it('reports a key written twice, even when the two are far apart', () => {
    const doc = parse(huge(6000, 'key_3: again\n'));
    const dup = doc.messages.filter((m) => /key_3.*twice/.test(m.reason));
    assert.equal(dup.length, 1, doc.messages.map((m) => m.reason).join('\n'));
  });

  it('reads one value of more than 256 KB as empty and says so at its key, keeping the others', () => {
    let list = 'members:\n';
    for (let i = 0; i < 12_000; i++) list += `  - name: Person ${i}\n    role: member\n`;
    const text = huge(3000, list);
    const doc = parse(text);
    const m = doc.messages.find((x) => /The value of `members` is \d+ KB/.test(x.reason));
    assert.ok(m, doc.messages.map((x) => x.reason).join('\n'));
    assert.equal(m.range.start.line, text.slice(0, text.indexOf('members:')).split('\n').length);
    assert.equal(doc.data.meta.title, 'Council: minutes');
    assert.equal(doc.data.meta.key_2999 !== undefined, true);
  });
});
