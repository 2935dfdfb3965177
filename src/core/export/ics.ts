/**
 * iCalendar (RFC 5545): meetings, milestones and review dates as VEVENTs,
 * actions as VTODOs (DUE on the last day their due date allows; STATUS
 * COMPLETED or CANCELLED when the action register says a later meeting
 * reported them done or dropped).
 *
 * Dates known to the day are all-day events (`DTSTART;VALUE=DATE`); a meeting
 * with a start time (`start: "10:00"`) is a timed, floating-time event. An
 * uncertain date ("March/April 2021", "Q1 2022") becomes an all-day span
 * covering it, with the text as written in `X-GOVMARK-ORIGINAL` and the
 * DESCRIPTION. Events without any date (Tbc, impossible dates) are left out
 * and counted in the calendar's `X-GOVMARK-UNDATED`; an action without a due
 * date is still a to-do, without DUE.
 *
 * UIDs are derived from the file and line, so a re-export updates the events
 * a calendar already has. Lines end with CRLF and are folded at 75 octets;
 * TEXT values are escaped (`\\`, `;`, `,`, newlines).
 */
import type { FuzzyDate } from '../model.js';
import { bodyOf, documentDay, exactDay, lineOf, nameOf, registerEntries, sourceRef, spanOf, text, type ExportDocument, type ExportInput } from './input.js';

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, line breaks. */
export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * One content line folded at 75 octets (RFC 5545 §3.1): continuation lines
 * start with a space; a UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (iso: string) => iso.replace(/-/g, '');

/** The ISO day after `iso` (DTEND of an all-day event is exclusive). */
function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable digest of a path for UIDs. */
function digest(value: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(value)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

interface Component {
  kind: 'VEVENT' | 'VTODO';
  lines: string[];
}

class Calendar {
  readonly components: Component[] = [];
  readonly undated: string[] = [];
  private readonly uids = new Set<string>();
  constructor(private readonly stamp: string) {}

  /** A UID from the file and line (and what it is): the same item keeps it across exports. */
  uid(d: ExportDocument, pointer: string, what: string): string {
    const base = `${what}-L${lineOf(d, pointer)}-${digest(d.path)}@govmark`;
    let uid = base;
    for (let n = 2; this.uids.has(uid); n++) uid = base.replace('@', `-${n}@`);
    this.uids.add(uid);
    return uid;
  }

  add(kind: Component['kind'], d: ExportDocument, pointer: string, what: string, props: string[]): void {
    this.components.push({ kind, lines: [`UID:${escapeIcsText(this.uid(d, pointer, what))}`, `DTSTAMP:${this.stamp}`, ...props, `X-GOVMARK-SOURCE:${escapeIcsText(sourceRef(d, pointer))}`] });
  }
}

/** DTSTART/DTEND of an all-day span, and the original text when it was not one day. */
function allDay(date: FuzzyDate): string[] | undefined {
  const span = spanOf(date);
  if (!span) return undefined;
  const lines = [`DTSTART;VALUE=DATE:${compact(span.start)}`, `DTEND;VALUE=DATE:${compact(nextDay(span.end))}`];
  if (date.precision !== 'day') lines.push(`X-GOVMARK-ORIGINAL:${escapeIcsText(date.text)}`);
  return lines;
}

function description(parts: (string | undefined)[]): string {
  return `DESCRIPTION:${escapeIcsText(parts.filter((p): p is string => !!p).join('\n'))}`;
}

/** `HH:MM` → `HHMMSS`, when it is a time of day. */
function clock(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim()) : null;
  return m ? `${m[1].padStart(2, '0')}${m[2]}00` : undefined;
}

/** The documents as one iCalendar stream (CRLF line endings, folded). */
export function exportIcs(input: ExportInput): string {
  const cal = new Calendar(`${compact(input.today)}T000000Z`);
  const register = registerEntries(input);
  for (const d of input.documents) {
    meetings(cal, d);
    milestones(cal, d);
    review(cal, d);
    actions(cal, d, register.get(d.doc.uri));
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//govmark//govmark export//EN', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:govmark'];
  if (cal.undated.length > 0) {
    lines.push(`X-GOVMARK-UNDATED:${cal.undated.length}`);
    lines.push(`X-GOVMARK-COMMENT:${escapeIcsText(`${cal.undated.length} item${cal.undated.length === 1 ? '' : 's'} without a date (Tbc or impossible) left out: ${cal.undated.join(', ')}`)}`);
  }
  for (const c of cal.components) lines.push(`BEGIN:${c.kind}`, ...c.lines, `END:${c.kind}`);
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function meetings(cal: Calendar, d: ExportDocument): void {
  const { doc } = d;
  const { meta, content } = doc.data;
  const list = content.meetings ?? [];
  const body = bodyOf(doc);
  list.forEach((m, i) => {
    const pointer = `/content/meetings/${i}`;
    const date = exactDay(m.date) ?? (list.length === 1 ? documentDay(doc) : undefined);
    const summary = `SUMMARY:${escapeIcsText(body && !m.title.includes(body) ? `${body}: ${m.title}` : m.title || nameOf(doc))}`;
    const location = list.length === 1 && text(meta.location) ? [`LOCATION:${escapeIcsText(text(meta.location)!)}`] : [];
    const start = clock(m.time) ?? (list.length === 1 ? clock(meta.start) : undefined);
    const end = list.length === 1 ? clock(meta.end) : undefined;
    let when: string[] | undefined;
    if (date && start) {
      // A time without a zone is local time where the meeting was held: a floating time.
      const zulu = m.timeZone === 'UTC' ? 'Z' : '';
      when = [`DTSTART:${compact(date)}T${start}${zulu}`, ...(end && end > start ? [`DTEND:${compact(date)}T${end}${zulu}`] : [])];
    } else if (date) {
      when = allDay({ text: date, precision: 'day', start: date, end: date });
    } else {
      when = allDay(m.date);
    }
    if (!when) {
      cal.undated.push(sourceRef(d, pointer));
      return;
    }
    cal.add('VEVENT', d, pointer, 'meeting', [...when, summary, ...location, 'CATEGORIES:meeting', description([`Minutes: ${nameOf(doc)}`, m.date.precision !== 'day' ? `Date as written: ${m.date.text}` : undefined, `Source: ${sourceRef(d, pointer)}`])]);
  });
}

const EVENT_STATUS: Partial<Record<string, string>> = { cancelled: 'CANCELLED', tbc: 'TENTATIVE', done: 'CONFIRMED', planned: 'CONFIRMED' };

function milestones(cal: Calendar, d: ExportDocument): void {
  (d.doc.data.content.milestones ?? []).forEach((m, i) => {
    const pointer = `/content/milestones/${i}`;
    const when = allDay(m.date);
    if (!when) {
      cal.undated.push(sourceRef(d, pointer));
      return;
    }
    const status = m.status ? EVENT_STATUS[m.status] : undefined;
    cal.add('VEVENT', d, pointer, 'milestone', [
      ...when,
      `SUMMARY:${escapeIcsText(m.title)}`,
      ...(status ? [`STATUS:${status}`] : []),
      'CATEGORIES:milestone',
      description([`Timeline: ${nameOf(d.doc)}`, m.group ? `Under: ${m.group}` : undefined, m.date.precision !== 'day' ? `Date as written: ${m.date.text}` : undefined, m.status ? `Status: ${m.status}` : undefined, `Source: ${sourceRef(d, pointer)}`]),
    ]);
  });
}

/** The review date of terms of reference (`review:`), as the timeline shows it. */
function review(cal: Calendar, d: ExportDocument): void {
  const { meta } = d.doc.data;
  const key = meta.review !== undefined ? 'review' : meta['next-review'] !== undefined ? 'next-review' : undefined;
  if (!key) return;
  const value = meta[key];
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : text(value);
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return;
  cal.add('VEVENT', d, `/meta/${key}`, 'review', [...allDay({ text: iso, precision: 'day', start: iso, end: iso })!, `SUMMARY:${escapeIcsText(`Review of ${nameOf(d.doc)}`)}`, 'CATEGORIES:review', description([`Source: ${sourceRef(d, `/meta/${key}`)}`])]);
}

const TODO_STATUS = { done: 'COMPLETED', dropped: 'CANCELLED', open: 'NEEDS-ACTION', carried: 'NEEDS-ACTION' } as const;

function actions(cal: Calendar, d: ExportDocument, register: Map<number, import('../workspace/register.js').RegisterEntry> | undefined): void {
  const { content } = d.doc.data;
  (content.actions ?? []).forEach((a, i) => {
    const pointer = `/content/actions/${i}`;
    const entry = register?.get(i);
    const status = entry?.status ?? a.status ?? 'open';
    const decision = a.resolution !== undefined ? content.resolutions?.[a.resolution] : undefined;
    const what = decision?.identifier && decision.text.trim() === a.text.trim() ? `${decision.identifier} ${a.text}` : a.text;
    const due = spanOf(a.due);
    const lines: string[] = [];
    const given = documentDay(d.doc);
    if (given) lines.push(`DTSTART;VALUE=DATE:${compact(given)}`);
    // DUE is the last day the due date allows ("by March 2021" → 31 March); it may not come before DTSTART.
    if (due && (!given || due.end >= given)) lines.push(`DUE;VALUE=DATE:${compact(due.end)}`);
    if (a.due && a.due.precision !== 'day') lines.push(`X-GOVMARK-ORIGINAL:${escapeIcsText(a.due.text)}`);
    lines.push(`SUMMARY:${escapeIcsText(a.owner && !what.startsWith(a.owner) ? `${a.owner}: ${what}` : what)}`, `STATUS:${TODO_STATUS[status]}`);
    const last = entry?.history[entry.history.length - 1];
    lines.push(
      description([
        a.owner ? `Owner: ${a.owner}` : undefined,
        a.due ? `Due as written: ${a.due.text}` : 'No due date',
        `Given at: ${nameOf(d.doc)}`,
        last ? `Last reported: ${last.date ?? ''} ${last.status}`.trim() : undefined,
        entry?.overdue ? `Overdue since ${entry.overdue.since}` : undefined,
        `Source: ${sourceRef(d, pointer)}`,
      ]),
    );
    cal.add('VTODO', d, pointer, 'action', lines);
  });
}
