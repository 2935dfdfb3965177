/**
 * Reads dated milestones: list items that start with a date, items under a
 * dated heading ("## March 2022" › "(8th) Board meets"), a dated heading with
 * only prose under it, and table rows with a date column.
 */
import type { ListItem } from 'mdast';
import { matchLeadingDate, parseFuzzyDate } from '../dates/index.js';
import type { FuzzyDate, Milestone, MilestoneStatus } from '../model.js';
import type { Range } from '../text/range.js';
import { cellContentRange, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

export const milestones: Reader = {
  id: 'milestones',
  description: 'Milestones with their (possibly uncertain) dates, status and group heading, from lists, dated headings and tables.',
  applies: (r) => r.milestones,
  create(ctx) {
    const m = new MilestoneReading(ctx);
    ctx.b.content.milestones = [];
    return {
      heading(h) {
        m.closeGroup();
        const title = textOf(h);
        const date = parseFuzzyDate(title.replace(/[:*]+$/, ''));
        if (date) m.group = { date, title, range: rangeOfNode(h), used: false };
      },
      paragraph(p) {
        if (m.group && m.group.firstText === undefined) m.group.firstText = textOf(p);
      },
      listItem: (item) => ctx.depth === 0 && m.item(item),
      table: (t) => m.table(t),
      end: () => m.closeGroup(),
    };
  },
};

const STATUS_TAG = /\s*\[(done|complete|completed|planned|at[ -]risk|delayed|cancel+ed|tbc|tbd)\]\s*$/i;

function statusOf(tag: string): MilestoneStatus {
  const t = tag.toLowerCase().replace(' ', '-');
  if (t.startsWith('complete') || t === 'done') return 'done';
  if (t.startsWith('cancel')) return 'cancelled';
  if (t === 'tbd') return 'tbc';
  return t as MilestoneStatus;
}

const MONTHS = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

class MilestoneReading {
  /** Date from a heading such as "## March 2022" that the items under it refine. */
  group: { date: FuzzyDate; title: string; range: Range | undefined; used: boolean; firstText?: string } | undefined;

  constructor(private readonly ctx: ReadContext) {}

  closeGroup(): void {
    const g = this.group;
    this.group = undefined;
    if (!g || g.used) return;
    // A dated heading with prose under it and no list is one milestone.
    this.add({ date: g.date, title: g.firstText ?? g.title }, g.range, g.range);
  }

  /** A timeline list item: a leading date expression, a separator and a description. */
  item(item: ListItem): boolean {
    const { b } = this.ctx;
    const para = item.children[0];
    if (!para || para.type !== 'paragraph') return false;
    const start = para.position?.start.offset;
    const end = para.position?.end.offset;
    if (start === undefined || end === undefined) return false;
    const raw = b.text.slice(start, Math.min(end, start + 4000));
    const lead = /^(?:\*\*|__)?/.exec(raw)![0].length;
    const match = matchLeadingDate(raw.slice(lead));
    let date: FuzzyDate;
    let dateRange;
    /** The source text up to the end of the date. */
    let upTo: number;
    if (match) {
      date = match.date;
      dateRange = b.range(start + lead, start + lead + match.length);
      upTo = lead + match.length;
    } else if (this.group) {
      const refined = refine(this.group.date, raw);
      if (!refined) return false;
      date = refined.date;
      dateRange = refined.length > 0 ? b.range(start, start + refined.length) : this.group.range;
      upTo = refined.length;
      this.group.used = true;
    } else return false;
    // The title as the reader sees it: links and emphasis reduced to their text.
    const plain = textOf(para);
    const written = raw.slice(0, upTo).replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trimStart();
    let rest = plain.startsWith(written) ? plain.slice(written.length) : raw.slice(upTo);
    rest = rest.replace(/^(?:\*\*|__)?\s*(?:[—–:-]+|\(\s*\))?\s*(?:\*\*|__)?\s*/, '');
    let status: MilestoneStatus | undefined;
    const tag = STATUS_TAG.exec(rest);
    if (tag) {
      status = statusOf(tag[1]);
      rest = rest.slice(0, tag.index);
    }
    const title = rest.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
    const m: Milestone = { date, title };
    if (status) m.status = status;
    if (this.group) m.group = this.group.title;
    this.add(m, rangeOfNode(item), dateRange);
    return true;
  }

  table(table: Parameters<typeof tableColumns>[0]): boolean {
    const { headers, rows, col, cell } = tableColumns(table);
    const when = col(/^(date|when|deadline|target|due|by|timing|milestone date)/);
    if (when < 0) return false;
    const what = headers.findIndex((h, i) => i !== when && /what|milestone|event|activity|description|item|task|action/.test(h));
    const status = col(/status|state|rag/);
    for (const row of rows) {
      const date = parseFuzzyDate(cell(row, when));
      if (!date) continue;
      const title = what >= 0 ? cell(row, what) : row.children.filter((_, i) => i !== when).map((c) => textOf(c)).join(' — ');
      const m: Milestone = { date, title };
      if (status >= 0) {
        const s = /^(done|complete|completed|planned|at[ -]risk|delayed|cancel+ed|tbc|tbd)$/i.exec(cell(row, status));
        if (s) m.status = statusOf(s[1]);
      }
      this.add(m, rangeOfNode(row), cellContentRange(row.children[when]));
    }
    return true;
  }

  private add(m: Milestone, range: Range | undefined, dateRange: Range | undefined): void {
    const { b } = this.ctx;
    const ms = b.content.milestones!;
    const i = ms.length;
    ms.push(m);
    b.map(`/content/milestones/${i}`, range);
    b.map(`/content/milestones/${i}/date`, dateRange);
    if (m.date.invalid && dateRange) b.report('impossible-date', 'error', { reason: m.date.invalid, range: dateRange });
  }
}

/** Under a dated heading: "(8th) Board meets" → that day; "March: Consultation" → that month. */
function refine(group: FuzzyDate, raw: string): { date: FuzzyDate; length: number } | undefined {
  const day = /^\((\d{1,2})(?:st|nd|rd|th)?\)/.exec(raw);
  if (day && group.start && (group.precision === 'month' || group.precision === 'part-of-month')) {
    const [y, mo] = group.start.split('-');
    const d = parseFuzzyDate(`${y}-${mo}-${day[1].padStart(2, '0')}`);
    if (d) return { date: { ...d, text: day[0] }, length: day[0].length };
  }
  const month = MONTHS.exec(raw);
  if (month && group.start && /^\s*[:—–-]/.test(raw.slice(month[0].length))) {
    const year = group.start.slice(0, 4);
    const d = parseFuzzyDate(`${month[1]} ${year}`);
    if (d) return { date: { ...d, text: month[0] }, length: month[0].length };
  }
  return { date: group, length: 0 };
}
