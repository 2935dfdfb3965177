/**
 * Reads, in minutes, what they say of the previous meeting: the reports on
 * its actions (under "Matters arising", "Review of the action log",
 * "Previous action items", or anywhere a minute number is cited: "minute
 * 19.5 refers") and the approval of its minutes "as a correct record".
 *
 * An observer: it reads nodes other readers read too (a RESOLVED line that
 * approves the minutes is also a decision; a row of the action log is also
 * an action), so it never claims one.
 */
import type { List, Nodes, Paragraph, Table } from 'mdast';
import { parseFuzzyDate } from '../dates/index.js';
import type { ActionReport, ActionStatus } from '../model.js';
import type { Range } from '../text/range.js';
import { checkboxStatus, reportedStatus, statusWords } from './phrases/status.js';
import { itemLead, normaliseHeading, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import type { Reader } from './reader.js';

/** Headings of the section where the last meeting's actions are reported on. */
const REPORT_HEADING =
  /\b(?:matters arising|action (?:log|tracker|list|plan update|points? from)|review of (?:the )?(?:last|previous) (?:meeting|minutes)|review of (?:the )?(?:outstanding |open )?actions?(?: log)?|(?:previous|outstanding|open|past) actions?(?: items?| points?| log)?|actions? (?:items? )?(?:from|arising from) (?:the )?(?:last|previous|prior) meeting|progress (?:on|against) actions|update on actions)\b/;

/** A minute or action cited: "Minute 19.5", "Min. 19/5", "minute 18(2)", "Action 3", "AP12", "A3". */
const CITED = /\b(?:(?:minutes?|min\.?|item|action(?:\s+point)?)\s*(?:no\.?\s*)?|(?:ap|a)(?=\d))(\d{1,4}(?:[./]\d{1,3})*(?:\s?\([a-z0-9]{1,3}\))?)(?![\d/])/gi;

/** The cell that holds the number of the minute or action a row reports on. */
const REF_COLUMN = /^(?:minute|min|ref|reference|item|no\.?|number|#|action (?:no\.?|number|ref)|id)$/;
const STATUS_COLUMN = /^(?:status|progress|update|rag|rag status|outcome|position|current status|progress update|comments?)$/;

/** Minutes agreed as a record: "be agreed as an accurate record", "were approved as a correct record", "confirmed and signed". */
const APPROVED_AS_RECORD = /\bminutes\b.{0,200}?\b(?:be|were|was|are|is|being|been)?\s*(?:agreed|approved|confirmed|accepted|adopted|signed|taken)\b.{0,60}?\b(?:correct|accurate|true|fair|full)\s+record\b/i;
const APPROVED_PLAIN = /\bminutes\s+of\s+the\s+(?:last|previous|prior)\s+meeting(?:\s+held\s+[^.]{3,40}?)?\s+(?:were|was|are|be)\s+(?:agreed|approved|confirmed|accepted|adopted)\b/i;
const HELD = /\b(?:held\s+(?:on\s+)?|meeting\s+of\s+|dated\s+|on\s+)((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})\b/;

/** Whether a heading (normalised, `normaliseHeading`) opens the section where the last meeting's actions are reported on. */
export function isReportHeading(normalised: string): boolean {
  return normalised.length < 120 && REPORT_HEADING.test(normalised);
}

/** The minute numbers a text cites, without their prefix: "19.5", "3". */
export function citedRefs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 600).matchAll(CITED)) {
    const ref = m[1].replace(/\s+/g, '').replace('/', '.');
    if (!out.includes(ref)) out.push(ref);
    if (out.length >= 8) break;
  }
  return out;
}

/** What a reader of minutes takes for the previous minutes' approval, when `text` is it. */
export function approvalOf(text: string): { text: string; date?: string } | undefined {
  const t = text.slice(0, 600);
  if (!APPROVED_AS_RECORD.test(t) && !APPROVED_PLAIN.test(t)) return undefined;
  const held = HELD.exec(t);
  return held ? { text: t, date: held[1] } : { text: t };
}

export const reports: Reader = {
  id: 'reports',
  description:
    'In minutes: reports on the previous meeting\'s actions (under Matters arising, a review of the action log or previous action items, or citing a minute number) with what became of each, and the approval of the previous minutes "as a correct record" with the date of that meeting.',
  applies: (r) => r.attendance,
  create(ctx) {
    const { b } = ctx;
    /** Depth of the heading of the reports section the walk is in. */
    let within: number | undefined;
    const inSection = () => within !== undefined;

    const add = (text: string, range: Range | undefined, status: ActionStatus | undefined, refs: string[]) => {
      const list = (b.content.reports ??= []);
      if (!range || list.length >= 500) return;
      const t = text.replace(/\s+/g, ' ').trim();
      if (t === '' || /^(?:none|nil|n\/a|no matters arising\.?|there were no matters arising\.?)$/i.test(t)) return;
      const r: ActionReport = { text: t.length > 400 ? t.slice(0, 399) + '…' : t };
      if (status) r.status = status;
      if (refs.length) r.refs = refs;
      if (ctx.meeting !== undefined) r.meeting = ctx.meeting;
      b.map(`/content/reports/${list.length}`, range);
      list.push(r);
    };
    const approval = (text: string, node: Nodes) => {
      if (b.content.previousMinutes) return;
      const a = approvalOf(text);
      const range = rangeOfNode(node);
      if (!a || !range) return;
      b.content.previousMinutes = { text: a.text.replace(/\s+/g, ' ').trim() };
      b.map('/content/previousMinutes', range);
      if (a.date) {
        const d = parseFuzzyDate(a.date);
        if (d && !d.invalid && d.precision === 'day') {
          b.content.previousMinutes.date = d;
          b.mapWritten('/content/previousMinutes/date', a.date, range);
        }
      }
    };
    /** A paragraph, item or line: reported on when in the section or when it cites a minute. */
    const observe = (text: string, node: Nodes, checkbox?: ActionStatus) => {
      approval(text, node);
      const refs = citedRefs(text);
      if (inSection()) add(text, rangeOfNode(node), checkbox ?? reportedStatus(text), refs);
      else if (refs.length > 0 && /\b(?:minutes?|min\.)\s*\d/i.test(text)) add(text, rangeOfNode(node), reportedStatus(text), refs);
    };
    return {
      heading(h) {
        const n = normaliseHeading(textOf(h));
        if (within !== undefined && h.depth <= within) within = undefined;
        if (within === undefined && isReportHeading(n)) within = h.depth;
      },
      paragraph(p: Paragraph) {
        observe(textOf(p), p);
        return false;
      },
      list(l: List) {
        for (const item of l.children.slice(0, 500)) {
          const offset = item.position?.start.offset ?? 0;
          const box = checkboxStatus(ctx.text.slice(offset, offset + 16));
          const lead = itemLead(item);
          // The item's own line is the report; what is nested under it (updates) may say what became of it.
          const whole = textOf(item);
          if (inSection()) {
            approval(whole, item);
            add(lead || whole, rangeOfNode(item), box ?? reportedStatus(whole), citedRefs(whole));
          } else observe(lead || whole, item, box);
        }
        return false;
      },
      table(t: Table) {
        const { rows, col, cell } = tableColumns(t);
        const norm = (h: string) => h.replace(/[*_:]/g, '').replace(/\s+/g, ' ').trim();
        const refCol = col((h) => REF_COLUMN.test(norm(h)));
        const statusCol = col((h) => STATUS_COLUMN.test(norm(h)));
        for (const row of rows.slice(0, 500)) {
          const cells = row.children.map((c) => textOf(c));
          const text = cells.filter((c) => c !== '').join(' | ');
          const refs = refCol >= 0 ? [cell(row, refCol).replace(/^(?:minute|min\.?|action|ap|a)\s*/i, '').replace(/\s+/g, '')].filter((r) => /^\d/.test(r)) : citedRefs(text);
          const status = statusCol >= 0 ? statusWords(cell(row, statusCol)) ?? reportedStatus(cell(row, statusCol)) : reportedStatus(text);
          if (inSection() || (refCol >= 0 && statusCol >= 0)) add(text, rangeOfNode(row), status, refs);
        }
        return false;
      },
    };
  },
};
