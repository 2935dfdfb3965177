/**
 * `govmark export --format csv` in the core: one row per item with its file
 * and line, read back as a spreadsheet would (RFC 4180 quoting), with cells
 * that would run as formulas defused.
 */
import assert from 'node:assert/strict';
import { CSV_COLUMNS, exportCsv } from '../../src/core/export/csv.js';
import { board, doc } from './export-inputs.js';

/** RFC 4180 records: quoted fields with doubled quotes, CRLF between records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('export: CSV', () => {
  const rows = readCsv(exportCsv(board()));
  const [head, ...body] = rows;
  const records = body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])) as Record<(typeof CSV_COLUMNS)[number], string>);

  it('has the columns kind, document, id, date, text, owner, due, status, file, line, every row complete', () => {
    assert.deepEqual(head, [...CSV_COLUMNS]);
    for (const r of body) assert.equal(r.length, head.length, r.join('|'));
  });

  it('has one row per meeting, decision, action, milestone and seat', () => {
    const count = (kind: string) => records.filter((r) => r.kind === kind).length;
    assert.deepEqual([count('meeting'), count('resolution'), count('action'), count('milestone'), count('seat')], [2, 16 + 2, 5 + 1, 5 + 4, 17]);
  });

  it('keeps the seeds\' dates, owners, statuses and lines', () => {
    const framework = records.find((r) => r.kind === 'action' && r.id === '19.5')!;
    assert.deepEqual([framework.owner, framework.due, framework.status, framework.file, framework.line], ['Health & Social Care Programme Director', '2020-12-31', 'open, overdue since 2021-03-01', 'valid/trafford-hwb-minutes-2020-10-16.md', '81']);
    assert.equal(records.find((r) => r.kind === 'action' && r.id === '19.6')!.status, 'done');
    const winter = records.find((r) => r.kind === 'resolution' && r.id === '18.2')!;
    assert.deepEqual([winter.date, winter.text, winter.status, winter.line], ['2020-10-16', 'That the Winter Plan be noted.', 'noted', '67']);
    const ccg = records.find((r) => r.kind === 'seat' && r.text.startsWith('CCG representatives'))!;
    assert.deepEqual([ccg.owner, ccg.status], ['NHS Trafford Clinical Commissioning Group', '3 seats, statutory']);
    assert.deepEqual(records.filter((r) => r.document === 'icp-plan').map((r) => r.date), ['March/April 2021', 'Q1 2022', '2022-05-18', 'Tbc']);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const text = '---\ntype: timeline\nid: t\n---\n\n# Plan\n\n- 2021-02-01 — =HYPERLINK("http://example.invalid","open")\n- 2021-02-02 — @SUM(A1:A9), then -1+2\n';
    const [, ...lines] = readCsv(exportCsv({ documents: [doc('t.md', text)], today: '2021-03-01' }));
    assert.deepEqual(lines.map((l) => l[4]), [`'=HYPERLINK("http://example.invalid","open")`, `'@SUM(A1:A9), then -1+2`]);
  });
});
