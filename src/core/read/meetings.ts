/**
 * Reads the meetings a set of minutes records: the date (and time) of each
 * from its heading (`# 2024-07-24`, `# 6th Feb 2024 100th TC39 Meeting`,
 * `## February 21, 2019 - (recording)`) or from a `Date:` / `Meeting
 * Date/Time:` line near the top. A file of several meetings (a weekly archive
 * with one heading per meeting, a plenary of several days) gets one meeting per
 * dated heading at the level of the first; a cancelled one (`~~November 22,
 * 2018~~ … cancelled`, `2024-11-26 - Canceled`) is not a meeting and ends the
 * one before. While a second or later meeting is read `ctx.meeting` says which,
 * so decisions and actions carry it; those of the first are stamped when the
 * second begins (a single meeting's items carry none).
 *
 * A date in running text ("the next meeting is on 3 May") is never taken.
 */
import type { Heading, List, Paragraph } from 'mdast';
import { matchLeadingDate, parseFuzzyDate } from '../dates/index.js';
import type { FuzzyDate, Meeting } from '../model.js';
import { itemLead, rangeOfNode, sourceLines, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

/** Headings longer than this are not searched for a date. */
const MAX_HEADING = 200;
/** How many words of a heading a date may start at. */
const MAX_STARTS = 30;
/** How many blocks after the title a bare date line may come. */
const MAX_LEAD_BLOCKS = 3;

interface State {
  /** Index of the meeting being read, if any. */
  open: number | undefined;
  /** Heading depth of the meetings (the first dated heading's). */
  depth: number | undefined;
  /** The last undated heading of depth 1-2 (the title a `Date:` line belongs to). */
  title: { text: string; depth: number } | undefined;
  /** A title heading came after the open meeting began (a `Date:` line then starts a new meeting). */
  newTitle: boolean;
  /** Where the first meeting's decisions and actions start and (once closed) end. */
  first: { resolutions: number; actions: number; endResolutions?: number; endActions?: number } | undefined;
  /** Blocks read since the title, before any meeting. */
  blocks: number;
}

const states = new WeakMap<ReadContext, State>();

/** The meeting being read (also the first, when `ctx.meeting` is not yet set), for readers that keep per-meeting lists. */
export function openMeeting(ctx: ReadContext): number | undefined {
  return states.get(ctx)?.open;
}

export const meetings: Reader = {
  id: 'meetings',
  description: 'Meetings: the date, time and title of each meeting the minutes record, from dated headings and Date: lines.',
  applies: (r) => r.attendance,
  create(ctx) {
    const st: State = { open: undefined, depth: undefined, title: undefined, newTitle: false, first: undefined, blocks: 0 };
    states.set(ctx, st);
    const block = () => {
      st.blocks++;
    };
    return {
      heading(h) {
        const text = textOf(h);
        if (text.length > MAX_HEADING) return;
        const source = sourceOf(ctx, h);
        const labelled = dateLine(text);
        if (labelled) {
          if (st.open === undefined || st.newTitle) {
            const title = st.title?.text ?? ctx.b.content.title ?? text;
            start(ctx, st, labelled, title, st.title?.depth ?? h.depth, h);
          }
          return;
        }
        const meetingLevel = st.depth === undefined ? h.depth <= 2 : h.depth <= st.depth;
        const found = meetingLevel ? headingDate(text) : undefined;
        if (found && isCancelled(text, source)) {
          close(ctx, st);
          return;
        }
        if (found) {
          // "# Minutes 19 March 2021" after "Date: 2021-03-19": the same meeting.
          const open = st.open === undefined ? undefined : ctx.b.content.meetings?.[st.open];
          if (!open || open.date.start !== found.date.start || open.date.end !== found.date.end) start(ctx, st, found, text, h.depth, h);
          return;
        }
        if (st.depth !== undefined && h.depth < st.depth) close(ctx, st);
        if (h.depth <= 2) {
          st.title = { text, depth: h.depth };
          st.newTitle = true;
          st.blocks = 0;
        }
      },
      paragraph(p) {
        if (boldDateParagraph(ctx, st, p)) return false;
        lines(ctx, p).some((line) => tryDateLine(ctx, st, line, p));
        block();
        return false;
      },
      list(l: List) {
        if (st.open === undefined || st.newTitle) {
          for (const item of l.children.slice(0, 4)) if (tryDateLine(ctx, st, itemLead(item), l, true)) break;
        }
        block();
        return false;
      },
      table() {
        block();
        return false;
      },
      other() {
        block();
      },
    };
  },
};

/** A date found in a heading or line, with the time written after it. */
interface Found {
  date: FuzzyDate;
  time?: string;
  timeZone?: string;
}

/**
 * A `Date:` / `Meeting Date/Time:` / `When:` line near the top, or (before any
 * meeting, right after the title) a line that is only a date ("16 October 2020").
 */
function tryDateLine(ctx: ReadContext, st: State, line: string, node: Paragraph | List, labelOnly = false): boolean {
  if (st.open !== undefined && !st.newTitle) return false;
  // `date: 2021-03-19` in lower case is YAML (a front matter left unclosed), not a line of the minutes.
  const labelled = /^[*_]*\p{Lu}/u.test(line) ? dateLine(line) : undefined;
  const bare = !labelled && !labelOnly && st.open === undefined && st.blocks < MAX_LEAD_BLOCKS ? bareDate(line) : undefined;
  const found = labelled ?? bare;
  if (!found) return false;
  const title = st.title?.text ?? ctx.b.content.title ?? found.date.text;
  start(ctx, st, found, title, st.title?.depth ?? 1, node);
  return true;
}

function start(ctx: ReadContext, st: State, found: Found, title: string, depth: number, node: Heading | Paragraph | List): void {
  const c = ctx.b.content;
  close(ctx, st);
  const list = (c.meetings ??= []);
  const i = list.length;
  const m: Meeting = {
    date: found.date,
    title,
    ...(found.time ? { time: found.time } : {}),
    ...(found.timeZone ? { timeZone: found.timeZone } : {}),
    attendance: { present: [], inAttendance: [], apologies: [] },
  };
  list.push(m);
  const r = rangeOfNode(node);
  ctx.b.map(`/content/meetings/${i}`, r);
  ctx.b.map(`/content/meetings/${i}/date`, r);
  st.open = i;
  st.depth ??= depth;
  st.newTitle = false;
  if (i === 0) {
    st.first = { resolutions: c.resolutions?.length ?? 0, actions: c.actions?.length ?? 0 };
    return;
  }
  if (i === 1 && st.first) stampFirst(ctx, st.first);
  ctx.meeting = i;
}

function close(ctx: ReadContext, st: State): void {
  if (st.open === 0 && st.first && st.first.endResolutions === undefined) {
    st.first.endResolutions = ctx.b.content.resolutions?.length ?? 0;
    st.first.endActions = ctx.b.content.actions?.length ?? 0;
  }
  st.open = undefined;
  ctx.meeting = undefined;
}

/** Once a second meeting begins, the first meeting's decisions and actions say they were its. */
function stampFirst(ctx: ReadContext, first: NonNullable<State['first']>): void {
  const { resolutions = [], actions = [] } = ctx.b.content;
  for (let i = first.resolutions; i < (first.endResolutions ?? resolutions.length); i++) resolutions[i].meeting ??= 0;
  for (let i = first.actions; i < (first.endActions ?? actions.length); i++) actions[i].meeting ??= 0;
}

function sourceOf(ctx: ReadContext, node: Heading): string {
  const p = node.position;
  return p?.start.offset !== undefined && p.end.offset !== undefined ? ctx.text.slice(p.start.offset, Math.min(p.end.offset, p.start.offset + 2 * MAX_HEADING)) : '';
}

/** The first lines of a paragraph as written (soft and hard breaks), without emphasis marks. */
function lines(ctx: ReadContext, p: Paragraph): string[] {
  return sourceLines(ctx.text, p, 2000, 8).map((l) => l.replace(/[*_]+/g, '').trim());
}

/** The depth given to meetings opened by a bold date paragraph: below every heading, so a heading never nests in one. */
const BOLD_DEPTH = 7;

/**
 * A weekly archive exported from a shared document dates each meeting with a
 * paragraph in bold, not a heading (`**12/15/2020**`, `**Thursday, March 5,
 * 2020**`): such a paragraph opens a meeting when the document's meetings
 * are not dated by headings. A numeric day-month order is taken only when the
 * document's bold dates settle it (`12/15/2020` is month first, `15/12/2020`
 * day first); when none does, the paragraph is not read as a date.
 */
function boldDateParagraph(ctx: ReadContext, st: State, p: Paragraph): boolean {
  if (st.depth !== undefined && st.depth !== BOLD_DEPTH) return false;
  const pos = p.position;
  if (pos?.start.offset === undefined || pos.end.offset === undefined || pos.end.offset - pos.start.offset > 120) return false;
  const source = ctx.text.slice(pos.start.offset, pos.end.offset);
  const first = source.split(/\r?\n/)[0];
  if (!/^(?:\*\*|__)/.test(first)) return false;
  const plain = first.replace(/[*_~]+/g, ' ').replace(/\s+/g, ' ').trim();
  const numeric = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b(.*)$/.exec(plain);
  let found: Found | undefined;
  let rest: string;
  if (numeric) {
    const order = numericOrder(ctx);
    if (!order) return false;
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const [month, day] = order === 'month-first' ? [a, b] : [b, a];
    const iso = `${numeric[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const date = parseFuzzyDate(iso);
    if (!date || date.invalid) return false;
    found = { date: { ...date, text: `${numeric[1]}/${numeric[2]}/${numeric[3]}` } };
    rest = numeric[4];
  } else {
    found = bareDate(plain);
    if (!found || found.date.precision !== 'day') return false;
    rest = plain.slice(found.date.text.length);
  }
  if (isCancelled(rest, source)) {
    close(ctx, st);
    st.depth = BOLD_DEPTH;
    return true;
  }
  if (!/^[\s.,;:()–—-]*$/.test(rest)) return false;
  start(ctx, st, found, plain, BOLD_DEPTH, p);
  st.depth = BOLD_DEPTH;
  return true;
}

const orders = new WeakMap<ReadContext, 'month-first' | 'day-first' | null>();

/** Whether the bold numeric dates of the document are month first (US) or day first, if any of them says. */
function numericOrder(ctx: ReadContext): 'month-first' | 'day-first' | undefined {
  let o = orders.get(ctx);
  if (o === undefined) {
    o = null;
    let monthFirst = false;
    let dayFirst = false;
    for (const m of ctx.text.slice(0, 2_000_000).matchAll(/(?:^|\n)(?:\*\*|__)~*(\d{1,2})\/(\d{1,2})\/\d{4}/g)) {
      if (Number(m[2]) > 12) monthFirst = true;
      if (Number(m[1]) > 12) dayFirst = true;
    }
    if (monthFirst !== dayFirst) o = monthFirst ? 'month-first' : 'day-first';
    orders.set(ctx, o);
  }
  return o ?? undefined;
}

/** "Cancelled", "Canceled", "No meeting", "Postponed", or a struck-out date. */
function isCancelled(text: string, source: string): boolean {
  return /\b(?:cancell?ed|cancel+ation|no meeting|postponed|not held)\b/i.test(text) || /~~[^~]*\d[^~]*~~/.test(source);
}

/** `Date: …`, `Meeting Date/Time: …`, `Date and time: …`, `When: …`, `Day One—22 September 2025`. */
const DATE_LABEL = /^(?:(?:meeting\s+)?(?:date|when|held(?:\s+on)?)(?:\s*(?:\/|and|&)\s*time)?\s*:|day\s+(?:one|two|three|four|five|1|2|3|4|5)\s*[—–:-])\s*(.{1,150})$/i;

function dateLine(line: string): Found | undefined {
  const m = DATE_LABEL.exec(line.replace(/[*_]+/g, '').trim());
  if (!m) return undefined;
  return dateAt(m[1].trim(), 0);
}

/** A line that is only a date, perhaps with its time ("16 October 2020", "Friday 7 Feb 2020, 14:00 UTC"). */
function bareDate(line: string): Found | undefined {
  const text = line.trim();
  if (text.length > 80) return undefined;
  const found = dateAt(text, 0);
  if (!found) return undefined;
  const rest = text.slice(found.date.text.length + (found.consumed ?? 0));
  return /^[\s.,;:()–—-]*$/.test(rest) ? found : undefined;
}

/**
 * The meeting date of a heading: a day written at its start (after emoji or
 * marks), at its end (before a parenthesis or dash note), or anywhere in a
 * heading that names a meeting ("… Meeting 2024-07-24", "Meeting 1 - 2015-11-30").
 */
function headingDate(text: string): Found | undefined {
  const namesMeeting = /\b(?:meeting|minutes|notes|call|sync|session|sitting|plenary|summit|agenda)\b/i.test(text);
  let starts = 0;
  for (let i = 0; i < text.length && starts < MAX_STARTS; i++) {
    if (!isWordStart(text, i)) continue;
    starts++;
    const found = dateAt(text, i);
    if (!found) continue;
    const before = text.slice(0, i);
    const after = text.slice(i + found.date.text.length + (found.consumed ?? 0));
    const atStart = !/[\p{L}\p{N}]/u.test(before);
    const atEnd = /^\s*(?:$|[-–—(|:,]|\[)/.test(after);
    if (atStart || atEnd || namesMeeting) return found;
  }
  return undefined;
}

function isWordStart(text: string, i: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[i]) && (i === 0 || !/[\p{L}\p{N}.\-/]/u.test(text[i - 1]));
}

/** A day date starting at `i`, and the time written right after it; `consumed` is the time's length. */
function dateAt(text: string, i: number): (Found & { consumed?: number }) | undefined {
  const rest = text.slice(i, i + 160);
  let date: FuzzyDate | undefined;
  const m = matchLeadingDate(rest);
  if (m && m.start === 0 && m.date.precision === 'day' && !m.date.invalid && m.date.start) date = m.date;
  else {
    // "2015-6-1", "2022/11/3": a year-month-day with one-digit parts or slashes.
    const short = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d/-])/.exec(rest.replace(WEEKDAY, ''));
    const d = short ? parseFuzzyDate(`${short[1]}-${short[3].padStart(2, '0')}-${short[4].padStart(2, '0')}`) : undefined;
    if (short && d && d.precision === 'day' && !d.invalid) date = { ...d, text: rest.slice(0, rest.length - rest.replace(WEEKDAY, '').length) + short[0] };
  }
  if (!date) return undefined;
  const found: Found & { consumed?: number } = { date };
  const t = TIME.exec(rest.slice(date.text.length));
  if (t) {
    const hour = Number(t[1]) + (/^p/i.test(t[3] ?? '') && Number(t[1]) < 12 ? 12 : 0) - (/^a/i.test(t[3] ?? '') && Number(t[1]) === 12 ? 12 : 0);
    if (hour < 24 && (t[2] !== undefined || t[3] !== undefined)) {
      found.time = `${String(hour).padStart(2, '0')}:${t[2] ?? '00'}`;
      if (t[4] && !/^(?:am|pm)$/i.test(t[4])) found.timeZone = t[4];
      found.consumed = t[0].length;
    }
  }
  return found;
}

/** "Thursday 2022/11/3": the weekday before a date the date parser does not read. */
const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+/i;

/** ", 14:00 UTC", " at 10:00am", " from 1pm PT", " 8:00a PT": the time after a date. */
const TIME = /^[ \t]*[,;@]?[ \t]*(?:at[ \t]+|from[ \t]+|[-–—][ \t]*)?(\d{1,2})(?:[:.]([0-5]\d))?[ \t]*(am|pm|a\.m\.|p\.m\.|a|p)?(?![\p{L}\d])(?:[ \t]*[-–—][ \t]*\d{1,2}(?:[:.][0-5]\d)?[ \t]*(?:am|pm)?)?(?:[ \t]*\(?((?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4})\)?(?![\p{L}]))?/u;
