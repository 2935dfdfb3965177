/**
 * What cross-document rules need to know of a document, small enough to send
 * between worker threads and to keep in the cache for thousands of files.
 */
import { parseFrontMatterDate } from '../dates/index.js';
import type { GovDocument, Quorum, VotingRule } from '../model.js';
import { decisionPurpose } from '../read/phrases/votes.js';
import { adoptionDate } from '../rules/review-before-adoption.js';
import { rangeOf } from '../source-map.js';
import type { Range } from '../text/range.js';

/** A front matter reference to another document by its id (`terms: trafford-hwb-tor`). */
export interface Reference {
  /** The front matter key that holds it: `terms`, `supersedes`. */
  key: string;
  id: string;
  range: Range;
}

/** What cross-document rules need to know of a document, small enough to send between threads and to cache. */
export interface DocumentSummary {
  uri: string;
  type?: string;
  id?: string;
  idRange?: Range;
  title?: string;
  body?: string;
  /** ISO date of the meeting or decision, when given. */
  date?: string;
  /** Terms of reference: when they were adopted (start of the period in force). */
  adopted?: string;
  /** Where `adopted` is written. */
  adoptedRange?: Range;
  /** When they take effect, when not on adoption (`effective:`), ISO. */
  effective?: string;
  /** When they cease to be in force (`expires:`), ISO. */
  expires?: string;
  /** The `status:` written (draft, adopted, superseded, …), and where. */
  status?: string;
  statusRange?: Range;
  refs: Reference[];
  /** Terms of reference: the quorum and where it is stated. */
  quorum?: Quorum & { range: Range };
  /** Terms of reference: how the body decides (the majority its votes need), and where each rule is stated. */
  voting?: (VotingRule & { range: Range })[];
  /** Agendas: the items, in order, and where each is written. */
  agenda?: { number?: string; title: string; parent?: string; urgent?: boolean; withdrawn?: boolean; range: Range }[];
  /** Minutes: the titles of their headings, in order (to find each agenda item's minute). */
  headings?: string[];
  /** Minutes and resolutions: the decisions taken by a recorded vote, with their tallies. */
  votes?: VoteSummary[];
  /** Terms of reference: voting seats (sum of counts), when membership lists them. */
  votingSeats?: number;
  /**
   * Minutes: members present who may vote, and the range of the Present
   * section; `who` describes each (honorific, role, affiliation, lower case),
   * for a quorum that must include someone ("including the Chair").
   */
  presentVoting?: {
    count: number;
    range: Range;
    who?: string[];
    /** Each voting member present as written (without notes), in order, for matching against the roster. */
    names?: string[];
    /** Parallel to `names`: where each is written. */
    at?: Range[];
    /** Parallel to `names`: the member each sits for, when a substitute ("substitute for Councillor A. Lane"). */
    substituteFor?: (string | undefined)[];
  };
  /**
   * Terms of reference or a membership paper that names who holds each
   * voting seat: the holders, and whether every voting seat is named or said
   * to be vacant (only then can someone present be told not to be a member).
   */
  roster?: { members: string[]; complete: boolean };
  /** Range to point at when nothing more precise exists (the title or line 1). */
  anchor: Range;
  /** How the type was decided: opt-in rules give hints on a recognised (`inferred`) document. */
  typeSource?: GovDocument['typeSource'];
  /** The title's range (the H1), where a document-wide message is shown. */
  titleRange?: Range;
  /**
   * The kinds of section the document has: by heading, or by what was read
   * under another heading (functions, seats, quorum, people present).
   */
  sectionKinds?: string[];
  /** Where the document ends, and whether it ends with a newline (a quick fix appends a section there). */
  end?: { point: Range['end']; newline: boolean };
  /** Minutes: the actions given at the meeting, for the action register across meetings. */
  actions?: ActionSummary[];
  /** Minutes: the reports on earlier actions (matters arising, the action log). */
  reports?: ReportSummary[];
  /** Minutes: the earlier minutes they approve as a correct record (the meeting's ISO day, when named). */
  previousMinutes?: { date?: string; range: Range };
  /** Minutes of several meetings: each meeting's ISO day, by index (actions and reports name theirs); of one, its day when only the heading gives it. */
  meetingDates?: (string | undefined)[];
}

/** An action as the register across meetings needs it. */
export interface ActionSummary {
  /** What is to be done (the first 240 characters). */
  text: string;
  owner?: string;
  /** The due date as written, and the last day it allows (ISO). */
  due?: { text: string; end?: string };
  status?: import('../model.js').ActionStatus;
  /** The minute it was given under ("19.5": the decision's identifier, else the agenda item). */
  ref?: string;
  /** Index of the meeting, in minutes of several. */
  meeting?: number;
  range: Range;
}

/** A decision's vote as the majority rule needs it. */
export interface VoteSummary {
  /** The decision's identifier ("18.2") or the first words of its text. */
  label: string;
  outcome?: 'adopted' | 'rejected' | 'deferred' | 'noted';
  yes?: number;
  no?: number;
  abstain?: number;
  unanimous?: boolean;
  /** What the decision is about, when a voting rule may be for it only (amending the terms, removing a member, an election). */
  purpose?: VotingRule['purpose'];
  /** The vote block, else the decision. */
  range: Range;
}

/** A report on an earlier action as the register needs it. */
export interface ReportSummary {
  text: string;
  status?: import('../model.js').ActionStatus;
  refs?: string[];
  meeting?: number;
  range: Range;
}

/** The summaries of a workspace's documents, looked up by URI or by id. */
export interface WorkspaceIndex {
  /** Every document's summary. */
  all(): readonly DocumentSummary[];
  /** The summary of the document at `uri`. */
  get(uri: string): DocumentSummary | undefined;
  /** Documents declaring this `id`. */
  byId(id: string): readonly DocumentSummary[];
  /** Documents whose front matter `key` (`terms`, `supersedes`) names `id`. */
  referencing(key: string, id: string): readonly DocumentSummary[];
  /** Every id declared, once each, in the order first declared. */
  ids(): readonly string[];
}

/** An index over these summaries (for `checkWorkspace`). */
export function createIndex(summaries: Iterable<DocumentSummary>): WorkspaceIndex {
  const byUri = new Map<string, DocumentSummary>();
  const byId = new Map<string, DocumentSummary[]>();
  for (const s of summaries) {
    byUri.set(s.uri, s);
    if (s.id !== undefined) {
      const list = byId.get(s.id);
      if (list) list.push(s);
      else byId.set(s.id, [s]);
    }
  }
  const all = [...byUri.values()];
  // Built on first use, once per index: rules ask these once per document.
  let refs: Map<string, DocumentSummary[]> | undefined;
  let ids: string[] | undefined;
  return {
    all: () => all,
    get: (uri) => byUri.get(uri),
    byId: (id) => byId.get(id) ?? [],
    referencing(key, id) {
      if (!refs) {
        refs = new Map();
        for (const doc of all) {
          for (const r of doc.refs) {
            const k = `${r.key}\0${r.id}`;
            const list = refs.get(k);
            if (!list) refs.set(k, [doc]);
            else if (list[list.length - 1] !== doc) list.push(doc);
          }
        }
      }
      return refs.get(`${key}\0${id}`) ?? [];
    },
    ids: () => (ids ??= [...byId.keys()]),
  };
}

const REFERENCE_KEYS = ['terms', 'supersedes', 'amends', 'agenda'];

/** A front matter date as its first day, ISO (`2021-05-25`, `May 2021`); undefined when it is none. */
function isoDay(v: unknown): string | undefined {
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : str(v);
  if (text === undefined) return undefined;
  const d = parseFrontMatterDate(text);
  return d && !d.invalid ? d.start : undefined;
}


function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** What cross-document rules need to know of a document (see `DocumentSummary`). */
export function summarize(doc: GovDocument): DocumentSummary {
  const { meta, content } = doc.data;
  const anchor = doc.frontMatterRange ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  const refs: Reference[] = [];
  for (const key of REFERENCE_KEYS) {
    const v = meta[key];
    const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
    values.forEach((item, i) => {
      const id = str(item);
      const p = Array.isArray(v) ? `/meta/${key}/${i}` : `/meta/${key}`;
      const range = rangeOf(doc, p);
      if (id && range) refs.push({ key, id, range });
    });
  }
  const summary: DocumentSummary = {
    uri: doc.uri,
    type: doc.type,
    id: str(meta.id),
    idRange: rangeOf(doc, '/meta/id'),
    title: str(meta.title) ?? content.title,
    body: str(meta.body),
    // `date: 2 November 2021` is the day the parse understood (content.date), as YYYY-MM-DD.
    date: content.date?.start ?? str(meta.date),
    adopted: adoptionDate(meta),
    refs,
    anchor,
  };
  const adoptedRange = rangeOf(doc, '/meta/adopted/date') ?? rangeOf(doc, '/meta/adopted');
  if (summary.adopted !== undefined && adoptedRange) summary.adoptedRange = adoptedRange;
  const effective = isoDay(meta.effective);
  if (effective !== undefined) summary.effective = effective;
  // Only an `expires:` written: a `period: 2020/21` is a municipal year (from the annual meeting in May) or a
  // financial one (from April), and a guessed end would call terms expired that were still in force.
  const expires = isoDay(meta.expires);
  if (expires !== undefined) summary.expires = expires;
  const status = str(meta.status);
  const statusRange = rangeOf(doc, '/meta/status');
  if (status !== undefined) {
    summary.status = status;
    if (statusRange) summary.statusRange = statusRange;
  }
  if (doc.type !== undefined) {
    summary.typeSource = doc.typeSource;
    summary.titleRange = rangeOf(doc, '/content/title');
    summary.sectionKinds = sectionKinds(doc);
    summary.end = { point: doc.lines.point(doc.text.length), newline: doc.text.endsWith('\n') };
  }
  if (content.quorum) {
    const range = rangeOf(doc, '/content/quorum') ?? anchor;
    summary.quorum = { ...content.quorum, range };
  }
  if (content.voting?.length) {
    const rules: (VotingRule & { range: Range })[] = [];
    content.voting.forEach((r, i) => rules.push({ ...r, text: clip(r.text), range: rangeOf(doc, `/content/voting/${i}`) ?? anchor }));
    summary.voting = rules;
  }
  const votes: VoteSummary[] = [];
  (content.resolutions ?? []).forEach((r, i) => {
    const v = r.votes;
    if (!v || votes.length >= 1000) return;
    const range = rangeOf(doc, `/content/resolutions/${i}/votes`) ?? rangeOf(doc, `/content/resolutions/${i}/text`) ?? rangeOf(doc, `/content/resolutions/${i}`);
    if (!range) return;
    const words = r.text.length > 60 ? r.text.slice(0, 59).replace(/\s+\S*$/, '') + '…' : r.text;
    const s: VoteSummary = { label: r.identifier ?? words, range };
    if (r.outcome) s.outcome = r.outcome;
    for (const k of ['yes', 'no', 'abstain'] as const) if (v[k] !== undefined) s[k] = v[k];
    if (v.unanimous) s.unanimous = true;
    const purpose = decisionPurpose(r.text);
    if (purpose) s.purpose = purpose;
    votes.push(s);
  });
  if (votes.length) summary.votes = votes;
  if (content.seats && content.seats.length > 0) {
    const votingSeats = content.seats.filter((s) => s.voting !== false);
    summary.votingSeats = votingSeats.reduce((n, s) => n + s.count, 0);
    const members = votingSeats.filter((s) => s.holder !== undefined).slice(0, 500).map((s) => clip(s.holder!));
    if (members.length > 0) summary.roster = { members, complete: votingSeats.every((s) => s.count === 1 && (s.holder !== undefined || s.vacant === true)) };
  }
  if (doc.type === 'minutes') {
    registerFields(doc, summary);
    const headings = content.sections.filter((x) => x.depth > 1).slice(0, 300).map((x) => clip(x.title));
    if (headings.length) summary.headings = headings;
  }
  if (content.agenda?.length) {
    const list: NonNullable<DocumentSummary['agenda']> = [];
    content.agenda.slice(0, 500).forEach((e, i) => {
      const range = rangeOf(doc, `/content/agenda/${i}`);
      if (!range) return;
      list.push({ title: clip(e.title), range, ...(e.number !== undefined ? { number: e.number } : {}), ...(e.parent !== undefined ? { parent: e.parent } : {}), ...(e.urgent ? { urgent: true } : {}), ...(e.withdrawn ? { withdrawn: true } : {}) });
    });
    summary.agenda = list;
  }
  // Only minutes that record who was present can be checked for quorum: no Present list, or one not filled in
  // yet (new minutes' seat checklist), is not "nobody came".
  const presentRange = rangeOf(doc, '/content/attendance/present');
  if (content.attendance && presentRange && content.attendance.present.length > 0) {
    // Each voting person with their place in the Present list, for their range.
    const places = content.attendance.present.flatMap((a, i) => (a.voting !== false ? [i] : []));
    const voting = places.map((i) => content.attendance!.present[i]);
    summary.presentVoting = { count: voting.length, range: presentHeadingRange(doc, presentRange) };
    if (voting.length <= 300) {
      summary.presentVoting.names = voting.map((a) => clip(a.name));
      const at = places.map((i) => rangeOf(doc, `/content/attendance/present/${i}`));
      if (at.every((r) => r !== undefined)) summary.presentVoting.at = at as Range[];
      if (voting.some((a) => a.substituteFor !== undefined)) summary.presentVoting.substituteFor = voting.map((a) => (a.substituteFor !== undefined ? clip(a.substituteFor) : undefined));
    }
    const who = voting.slice(0, 300).map((a) => [a.honorificPrefix, a.role, a.affiliation].filter(Boolean).join(' ').toLowerCase().slice(0, 120));
    // `chair: Councillor J. Slater` in the front matter: the meeting had its chair.
    if (typeof meta.chair === 'string' && meta.chair.trim() !== '') who.push('chair');
    if (who.some((w) => w !== '')) summary.presentVoting.who = who;
  }
  return summary;
}

/**
 * Where a message about who was present points: the Present heading the list
 * sits under, when it has one (not the whole section, blank lines and all);
 * otherwise the list or paragraph itself ("Present: A, B and C").
 */
function presentHeadingRange(doc: GovDocument, list: Range): Range {
  let best: Range | undefined;
  doc.data.content.sections.forEach((section, i) => {
    if (section.kind !== 'present') return;
    const r = rangeOf(doc, `/content/sections/${i}`);
    if (r && r.start.offset <= list.start.offset) best = r;
  });
  if (!best) return list;
  // Only the heading right above the list: another heading between them means the list is not under it.
  const between = doc.data.content.sections.some((_, i) => {
    const r = rangeOf(doc, `/content/sections/${i}`);
    return r !== undefined && r.start.offset > best!.start.offset && r.start.offset < list.start.offset;
  });
  return between ? list : best;
}

const clip = (t: string) => (t.length > 240 ? t.slice(0, 239) + '…' : t);

/** What the action register needs of minutes: actions, reports on earlier ones, the approval of the last minutes. */
function registerFields(doc: GovDocument, summary: DocumentSummary): void {
  const { content } = doc.data;
  const actions: ActionSummary[] = [];
  (content.actions ?? []).slice(0, 1000).forEach((a, i) => {
    const range = rangeOf(doc, `/content/actions/${i}`);
    if (!range) return;
    const s: ActionSummary = { text: clip(a.text), range };
    if (a.owner) s.owner = clip(a.owner);
    if (a.due && !a.due.invalid) s.due = a.due.end ? { text: a.due.text, end: a.due.end } : { text: a.due.text };
    if (a.status) s.status = a.status;
    const r = a.resolution !== undefined ? content.resolutions?.[a.resolution] : undefined;
    const ref = r?.identifier ?? r?.item;
    if (ref) s.ref = ref;
    if (a.meeting !== undefined) s.meeting = a.meeting;
    actions.push(s);
  });
  if (actions.length) summary.actions = actions;
  const reports: ReportSummary[] = [];
  (content.reports ?? []).forEach((r, i) => {
    const range = rangeOf(doc, `/content/reports/${i}`);
    if (!range) return;
    const s: ReportSummary = { text: clip(r.text), range };
    if (r.status) s.status = r.status;
    if (r.refs?.length) s.refs = r.refs;
    if (r.meeting !== undefined) s.meeting = r.meeting;
    reports.push(s);
  });
  if (reports.length) summary.reports = reports;
  const prev = content.previousMinutes;
  const prevRange = rangeOf(doc, '/content/previousMinutes');
  if (prev && prevRange) summary.previousMinutes = prev.date?.start ? { date: prev.date.start, range: prevRange } : { range: prevRange };
  const meetings = content.meetings ?? [];
  // One meeting dated only in its heading ("# Meeting notes, 12 September 2019"): the register places it by that.
  if (meetings.length > 1 || (meetings.length === 1 && summary.date === undefined && meetings[0].date.precision === 'day' && !meetings[0].date.invalid)) {
    summary.meetingDates = meetings.map((m) => (m.date.invalid ? undefined : m.date.start));
  }
}

/** The kinds of section a document has, by heading or by what was read from it under any heading. */
export function sectionKinds(doc: GovDocument): string[] {
  const { content } = doc.data;
  const kinds = new Set<string>();
  for (const x of content.sections) if (x.kind) kinds.add(x.kind);
  if ((content.functions?.length ?? 0) > 0) kinds.add('functions');
  if ((content.seats?.length ?? 0) > 0) kinds.add('membership');
  if (content.quorum) kinds.add('quorum');
  if ((content.attendance?.present.length ?? 0) > 0) kinds.add('present');
  return [...kinds];
}
