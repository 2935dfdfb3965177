/**
 * Reads who was there: Present, In attendance and Apologies sections, written
 * as lists, tables (with a presence column) or paragraphs of names. Someone on
 * a Present list noted as absent ("(not present)", "sends regrets") is counted
 * with the apologies.
 */
import type { Nodes } from 'mdast';
import { readAttendanceLine, readAttendeeEntry, readAttendeeParagraph, type AttendeeEntry } from './phrases/people.js';
import { isYes, itemLead, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

type Key = 'present' | 'inAttendance' | 'apologies';

export const attendance: Reader = {
  id: 'attendance',
  description: 'Attendance: present, in attendance (non-voting) and apologies, from lists, tables and paragraphs.',
  applies: (r) => r.attendance,
  create(ctx) {
    ctx.b.content.attendance = { present: [], inAttendance: [], apologies: [] };
    const kind = () => attendanceKey(ctx.section?.kind);
    return {
      paragraph(p) {
        const key = kind();
        if (key) add(ctx, key, readAttendeeParagraph(textOf(p)).map((e) => ({ ...e, node: p })), p);
      },
      list(l) {
        const key = kind();
        if (!key) return false;
        add(ctx, key, l.children.flatMap((item) => readAttendanceLine(itemLead(item)).map((e) => ({ ...e, node: item as Nodes }))), l);
        return true;
      },
      table(t) {
        const key = kind();
        if (!key) return false;
        const { rows, col, cell } = tableColumns(t);
        const name = Math.max(col(/name|member|attendee/), 0);
        const mark = col((h) => h === '' || /present|attend/.test(h));
        const people: (AttendeeEntry & { node: Nodes })[] = [];
        for (const row of rows) {
          if (mark >= 0 && !isYes(cell(row, mark))) continue;
          const e = readAttendeeEntry(cell(row, name));
          if (e) people.push({ ...e, node: row });
        }
        add(ctx, key, people, t);
        return true;
      },
    };
  },
};

function attendanceKey(kind: string | undefined): Key | undefined {
  return kind === 'present' ? 'present' : kind === 'in-attendance' ? 'inAttendance' : kind === 'apologies' ? 'apologies' : undefined;
}

/** People of one attendance section, each mapped to the entry that names them. */
function add(ctx: ReadContext, key: Key, people: (AttendeeEntry & { node: Nodes })[], container: Nodes): void {
  const { b } = ctx;
  extendSection(ctx, key, container);
  for (const { attendee, absent, node } of people) {
    const to = absent ? 'apologies' : key;
    const list = b.content.attendance![to];
    if (to === 'inAttendance' && attendee.voting === undefined) attendee.voting = false;
    b.map(`/content/attendance/${to}/${list.length}`, rangeOfNode(node));
    list.push(attendee);
  }
}

/** The range of an attendance section grows over every list, table or paragraph it holds. */
function extendSection(ctx: ReadContext, key: Key, node: Nodes): void {
  const { b } = ctx;
  const pointer = `/content/attendance/${key}`;
  const r = rangeOfNode(node);
  const prev = b.sourceMap.get(pointer)?.range;
  if (!prev) b.map(pointer, r);
  else if (r) b.map(pointer, { start: prev.start.offset <= r.start.offset ? prev.start : r.start, end: prev.end.offset >= r.end.offset ? prev.end : r.end });
}
