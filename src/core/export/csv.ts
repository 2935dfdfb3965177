/**
 * CSV (RFC 4180, CRLF): one row per item a spreadsheet user would list —
 * meetings, decisions, actions, milestones and seats — with the file and line
 * it was read from. Cells are guarded against formulas as `govmark actions
 * --format csv` guards them (a leading apostrophe before `=`, `+`, `-`, `@`).
 */
import type { FuzzyDate } from '../model.js';
import { csvRow } from '../text/csv.js';
import { documentDay, exactDay, handleOf, lineOf, registerEntries, type ExportDocument, type ExportInput } from './input.js';

/** The columns, in order. */
export const CSV_COLUMNS = ['kind', 'document', 'id', 'date', 'text', 'owner', 'due', 'status', 'file', 'line'] as const;

/** One row: every column as text ('' when it does not apply). */
export type CsvItem = Record<(typeof CSV_COLUMNS)[number], string>;

/** A date as a sortable ISO day when known to the day, else as written ("March/April 2021", "Tbc"). */
function dateCell(date: FuzzyDate | undefined): string {
  return exactDay(date) ?? date?.text ?? '';
}

/** The rows of every document, in document order. */
export function csvItems(input: ExportInput): CsvItem[] {
  const rows: CsvItem[] = [];
  const register = registerEntries(input);
  for (const d of input.documents) {
    const { content } = d.doc.data;
    const document = handleOf(d);
    const day = documentDay(d.doc) ?? '';
    const row = (kind: string, pointer: string, fields: Partial<CsvItem>): void => {
      rows.push({ kind, document, id: '', date: '', text: '', owner: '', due: '', status: '', ...fields, file: d.path, line: String(lineOf(d, pointer)) });
    };
    const meetings = content.meetings ?? [];
    meetings.forEach((m, i) => row('meeting', `/content/meetings/${i}`, { date: exactDay(m.date) ?? (meetings.length === 1 && day ? day : m.date.text), text: m.title }));
    (content.resolutions ?? []).forEach((r, i) => {
      const meeting = r.meeting !== undefined ? meetings[r.meeting] : undefined;
      row('resolution', `/content/resolutions/${i}`, { id: r.identifier ?? '', date: exactDay(meeting?.date) ?? day, text: r.text, status: r.outcome ?? '' });
    });
    const entries = register.get(d.doc.uri);
    (content.actions ?? []).forEach((a, i) => {
      const decision = a.resolution !== undefined ? content.resolutions?.[a.resolution] : undefined;
      const entry = entries?.get(i);
      const overdue = entry?.status === 'open' && entry.overdue ? `, overdue since ${entry.overdue.since}` : '';
      row('action', `/content/actions/${i}`, { id: decision?.identifier ?? '', date: day, text: a.text, owner: a.owner ?? '', due: dateCell(a.due), status: `${entry?.status ?? a.status ?? 'open'}${overdue}` });
    });
    (content.milestones ?? []).forEach((m, i) => row('milestone', `/content/milestones/${i}`, { date: dateCell(m.date), text: m.title, status: m.status ?? '' }));
    (content.seats ?? []).forEach((s, i) =>
      row('seat', `/content/seats/${i}`, { text: s.label, owner: s.holder ?? s.organization ?? '', status: [`${s.variable ? 'at least ' : ''}${s.count} seat${s.count === 1 ? '' : 's'}`, s.statutory ? 'statutory' : '', s.voting === false ? 'non-voting' : ''].filter(Boolean).join(', ') }),
    );
  }
  return rows;
}

/** The rows as CSV with a header line, CRLF line endings. */
export function exportCsv(input: ExportInput): string {
  const lines = [csvRow(CSV_COLUMNS), ...csvItems(input).map((r) => csvRow(CSV_COLUMNS.map((c) => r[c])))];
  return lines.join('\r\n') + '\r\n';
}
