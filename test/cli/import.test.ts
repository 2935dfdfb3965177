/**
 * `govmark import` on the plain-text pack and on a PDF and a Word file
 * built here from the same text (pdfkit, docx; into a temp folder): the
 * same documents and structure from all three, the report with every place
 * to review, no overwriting without --force, exit codes, determinism, and
 * `govmark validate` finding no error in what was written.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { importText } from '../../src/core/import/index.js';
import { readPaper } from '../../src/node/import/read.js';
import { assertRecovered, packFile, packText } from '../core/import-expected.js';
import { docxOf, pdfOf } from './import-papers.js';
import { fakeIO } from './util.js';

describe('govmark import', function () {
  this.timeout(60000);
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-import-'));
    copyFileSync(packFile, join(dir, 'pack.txt'));
    writeFileSync(join(dir, 'pack.pdf'), await pdfOf(packText));
    writeFileSync(join(dir, 'pack.docx'), await docxOf(packText));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const io = fakeIO(argv, dir);
    const code = await main(io);
    return { code, out: io.stdout.text, err: io.stderr.text };
  };

  for (const ext of ['pdf', 'docx']) {
    it(`recovers the same documents and structure from the ${ext.toUpperCase()} built from the text`, async () => {
      const result = importText(await readPaper(join(dir, `pack.${ext}`)));
      assertRecovered(result);
      const fromText = importText(packText, { name: 'pack.txt' });
      // The PDF has the text's pages, furniture and all; Word keeps header and footer apart (mammoth leaves them out).
      assert.deepEqual(result.furniture, ext === 'pdf' ? fromText.furniture : []);
    });
  }

  it('writes one file per document, prints the report with the places to review, and exits 0', async () => {
    const r = await run('import', 'pack.txt', '--out', 'out');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), [
      'health-and-wellbeing-board-action-plan.md',
      'health-and-wellbeing-board-agenda-2020-12-11.md',
      'health-and-wellbeing-board-membership-2020-11-25.md',
      'health-and-wellbeing-board-minutes-2020-08-14.md',
      'health-and-wellbeing-board-minutes-2020-10-16.md',
      'health-and-wellbeing-board-schedule.md',
      'health-and-wellbeing-board-terms.md',
    ]);
    assert.match(r.out, /^pack\.txt: 7 documents \(removed 'TRAFFORD COUNCIL' on 11 pages, 'page numbers' on 11 pages\)$/m);
    assert.match(r.out, /out\/health-and-wellbeing-board-minutes-2020-10-16\.md {2}minutes \(minutes\): 7 items, 16 resolutions, 16 attendees, 8 apologies$/m);
    assert.match(r.out, /out\/health-and-wellbeing-board-minutes-2020-10-16\.md:\d+:1 {2}warning {2}text joined across the page break before page 4: .*\(source page 4, line 3\) {2}import\/joined-page-break$/m);
    assert.match(r.out, /the timescale '31\/07\/2021' is not a date govmark reads .*\(source page 10, line 11\) {2}import\/unread-date$/m);
    assert.match(r.out, /^6 places to review/m);
  });

  it('never overwrites a file without --force (exit 2), and writes the same bytes again with it', async () => {
    const before = readFileSync(join(dir, 'out', 'health-and-wellbeing-board-terms.md'), 'utf8');
    const refused = await run('import', 'pack.txt', '--out', 'out');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /^govmark: 'out\/health-and-wellbeing-board-agenda-2020-12-11\.md' exists: choose another --out, or add --force to overwrite it\n$/);
    const forced = await run('import', 'pack.txt', '--out', 'out', '--force');
    assert.equal(forced.code, 0, forced.err);
    assert.equal(readFileSync(join(dir, 'out', 'health-and-wellbeing-board-terms.md'), 'utf8'), before, 're-importing gives the same output');
  });

  it('gives documents on which govmark validate finds no error', async () => {
    for (const ext of ['txt', 'pdf', 'docx']) {
      const r = await run('import', `pack.${ext}`, '--out', `valid-${ext}`);
      assert.equal(r.code, 0, r.err);
      const v = await run('validate', `valid-${ext}`);
      assert.equal(v.code, 0, `${ext}: ${v.out}${v.err}`);
      assert.match(v.out + v.err, /\(0 errors, /, ext);
    }
  });

  it('prints the report as JSON with --format json', async () => {
    const r = await run('import', 'pack.pdf', '--out', 'json', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as Array<{ source: string; documents: Array<{ file: string; counts: { resolutions: number }; uncertain: Array<{ source: { page: number } }> }> }>;
    assert.equal(report[0].source, 'pack.pdf');
    assert.equal(report[0].documents.length, 7);
    assert.equal(report[0].documents[1].counts.resolutions, 16);
    assert.equal(report[0].documents[1].uncertain[0].source.page, 4);
  });

  it('refuses what it cannot import, before writing anything (exit 2)', async () => {
    writeFileSync(join(dir, 'notes.md'), '# Notes\n');
    const r = await run('import', 'pack.txt', 'notes.md', '--out', 'never');
    assert.equal(r.code, 2);
    assert.match(r.err, /^govmark: cannot import 'notes\.md': govmark imports \.txt, \.text, \.docx, \.pdf files\n$/);
    assert.throws(() => readdirSync(join(dir, 'never')));
    const missing = await run('import', 'absent.pdf');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^govmark: cannot read 'absent\.pdf'/);
    const none = await run('import');
    assert.equal(none.code, 2);
  });
});
