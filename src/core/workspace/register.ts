/**
 * The action register across meetings: what a clerk keeps by hand. The
 * actions given at each meeting of a body are carried to the next; there
 * each is reported on (done, carried forward, dropped) under matters arising
 * or the minute it was given under, or re-listed among that meeting's
 * actions, or nothing is said of it. An action is overdue when a meeting
 * after its due date still had it open, or, while it is open, when today is
 * past it.
 *
 * Built once per index (the rules ask it once per set of minutes), in
 * O(actions × reports of the next meeting) per body: each action is compared
 * with the reports and actions of one meeting only.
 */
import type { ActionStatus } from '../model.js';
import type { Range } from '../text/range.js';
import { bodyKey } from './in-force.js';
import type { ActionSummary, DocumentSummary, ReportSummary, WorkspaceIndex } from './summary.js';

/** One meeting of a body, as the register orders them: a set of minutes, or one meeting in minutes of several. */
export interface RegisterMeeting {
  uri: string;
  /** Index of the meeting in minutes of several. */
  meeting?: number;
  /** ISO day of the meeting, when known. */
  date?: string;
  /** Whether the minutes report on earlier actions anywhere (matters arising, an action log, cited minutes). */
  reviews: boolean;
}

/** What became of an action at one meeting after the one it was given at. */
export interface RegisterEvent {
  uri: string;
  date?: string;
  /** `reported`: spoken of without a status the words tell; `not-reported`: nothing said of it. */
  status: ActionStatus | 'reported' | 'not-reported';
  /** How it was matched: by the minute number cited, by its words in a report, by being listed again. */
  by?: 'ref' | 'report' | 'relisted';
  /** The report or re-listed action, where it is written. */
  range?: Range;
  text?: string;
}

/** One action followed from the meeting it was given at to the last meeting of its body. */
export interface RegisterEntry {
  /** The body's name as written (or the folder, when the minutes name none). */
  body: string;
  text: string;
  owner?: string;
  due?: { text: string; end?: string };
  /** The minute it was given under. */
  ref?: string;
  /** Where it was given. */
  given: { uri: string; date?: string; range: Range; meeting?: number };
  /** Where it stands after the last meeting: `open` also when carried, reported without a status, or not reported. */
  status: 'open' | 'done' | 'dropped';
  /** What each later meeting said of it, in order; stops once it is done or dropped. */
  history: RegisterEvent[];
  /**
   * Overdue: the day it was found so (the date of the first meeting after
   * its due date that still had it open, else today), and that meeting.
   */
  overdue?: { since: string; uri?: string };
}

/** Minutes that approve earlier minutes as a correct record, and minutes never approved. */
export interface Approval {
  /** The minutes approved. */
  uri: string;
  date?: string;
  /** The minutes that approve them, and where they say so. */
  by: { uri: string; date?: string; range: Range };
}

/** The register of a workspace: every action of every body's minutes, and which minutes were approved. */
export interface ActionRegister {
  /** Per body (by `bodyKey`), its meetings in date order. */
  meetings: Map<string, RegisterMeeting[]>;
  entries: RegisterEntry[];
  /** Minutes approved by later minutes, by the URI of the approved ones. */
  approvals: Map<string, Approval>;
  /** Minutes marked `status: draft` (or unconfirmed) that no later minutes approve. */
  unapproved: DocumentSummary[];
  /**
   * The register's entries by where they were given, and by where they were
   * spoken of; `events`: each event of their histories at that document, as
   * the entry and the event's place in its `history`, in the order of
   * `reported` (one look-up, not a walk through every history).
   */
  byUri(uri: string): { given: RegisterEntry[]; reported: RegisterEntry[]; events: { entry: RegisterEntry; at: number }[] };
}

const STOP = new Set(
  'the and for with from that this into onto about are was were will would should have has had been be its their them they our out all any not but can may per via what when who whom which while also more than then there here these those his her him she each some such next last meeting action actions item items update report reports minute minutes agreed board members member group committee council chair officer officers'.split(' '),
);

/** The content words of a text: lower case, three letters or more, no common words. */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().slice(0, 400).split(/[^a-z0-9]+/)) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.length > 5 && w.endsWith('s') ? w.slice(0, -1) : w);
  }
  return out;
}

/** Whether two texts speak of the same thing: two content words shared and a third of the shorter one's, or four. */
function similar(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const share = shared / Math.min(a.size, b.size);
  return (shared >= 2 && share >= 0.34) || shared >= 4 ? share : 0;
}

/** The key a summary's body is grouped by: its `body:`, else its folder. */
export function registerBodyOf(s: DocumentSummary): { key: string; name: string } {
  if (s.body !== undefined && s.body.trim() !== '') return { key: 'body:' + bodyKey(s.body), name: s.body.trim() };
  const parts = s.uri.split(/[\\/]/).filter(Boolean);
  const folder = parts.slice(0, -1);
  return { key: 'dir:' + folder.join('/'), name: folder.slice(-2).join('/') || '.' };
}

const CLOSED_BY_STATUS: Partial<Record<string, RegisterEntry['status']>> = { done: 'done', dropped: 'dropped' };
const DRAFT = /^(?:draft|unconfirmed|unapproved|provisional)$/i;
const REGISTERS = new WeakMap<WorkspaceIndex, Map<string, ActionRegister>>();

interface Unit extends RegisterMeeting {
  summary: DocumentSummary;
  actions: ActionSummary[];
  reports: ReportSummary[];
}

/**
 * The action register of the workspace, as it stands on `today` (ISO day):
 * built once per index and day.
 */
export function actionRegister(index: WorkspaceIndex, today: string): ActionRegister {
  let byDay = REGISTERS.get(index);
  if (!byDay) REGISTERS.set(index, (byDay = new Map()));
  const cached = byDay.get(today);
  if (cached) return cached;
  const built = buildRegister(index, today);
  byDay.set(today, built);
  return built;
}

function unitsOf(s: DocumentSummary): Unit[] {
  const dates = s.meetingDates;
  if (!dates || dates.length < 2) {
    const date = s.date ?? dates?.[0];
    return [{ uri: s.uri, ...(date ? { date } : {}), reviews: (s.reports?.length ?? 0) > 0, summary: s, actions: s.actions ?? [], reports: s.reports ?? [] }];
  }
  return dates.map((date, i) => {
    const reports = (s.reports ?? []).filter((r) => (r.meeting ?? 0) === i);
    const u: Unit = { uri: s.uri, meeting: i, reviews: reports.length > 0, summary: s, actions: (s.actions ?? []).filter((a) => (a.meeting ?? 0) === i), reports };
    const d = date ?? s.date;
    if (d) u.date = d;
    return u;
  });
}

function buildRegister(index: WorkspaceIndex, today: string): ActionRegister {
  const groups = new Map<string, { name: string; units: Unit[] }>();
  for (const s of index.all()) {
    if (s.type !== 'minutes') continue;
    const { key, name } = registerBodyOf(s);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name, units: [] }));
    g.units.push(...unitsOf(s));
  }
  const meetings = new Map<string, RegisterMeeting[]>();
  const entries: RegisterEntry[] = [];
  const approvals = new Map<string, Approval>();
  for (const [key, { name, units }] of groups) {
    // Minutes with no date cannot be placed among the others: their actions stand as written.
    units.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.uri.localeCompare(b.uri) || (a.meeting ?? 0) - (b.meeting ?? 0));
    meetings.set(key, units.map(({ uri, meeting, date, reviews }) => ({ uri, ...(meeting !== undefined ? { meeting } : {}), ...(date ? { date } : {}), reviews })));
    let pending: { entry: RegisterEntry; words: Set<string> }[] = [];
    units.forEach((unit, k) => {
      const dated = unit.date !== undefined;
      const relisted = new Set<number>();
      if (dated && k > 0) {
        const reportWords = unit.reports.map((r) => wordsOf(r.text));
        const actionWords = unit.actions.map((a) => wordsOf(a.text));
        const next: typeof pending = [];
        for (const p of pending) {
          const event = followUp(p, unit, reportWords, actionWords, relisted);
          p.entry.history.push(event);
          const closed = CLOSED_BY_STATUS[event.status];
          if (closed) {
            p.entry.status = closed;
            continue;
          }
          const due = p.entry.due?.end;
          if (due !== undefined && !p.entry.overdue && unit.date! > due) p.entry.overdue = { since: unit.date!, uri: unit.uri };
          next.push(p);
        }
        pending = next;
      }
      unit.actions.forEach((a, i) => {
        if (relisted.has(i)) return;
        const entry: RegisterEntry = {
          body: name,
          text: a.text,
          ...(a.owner ? { owner: a.owner } : {}),
          ...(a.due ? { due: a.due } : {}),
          ...(a.ref ? { ref: a.ref } : {}),
          given: { uri: unit.uri, ...(unit.date ? { date: unit.date } : {}), range: a.range, ...(unit.meeting !== undefined ? { meeting: unit.meeting } : {}) },
          status: a.status === 'done' ? 'done' : a.status === 'dropped' ? 'dropped' : 'open',
          history: [],
        };
        entries.push(entry);
        if (entry.status === 'open' && dated) pending.push({ entry, words: wordsOf(a.text) });
      });
    });
    for (const e of entries) {
      if (e.status === 'open' && !e.overdue && e.due?.end !== undefined && today > e.due.end) e.overdue = { since: today };
    }
    linkApprovals(units, approvals);
  }
  const unapproved: DocumentSummary[] = [];
  for (const s of index.all()) {
    if (s.type === 'minutes' && s.status !== undefined && DRAFT.test(s.status) && !approvals.has(s.uri)) unapproved.push(s);
  }
  const givenAt = new Map<string, RegisterEntry[]>();
  const reportedAt = new Map<string, RegisterEntry[]>();
  const push = (m: Map<string, RegisterEntry[]>, uri: string, e: RegisterEntry) => {
    const list = m.get(uri);
    if (list) {
      if (list[list.length - 1] !== e) list.push(e);
    } else m.set(uri, [e]);
  };
  const eventsAt = new Map<string, { entry: RegisterEntry; at: number }[]>();
  for (const e of entries) {
    push(givenAt, e.given.uri, e);
    e.history.forEach((h, at) => {
      push(reportedAt, h.uri, e);
      const list = eventsAt.get(h.uri);
      if (list) list.push({ entry: e, at });
      else eventsAt.set(h.uri, [{ entry: e, at }]);
    });
  }
  return {
    meetings,
    entries,
    approvals,
    unapproved,
    byUri: (uri) => ({ given: givenAt.get(uri) ?? [], reported: reportedAt.get(uri) ?? [], events: eventsAt.get(uri) ?? [] }),
  };
}

/** What `unit` says of a pending action: a report citing its minute, a report in its words, the action listed again, or nothing. */
function followUp(
  p: { entry: RegisterEntry; words: Set<string> },
  unit: Unit,
  reportWords: Set<string>[],
  actionWords: Set<string>[],
  relisted: Set<number>,
): RegisterEvent {
  const base = { uri: unit.uri, ...(unit.date ? { date: unit.date } : {}) };
  const ref = p.entry.ref;
  let best = -1;
  let by: RegisterEvent['by'] = 'ref';
  if (ref !== undefined) best = unit.reports.findIndex((r) => r.refs?.includes(ref) === true);
  if (best < 0) {
    by = 'report';
    let score = 0;
    reportWords.forEach((w, i) => {
      const s = similar(p.words, w);
      if (s > score) [score, best] = [s, i];
    });
  }
  const relist = (): number => {
    let at = -1;
    let score = 0;
    actionWords.forEach((w, i) => {
      if (relisted.has(i)) return;
      const s = similar(p.words, w);
      if (s > score) [score, at] = [s, i];
    });
    if (at >= 0) relisted.add(at);
    return at;
  };
  if (best >= 0) {
    const r = unit.reports[best];
    // Reported and listed again among this meeting's actions: one action, not two.
    if (r.status !== 'done' && r.status !== 'dropped') relist();
    return { ...base, status: r.status ?? 'reported', by, range: r.range, text: r.text };
  }
  best = relist();
  if (best >= 0) {
    const a = unit.actions[best];
    if (!p.entry.due && a.due) p.entry.due = a.due;
    return { ...base, status: a.status === 'done' || a.status === 'dropped' ? a.status : 'carried', by: 'relisted', range: a.range, text: a.text };
  }
  return { ...base, status: 'not-reported' };
}

/** Links each approval of "the minutes of the meeting held on …" to those minutes: by date, else the meeting before. */
function linkApprovals(units: Unit[], approvals: Map<string, Approval>): void {
  const seen = new Set<string>();
  // The body's meetings by date, in order: one look-up per approval, not a scan of the body's meetings.
  const onDate = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.date === undefined) continue;
    const list = onDate.get(u.date);
    if (list) list.push(u);
    else onDate.set(u.date, [u]);
  }
  units.forEach((unit, k) => {
    const prev = unit.summary.previousMinutes;
    if (!prev || seen.has(unit.uri)) return;
    seen.add(unit.uri);
    let target: Unit | undefined;
    if (prev.date !== undefined) target = onDate.get(prev.date)?.find((u) => u.uri !== unit.uri);
    else if (unit.date !== undefined) {
      for (let j = k - 1; j >= 0 && !target; j--) if (units[j].uri !== unit.uri && units[j].date !== undefined && units[j].date! < unit.date) target = units[j];
    }
    if (!target || approvals.has(target.uri)) return;
    approvals.set(target.uri, { uri: target.uri, ...(target.date ? { date: target.date } : {}), by: { uri: unit.uri, ...(unit.date ? { date: unit.date } : {}), range: prev.range } });
  });
}
