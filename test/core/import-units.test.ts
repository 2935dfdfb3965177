/**
 * The importer's steps on small inputs of their own, shapes other than the
 * test pack's, and on arbitrary text (fast-check): it never throws, is
 * deterministic, keeps every word, and finishes quickly on hostile input.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toBlocks } from '../../src/core/import/blocks.js';
import { removeFurniture } from '../../src/core/import/furniture.js';
import { importText } from '../../src/core/import/index.js';
import { markerOf } from '../../src/core/import/numbering.js';
import { paperFromText } from '../../src/core/import/source.js';
import { parseTable } from '../../src/core/import/tables.js';
import { parse } from '../../src/core/parse/parse.js';

const lines = (text: string) => paperFromText('x.txt', text).pages.flatMap((p, i) => p.map((t, l) => ({ text: t, page: i + 1, line: l + 1, pageStart: l === 0 })));

describe('import: numbering', () => {
  it('reads the numbers papers write, and takes no date or year for one', () => {
    assert.deepEqual(['18. MINUTES', '7(a) Appeals', '4.2 Budget', '(iv) That', '(b) That', '1) First', '• Point'].map((l) => [markerOf(l)?.number, markerOf(l)?.style]), [
      ['18', 'digits'],
      ['7(a)', 'digits'],
      ['4.2', 'digits'],
      ['iv', 'roman'],
      ['b', 'letters'],
      ['1', 'digits'],
      [undefined, 'bullet'],
    ]);
    assert.equal(markerOf('16 October 2020'), undefined);
    assert.equal(markerOf('2020. A year'), undefined);
  });
});

describe('import: page furniture', () => {
  it('removes a footer repeated with its page number, and keeps a title found on fewer than half the pages', () => {
    const words = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    const pages = [1, 2, 3, 4].map((n) => [n === 1 ? 'PLANNING COMMITTEE' : `${words[n - 1]} goes on`, `The ${words[n - 1]} report.`, '', `Planning Committee – 14 March 2024 – page ${n} of 4`]);
    const { pages: out, removed } = removeFurniture({ name: 'x', pages });
    assert.deepEqual(removed, [{ text: 'Planning Committee – 14 March 2024 – page 1 of 4', pages: 4 }]);
    assert.equal(out[0][0], 'PLANNING COMMITTEE');
    assert.ok(out.every((p) => p[3] === ''));
  });

  it('leaves a two-page letter alone, but for its page numbers', () => {
    const { removed } = removeFurniture({ name: 'x', pages: [['Dear Clerk,', 'Text.', '1'], ['Dear Clerk,', 'More.', '2']] });
    assert.deepEqual(removed, [{ text: 'page numbers', pages: 2 }]);
  });
});

describe('import: blocks', () => {
  it('rejoins a paragraph over a page break without doubt when the next page starts in lower case', () => {
    const blocks = toBlocks(lines('The Board noted the plan and asked for\n\f\nfurther detail at the next meeting.\n'));
    assert.deepEqual(blocks.map((b) => [b.type, 'text' in b ? b.text : '', 'joinedAt' in b ? b.joinedAt?.page : undefined]), [['paragraph', 'The Board noted the plan and asked for further detail at the next meeting.', undefined]]);
  });

  it('keeps a finished paragraph apart from the next page, and takes capitals and numbered title lines as headings', () => {
    const blocks = toBlocks(lines('Ends here.\n\f\nNEW BUSINESS\n\n3. Finance Report\n\nText.\n'));
    assert.deepEqual(blocks.map((b) => [b.type, b.type === 'heading' ? `${b.number ?? ''}|${b.text}` : b.type === 'table' ? '' : b.text]), [
      ['paragraph', 'Ends here.'],
      ['heading', '|NEW BUSINESS'],
      ['heading', '3|Finance Report'],
      ['paragraph', 'Text.'],
    ]);
  });

  it('reads a labelled line as a line, not a table', () => {
    const blocks = toBlocks(lines('Date:     1 March 2024\nVenue:    Town Hall\n'));
    assert.deepEqual(blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type)), ['Date: 1 March 2024', 'Venue: Town Hall']);
  });
});

describe('import: tables', () => {
  it('places cells under their header by position, keeps an empty cell empty, and merges a wrapped cell into its row', () => {
    const t = parseTable(['Action              Lead           Due', 'Write the plan      Clerk          May 2024', 'Publish it                         June 2024', '                    (with IT)']);
    assert.deepEqual(t.header, ['Action', 'Lead', 'Due']);
    assert.deepEqual(t.rows, [
      ['Write the plan', 'Clerk', 'May 2024'],
      ['Publish it', '(with IT)', 'June 2024'],
    ]);
  });

  it('splits tabbed rows at every tab', () => {
    assert.deepEqual(parseTable(['A\tB\tC', '1\t\t3']).rows, [['1', '', '3']]);
  });
});

describe('import: any text', () => {
  const piece = fc.constantFrom('RESOLVED:', '(1) That', 'PRESENT', 'AGENDA', 'MINUTES', '\f', '\n', '\n\n', '   ', '\t', '2.   ITEM    1 - 8', 'Apologies for absence were received from', ' and ', ', ', 'Friday, 16 October 2020', '|', '<!--', '*', '#', 'Lead\tTimescale', 'x');
  const text = fc.oneof(fc.array(piece, { maxLength: 80 }).map((a) => a.join('')), fc.string({ maxLength: 300 }));

  it('never throws, gives the same output twice, and writes Markdown govmark parses', () => {
    fc.assert(
      fc.property(text, (t) => {
        const a = importText(t, { name: 'x.txt' });
        assert.deepEqual(importText(t, { name: 'x.txt' }), a);
        for (const d of a.documents) parse(d.markdown, { uri: `file:///${d.fileName}` });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every word written (on one page, where no line repeats as furniture)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const input = t.replace(/\f/g, '\n');
        const out = importText(input).documents.map((d) => d.markdown).join('\n').replace(/\\(.)/g, '$1');
        const have = new Set(out.match(/\p{L}+/gu) ?? []);
        for (const w of input.match(/\p{L}+/gu) ?? []) assert.ok(have.has(w), `'${w}' is kept`);
      }),
      { numRuns: 300 },
    );
  });

  it('finishes quickly on long lines, many pages and deep runs of markers', () => {
    const hostile = ['a '.repeat(50000), '\f'.repeat(5000), '(1) That\n'.repeat(5000), 'X  '.repeat(20000), '1 October 2020 '.repeat(5000)];
    for (const t of hostile) {
      const started = Date.now();
      importText(t);
      assert.ok(Date.now() - started < 5000, `${t.slice(0, 20)}… took ${Date.now() - started} ms`);
    }
  });
});
