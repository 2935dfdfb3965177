/**
 * parse(): fixture pairs (test/fixtures/parse/x.md → x.json, regenerate with
 * UPDATE=1) holding the whole extracted model with compact source ranges, plus
 * what no fixture can say: CRLF, a byte-order mark and the chunk cache give
 * the same model as the plain text, and every range points at the right text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { GovDocument } from '../../src/core/model.js';
import { parse } from '../../src/core/parse/parse.js';
import { resolveConfig } from '../../src/core/config.js';
import { analyse } from '../../src/core/workspace/workspace.js';
import { assertRangesInside } from '../acceptance/ranges.js';
import { fixturesDir } from '../helpers.js';
import { expectedPathFor, fixturePath, markdownCases, matchFixture, modelSnapshot } from './fixtures.js';

const parseDir = join(fixturesDir, 'parse');

function read(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

function parseFixture(name: string): GovDocument {
  return parse(read(name), { uri: `file:///fixtures/parse/${name}` });
}

/** The text a source-map entry covers. */
function at(doc: GovDocument, pointer: string): string {
  const entry = doc.sourceMap.get(pointer);
  assert.ok(entry, `no source range for ${pointer}`);
  return doc.text.slice(entry.range.start.offset, entry.range.end.offset);
}

describe('parse: fixture pairs (test/fixtures/parse)', () => {
  const cases = markdownCases(parseDir);

  it('has fixtures to run', () => {
    assert.ok(cases.length >= 8, `expected the parse fixtures, found ${cases.length}`);
  });

  for (const file of cases) {
    it(basename(file, '.md'), () => {
      const doc = parse(readFileSync(file, 'utf8'), { uri: `file:///fixtures/parse/${basename(file)}` });
      assertRangesInside(doc, basename(file));
      matchFixture(expectedPathFor(file), modelSnapshot(doc));
    });
  }
});

describe('parse: what the ranges point at', () => {
  it('maps a resolution clause to its list item and its number to the marker as written', () => {
    const doc = parseFixture('minutes-resolved-paragraph-and-list.md');
    const r = doc.data.content.resolutions!;
    const i = r.findIndex((x) => x.identifier === '18.2');
    assert.ok(i >= 0, 'clause 18.2 is read');
    assert.equal(at(doc, `/content/resolutions/${i}/number`), '2.');
    assert.match(at(doc, `/content/resolutions/${i}`), /^2\. That the Winter Plan be noted\.$/);
  });

  it('maps a milestone date to the date text only, after bold markers', () => {
    const doc = parseFixture('timeline-separators-and-fuzzy-dates.md');
    const i = doc.data.content.milestones!.findIndex((m) => m.date.text === 'Monday 23rd May 2022');
    assert.ok(i >= 0);
    assert.equal(at(doc, `/content/milestones/${i}/date`), 'Monday 23rd May 2022');
  });

  it('maps a front matter value and its key separately', () => {
    const doc = parseFixture('resolution-standalone.md');
    assert.equal(at(doc, '/meta/vote/abstain'), '2');
    const entry = doc.sourceMap.get('/meta/supersedes')!;
    assert.equal(doc.text.slice(entry.keyRange!.start.offset, entry.keyRange!.end.offset), 'supersedes');
  });

  it('reports a YAML problem on the line where the quote opens, not where the text ends', () => {
    const doc = parseFixture('frontmatter-yaml-syntax.md');
    const m = doc.messages.find((x) => x.ruleId === 'yaml-syntax');
    assert.ok(m);
    assert.equal(m.range.start.line, 4);
  });
});

describe('parse: sections are parsed one by one, as the whole text would be', () => {
  const head = '---\ntype: minutes\nid: nodejs-tsc-2021-04-08\ndate: 2021-04-08\n---\n\n# Node.js TSC Meeting 2021-04-08\n\n';

  it('a heading inside a fence that a list item left open is code, not a new section', () => {
    // The fence in the list item ends with the item; the later ``` opens a top-level fence
    // that holds the template's heading and RESOLVED line.
    const text = head + '- Working group template:\n  ```\n  ## Charter\nThe template follows.\n```\n## 3. Decisions\n\nRESOLVED: That the working group be chartered.\n```\n';
    const doc = parse(text);
    assert.deepEqual(doc.data.content.items, []);
    assert.deepEqual(doc.data.content.resolutions, []);
  });

  it('a line like a link definition inside a paragraph does not define a link for later sections', () => {
    const text = head + '## 1. Notes\n\nNotes are kept in the shared document\n[minutes]: https://example.org/minutes\n\n## 2. Minutes\n\nRESOLVED: That the [minutes] be agreed.\n';
    const doc = parse(text);
    assert.equal(doc.data.content.resolutions![0].text, 'That the [minutes] be agreed.');
  });

  it('a link definition at the end of the file still defines links in every section', () => {
    const text = head + '## 2. Minutes\n\nRESOLVED: That the [minutes][m] be agreed.\n\n## Links\n\n[m]: https://example.org/minutes\n';
    assert.equal(parse(text).data.content.resolutions![0].text, 'That the minutes be agreed.');
  });
});

describe('parse: line endings and encodings', () => {
  const sources = ['minutes-resolved-paragraph-and-list.md', 'tor-functions-table-quorum-words.md', 'timeline-separators-and-fuzzy-dates.md'];

  for (const name of sources) {
    it(`${name}: CRLF line endings give the same model and the same lines and columns`, () => {
      const lf = parse(read(name));
      const crlf = parse(read(name).replace(/\n/g, '\r\n'));
      assert.deepEqual(crlf.data, lf.data);
      assert.equal(crlf.type, lf.type);
      const points = (d: GovDocument) => [...d.sourceMap].map(([p, e]) => `${p} ${e.range.start.line}:${e.range.start.column}`);
      // A range may end after its line's last character (before or after the \r): compare starts.
      assert.deepEqual(points(crlf), points(lf));
      assertRangesInside(crlf, name + ' (CRLF)');
    });

    it(`${name}: a byte-order mark changes nothing, offsets included`, () => {
      const plain = parse(read(name));
      const bom = parse('\uFEFF' + read(name));
      assert.equal(bom.text, plain.text);
      assert.deepEqual(bom.data, plain.data);
      assert.deepEqual([...bom.sourceMap], [...plain.sourceMap]);
      assert.deepEqual(bom.messages, plain.messages);
    });
  }

  it('counts a lone CR as a line break before a section, as the line index does (\\n\\r)', () => {
    // "\n\r" is two line breaks: a CR-only line ending after an LF one, as in a file edited on both old Mac and Unix.
    const text = read('minutes-resolved-paragraph-and-list.md').replace('\n\n## 18.', '\n\r## 18.');
    const doc = parse(text);
    assertRangesInside(doc, 'LF then CR');
    const i = doc.data.content.sections.findIndex((x) => x.title.startsWith('18.'));
    assert.equal(doc.sourceMap.get(`/content/sections/${i}`)!.range.start.line, 15);
    assert.equal(at(doc, `/content/sections/${i}`), '## 18. COVID 19 Outbreak Plan');
  });

  it('reads the last line of a file without a final newline', () => {
    const doc = parseFixture('timeline-no-final-newline.md');
    const ms = doc.data.content.milestones!;
    assert.equal(ms.at(-1)?.title, 'Active LTS starts');
    assert.equal(doc.sourceMap.get(`/content/milestones/${ms.length - 1}`)!.range.end.offset, doc.text.length);
  });

  it('reads the front matter and body of a document with lone-CR line endings', () => {
    const doc = parse(read('timeline-heading-years.md').replace(/\n/g, '\r'));
    assert.deepEqual(doc.messages, [], 'no YAML error');
    assert.deepEqual(doc.data.meta, parse(read('timeline-heading-years.md')).data.meta);
    assertRangesInside(doc, 'lone CR');
    assert.deepEqual(
      doc.data.content.milestones!.map((m) => m.date.start),
      parse(read('timeline-heading-years.md')).data.content.milestones!.map((m) => m.date.start),
    );
  });
});

describe('parse: a library stays quiet', () => {
  it('prints no process warning for front matter that YAML reads oddly (a `[Retro]: url` key)', () => {
    const warnings: unknown[] = [];
    const original = process.emitWarning;
    process.emitWarning = ((w: unknown) => void warnings.push(w)) as typeof process.emitWarning;
    try {
      const doc = parse('---\ntype: timeline\n[Retro]: https://k8s.io/retro\n---\n\n# Release 1.25\n');
      assert.equal(doc.type, 'timeline');
    } finally {
      process.emitWarning = original;
    }
    assert.deepEqual(warnings, []);
  });
});

describe('parse: front matter yaml cannot turn into data whole', () => {
  const messagesOf = (doc: GovDocument) => doc.messages.map((m) => `${m.range.start.line}:${m.range.start.column} ${m.ruleId}`).sort();

  it('an alias with no anchor is an error at the alias, read as empty; every other key is still read and checked', () => {
    const doc = parse('---\ntype: minutes\ntitle: Board\ndate: 2022-02-30\nx: *nope\nlist: [1, *gone]\n---\n\n# Minutes\n');
    assert.equal(doc.type, 'minutes');
    assert.equal(doc.data.meta.title, 'Board');
    assert.equal(doc.data.meta.x, null);
    assert.deepEqual(doc.data.meta.list, [1, null]);
    assert.deepEqual(messagesOf(doc), ['4:7 impossible-date', '5:4 yaml-alias-undefined', '6:11 yaml-alias-undefined']);
    assert.equal(doc.messages.filter((m) => m.ruleId === 'yaml-alias-undefined').every((m) => m.severity === 'error' && m.reason.includes('`*')), true);
  });

  it('an alias written before its anchor names nothing yet, as YAML says: reported, and the anchored value still read', () => {
    const doc = parse('---\ntype: minutes\na: *b\nb: &b 1\n---\n');
    assert.deepEqual(doc.data.meta, { type: 'minutes', a: null, b: 1 });
    assert.deepEqual(messagesOf(doc), ['3:4 yaml-alias-undefined']);
  });

  it('aliases that would copy values past the bound cost only their own key, in words an author knows', () => {
    const doc = parse(readFileSync(join(fixturesDir, 'rules/too-complex/alias-bomb-front-matter.md'), 'utf8'));
    assert.equal(doc.type, 'minutes');
    assert.equal(doc.data.meta.id, 'trafford-hwb-2021-01-29');
    assert.equal(doc.data.meta.e, null);
    const complex = doc.messages.filter((m) => m.ruleId === 'too-complex');
    assert.deepEqual(complex.map((m) => m.range.start.line), [8, 9]);
    for (const m of complex) assert.doesNotMatch(m.reason, /resource exhaustion|ReferenceError|Maximum call stack/);
  });
});

describe('parse: many aliases past the bound', () => {
  it('reads the keys without aliases, reads a bounded number with them, and says from which key the rest are empty', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: *b`).join('\n');
    const started = Date.now();
    const doc = parse(`---\ntype: minutes\nbase: &b {x: 1, y: [a, b]}\n${keys}\ntitle: Board\n---\n\n# Minutes\n`);
    assert.ok(Date.now() - started < 10_000, 'linear enough: each alias resolved on its own walks the whole front matter');
    assert.equal(doc.data.meta.title, 'Board');
    assert.deepEqual(doc.data.meta.k0, { x: 1, y: ['a', 'b'] });
    assert.equal(doc.data.meta.k19999, null);
    const m = doc.messages.filter((x) => x.ruleId === 'too-complex');
    assert.equal(m.length, 1);
    assert.match(m[0].reason, /the \d+ keys with aliases from `k\d+` on are read as empty/);
  });
});

describe('parse: the type decides what is read', () => {
  it('leaves the body of a non-governance document unread', () => {
    const doc = parseFixture('frontmatter-type-far.md');
    assert.equal(doc.type, undefined);
    assert.deepEqual(doc.data.content, { sections: [] });
    assert.deepEqual(doc.messages, []);
  });

  it('reads a document as the type given by the caller (--type), whatever its front matter says', () => {
    const doc = parse(read('frontmatter-type-far.md'), { type: 'minutes' });
    assert.equal(doc.type, 'minutes');
    assert.equal(doc.typeSource, 'option');
    assert.equal(doc.data.content.resolutions?.[0]?.text, 'this is a blog post, not minutes, and must not be read as a decision.');
  });

  it('reads a custom type as the built-in type it extends', () => {
    const config = { customTypes: [{ name: 'board-minutes', extends: 'minutes', schema: {} }] };
    const text = read('minutes-resolved-paragraph-and-list.md').replace('type: minutes', 'type: board-minutes');
    const doc = parse(text, { config });
    assert.equal(doc.type, 'board-minutes');
    assert.equal(doc.data.content.resolutions!.length, parse(read('minutes-resolved-paragraph-and-list.md')).data.content.resolutions!.length);
  });

  it('the cheap pass still gives headings, agenda items, one-line decisions and milestones, with a too-complex warning', () => {
    const minutes = parse(read('minutes-resolved-paragraph-and-list.md'), { mode: 'cheap', cheapReason: 'Parsing took longer than 3 s' });
    assert.equal(minutes.complete, false);
    assert.deepEqual(minutes.data.content.items!.map((i) => i.number), ['15', '18', '19']);
    assert.equal(minutes.data.content.resolutions![0].text, 'That the minutes of the meeting held 14 August 2020 be agreed as an accurate record.');
    const m = minutes.messages.find((x) => x.ruleId === 'too-complex');
    assert.ok(m && m.fatal && m.reason.startsWith('Parsing took longer than 3 s'));
    assert.equal(m.range.start.line, 9, 'on the first line of the body with text (the title)');
    const timeline = parse(read('timeline-separators-and-fuzzy-dates.md'), { mode: 'cheap' });
    assert.deepEqual(
      timeline.data.content.milestones!.map((x) => x.date.text),
      parse(read('timeline-separators-and-fuzzy-dates.md')).data.content.milestones!.map((x) => x.date.text),
    );
    assertRangesInside(timeline, 'cheap timeline');
  });
});

describe('parse: a document read only in part (the cheap pass)', () => {
  /** Minutes whose RESOLVED list runs to `n` clauses, with number `gap` left out. */
  const longMinutes = (n: number, gap: number) => {
    let s = '---\ntype: minutes\ntitle: Council\ndate: 2022-01-10\n---\n\n# Council minutes\n\n## 1. Decisions\n\nRESOLVED:\n\n';
    for (let i = 1; i <= n; i++) if (i !== gap) s += `${i}. That item ${i} be approved.\n   It was moved and seconded.\n`;
    return `${s}\nThe meeting closed at 9 pm.\n\n3. A numbered note after the decisions\n`;
  };
  const config = resolveConfig({ today: '2026-01-01' });

  it('reads the numbered clauses of a decision block as the full parse does, numbers and their places included', () => {
    const text = longMinutes(12, 7);
    const full = parse(text);
    const cheap = parse(text, { mode: 'cheap' });
    const strip = (d: GovDocument) => d.data.content.resolutions!.map(({ outcome: _o, ...r }) => r);
    assert.deepEqual(strip(cheap), strip(full));
    for (let i = 0; i < strip(full).length; i++) {
      for (const p of [`/content/resolutions/${i}`, `/content/resolutions/${i}/number`]) assert.deepEqual(cheap.sourceMap.get(p)?.range.start, full.sourceMap.get(p)?.range.start, p);
    }
  });

  it('still finds a numbering gap deep in a long list (item 2000) when only part of the document could be read', () => {
    const { messages } = analyse(longMinutes(2100, 2000), { mode: 'cheap', cheapReason: 'This document is too complex to check fully (it took longer than 3000 ms to read)', config });
    const gap = messages.filter((m) => m.ruleId === 'resolution-numbering');
    assert.equal(gap.length, 1);
    assert.equal(gap[0].reason, 'Resolution numbering jumps from 1999 to 2001: number 2000 is missing.');
    assert.equal(gap[0].range.start.line, 13 + 1999 * 2);
  });

  it('says which limit the document met and what was not checked, and blames emphasis only when it is the cause', () => {
    const reasonOf = (text: string) => parse(text, { mode: 'cheap', cheapReason: 'Too slow' }).messages.find((m) => m.ruleId === 'too-complex')!.reason;
    const yaml = reasonOf(`---\ntype: minutes\nlist:\n${'  - an entry of the list\n'.repeat(12_000)}---\n\n# Minutes\n`);
    assert.match(yaml, /^Too slow: its YAML front matter is \d+ KB/);
    assert.doesNotMatch(yaml, /unmatched emphasis|Close or escape/);
    const deep = reasonOf(`---\ntype: minutes\n---\n\n# Minutes\n\n${'>'.repeat(80)} quoted\n`);
    assert.match(deep, /nested more than 64 levels deep \(indentation or `>` quotes, line 7\)/);
    const marks = reasonOf(`---\ntype: minutes\n---\n\n# Minutes\n\n${'*a [b '.repeat(800)}\n`);
    assert.match(marks, /a paragraph \(from line 7\) has more than 1,000 emphasis, link or code marks/);
    for (const r of [yaml, deep, marks]) assert.match(r, /tables, paragraphs, attendance, actions, membership and functions were not, so quorum, overdue actions, seats and dates in tables are not checked/);
  });

  it('does not call a Quorum section empty when its text was not read', () => {
    const text = '---\ntype: terms-of-reference\ntitle: Board\n---\n\n# Board\n\n## Functions\n\n- Decide.\n\n## Membership\n\n- Chair\n\n## Quorum\n\nThe quorum is three members.\n';
    assert.equal(analyse(text, { config }).messages.some((m) => m.ruleId === 'quorum-missing'), false);
    assert.equal(analyse(text, { mode: 'cheap', config }).messages.some((m) => m.ruleId === 'quorum-missing'), false);
  });
});
