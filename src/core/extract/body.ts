/**
 * Reads the body's mdast into the model: sections, functions, seats, quorum,
 * attendance, agenda items, resolutions, actions and milestones. Tolerant:
 * whatever cannot be recognised is skipped, never an exception.
 *
 * Only the root's children and list items a few levels down are visited, so
 * the cost is linear in the tree's top levels and deep nesting is harmless.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Root, Table } from 'mdast';
import { matchLeadingDate, parseFuzzyDate } from '../dates/index.js';
import type { Action, Attendee, FuzzyDate, Milestone, MilestoneStatus, Resolution, Seat } from '../model.js';
import { readAttendanceLine, readAttendeeEntry, readAttendeeParagraph, type AttendeeEntry } from './attendance.js';
import type { ModelBuilder } from './builder.js';
import { actionText, decisionMarker } from './decisions.js';
import { readQuorum, wordNumber } from './numbers.js';
import { agendaItem, sectionKind } from './sections.js';
import { itemLead, itemMarkerRange, itemNumber, normaliseHeading, rangeOfNode, textOf } from './text.js';

/** What a type's body is read for. Custom types reuse the reading of the type they extend. */
export interface BodyReading {
  functions: boolean;
  membership: boolean;
  attendance: boolean;
  agendaItems: boolean;
  decisions: boolean;
  milestones: boolean;
}

export function readingFor(type: string | undefined): BodyReading {
  return {
    functions: type === 'terms-of-reference',
    membership: type === 'terms-of-reference',
    attendance: type === 'minutes',
    agendaItems: type === 'minutes' || type === 'resolution',
    decisions: type === 'minutes' || type === 'resolution',
    milestones: type === 'timeline',
  };
}

const STATUS_TAG = /\s*\[(done|complete|completed|planned|at[ -]risk|delayed|cancel+ed|tbc|tbd)\]\s*$/i;

function statusOf(tag: string): MilestoneStatus {
  const t = tag.toLowerCase().replace(' ', '-');
  if (t.startsWith('complete') || t === 'done') return 'done';
  if (t.startsWith('cancel')) return 'cancelled';
  if (t === 'tbd') return 'tbc';
  return t as MilestoneStatus;
}

const MONTHS = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

interface Block {
  /** Resolutions of the current decision block get this number. */
  index: number;
  marker: string;
}

/** How deep nested lists are searched for decisions and actions (`- Old business` › `- Decide: …` › `- Decision: …`). */
const MAX_NESTING = 6;

export class BodyReader {
  private section: { kind?: string; title: string } | undefined;
  private item: string | undefined;
  /** A decision marker paragraph or heading with nothing after it: the next list holds its clauses. */
  private pendingDecision: { marker: string } | undefined;
  private blocks = 0;
  /** Depth of the heading that named the current agenda item. */
  private itemDepth: number | undefined;
  /** Date from a heading such as "## March 2022" that the items under it refine. */
  private groupDate: { date: FuzzyDate; title: string; range: ReturnType<typeof rangeOfNode>; used: boolean; firstText?: string } | undefined;

  constructor(
    private readonly b: ModelBuilder,
    private readonly reading: BodyReading,
  ) {}

  read(root: Root): void {
    const c = this.b.content;
    if (this.reading.functions) c.functions = [];
    if (this.reading.membership) c.seats = [];
    if (this.reading.attendance) c.attendance = { present: [], inAttendance: [], apologies: [] };
    if (this.reading.agendaItems) c.items = [];
    if (this.reading.decisions) {
      c.resolutions = [];
      c.actions = [];
    }
    if (this.reading.milestones) c.milestones = [];
    for (const node of root.children) {
      try {
        this.node(node as Nodes);
      } catch {
        // A node we cannot read is skipped; the rest of the document still counts.
      }
    }
    this.closeGroup();
  }

  private node(node: Nodes): void {
    switch (node.type) {
      case 'heading':
        return this.heading(node);
      case 'paragraph':
        return this.paragraph(node);
      case 'list':
        return this.list(node);
      case 'table':
        return this.table(node);
      default:
        if (node.type !== 'html' && node.type !== 'yaml') this.pendingDecision = undefined;
    }
  }

  private heading(h: Heading): void {
    const c = this.b.content;
    const title = textOf(h);
    const kind = sectionKind(title);
    const i = c.sections.length;
    c.sections.push(kind ? { title, depth: h.depth, kind } : { title, depth: h.depth });
    this.b.map(`/content/sections/${i}`, rangeOfNode(h));
    if (h.depth === 1 && c.title === undefined) {
      c.title = title;
      this.b.map('/content/title', rangeOfNode(h));
    }
    this.section = { kind, title };
    this.pendingDecision = undefined;
    this.closeGroup();
    const decisions = kind === 'resolutions' || normaliseHeading(title) === 'decisions';
    if (this.reading.agendaItems && c.items) {
      const item = h.depth > 1 ? agendaItem(title) : undefined;
      if (item) {
        this.item = item.number;
        this.itemDepth = h.depth;
        const j = c.items.length;
        c.items.push(item);
        this.b.map(`/content/items/${j}`, rangeOfNode(h));
      } else if (!decisions && !(this.itemDepth !== undefined && h.depth > this.itemDepth)) {
        // A heading under the item ("### Discussion") or its outcome ("## Conclusion/Resolution") keeps it.
        this.item = undefined;
        this.itemDepth = undefined;
      }
    }
    // "### Consented Decisions", "#### Conclusion/Resolution": the list right under it holds the decisions.
    if (this.reading.decisions && decisions) this.pendingDecision = { marker: title };
    if (this.reading.milestones) {
      const date = parseFuzzyDate(title.replace(/[:*]+$/, ''));
      if (date) this.groupDate = { date, title, range: rangeOfNode(h), used: false };
    }
  }

  private closeGroup(): void {
    const g = this.groupDate;
    this.groupDate = undefined;
    if (!g || g.used || !this.b.content.milestones) return;
    // A dated heading with prose under it and no list is one milestone.
    this.addMilestone({ date: g.date, title: g.firstText ?? g.title }, g.range, g.range);
  }

  private paragraph(p: Paragraph): void {
    const text = textOf(p);
    if (this.groupDate && this.groupDate.firstText === undefined) this.groupDate.firstText = text;
    const kind = this.section?.kind;
    const c = this.b.content;
    if (kind === 'quorum' && c.quorum === undefined && this.reading.membership) {
      const q = readQuorum(text);
      if (q) {
        c.quorum = { text, source: 'section', ...q };
        this.b.map('/content/quorum', rangeOfNode(p));
      }
    }
    if (this.reading.attendance && c.attendance && isAttendanceKind(kind)) {
      this.addAttendees(kind!, readAttendeeParagraph(text).map((e) => ({ ...e, node: p })), p);
    }
    if (this.reading.decisions) {
      if (this.decisionParagraph(text, p)) return;
      this.action(text, p, undefined);
    }
    if (this.pendingDecision && text !== '') this.pendingDecision = undefined;
  }

  /** A paragraph that starts with a decision marker. */
  private decisionParagraph(text: string, p: Paragraph): boolean {
    const d = decisionMarker(text);
    if (!d) return false;
    if (d.rest === '') {
      this.pendingDecision = { marker: d.marker };
      return true;
    }
    this.pendingDecision = undefined;
    const block: Block = { index: this.blocks++, marker: d.marker };
    const number = d.number !== undefined && /^\d+$/.test(d.number) ? Number(d.number) : undefined;
    this.addResolution({ text: d.rest, marker: d.marker, number, identifier: d.number ?? this.item, item: this.item }, block, rangeOfNode(p), undefined);
    return true;
  }

  private list(list: List): void {
    const kind = this.section?.kind;
    const pending = this.pendingDecision;
    this.pendingDecision = undefined;
    if (pending && this.reading.decisions) return this.decisionList(list, pending.marker);
    if (this.reading.functions && kind === 'functions') return this.functionList(list);
    if (this.reading.membership && kind === 'membership') return this.seatList(list, undefined);
    if (this.reading.attendance && isAttendanceKind(kind)) {
      const people = list.children.flatMap((item) => readAttendanceLine(itemLead(item)).map((e) => ({ ...e, node: item as Nodes })));
      return this.addAttendees(kind!, people, list);
    }
    for (const item of list.children) {
      if (this.reading.milestones && this.milestoneItem(item)) continue;
      if (this.reading.decisions) this.decisionItem(item, list, 0);
    }
  }

  /** A list item that may be a decision or an action, or hold them in nested lists. */
  private decisionItem(item: ListItem, list: List, depth: number): void {
    const lead = itemLead(item);
    const d = decisionMarker(lead);
    const nested = item.children.filter((n): n is List => n.type === 'list');
    if (d && d.rest !== '') {
      const block: Block = { index: this.blocks++, marker: d.marker };
      const r = this.addResolution({ text: d.rest, marker: d.marker, identifier: d.number ?? this.item, item: this.item }, block, rangeOfNode(item), undefined);
      // "- **Decision:** …" with "- **Action:** …" under it.
      for (const sub of nested.flatMap((n) => n.children)) this.action(itemLead(sub), sub, r);
      return;
    }
    if (d) {
      // "- Decisions:" with the clauses nested under it; not "- Resolved:" among status buckets.
      if (nested[0] && !isStatusBucket(d.marker, list)) this.decisionList(nested[0], d.marker);
      return;
    }
    if (this.action(lead, item, undefined) || depth >= MAX_NESTING) return;
    for (const sub of nested.flatMap((n) => n.children.map((i) => [i, n] as const))) this.decisionItem(sub[0], sub[1], depth + 1);
  }

  private decisionList(list: List, marker: string): void {
    const block: Block = { index: this.blocks++, marker };
    for (const item of list.children) {
      const number = list.ordered ? itemNumber(this.b.text, item) : undefined;
      const identifier = number !== undefined ? (this.item ? `${this.item}.${number}` : String(number)) : this.item;
      const text = itemLead(item).replace(/^(?:resolved\s*)?that\b/i, (m) => m.replace(/^resolved\s*/i, ''));
      const markerRange = list.ordered ? itemMarkerRange(this.b.text, item, (s, e) => this.b.range(s, e)) : undefined;
      const r = this.addResolution({ text, marker: block.marker, number, identifier, item: this.item }, block, rangeOfNode(item), markerRange);
      // Actions attached to the clause, as nested list items.
      for (const child of item.children) {
        if (child.type !== 'list') continue;
        for (const sub of child.children) this.action(itemLead(sub), sub, r);
      }
    }
  }

  private addResolution(r: Omit<Resolution, 'block'>, block: Block, range: ReturnType<typeof rangeOfNode>, numberRange: ReturnType<typeof rangeOfNode>): number {
    const list = this.b.content.resolutions!;
    const i = list.length;
    const clean: Resolution = { text: r.text, marker: r.marker, block: block.index };
    if (r.number !== undefined) clean.number = r.number;
    if (r.identifier !== undefined) clean.identifier = r.identifier;
    if (r.item !== undefined) clean.item = r.item;
    list.push(clean);
    this.b.map(`/content/resolutions/${i}`, range);
    this.b.map(`/content/resolutions/${i}/number`, numberRange);
    return i;
  }

  private action(text: string, node: Nodes, resolution: number | undefined): boolean {
    const a = actionText(text, (s) => {
      const d = parseFuzzyDate(s);
      return d !== undefined && d.precision !== 'unknown';
    });
    if (!a) return false;
    const actions = this.b.content.actions!;
    const i = actions.length;
    const action: Action = { text: a.text };
    if (a.owner) action.owner = a.owner;
    if (a.due) {
      const due = parseFuzzyDate(a.due);
      if (due) {
        action.due = due;
        if (due.invalid) this.b.report('impossible-date', 'error', { reason: due.invalid, range: rangeOfNode(node)! });
      }
    }
    if (resolution !== undefined) action.resolution = resolution;
    actions.push(action);
    this.b.map(`/content/actions/${i}`, rangeOfNode(node));
    return true;
  }

  private functionList(list: List): void {
    const fns = this.b.content.functions!;
    for (const item of list.children) {
      const i = fns.length;
      const number = list.ordered ? itemNumber(this.b.text, item) : undefined;
      fns.push(number !== undefined ? { number, text: itemLead(item) } : { text: itemLead(item) });
      this.b.map(`/content/functions/${i}`, rangeOfNode(item));
      if (list.ordered) this.b.map(`/content/functions/${i}/number`, itemMarkerRange(this.b.text, item, (s, e) => this.b.range(s, e)));
    }
  }

  private seatList(list: List, organization: string | undefined): void {
    for (const item of list.children) {
      const lead = itemLead(item);
      const nested = item.children.find((n): n is List => n.type === 'list');
      if (nested) {
        // "- Trafford Council" with its seats nested under it.
        this.seatList(nested, lead.replace(/[:]+$/, ''));
        continue;
      }
      const seat = readSeat(lead, organization);
      if (seat) this.addSeat(seat, item);
    }
  }

  private addSeat(seat: Seat, node: Nodes): void {
    const seats = this.b.content.seats!;
    this.b.map(`/content/seats/${seats.length}`, rangeOfNode(node));
    seats.push(seat);
  }

  private table(table: Table): void {
    const kind = this.section?.kind;
    const [head, ...rows] = table.children;
    if (!head) return;
    const headers = head.children.map((cell) => textOf(cell).toLowerCase());
    const col = (re: RegExp) => headers.findIndex((h) => re.test(h));
    const cell = (row: Table['children'][number], i: number) => (i >= 0 && row.children[i] ? textOf(row.children[i]) : '');
    if (this.reading.membership && kind === 'membership') {
      const label = Math.max(col(/^(seat|post|role|member|members|position|title|name|representative)/), 0);
      const org = col(/organi[sz]ation|nominat|body|on behalf|agency|sector/);
      const count = col(/^(count|number|no\.?|seats|places|#)$/);
      const statutory = col(/statutory/);
      const voting = col(/voting|vote/);
      for (const row of rows) {
        const seat: Seat = { label: cell(row, label), count: 1 };
        if (seat.label === '') continue;
        if (org >= 0 && cell(row, org)) seat.organization = cell(row, org);
        if (count >= 0) seat.count = wordNumber(cell(row, count)) ?? 1;
        if (statutory >= 0) seat.statutory = yes(cell(row, statutory));
        if (voting >= 0) seat.voting = yes(cell(row, voting));
        this.addSeat(seat, row);
      }
      return;
    }
    if (this.reading.attendance && isAttendanceKind(kind)) {
      const name = Math.max(col(/name|member|attendee/), 0);
      const mark = headers.findIndex((h) => h === '' || /present|attend/.test(h));
      const people: (AttendeeEntry & { node: Nodes })[] = [];
      for (const row of rows) {
        if (mark >= 0 && !yes(cell(row, mark))) continue;
        const e = readAttendeeEntry(cell(row, name));
        if (e) people.push({ ...e, node: row });
      }
      return this.addAttendees(kind!, people, table);
    }
    if (this.reading.milestones) {
      const when = col(/^(date|when|deadline|target|due|by|timing|milestone date)/);
      if (when < 0) return;
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
        this.addMilestone(m, rangeOfNode(row), contentRange(row.children[when]));
      }
    }
  }

  /**
   * People of one attendance section, each mapped to the entry that names them.
   * Someone on a Present list noted as absent ("(not present)", "sends regrets")
   * is counted with the apologies.
   */
  private addAttendees(kind: string, people: (AttendeeEntry & { node: Nodes })[], container: Nodes): void {
    const key = kind === 'present' ? 'present' : kind === 'in-attendance' ? 'inAttendance' : 'apologies';
    this.extendSection(key, container);
    for (const { attendee, absent, node } of people) {
      const to = absent ? 'apologies' : key;
      const list = this.b.content.attendance![to];
      if (to === 'inAttendance' && attendee.voting === undefined) attendee.voting = false;
      this.b.map(`/content/attendance/${to}/${list.length}`, rangeOfNode(node));
      list.push(attendee);
    }
  }

  /** The range of an attendance section grows over every list, table or paragraph it holds. */
  private extendSection(key: 'present' | 'inAttendance' | 'apologies', node: Nodes): void {
    const pointer = `/content/attendance/${key}`;
    const r = rangeOfNode(node);
    const prev = this.b.sourceMap.get(pointer)?.range;
    if (!prev) this.b.map(pointer, r);
    else if (r) this.b.map(pointer, { start: prev.start.offset <= r.start.offset ? prev.start : r.start, end: prev.end.offset >= r.end.offset ? prev.end : r.end });
  }

  /** A timeline list item: a leading date expression, a separator and a description. */
  private milestoneItem(item: ListItem): boolean {
    const para = item.children[0];
    if (!para || para.type !== 'paragraph') return false;
    const start = para.position?.start.offset;
    const end = para.position?.end.offset;
    if (start === undefined || end === undefined) return false;
    const raw = this.b.text.slice(start, Math.min(end, start + 4000));
    const lead = /^(?:\*\*|__)?/.exec(raw)![0].length;
    const match = matchLeadingDate(raw.slice(lead));
    let date: FuzzyDate;
    let dateRange;
    let rest: string;
    /** The source text up to the end of the date. */
    let upTo: number;
    if (match) {
      date = match.date;
      dateRange = this.b.range(start + lead, start + lead + match.length);
      upTo = lead + match.length;
    } else if (this.groupDate) {
      const refined = refine(this.groupDate.date, raw);
      if (!refined) return false;
      date = refined.date;
      dateRange = refined.length > 0 ? this.b.range(start, start + refined.length) : this.groupDate.range;
      upTo = refined.length;
      this.groupDate.used = true;
    } else return false;
    // The title as the reader sees it: links and emphasis reduced to their text.
    const plain = textOf(para);
    const written = raw.slice(0, upTo).replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trimStart();
    rest = plain.startsWith(written) ? plain.slice(written.length) : raw.slice(upTo);
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
    if (this.groupDate) m.group = this.groupDate.title;
    this.addMilestone(m, rangeOfNode(item), dateRange);
    return true;
  }

  private addMilestone(m: Milestone, range: ReturnType<typeof rangeOfNode>, dateRange: ReturnType<typeof rangeOfNode>): void {
    const ms = this.b.content.milestones!;
    const i = ms.length;
    ms.push(m);
    this.b.map(`/content/milestones/${i}`, range);
    this.b.map(`/content/milestones/${i}/date`, dateRange);
    if (m.date.invalid && dateRange) this.b.report('impossible-date', 'error', { reason: m.date.invalid, range: dateRange });
  }
}

/**
 * "- Resolved:" with nothing after it beside other bare labels ("- Under
 * investigation:", "- Observing:") is a status bucket of an issue list, not a
 * decision (k8s sig-release meeting updates).
 */
function isStatusBucket(marker: string, list: List): boolean {
  if (!/^resolved/i.test(marker)) return false;
  return list.children.some((i) => {
    const t = itemLead(i);
    return /^[^:]{1,60}:$/.test(t) && decisionMarker(t) === undefined;
  });
}

/** A table cell's text without its pipes and padding: where a date in it is underlined. */
function contentRange(cell: Table['children'][number]['children'][number]): ReturnType<typeof rangeOfNode> {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  const a = first && rangeOfNode(first);
  const b = last && rangeOfNode(last);
  return a && b ? { start: a.start, end: b.end } : rangeOfNode(cell);
}

function isAttendanceKind(kind: string | undefined): boolean {
  return kind === 'present' || kind === 'in-attendance' || kind === 'apologies';
}

function yes(s: string): boolean {
  return /^(yes|y|true|x|✓|✔|✅|voting|statutory)$/i.test(s.trim());
}

/** "Two representatives of X (non-voting)" → a seat. */
function readSeat(text: string, organization: string | undefined): Seat | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  let count = 1;
  let label = t;
  const n = /^(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b\s*(?:\(\d+\)\s*)?(?:x\s+)?/i.exec(t);
  if (n) {
    count = wordNumber(n[1]) ?? 1;
    label = t.slice(n[0].length);
  }
  const seat: Seat = { label: label.replace(/\s*\(non[- ]?voting\)|\s*\(statutory\)/gi, '').trim() || t, count };
  const org = /\s+[—–]\s+(.+)$/.exec(seat.label);
  if (org) {
    seat.organization = org[1];
    seat.label = seat.label.slice(0, org.index);
  } else if (organization) seat.organization = organization;
  if (/\bnon[- ]?voting\b|\bobserver\b|\badvisory\b/i.test(t)) seat.voting = false;
  if (/\bstatutory\b/i.test(t)) seat.statutory = !/\bnon[- ]?statutory\b/i.test(t);
  return seat;
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
