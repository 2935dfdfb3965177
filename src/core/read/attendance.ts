/**
 * Reads who was there: Present, In attendance and Apologies sections (or a
 * label standing as its own paragraph, `**Attendees:**`, `TAC Member Regrets`,
 * before a list or table), written as lists, tables (with a presence column:
 * only rows marked present count), paragraphs of names (one per line, or "A, B
 * and C") and role-labelled lines ("Council: Carol, Mark"). Someone on a Present
 * list noted as absent ("(not present)", "sends regrets") is counted with the
 * apologies, and so is anyone a sentence says is absent, wherever it sits
 * ("Apologies for absence were received from …", "Daniel can't join today").
 *
 * Each person goes to the meeting being read (`content.meetings[i].attendance`)
 * and to the document's `content.attendance`, the union over its meetings.
 */
import type { List, Nodes, Paragraph, Table } from 'mdast';
import type { Range } from '../text/range.js';
import { writtenSpan } from '../text/written.js';
import { openMeeting } from './meetings.js';
import {
  looksLikePerson,
  namesOf,
  readApologiesLeadIn,
  readAttendanceLine,
  readAttendeeEntry,
  readRegrets,
  type AttendeeEntry,
} from './phrases/people.js';
import { sectionKind } from './phrases/sections.js';
import { isYes, itemLead, rangeOfNode, sourceLines, tableColumns, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

type Key = 'present' | 'inAttendance' | 'apologies';
/** A person read, the node that names them, and the list an inline label put them in ("Observers: TC"). */
type Entry = AttendeeEntry & { node: Nodes; to?: Key };

/** A label paragraph is at most this long ("Steering Committee Members Attending:"). */
const MAX_LABEL = 60;

export const attendance: Reader = {
  id: 'attendance',
  description: 'Attendance: present, in attendance (non-voting) and apologies, from lists, tables and paragraphs, per meeting.',
  applies: (r) => r.attendance,
  create(ctx) {
    ctx.b.content.attendance = { present: [], inAttendance: [], apologies: [] };
    const seen = new Set<string>();
    /** The kind a label paragraph gave the next block. */
    let pending: Key | undefined;
    const kind = (): Key | undefined => {
      const k = pending ?? attendanceKey(ctx.section?.kind);
      pending = undefined;
      return k;
    };
    return {
      heading() {
        pending = undefined;
      },
      paragraph(p) {
        const text = textOf(p);
        const label = labelKind(text);
        if (label) {
          pending = label;
          return true;
        }
        const key = kind();
        if (key === undefined) {
          // "**Attendees:** Dana Wang, Bennett Pursell": the label and the names on one line, anywhere.
          const inline = inlineLabelled(ctx, p);
          if (inline) {
            add(ctx, seen, inline.key, inline.people, p);
            return true;
          }
        }
        const people = key ? paragraphPeople(ctx, p) : regretsOf(text, p);
        if (people.length > 0) add(ctx, seen, key ?? 'apologies', people, p);
        return key !== undefined && people.length > 0;
      },
      list(l) {
        const key = kind();
        if (!key) return false;
        const people = listPeople(l);
        if (people === undefined) return false;
        add(ctx, seen, key, people, l);
        return true;
      },
      listItem(item) {
        // A note anywhere in the minutes that someone is absent ("Zach sends regrets for today").
        const people = regretsOf(itemLead(item), item);
        if (people.length > 0) add(ctx, seen, 'apologies', people, item);
        return false;
      },
      table(t) {
        const key = kind();
        if (!key) return false;
        add(ctx, seen, key, tablePeople(t), t);
        return true;
      },
    };
  },
};

function attendanceKey(kind: string | undefined): Key | undefined {
  return kind === 'present' ? 'present' : kind === 'in-attendance' ? 'inAttendance' : kind === 'apologies' ? 'apologies' : undefined;
}

/** `**Attendees:**`, `Present:`, `TAC Member Regrets`: a paragraph that only names an attendance section. */
function labelKind(text: string): Key | undefined {
  const t = text.replace(/[*_]+/g, '').trim();
  // "Attendees: Dana Wang, …" names people after its colon: not a label alone.
  if (t.length === 0 || t.length > MAX_LABEL || /[.!?]$/.test(t) || /:\s*\S/.test(t)) return undefined;
  return attendanceKey(sectionKind(t.replace(/\s*:\s*$/, '')));
}

/** The lines of a paragraph as written, without emphasis marks, links as their text. */
function plainLines(ctx: ReadContext, p: Paragraph): string[] {
  return sourceLines(ctx.text, p, 20000, 300).map((l) => l.replace(/[*_]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
}

/**
 * A paragraph of an attendance section: one person or role-labelled group per
 * line, or a run of names ("A (Chair), B and C"), or an apologies lead-in.
 */
function paragraphPeople(ctx: ReadContext, p: Paragraph): Entry[] {
  const lines = plainLines(ctx, p);
  const out: Entry[] = [];
  // One person per line ("Johna Wareing, Manchester NHS FT"), unless a line is a run of names itself.
  const perLine = lines.length > 1;
  for (const line of lines) {
    const run = !perLine || /\band\b|,.*,|;/.test(line);
    for (const e of lineOfNames(line, run)) out.push({ ...e, node: p });
  }
  return out;
}

/** One line of names: a lead-in, a label ("Observers: TC, Tyler Mandry"), a run of names or one. */
function lineOfNames(line: string, run: boolean): (AttendeeEntry & { to?: Key })[] {
  const lead = readApologiesLeadIn(line);
  if (lead) return lead;
  const regrets = readRegrets(line);
  if (regrets.length > 0) return regrets;
  const labelled = /^([^:]{1,40}):\s*(.*)$/.exec(line);
  if (labelled) {
    // "Present: A, B and C", "Apologies: D" — a section label inline.
    const inline = attendanceKey(sectionKind(labelled[1]));
    if (inline) return namesOf(labelled[2]).map((e) => ({ ...e, to: inline }));
    return readAttendanceLine(line).filter((e) => looksLikePerson(e.attendee.name));
  }
  // "M. Pritchard." — a sentence's full stop, not an initial's.
  const text = line.replace(/(\p{L}{2,})[.;]\s*$/u, '$1');
  if (run) return namesOf(text);
  const one = readAttendeeEntry(text);
  return one && looksLikePerson(one.attendee.name) ? [one] : [];
}

/**
 * The people of a list in an attendance section, or undefined when it is not a
 * list of people (the agenda that follows an attendance table, a list of the
 * bodies invited): most of its entries must read as people.
 */
function listPeople(l: List): Entry[] | undefined {
  const entries: Entry[] = [];
  let items = 0;
  let people = 0;
  for (const item of l.children) {
    const lead = itemLead(item);
    if (lead === '') continue;
    items++;
    const regrets = readRegrets(lead);
    const read = regrets.length > 0 ? regrets : readAttendanceLine(lead);
    const ok = read.filter((e) => looksLikePerson(e.attendee.name));
    if (ok.length > 0) people++;
    for (const e of ok) entries.push({ ...e, node: item as Nodes });
  }
  if (items > 0 && people * 2 < items) return undefined;
  return entries;
}

/** A presence table: name, organisation and role columns; only rows marked present when there is a mark column. */
function tablePeople(t: Table): Entry[] {
  const { rows, col, cell } = tableColumns(t);
  const name = Math.max(col(/name|member|attendee|person|participant|who/), 0);
  const mark = col((h) => h === '' || /present|attend|here/.test(h));
  const org = col((h) => h !== '' && /organi[sz]ation|affiliation|company|employer|^org\b|representing/.test(h));
  const role = col((h) => h !== '' && /\b(?:role|position)\b/.test(h));
  const people: Entry[] = [];
  for (const row of rows) {
    if (mark >= 0 && mark !== name && !isYes(cell(row, mark))) continue;
    const e = readAttendeeEntry(cell(row, name));
    if (!e || !looksLikePerson(e.attendee.name)) continue;
    const a = e.attendee;
    const o = org >= 0 && org !== name ? cell(row, org) : '';
    const r = role >= 0 && role !== name && role !== org ? cell(row, role) : '';
    if (o !== '' && !a.affiliation) a.affiliation = o;
    if (r !== '' && !a.role) a.role = r;
    people.push({ ...e, node: row });
  }
  return people;
}

function regretsOf(text: string, node: Nodes): Entry[] {
  if (text.length > 600 || !/regret|apolog|join|attend|make it|absent|away|unable|not able/i.test(text)) return [];
  // "Apologies for absence were received from Alex Smith." outside an Apologies section too.
  const lead = readApologiesLeadIn(text);
  if (lead && lead.length > 0) return lead.map((e) => ({ ...e, node, to: 'apologies' as const }));
  return readRegrets(text).map((e) => ({ ...e, node }));
}

/**
 * `**Attendees:** Dana Wang, Bennett Pursell` (or `Present: …` with one name
 * per following line): a paragraph whose first line is an attendance label
 * followed by names.
 */
function inlineLabelled(ctx: ReadContext, p: Paragraph): { key: Key; people: Entry[] } | undefined {
  const lines = plainLines(ctx, p);
  const m = /^([^:]{1,40}):\s*(\S.*)$/.exec(lines[0] ?? '');
  if (!m) return undefined;
  const key = labelKind(`${m[1]}:`);
  if (!key) return undefined;
  const people: Entry[] = [];
  for (const [i, line] of [m[2], ...lines.slice(1)].entries()) {
    const run = i === 0 || /\band\b|,.*,|;/.test(line);
    for (const e of lineOfNames(line, run)) people.push({ ...e, node: p });
  }
  return people.length > 0 ? { key, people } : undefined;
}

/** A person's key in a list: the name in lower case, spaces collapsed. */
function personKey(to: Key, name: string): string {
  return `${to}\u0000${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
}

/**
 * People of one attendance section, each mapped to the entry that names them,
 * in the meeting being read and (once per person) in the document's union.
 */
function add(ctx: ReadContext, seen: Set<string>, key: Key, people: Entry[], container: Nodes): void {
  const { b } = ctx;
  const mi = openMeeting(ctx);
  const meeting = mi === undefined ? undefined : b.content.meetings?.[mi];
  extendSection(ctx, '/content/attendance', key, container);
  if (meeting) extendSection(ctx, `/content/meetings/${mi}/attendance`, key, container);
  // Several people in one paragraph, row or item ("Present: A, B and C"): each at their own name, in written order.
  const shared = new Map<Nodes, number>();
  for (const { node } of people) shared.set(node, (shared.get(node) ?? 0) + 1);
  const cursor = new Map<Nodes, number>();
  for (const { attendee, absent, node, to: inline } of people) {
    const to = absent ? 'apologies' : inline ?? key;
    if (to === 'inAttendance' && attendee.voting === undefined) attendee.voting = false;
    const range = shared.get(node)! > 1 ? writtenRange(ctx, node, attendee, cursor) : rangeOfNode(node);
    if (meeting) {
      const list = meeting.attendance[to];
      if (list.some((a) => personKey(to, a.name) === personKey(to, attendee.name))) continue;
      b.map(`/content/meetings/${mi}/attendance/${to}/${list.length}`, range);
      list.push(attendee);
    }
    const k = personKey(to, attendee.name);
    if (seen.has(k)) continue;
    seen.add(k);
    const list = b.content.attendance![to];
    b.map(`/content/attendance/${to}/${list.length}`, range);
    list.push(meeting ? { ...attendee } : attendee);
  }
}

/**
 * Where a person's name is written in a node that names several: searched
 * from after the previous person of the same node, honorific first
 * ("Cllr Baker", else "Baker"); the whole node when it cannot be found.
 */
function writtenRange(ctx: ReadContext, node: Nodes, attendee: AttendeeEntry['attendee'], cursor: Map<Nodes, number>): Range | undefined {
  const whole = rangeOfNode(node);
  if (!whole) return undefined;
  const from = cursor.get(node) ?? whole.start.offset;
  const forms = attendee.honorificPrefix ? [`${attendee.honorificPrefix} ${attendee.name}`, attendee.name] : [attendee.name];
  for (const form of forms) {
    const span = writtenSpan(ctx.text, from, whole.end.offset, form);
    if (span) {
      cursor.set(node, span[1]);
      return ctx.b.range(span[0], span[1]);
    }
  }
  return whole;
}

/** The range of an attendance section grows over every list, table or paragraph it holds. */
function extendSection(ctx: ReadContext, base: string, key: Key, node: Nodes): void {
  const { b } = ctx;
  const pointer = `${base}/${key}`;
  const r = rangeOfNode(node);
  const prev = b.sourceMap.get(pointer)?.range;
  if (!prev) b.map(pointer, r);
  else if (r) b.map(pointer, { start: prev.start.offset <= r.start.offset ? prev.start : r.start, end: prev.end.offset >= r.end.offset ? prev.end : r.end });
}
