/**
 * Reads dated milestones: list items that start with a date (or with a short
 * label and a date: `Holesky: Oct 1, 2025 at 08:48 UTC`), items under a dated
 * heading ("## March 2022" › "Board meets (8th)"), a dated heading with only
 * prose under it, and tables: every dated cell of a date column is one
 * milestone, and a table whose columns are months (`January 21`, `April 22`)
 * dates its cells by their column.
 *
 * Dates written without a year take it from their context: the nearest heading
 * that names a year, else the last dated entry, else the front matter date; a
 * weekday picks the year around it (`Monday, December 2` in a 2025 schedule is
 * 2024) and a schedule that runs on past December moves into the next year.
 * Without any context they are not read: a recurring calendar has no year.
 *
 * A milestone stated twice (a summary list restating the table after it) is
 * kept once, where it comes first (see `repeats`).
 */
import type { List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import { leadingDateShape, looksLikeDate, matchLeadingDate, parseFuzzyDate, parseZonedDate, unreadDateReason, type DateOptions } from '../dates/index.js';
import type { FuzzyDate, Milestone, MilestoneStatus } from '../model.js';
import type { Range } from '../text/range.js';
import { cellContentRange, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

export const milestones: Reader = {
  id: 'milestones',
  description: 'Milestones with their (possibly uncertain) dates, status and group heading, from lists, dated headings and tables.',
  applies: (r) => r.milestones || r.schedules,
  create(ctx) {
    const m = new MilestoneReading(ctx);
    // Minutes are read only for the schedules they contain (see `MilestoneReading.schedule`).
    const whole = ctx.reading.milestones;
    if (whole) ctx.b.content.milestones = [];
    return {
      heading(h) {
        m.closeGroup();
        const title = textOf(h);
        m.headingYears(h.depth, title);
        const date = whole ? parseFuzzyDate(title.replace(/[:*]+$/, '')) : undefined;
        if (date) m.group = { date, title, range: rangeOfNode(h), used: false, before: m.count };
      },
      paragraph(p) {
        if (m.group && m.group.firstText === undefined) m.group.firstText = textOf(p);
        else if (whole && !m.group) m.prose(p);
        // The source text of its end is enough to tell an introduction (and costs nothing on a long paragraph).
        const end = p.position?.end.offset;
        m.intro = end === undefined ? undefined : ctx.text.slice(Math.max(p.position?.start.offset ?? end, end - 300), end);
      },
      list(l) {
        m.block++;
        m.floor = undefined;
        if (whole) return false;
        const read = m.schedule(l);
        m.intro = undefined;
        return read;
      },
      listItem(item) {
        if (!whole || ctx.depth !== 0) return false;
        if (m.item(item)) return true;
        const first = item.children[0];
        if (!m.group && first?.type === 'paragraph') m.prose(first, item);
        return false;
      },
      table: (t) => (whole || ctx.section?.kind === 'milestones') && m.table(t),
      end() {
        m.closeGroup();
        m.flush();
      },
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

const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTHS = new RegExp(`^${MONTH_WORD}\\b`, 'i');
/** A column heading that is a month and a two-digit number: `January 21`, `April 22`. */
const MONTH_NUMBER = new RegExp(`^${MONTH_WORD}\\.?\\s{1,3}(\\d{1,2})$`, 'i');
/** A column heading that says its cells are dates. */
const DATE_HEADER = /^(date|when|deadline|target|due|by|timing|milestone date)/;
/** A column heading that names a time zone: `UTC (+00:00)`, `Moscow (+03:00)`, `PST`. */
const ZONE_HEADER = /\([+-]\d{2}:?\d{2}\)|\b(?:UTC|GMT|[A-Z][SD]T|AoE)\b/;
/** Cells that hold no date and no milestone. */
const EMPTY_CELL = /^(?:|[-–—]+|n\/?a|none|tbc|tbd|tba|to be (?:confirmed|decided|determined|agreed))$/i;
/** Cells that start by saying their date is not known: `Tbc (decision on shadow)`. */
const UNKNOWN_CELL = /^(?:[-–—]|n\/a\b|tbc\b|tbd\b|tba\b|to be (?:confirmed|decided|determined|agreed)\b)/i;
/** A plausible year written in a heading or a date. */
const YEAR = /\b(1[89]\d\d|2[01]\d\d)\b/g;
const HAS_YEAR = /\b(?:1[89]\d\d|2[01]\d\d)\b/;
/** Where a date may start in prose: a month or weekday name, a day number, `latter half`. Bounded, no nesting. */
const CANDIDATE = /(^|[^A-Za-z0-9])(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|first|second|latter|former|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]))/gi;
/** Precisions a date in prose may have to be a milestone: a bare year or an open `early 2022` is not one. */
const PROSE_PRECISIONS = new Set(['day', 'month', 'half-year', 'quarter', 'range', 'part-of-month', 'season']);
/** Words that do not tell two milestone titles apart. */
const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'for', 'in', 'on', 'at', 'by', 'is', 'be', 'week', 'begin', 'begins', 'start', 'starts']);

type Row = Table['children'][number];

class MilestoneReading {
  /** Date from a heading such as "## March 2022" that the items under it refine. */
  /** `before`: how many milestones there were when the heading came. */
  group: { date: FuzzyDate; title: string; range: Range | undefined; used: boolean; firstText?: string; before: number } | undefined;
  /** The end of the paragraph before the node being read: a list's introduction. */
  intro: string | undefined;
  /** Which list or table is being read; milestones repeated within one block are distinct. */
  block = 0;
  /** The start of the previous dated entry of the current block: the earliest a year-less date may be. */
  floor: string | undefined;
  /** Years named by the headings above, by heading depth. */
  private readonly years: (number | undefined)[] = [];
  /** The year of the last entry whose date was written with its year. */
  private lastYear: number | undefined;
  private readonly frontYear: number | undefined;
  private readonly pending: Pending[] = [];
  /** Milestones read so far (kept until `flush`, which drops repeats). */
  get count(): number {
    return this.pending.length;
  }

  constructor(private readonly ctx: ReadContext) {
    const y = /^(\d{4})-\d{2}-\d{2}/.exec(String(ctx.meta.date ?? ''));
    this.frontYear = y ? Number(y[1]) : undefined;
  }

  headingYears(depth: number, title: string): void {
    this.years.length = Math.min(this.years.length, depth - 1);
    const found = new Set(Array.from(title.slice(0, 300).matchAll(YEAR), (m) => Number(m[1])));
    this.years[depth - 1] = found.size === 1 ? [...found][0] : undefined;
    this.block++;
    this.floor = undefined;
  }

  /** The year a date written without one takes here, if the document says. */
  private contextYear(): number | undefined {
    for (let i = this.years.length - 1; i >= 0; i--) if (this.years[i] !== undefined) return this.years[i];
    return this.lastYear ?? this.frontYear;
  }

  private options(): DateOptions {
    const referenceYear = this.contextYear();
    return referenceYear === undefined ? {} : { referenceYear, yearFromWeekday: true, notBefore: this.floor };
  }

  /** Parses a date that may lack its year; remembers what it says about the year. */
  private dateOf(text: string, zoned = false): FuzzyDate | undefined {
    const written = parseFuzzyDate(text) ?? (zoned ? parseZonedDate(text) : undefined);
    if (written) {
      const y = written.end ? Number(written.end.slice(0, 4)) : undefined;
      if (y !== undefined && HAS_YEAR.test(text)) this.lastYear = y;
      return written;
    }
    const options = this.options();
    if (options.referenceYear === undefined) return undefined;
    return parseFuzzyDate(text, options) ?? (zoned ? parseZonedDate(text, options) : undefined);
  }

  closeGroup(): void {
    const g = this.group;
    this.group = undefined;
    if (!g || g.used) return;
    // "## 2025" over "- July 8 — Feature freeze": the heading gave its items their year; it is no milestone itself.
    if (this.count > g.before) return;
    // A dated heading with prose under it and no list is one milestone.
    this.add({ date: g.date, title: g.firstText ?? g.title }, g.range, g.range);
  }

  /** The date a list item starts with, or that follows its short label (`Mainnet: Dec 3, 2025`). */
  private leading(raw: string): { date: FuzzyDate; start: number; length: number; label?: string } | undefined {
    const lead = /^(?:\*\*|__)?/.exec(raw)![0].length;
    const options = this.options();
    const at = (from: number): { date: FuzzyDate; length: number } | undefined => {
      const text = raw.slice(from);
      // A date with times or in two zones, up to the colon before the title:
      // `**01:00 UTC Friday 24th June 2022** / **18:00 PDT Thursday 23rd June 2022** : Week 5 — …`,
      // `**Tuesday 9th June 2026 (AoE) / Wednesday 10th June 2026, 12:00 UTC**: Week 4 — …`.
      const colon = /\s?:\s|\s[—–]\s|\s-\s/.exec(text.slice(0, 300));
      const head = colon ? unlink(text.slice(0, colon.index)).replace(/\*\*|__/g, '') : '';
      if (colon && /\d:\d\d|\bAoE\b|\s\/\s/.test(head) && !/^\[[^\]]*\]\(/.test(text)) {
        const d = this.dateOf(head, true);
        const length = colon.index - /(?:\*\*|__|\s)*$/.exec(text.slice(0, colon.index))![0].length;
        if (d && length > 0) return { date: { ...d, text: text.slice(0, length) }, length };
      }
      const written = matchLeadingDate(text);
      if (written) {
        // "Friday 24th June 2022, 01:00 UTC — Release": the time of day belongs to the date, not the title.
        const time = /^,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:UTC|GMT|AoE|[A-Z]{2,4}T)(?:\s*[+-]\d{1,2}(?::\d{2})?)?\)?)?(?=\s|$)/i.exec(text.slice(written.length, written.length + 40));
        if (time) return { date: { ...written.date, text: text.slice(0, written.length + time[0].length) }, length: written.length + time[0].length };
        return written;
      }
      const linked = /^\[([^\]]{1,210})\]\([^)\s]{0,500}\)/.exec(text);
      // `[02:00 UTC Friday 14th February 2025 / 18:00 PST …](https://everytimezone.com/…)`: Week 5 — …;
      // a link with nothing after it (`[Q2 2025](…/2025-Q2-report.md)`) is a link to a report, not a milestone.
      if (linked && /[A-Za-z0-9]/.test(text.slice(linked[0].length, linked[0].length + 200))) {
        const d = this.dateOf(linked[1], true);
        if (d) return { date: d, length: linked[0].length };
      }
      return options.referenceYear === undefined ? undefined : matchLeadingDate(text, options);
    };
    const first = at(lead);
    if (first) {
      if (first.date.end && HAS_YEAR.test(first.date.text)) this.lastYear = Number(first.date.end.slice(0, 4));
      return { ...first, start: lead };
    }
    // A short label, a colon and the date: `Holesky: Oct 1, 2025 at 08:48:00 UTC (slot 5283840)`.
    const label = /^([A-Za-z][\w .'’&/()-]{0,40}?)(?:\*\*|__)?:(?:\*\*|__)?\s{1,3}/.exec(raw.slice(lead));
    if (!label || /\b(?:date|updated|as of|status|period|since)\b/i.test(label[1])) return undefined;
    const start = lead + label[0].length;
    const d = at(start);
    if (!d || d.date.precision !== 'day') return undefined;
    return { ...d, start, label: label[1].trim() };
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
    const match = this.leading(raw);
    let date: FuzzyDate;
    let dateRange;
    /** The source text up to the end of the date. */
    let upTo: number;
    let cut: number | undefined;
    if (match) {
      date = match.date;
      dateRange = b.range(start + match.start, start + match.start + match.length);
      upTo = match.start + match.length;
    } else if (this.group) {
      const refined = refine(this.group.date, raw);
      if (!refined) return false;
      date = refined.date;
      upTo = refined.at === 0 ? refined.length : 0;
      if (refined.at > 0) cut = refined.at;
      dateRange = refined.length > 0 ? b.range(start + refined.at, start + refined.at + refined.length) : this.group.range;
      this.group.used = true;
    } else {
      // `- 2022/21 — Consult`: a date written where the date goes, that cannot be read. Said, not dropped.
      const shape = leadingDateShape(raw);
      if (shape) this.unread(raw.slice(shape.start, shape.start + shape.length), b.range(start + shape.start, start + shape.start + shape.length));
      return false;
    }
    let title: string;
    if (match?.label) {
      title = match.label;
    } else {
      // The title as the reader sees it: links and emphasis reduced to their text.
      const plain = textOf(para);
      const written = raw.slice(0, upTo).replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trimStart();
      let rest = cut !== undefined ? unlink(raw.slice(0, cut)) : plain.startsWith(written) ? plain.slice(written.length) : unlink(raw.slice(upTo));
      rest = rest.replace(/^(?:\*\*|__)?\s*(?:[—–:-]+|\(\s*\))?\s*(?:\*\*|__)?\s*/, '');
      title = rest;
    }
    let status: MilestoneStatus | undefined;
    const tag = STATUS_TAG.exec(title);
    if (tag) {
      status = statusOf(tag[1]);
      title = title.slice(0, tag.index);
    }
    const m: Milestone = { date, title: tidy(title) };
    if (status) m.status = status;
    if (this.group) m.group = this.group.title;
    this.add(m, rangeOfNode(item), dateRange);
    return true;
  }

  /**
   * Dates in running prose: `In July 2021, the Secretary of State confirmed …
   * with effect from 1 April 2022.` Each date with its year is one milestone
   * (the sentence is its title), except the document's own date, `as of`
   * figures, windows (`between August 2023 and August 2024`), bare years and
   * dates inside links.
   */
  prose(p: Paragraph, item?: ListItem): void {
    const { text, links } = textWithLinks(p);
    const own = /^(\d{4}-\d{2}-\d{2})/.exec(String(this.ctx.meta.date ?? ''))?.[1];
    const found: { date: FuzzyDate; at: number; length: number }[] = [];
    CANDIDATE.lastIndex = 0;
    let tries = 0;
    let covered = 0;
    const dateline = text.split(' ').length < 15;
    for (let c = CANDIDATE.exec(text); c && tries < 60; c = CANDIDATE.exec(text)) {
      tries++;
      const at = c.index + c[1].length;
      if (at < covered || links.some(([from, to]) => from <= at && at < to)) continue;
      const match = matchLeadingDate(text.slice(at, at + 120));
      if (!match) continue;
      covered = at + match.length;
      if (!HAS_YEAR.test(match.date.text) || !PROSE_PRECISIONS.has(match.date.precision) || !match.date.start || !match.date.end) continue;
      const before = text.slice(Math.max(0, at - 24), at);
      const after = text.slice(at + match.length, at + match.length + 40);
      // `as of 2025-05-27` is a data point; `between August 2023 and August 2024` a window, at both ends.
      if (/\b(?:as of|as at|since|between|last updated|updated)\s*$/i.test(before) || /\bbetween\s[^.;]{1,30}\s(?:and|to)\s*$/i.test(text.slice(Math.max(0, at - 50), at))) continue;
      if (/^\s*(?:and|to|–|-)\s+(?:early|mid|late)\b/i.test(after)) continue;
      // The document's own date, or a dateline (`Programme Board Presentation, January 2021`) around it.
      if (own !== undefined && match.date.start <= own && own <= match.date.end && (match.date.precision === 'day' || dateline)) continue;
      found.push({ date: match.date, at, length: match.length });
    }
    if (found.length === 0) return;
    this.block++;
    const range = rangeOfNode(item ?? p);
    for (const f of found) {
      const title = sentenceAround(text, f.at, f.length);
      this.add({ date: f.date, title }, range, range, true);
    }
  }

  /**
   * In minutes, a list is a schedule when it sits in a Timeline/Schedule
   * section, or when every item (two or more) starts with a full date and the
   * paragraph before it announces a timeline (`The proposed timeline … included:`).
   * Other dated notes in minutes are not milestones.
   */
  schedule(l: List): boolean {
    const inSection = this.ctx.section?.kind === 'milestones';
    const announced = this.intro !== undefined && /\b(?:timeline|timetable|schedule|key dates|milestones|next steps)\b/i.test(this.intro);
    if (!inSection && !announced) return false;
    const items = l.children.filter((i) => i.type === 'listItem');
    if (items.length === 0 || (!inSection && items.length < 2)) return false;
    const { b } = this.ctx;
    const dated = items.every((item) => {
      const para = item.children[0];
      const start = para?.type === 'paragraph' ? para.position?.start.offset : undefined;
      if (start === undefined) return false;
      const m = matchLeadingDate(b.text.slice(start, start + 200).replace(/^(?:\*\*|__)/, ''));
      return m !== undefined && m.date.start !== undefined && HAS_YEAR.test(m.date.text);
    });
    if (!dated) return false;
    for (const item of items) this.item(item);
    return true;
  }

  table(table: Table): boolean {
    const { headers, rows, col, cell } = tableColumns(table);
    const head = table.children[0];
    const shown = head ? head.children.map((c) => textOf(c).replace(/\*\*|__/g, '').trim()) : [];
    this.block++;
    this.floor = undefined;
    if (this.monthColumns(table, shown)) return true;
    const named = col(DATE_HEADER);
    // Columns whose cells are mostly dates, and the one whose heading says so.
    const dated: number[] = [];
    for (let i = 0; i < headers.length; i++) {
      if (i === named || this.mostlyDates(rows, i)) dated.push(i);
    }
    if (dated.length === 0) return false;
    // One moment in several zones (`UTC (+00:00)`, `Moscow (+03:00)` …): the UTC column says it.
    const zones = dated.filter((i) => ZONE_HEADER.test(shown[i] ?? ''));
    const utc = zones.find((i) => /\bUTC\b|\bGMT\b|\(\+00:?00\)/.test(shown[i] ?? ''));
    const otherZones = new Set(zones.length >= 2 && utc !== undefined ? zones.filter((z) => z !== utc) : []);
    for (const z of otherZones) dated.splice(dated.indexOf(z), 1);
    const what = headers.findIndex((h, i) => !dated.includes(i) && /what|milestone|event|activity|description|item|task|action/.test(h));
    const status = col(/status|state|rag/);
    const nameCol = what >= 0 ? what : headers.findIndex((_, i) => !dated.includes(i));
    for (const row of rows) {
      const seen = new Set<string>();
      for (const i of dated) {
        const text = cell(row, i);
        // In a table of several date columns, a placeholder is an empty cell; a lone date column's `Tbc` is a date not yet known.
        if (dated.length > 1 && EMPTY_CELL.test(text.trim())) continue;
        const date = this.dateOf(text, true);
        if (!date) {
          // A cell of a date column shaped like a date (`31/12/2021`, `2022/21`) that cannot be read: said, not dropped.
          if (looksLikeDate(text)) this.unread(text, cellContentRange(row.children[i]));
          continue;
        }
        // The same interval twice in a row is one milestone.
        const key = `${date.start}/${date.end}`;
        if (date.start && seen.has(key)) continue;
        seen.add(key);
        let title: string;
        if (dated.length > 1) title = `${nameCol >= 0 ? cell(row, nameCol) : ''} ${shown[i] ?? ''}`;
        else title = what >= 0 ? cell(row, what) : row.children.filter((_, k) => k !== i && !otherZones.has(k)).map((c) => textOf(c)).join(' — ');
        const m: Milestone = { date, title: tidy(title) };
        if (status >= 0) {
          const s = /^(done|complete|completed|planned|at[ -]risk|delayed|cancel+ed|tbc|tbd)$/i.exec(cell(row, status));
          if (s) m.status = statusOf(s[1]);
        }
        this.add(m, rangeOfNode(row), cellContentRange(row.children[i]));
        if (date.start) this.floor = date.start;
      }
    }
    return true;
  }

  /** Whether most filled cells of column `i` are dates (and at least one is). */
  private mostlyDates(rows: Row[], i: number): boolean {
    let filled = 0;
    let dates = 0;
    const options = this.options();
    for (const row of rows.slice(0, 200)) {
      const c = row.children[i];
      const text = c ? textOf(c) : '';
      if (EMPTY_CELL.test(text.trim())) continue;
      filled++;
      const d = parseFuzzyDate(text, options) ?? parseZonedDate(text, options);
      if (d && d.precision !== 'unknown') dates++;
    }
    return dates > 0 && dates * 10 >= filled * 7;
  }

  /**
   * A table whose column headings are months with a two-digit year (`January 21`
   * … `April 22`): the rows are forums or workstreams, a cell's date (`5 January`)
   * takes its column's year, and a cell that names an event without a date
   * (`Go Live for new system.`) is dated by its column's month. Cells that say
   * the date is not known (`Tbc (Place Board in shadow)`) are no milestones.
   */
  private monthColumns(table: Table, shown: string[]): boolean {
    const cols = shown.map((h) => MONTH_NUMBER.exec(h));
    if (cols.filter(Boolean).length < 2) return false;
    const rows = table.children.slice(1);
    // The number is a year when a cell below gives the day of that month: `5 January` under `January 21`.
    const isYear = cols.some(
      (c, i) =>
        c !== null &&
        rows.some((row) => {
          const text = row.children[i] ? textOf(row.children[i]) : '';
          const d = parseFuzzyDate(text, { referenceYear: 2000 });
          return d?.precision === 'day' && d.start !== undefined && Number(d.start.slice(5, 7)) === monthOf(c[1]);
        }),
    );
    if (!isYear) return false;
    const years: (number | undefined)[] = [];
    const written = cols.filter(Boolean).map((c) => 2000 + Number(c![2])).sort((a, b) => a - b);
    const median = written[Math.floor(written.length / 2)];
    let previous: number | undefined;
    cols.forEach((c, i) => {
      if (!c) return;
      const y = 2000 + Number(c[2]);
      // `April 1` among `March 21` and `September 21` is a slip; it takes its neighbour's year.
      years[i] = Math.abs(y - median) <= 2 ? y : (previous ?? median);
      previous = years[i];
    });
    const nameCol = cols.findIndex((c) => c === null);
    for (const row of rows) {
      const name = nameCol >= 0 && row.children[nameCol] ? textOf(row.children[nameCol]) : '';
      cols.forEach((c, i) => {
        const year = years[i];
        const node = row.children[i];
        if (!c || year === undefined || !node) return;
        const text = textOf(node);
        if (EMPTY_CELL.test(text.trim()) || UNKNOWN_CELL.test(text.trim())) return;
        const month = monthOf(c[1]);
        const d = parseFuzzyDate(text, { referenceYear: year });
        const range = rangeOfNode(row);
        if (d) {
          this.add({ date: d, title: tidy(`${name} (${text})`) }, range, cellContentRange(node));
          return;
        }
        // An event in the column's month; a bracketed `(CCG Final Accounts June 22)` after it is one in its own month.
        const aside = new RegExp(`\\(([^()]{1,80}?)\\s${MONTH_WORD}\\s(\\d{2})\\)\\s*$`, 'i').exec(text);
        const main = aside ? text.slice(0, aside.index) : text;
        const columnMonth = parseFuzzyDate(`${year}-${String(month).padStart(2, '0')}`);
        if (columnMonth && main.trim()) this.add({ date: { ...columnMonth, text: shown[i] }, title: tidy(main.replace(/[.;,]\s*$/, '')) }, range, cellContentRange(node));
        const asideMonth = aside && parseFuzzyDate(`${aside[2]} ${2000 + Number(aside[3])}`);
        if (aside && asideMonth && Math.abs(2000 + Number(aside[3]) - year) <= 2) {
          this.add({ date: { ...asideMonth, text: `${aside[2]} ${aside[3]}` }, title: tidy(`${aside[1]} ${aside[2]} ${aside[3]}`) }, range, cellContentRange(node));
        }
      });
    }
    return true;
  }

  /** Date text in a milestone's date slot that cannot be read: reported where it is written. */
  private unread(text: string, range: Range | undefined): void {
    if (range) this.ctx.b.report('unread-date', 'warning', { reason: unreadDateReason(text, 'this milestone is left out of the timeline'), range });
  }

  private add(m: Milestone, range: Range | undefined, dateRange: Range | undefined, prose = false): void {
    this.pending.push({ m, range, dateRange, block: this.block, words: wordsOf(m.title), prose });
  }

  /** Writes the milestones read, without the repeats of an earlier block (see `repeats`). */
  flush(): void {
    const { b } = this.ctx;
    if (this.pending.length === 0) return;
    const skip = repeats(this.pending);
    // A timeline with dated lists or tables keeps its prose as commentary (`Agreed by the Board on 2
    // November 2021`); only a briefing told in sentences is read for the dates in them.
    if (this.pending.some((p) => !p.prose)) this.pending.forEach((p, k) => p.prose && skip.add(k));
    const ms = (b.content.milestones ??= []);
    this.pending.forEach((p, k) => {
      if (skip.has(k)) return;
      const i = ms.length;
      ms.push(p.m);
      b.map(`/content/milestones/${i}`, p.range);
      b.map(`/content/milestones/${i}/date`, p.dateRange);
      if (p.m.date.invalid && p.dateRange) b.report('impossible-date', 'error', { reason: p.m.date.invalid, range: p.dateRange });
    });
    this.pending.length = 0;
  }
}

interface Pending {
  m: Milestone;
  range: Range | undefined;
  dateRange: Range | undefined;
  block: number;
  words: Set<string>;
  /** Read from a date inside a sentence. */
  prose: boolean;
}

function similar(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared * 3 >= Math.min(a.size, b.size) * 2;
}

/**
 * The milestones that restate an earlier block: when a later list or table
 * gives again at least half of an earlier block's milestones (same interval,
 * nearly the same title: a summary list and the table it summarises), each
 * restated one is kept where it came first and skipped where it comes again.
 * A table that merely shares a date or two with a list (the meetings a
 * schedule also mentions) repeats nothing.
 */
function repeats(items: Pending[]): Set<number> {
  const skip = new Set<number>();
  const blocks = new Map<number, number[]>();
  items.forEach((p, k) => {
    if (!p.m.date.start) return;
    const list = blocks.get(p.block) ?? [];
    list.push(k);
    blocks.set(p.block, list);
  });
  const order = [...blocks.keys()];
  if (order.length < 2 || order.length > 200) return skip;
  for (let x = 0; x < order.length; x++) {
    const earlier = blocks.get(order[x])!;
    if (earlier.length > 500) continue;
    for (let y = x + 1; y < order.length; y++) {
      const later = blocks.get(order[y])!;
      if (later.length > 500) continue;
      const pairs: number[] = [];
      const used = new Set<number>();
      for (const e of earlier) {
        const a = items[e];
        const hit = later.find((l) => !used.has(l) && !skip.has(l) && items[l].m.date.start === a.m.date.start && items[l].m.date.end === a.m.date.end && similar(a.words, items[l].words));
        if (hit !== undefined) {
          used.add(hit);
          pairs.push(hit);
        }
      }
      if (pairs.length >= 2 && pairs.length * 2 >= Math.min(earlier.length, later.length)) for (const l of pairs) skip.add(l);
    }
  }
  return skip;
}

/** The plain text of a paragraph, and where in it the text of links is (a link's date names another document). */
function textWithLinks(p: Paragraph): { text: string; links: [number, number][] } {
  let text = '';
  const links: [number, number][] = [];
  const stack: (Nodes | number)[] = [p];
  while (stack.length > 0 && text.length < 4000) {
    const n = stack.pop()!;
    if (typeof n === 'number') {
      links.push([n, text.length]);
      continue;
    }
    if ('value' in n && typeof n.value === 'string' && n.type !== 'html') text += n.value.replace(/\s+/g, ' ');
    else if (n.type === 'break') text += ' ';
    else if ('children' in n) {
      if (n.type === 'link' || n.type === 'linkReference') stack.push(text.length);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
    }
  }
  return { text, links };
}

/** The sentence of `text` around offset `at`, at most 200 characters. */
function sentenceAround(text: string, at: number, length: number): string {
  const from = Math.max(0, at - 200);
  const head = text.slice(from, at);
  const stop = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '));
  const start = stop >= 0 ? from + stop + 2 : from;
  const tail = text.slice(at + length, at + length + 200);
  const end = /[.;](?:\s|$)/.exec(tail);
  const sentence = text.slice(start, at + length + (end ? end.index : tail.length)).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

function monthOf(word: string): number {
  const d = parseFuzzyDate(`${word} 2000`);
  return d?.start ? Number(d.start.slice(5, 7)) : 0;
}

/** Markdown links reduced to their text: `[Code Freeze](../phases.md)`, `[Retro][doc]`. */
function unlink(text: string): string {
  return text.replace(/!?\[([^\]]{0,300})\](?:\([^)\s]{0,500}(?:\s"[^"]{0,200}")?\)|\[[^\]]{0,100}\])/g, '$1');
}

function tidy(title: string): string {
  return title.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
}

/** The words that identify a milestone's title: lower case, light plural/tense endings dropped. */
function wordsOf(title: string): Set<string> {
  const out = new Set<string>();
  for (const w of title.toLowerCase().slice(0, 300).split(/[^a-z0-9.]+/)) {
    const word = w.replace(/^\.+|\.+$/g, '');
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.add(word.replace(/(?:ed|es|s)$/, ''));
  }
  return out;
}

/**
 * Under a dated heading: "(8th) Board meets" or "Board meets (8th)" → that day;
 * "March: Consultation" → that month; anything else → the heading's date.
 * `at` is where the date text starts in the item, `length` how long it is.
 */
function refine(group: FuzzyDate, raw: string): { date: FuzzyDate; at: number; length: number } | undefined {
  const head = /^\((\d{1,2})(?:st|nd|rd|th)?\)/.exec(raw);
  const tail = head ? null : /\s\((\d{1,2})(?:st|nd|rd|th)?\)\s*$/.exec(raw.slice(0, 300));
  const day = head ?? tail;
  if (day && group.start && (group.precision === 'month' || group.precision === 'part-of-month')) {
    const [y, mo] = group.start.split('-');
    const d = parseFuzzyDate(`${y}-${mo}-${day[1].padStart(2, '0')}`);
    const text = day[0].trim();
    const at = head ? 0 : tail!.index + tail![0].indexOf('(');
    if (d) return { date: { ...d, text }, at, length: text.length };
  }
  const month = MONTHS.exec(raw);
  if (month && group.start && /^\s*[:—–-]/.test(raw.slice(month[0].length))) {
    const year = group.start.slice(0, 4);
    const d = parseFuzzyDate(`${month[1]} ${year}`);
    if (d) return { date: { ...d, text: month[0] }, at: 0, length: month[0].length };
  }
  return { date: group, at: 0, length: 0 };
}
