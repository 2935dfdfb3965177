/**
 * The importer on a plain-text agenda pack modelled on the Trafford Health
 * and Wellbeing Board pack (test/fixtures/import/trafford-hwb-pack.txt,
 * written for these tests): the documents it splits the pack into, what it
 * recognises in each (against expectations written by hand beside it), the
 * places it says it was unsure of, and what govmark then reads from and
 * checks in the Markdown it wrote.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../src/core/import/index.js';
import { parse } from '../../src/core/parse/parse.js';
import { checkDocument } from '../../src/core/rules/run.js';
import { resolveConfig } from '../../src/core/config.js';
import { assertRecovered, expected, packText, recovered, type Expected } from './import-expected.js';
import { fixturesDir } from '../helpers.js';

describe('import: a plain-text agenda pack', () => {
  const result = importText(packText, { name: 'trafford-hwb-pack.txt' });

  it('splits the pack into its documents and recovers their structure', () => {
    assertRecovered(result);
  });

  it('removes the running header and the page numbers, and says so', () => {
    assert.deepEqual(result.furniture, [
      { text: 'TRAFFORD COUNCIL', pages: 11 },
      { text: 'page numbers', pages: 11 },
    ]);
    for (const d of result.documents) assert.doesNotMatch(d.markdown, /TRAFFORD COUNCIL|Page \d+$/m, d.fileName);
  });

  it('writes front matter with normalised dates while the text keeps the date as written', () => {
    const minutes = recovered(result, 'health-and-wellbeing-board-minutes-2020-10-16.md').doc;
    assert.match(minutes.markdown, /^---\ntype: minutes\nid: health-and-wellbeing-board-minutes-2020-10-16\nbody: "Health and Wellbeing Board"\nauthority: "Trafford Council"\ndate: 2020-10-16\nterms: health-and-wellbeing-board-terms\n/);
    assert.match(minutes.markdown, /^16 OCTOBER 2020$/m);
    const agenda = recovered(result, 'health-and-wellbeing-board-agenda-2020-12-11.md').doc;
    assert.match(agenda.markdown, /^Date: Friday, 11 December 2020$/m);
  });

  it('lists every place to review with its source page and line, marked in the output on the line it gives', () => {
    const all = result.documents.flatMap((d) => d.report.uncertain.map((u) => ({ d, u })));
    assert.equal(all.length, 6);
    for (const { d, u } of all) {
      const sourceLine = packText.split('\f')[u.source.page - 1].split('\n')[u.source.line - 1];
      assert.ok(sourceLine.includes(u.text.split(' | ')[0].slice(0, 20)), `${u.code}: page ${u.source.page} line ${u.source.line} is '${sourceLine}', not '${u.text}'`);
      assert.ok(u.outputLine !== undefined, u.code);
      assert.match(d.markdown.split('\n')[u.outputLine - 1], /^<!-- govmark import: check /, `${d.fileName}:${u.outputLine}`);
    }
    const join = all.find(({ u }) => u.code === 'import/joined-page-break')!.u;
    assert.deepEqual(join.source, { page: 4, line: 3 });
    const date = all.find(({ u }) => u.text === '31/07/2021')!.u;
    assert.deepEqual(date.source, { page: 10, line: 11 });
  });

  it('keeps every word of the source (nothing discarded but the furniture it lists)', () => {
    const out = result.documents.map((d) => d.markdown).join('\n').replace(/\\(.)/g, '$1');
    const words = (s: string) => s.match(/[\p{L}\d][\p{L}\d'’&#/-]*/gu) ?? [];
    const have = new Set(words(out));
    const missing = words(packText.replace(/TRAFFORD COUNCIL|Page \d+/g, '')).filter((w) => !have.has(w));
    assert.deepEqual([...new Set(missing)], []);
  });

  it('is deterministic: the same input gives the same files, byte for byte', () => {
    const again = importText(packText, { name: 'trafford-hwb-pack.txt' });
    assert.deepEqual(again, result);
  });

  it('writes documents govmark reads as the source means them, with no error', () => {
    const config = resolveConfig({});
    const read = (name: string) => {
      const d = recovered(result, name).doc;
      const doc = parse(d.markdown, { uri: `file:///import/${name}` });
      const errors = checkDocument(doc, config).filter((m) => m.severity === 'error');
      assert.deepEqual(errors, [], name);
      return doc.data.content;
    };
    for (const d of result.documents) read(d.fileName);
    const minutes = read('health-and-wellbeing-board-minutes-2020-10-16.md');
    assert.deepEqual(minutes.resolutions?.map((r) => r.identifier), expected.documents[1].resolutions);
    assert.equal(minutes.attendance?.present?.length, 12);
    assert.equal(minutes.attendance?.inAttendance?.length, 4);
    assert.equal(minutes.attendance?.apologies?.length, 8);
    assert.equal(read('health-and-wellbeing-board-terms.md').functions?.length, 9);
    const seats = read('health-and-wellbeing-board-membership-2020-11-25.md').seats ?? [];
    assert.equal(seats.length, 16);
    assert.equal(seats.find((s) => s.label === 'CCG representatives')?.count, 3);
    const agenda = read('health-and-wellbeing-board-agenda-2020-12-11.md').agenda ?? [];
    assert.deepEqual(
      agenda.filter((a) => a.pages || a.presenter).map((a) => [a.number, a.pages, a.presenter]),
      [
        ['2', '1 - 8', undefined],
        ['5', '9 - 14', 'Governance Officer'],
        ['6', '15 - 18', 'Director of Public Health'],
        ['7', '19 - 20', 'Governance Officer'],
      ],
    );
  });
});

describe('import: a one-page minutes paper of another shape', () => {
  const want = JSON.parse(readFileSync(join(fixturesDir, 'import', 'gloucestershire-hwb-minutes.expected.json'), 'utf8')) as Expected;
  const result = importText(readFileSync(join(fixturesDir, 'import', 'gloucestershire-hwb-minutes.txt'), 'utf8'), { name: 'gloucestershire-hwb-minutes.txt' });

  it('recovers the labelled attendance lines, the items and the "Resolved that:" clauses', () => {
    assertRecovered(result, want);
  });

  it('writes minutes govmark reads with the same decisions and people, and no error', () => {
    const doc = parse(result.documents[0].markdown, { uri: 'file:///import/glos.md' });
    assert.deepEqual(checkDocument(doc, resolveConfig({})).filter((m) => m.severity === 'error'), []);
    assert.deepEqual(doc.data.content.resolutions?.map((r) => r.identifier), ['7.1', '7.2', '8']);
    assert.equal(doc.data.content.attendance?.present?.length, 5);
    assert.equal(doc.data.content.attendance?.apologies?.length, 2);
  });
});

describe('import: layering', () => {
  it('src/core/import imports nothing from node:, vscode, the server, the CLI or the node layer', async () => {
    const { readdirSync } = await import('node:fs');
    const { repoRoot } = await import('../helpers.js');
    const dir = join(repoRoot, 'src', 'core', 'import');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 10);
    for (const f of files) {
      const imports = [...readFileSync(join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) assert.ok(!/^(node:|vscode|mammoth|pdfjs)|\/(server|cli|node|extension)\//.test(i), `${f} imports ${i}`);
    }
  });
});
