import { compareFuzzyDates, definitelyBefore, parseFuzzyDate } from '../dates/index.js';
import { formatSpan } from '../dates/describe.js';
import type { Fix } from '../message.js';
import type { GovDocument, Milestone } from '../model.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

/**
 * Milestones are listed in chronological order. Fuzzy-aware: "March/April
 * 2021" after "April 2021" is fine (they overlap); only a milestone that ends
 * before an earlier-listed one starts is out of order.
 */
export const milestoneOrder: DocumentRule = {
  id: 'milestone-order',
  scope: 'document',
  defaultSeverity: 'warning',
  types: ['timeline'],
  description: 'Timeline milestones must be listed in chronological order.',
  docs: 'A milestone dated 2022-01-18 listed after one dated 2022-03-14 is reported. Uncertain dates count as the span they name, so overlapping spans are never out of order; `Tbc` milestones are not ordered. A table with several dated columns (Initial release · Active LTS start · End-of-life) is ordered by its first dated column; a forum × month grid (columns headed January 21, February 21 …) is read along each row; items under one month heading whose days are written alone ("CCG Governing Body (5th)") may follow their themes. The quick fix sorts the list or the table rows.',
  check({ doc, report }) {
    const ms = doc.data.content.milestones ?? [];
    for (const run of sequences(doc, ms).flatMap((r) => byColumn(doc, r))) {
      let latest: { m: Milestone; i: number } | undefined;
      const fix = sortFix(doc, ms, run);
      for (const i of run) {
        const m = ms[i];
        if (!m.date.start || m.date.invalid) continue;
        if (latest && definitelyBefore(m.date, latest.m.date) && !sameMonthGroup(m, latest.m)) {
          const range = rangeOf(doc, `/content/milestones/${i}/date`) ?? rangeOf(doc, `/content/milestones/${i}`);
          const at = rangeOf(doc, `/content/milestones/${latest.i}`);
          if (range) {
            report({
              reason: `Milestone dated ${label(m)} comes after one dated ${label(latest.m)}${at ? ` (line ${at.start.line})` : ''}: the timeline is out of chronological order.`,
              range,
              related: at ? [{ uri: doc.uri, range: at, message: `The later milestone, dated ${label(latest.m)}` }] : undefined,
              fixes: fix ? [fix] : undefined,
            });
          }
        }
        if (!latest || compareFuzzyDates(m.date, latest.m.date) > 0) latest = { m, i };
      }
    }
  },
};

/**
 * Two items under one month heading whose days are written alone ("## January 2021" › "CCG Governing Body
 * (5th)", "Consultation Deadline (8th)"): a plan grouped by month, whose items need not be in day order.
 */
function sameMonthGroup(a: Milestone, b: Milestone): boolean {
  return a.group !== undefined && a.group === b.group && !/\d{4}/.test(a.date.text) && !/\d{4}/.test(b.date.text);
}

/** The date as written, or as a span when what is written needs its heading ("(8th)" under "## March 2022"). */
function label(m: Milestone): string {
  return /\d{4}/.test(m.date.text) || !m.date.start || !m.date.end ? m.date.text : formatSpan(m.date.start, m.date.end);
}

/**
 * Milestones that must be in order among themselves: those of one list or
 * table, across the dated headings of a heading-grouped timeline. A heading
 * that is not a date ("## Timeline" after a "## Summary" list) or a new table
 * starts another sequence: a summary and the detailed table after it are two
 * timelines, each in order, not one.
 */
function sequences(doc: GovDocument, ms: Milestone[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  ms.forEach((_, i) => {
    if (i > 0 && startsAnother(doc, i - 1, i)) {
      out.push(current);
      current = [];
    }
    current.push(i);
  });
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * A table with several dated columns (Initial release · Active LTS start ·
 * End-of-life) is ordered by its rows' first date, not along its rows nor
 * down every column (an odd release reaches end-of-life before the even one
 * above it): only the first dated column is a sequence.
 */
function byColumn(doc: GovDocument, run: number[]): number[][] {
  const cells = run.map((i) => {
    const r = rangeOf(doc, `/content/milestones/${i}/date`) ?? rangeOf(doc, `/content/milestones/${i}`);
    return { i, line: r?.start.line, column: r ? columnAt(doc.text, r.start.offset) : undefined };
  });
  const perLine = new Map<number, number>();
  for (const c of cells) if (c.line !== undefined) perLine.set(c.line, (perLine.get(c.line) ?? 0) + 1);
  if (![...perLine.values()].some((n) => n > 1) || cells.some((c) => c.column === undefined)) return [run];
  const columns = new Map<number, number[]>();
  for (const c of cells) {
    const list = columns.get(c.column!);
    if (list) list.push(c.i);
    else columns.set(c.column!, [c.i]);
  }
  // A schedule grid (forum × month: columns headed "January 21", "February 21"): each row runs left to right
  // through the months; the rows are forums, in no order of date.
  const header = headerCells(doc, cells[0].line!);
  const dated = [...columns.keys()].filter((k) => header[k] !== undefined && isDateHeader(header[k]!.replace(/[*_]/g, '').trim()));
  if (header.length > 0 && dated.length * 2 > columns.size) {
    const rows = new Map<number, number[]>();
    for (const c of cells) {
      const list = rows.get(c.line!);
      if (list) list.push(c.i);
      else rows.set(c.line!, [c.i]);
    }
    return [...rows.values()];
  }
  // The rows are ordered by their first dated column (Initial release); later ones (End-of-life of an odd release) need not be.
  return [columns.get(Math.min(...columns.keys()))!];
}

/** A column heading that is a month ("January 21", "Sept", "March 2022") or a date. */
function isDateHeader(h: string): boolean {
  return /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+'?\d{1,4})?$/i.test(h) || parseFuzzyDate(h) !== undefined;
}

/** The cells of the header row of the table a (1-based) line is in, by column; empty when not found. */
function headerCells(doc: GovDocument, line: number): (string | undefined)[] {
  for (let l = line - 1; l >= 2 && l >= line - 2000; l--) {
    const t = doc.lines.lineText(l);
    if (!t.includes('|')) return [];
    if (DELIMITER_ROW.test(t)) {
      const head = doc.lines.lineText(l - 1).replace(/\\\|/g, '');
      const parts = head.split('|');
      if (/^\s*\|/.test(head)) parts.shift();
      return parts;
    }
  }
  return [];
}

/** The table column an offset is in (the pipes before it on its line, `\|` not counted), or undefined outside a table row. */
function columnAt(text: string, offset: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset).replace(/\\\|/g, '');
  if (!before.includes('|')) return undefined;
  const n = before.split('|').length - 1;
  return /^\s*\|/.test(before) ? n - 1 : n;
}

const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

function startsAnother(doc: GovDocument, a: number, b: number): boolean {
  const ra = rangeOf(doc, `/content/milestones/${a}`);
  const rb = rangeOf(doc, `/content/milestones/${b}`);
  if (!ra || !rb || rb.start.offset <= ra.end.offset) return false;
  for (const line of doc.text.slice(ra.end.offset, rb.start.offset).split(/\r\n|\r|\n/)) {
    if (line.includes('|') && DELIMITER_ROW.test(line)) return true;
    const h = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (h && !parseFuzzyDate(h[1].replace(/[*_]/g, '').replace(/:$/, '').trim())) return true;
  }
  return false;
}

/** Sorting is offered when the sequence's milestones are the consecutive items of one list. */
function sortFix(doc: GovDocument, ms: Milestone[], run: number[]): Fix | undefined {
  if (run.length < 2) return undefined;
  const ranges = run.map((i) => rangeOf(doc, `/content/milestones/${i}`));
  if (ranges.some((r) => !r) || run.some((i) => ms[i].group !== ms[run[0]].group)) return undefined;
  const seps: string[] = [];
  for (let k = 1; k < ranges.length; k++) seps.push(doc.text.slice(ranges[k - 1]!.end.offset, ranges[k]!.start.offset));
  if (seps.some((s) => s !== seps[0] || !/^\r?\n$/.test(s))) return undefined;
  const items = run.map((i, k) => ({ m: ms[i], text: doc.text.slice(ranges[k]!.start.offset, ranges[k]!.end.offset) }));
  const sorted = [...items].sort((x, y) => compareFuzzyDates(x.m.date, y.m.date));
  const range = { start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
  return { title: 'Sort the timeline chronologically', edits: [{ range, newText: sorted.map((s) => s.text).join(seps[0]) }], preferred: true };
}
