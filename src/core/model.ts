/**
 * The typed document model. Names follow the governance domain and, where they
 * exist, Popolo and Akoma Ntoso (see docs/model.md).
 *
 * The model is plain JSON data (so a JSON Schema validates it whole); where each
 * value came from lives beside it in `GovDocument.sourceMap`, keyed by JSON
 * pointer (RFC 6901), e.g. `/meta/review` or `/content/resolutions/3/number`.
 */
import type { KindInference } from './kind/infer.js';
import type { GovMessage } from './message.js';
import type { LineIndex } from './text/lines.js';
import type { Range } from './text/range.js';

/** The document types govmark knows without a config file. */
export const BUILTIN_TYPES = ['terms-of-reference', 'minutes', 'agenda', 'resolution', 'timeline'] as const;
/** One of `BUILTIN_TYPES`. */
export type BuiltinType = (typeof BUILTIN_TYPES)[number];

/** How precisely a date expression pins down a time. */
export type DatePrecision =
  | 'day'
  | 'part-of-month' // early / mid / late September
  | 'month'
  | 'quarter'
  | 'season'
  | 'half-year'
  | 'financial-year' // UK: 1 April – 31 March
  | 'year'
  | 'range' // explicit range: "March/April 2021", "1-4 April 2025"
  | 'unknown'; // Tbc / TBD

/**
 * A date as authors write it, often uncertain. `start` and `end` are ISO
 * calendar dates (YYYY-MM-DD), both inclusive; absent for "Tbc".
 */
export interface FuzzyDate {
  /** The text as written. */
  text: string;
  precision: DatePrecision;
  start?: string;
  end?: string;
  /** Set when the text looks like a date but names none (30 February). */
  invalid?: string;
}

/** Where a milestone stands, as its status column or marker says. */
export type MilestoneStatus = 'done' | 'planned' | 'at-risk' | 'delayed' | 'cancelled' | 'tbc';

/** A dated entry of a timeline. */
export interface Milestone {
  date: FuzzyDate;
  title: string;
  status?: MilestoneStatus;
  /** The heading the milestone sits under, for heading-grouped timelines. */
  group?: string;
}

/** A seat on the body (Popolo `Post`): exists whoever holds it. */
export interface Seat {
  label: string;
  /** Nominating organisation (Popolo `Membership.on_behalf_of`). */
  organization?: string;
  count: number;
  statutory?: boolean;
  voting?: boolean;
  role?: string;
  /** The person named as holding the seat ("Package Distribution Metadata PEPs: Paul Moore"). */
  holder?: string;
  /** True when the membership says nobody holds the seat now ("Vacant", "to be appointed"). */
  vacant?: boolean;
  /** True when the number is not fixed ("a variable number", "at least four"); `count` is then the stated minimum. */
  variable?: boolean;
}

/** How many members must be present for a meeting to decide (Popolo has no term; Akoma Ntoso `quorum`). */
export interface Quorum {
  /** The text that states the quorum ("five voting members", `5`). */
  text: string;
  /** An absolute number of members, when stated as one. */
  count?: number;
  /** A share of the membership, when stated as one (one third → 1/3). */
  fraction?: { numerator: number; denominator: number };
  /** How many members may be absent, when stated that way ("N - 2", "at most 2 … not present"). */
  absentAllowed?: number;
  /** Who must be among those present, as written: "the Chair" of "one third, including the Chair", "at least one councillor". */
  includes?: string;
  /** Where it was stated: the front matter, a Quorum section, or a sentence elsewhere in the body. */
  source: 'front-matter' | 'section' | 'body';
}

/** One person on an attendance list (Akoma Ntoso `rollCall`). */
export interface Attendee {
  /** The name without honorific: "J. Slater" for "Councillor J. Slater". */
  name: string;
  /** A title written before the name (Popolo `honorific_prefix`): "Councillor", "Dr", "Prof". */
  honorificPrefix?: string;
  role?: string; // Chair, Vice-Chair, ...
  /** Organisation or description after the name. */
  affiliation?: string;
  voting?: boolean;
  /** The member they sit for, as written ("Councillor A. Lane" of "substitute for Councillor A. Lane"). */
  substituteFor?: string;
}

/** Who was present, in attendance without a vote, and sent apologies. */
export interface Attendance {
  present: Attendee[];
  inAttendance: Attendee[];
  apologies: Attendee[];
}

/**
 * One meeting a document records (Akoma Ntoso `debate` of one sitting). A file
 * that holds several (a weekly archive, a three-day plenary) has one per
 * meeting, in document order; cancelled meetings are not meetings.
 */
export interface Meeting {
  /** The day it was held, as written in its heading or `Date:` line. */
  date: FuzzyDate;
  /** The heading (or document title) that names it. */
  title: string;
  /** The time it started, `HH:MM` on the 24-hour clock, when written. */
  time?: string;
  /** The time zone written with the time ("UTC", "PT", "BST"). */
  timeZone?: string;
  /** Who was at this meeting; the document's `attendance` is the union over its meetings. */
  attendance: Attendance;
}

/**
 * Where an action stands: `open` (an unticked checkbox), `done`, `carried`
 * (carried forward, ongoing, in progress) or `dropped` (withdrawn, no longer
 * required).
 */
export type ActionStatus = 'open' | 'done' | 'carried' | 'dropped';

/** An action recorded in minutes (Akoma Ntoso has none; a task with an owner and a due date). */
export interface Action {
  text: string;
  /** Who is to do it, as written ("Dana, Arnaud, and Sarah"). */
  owner?: string;
  /** The owners one by one, when a task is shared by several ("Dana", "Arnaud", "Sarah"). */
  owners?: string[];
  due?: FuzzyDate;
  /** Index into `content.resolutions` of the resolution it belongs to. */
  resolution?: number;
  /** Index into `content.meetings` of the meeting it was given at, in a document that records several. */
  meeting?: number;
  /** Where it stands, when the minutes say (a ticked box, a Status column, "— done"). */
  status?: ActionStatus;
}

/**
 * A report on an earlier meeting's action, as minutes give it under matters
 * arising or a review of the action log ("Minute 19.5: the Measurement
 * Framework will come to the February meeting").
 */
export interface ActionReport {
  /** The report as written (one list item, table row or paragraph). */
  text: string;
  /** What it says became of the action, when it says. */
  status?: ActionStatus;
  /** The minute or action numbers it cites ("19.5", "A3"), as written without their prefix. */
  refs?: string[];
  /** Index into `content.meetings` of the meeting it was given at, in a document that records several. */
  meeting?: number;
}

/** The minutes of an earlier meeting that these minutes approve ("agreed as a correct record"). */
export interface PreviousMinutes {
  /** The sentence that approves them. */
  text: string;
  /** The day of the meeting whose minutes they are, when the sentence names it. */
  date?: FuzzyDate;
}

/** A decision (Popolo `Motion` that passed; Akoma Ntoso `resolution`). */
export interface Resolution {
  /** The number the author wrote for the clause, if any ("2" in "2. That…"). */
  number?: number;
  /** Full identifier: agenda item and clause ("18.2"), or the clause number alone. */
  identifier?: string;
  text: string;
  /** The marker that introduced the decision, as written ("RESOLVED:", "Agreed:"). */
  marker: string;
  /** The agenda item number it was made under. */
  item?: string;
  /** Which decision block (one `RESOLVED:` and its list) the clause belongs to, counted from 0. */
  block: number;
  /** Index into `content.meetings` of the meeting it was taken at, in a document that records several. */
  meeting?: number;
  /**
   * What became of it, as its wording says: `adopted` (agreed, approved,
   * passed, chosen), `rejected` (not agreed, failed, no consensus), `deferred`
   * (postponed, tabled, to be continued) or `noted` (a report noted).
   */
  outcome?: 'adopted' | 'rejected' | 'deferred' | 'noted';
  /** The tally of the vote that took it, when written ("7 yes, 0 no", "9/9", "unanimously"). */
  votes?: ResolutionVotes;
}

/** A vote's counts as minutes write them (Popolo VoteEvent counts); any of them may be missing. */
export interface ResolutionVotes {
  /** How many voted in favour. */
  yes?: number;
  /** How many voted against. */
  no?: number;
  /** How many abstained. */
  abstain?: number;
  /** How many were recorded as absent from the vote (a recorded vote's "Absent:" list). */
  absent?: number;
  /** Whether the vote was recorded as unanimous. */
  unanimous?: boolean;
  /** Who voted how, when the minutes name them (a recorded vote; Popolo `Vote`), in written order. */
  named?: NamedVote[];
}

/** One member's vote as a recorded vote names it (Popolo `Vote`: voter and option). */
export interface NamedVote {
  /** The voter's name as written, without honorific ("A. Smith" of "Councillors A. Smith and B. Jones", "D. Evans" of "Cllr D. Evans"). */
  voter: string;
  option: 'yes' | 'no' | 'abstain' | 'absent';
}

/**
 * How a body decides, as its terms of reference state it: "decisions by a
 * simple majority of members present and voting", "a two-thirds
 * supermajority of the TSC", "by consensus". `purpose` is set for a rule
 * that applies only to some decisions (amending the terms, removing a
 * member, elections).
 */
export interface VotingRule {
  /** The sentence (or front matter value) that states it. */
  text: string;
  /**
   * `majority`: more votes for than half the base; `fraction`: at least that
   * share of the base (two thirds, 60%); `unanimous`: no vote against;
   * `consensus`: no objection.
   */
  rule: 'majority' | 'fraction' | 'unanimous' | 'consensus';
  /** The share for `fraction` (two thirds → 2/3). */
  fraction?: { numerator: number; denominator: number };
  /** What the share is of: the votes cast (present and voting), the members present, or the whole voting membership. */
  of: 'cast' | 'present' | 'members';
  /** What decisions it is for, when not all: `amendment` (of the terms, charter, constitution), `removal`, `election`. */
  purpose?: 'amendment' | 'removal' | 'election';
  /** Where it was stated: the front matter (`majority:`) or a sentence of the body. */
  source: 'front-matter' | 'body';
}

/** An item of a meeting's agenda, as its heading numbers and names it. */
export interface AgendaItem {
  /** The number the author wrote ("18"). */
  number?: string;
  title: string;
}

/**
 * An item of an agenda, as the agenda numbers and describes it ("5. Local
 * Care Alliance update — Report of the Programme Director (Pages 11 - 30)").
 */
export interface AgendaEntry {
  /** The number as written ("5", "5(a)", "7.2"). */
  number?: string;
  title: string;
  /** Who presents it ("Report of the Director of Public Health", "Lead: J. Smith" → the name or post). */
  presenter?: string;
  /** The pages of its papers in the agenda pack, as written ("11 - 30"). */
  pages?: string;
  /** The part of the meeting: "I" (in public) or "II" (exempt information). */
  part?: string;
  /** The number of the item it is a sub-item of. */
  parent?: string;
  /** Urgent business, taken if the Chair agrees. */
  urgent?: boolean;
  /** The agenda says it was withdrawn. */
  withdrawn?: boolean;
}

/** A Markdown heading and what govmark recognised it as. */
export interface Section {
  title: string;
  depth: number;
  /** Canonical section kind: `functions`, `membership`, `quorum`, `present`... */
  kind?: string;
}

/** A numbered clause of a list, numbered as the author wrote it. */
export interface NumberedClause {
  number?: number;
  text: string;
}

/** What was read from the body: the fields a type reads are set, the others absent. */
export interface DocumentContent {
  title?: string;
  sections: Section[];
  // terms of reference
  functions?: NumberedClause[];
  seats?: Seat[];
  /** Notes on the membership that are not seats (nomination rules, terms, statutory markers, chair rotation). */
  membershipNotes?: NumberedClause[];
  quorum?: Quorum;
  /** How the body decides (the majority its votes need), in the order stated; at most 10. */
  voting?: VotingRule[];
  // minutes
  /** The meeting's date as the front matter `date` gives it, understood (`2 November 2021` → 2021-11-02). */
  date?: FuzzyDate;
  /** The meetings the document records, in document order (one for a single dated meeting). */
  meetings?: Meeting[];
  attendance?: Attendance;
  items?: AgendaItem[];
  // agendas
  /** The items of an agenda, in order, sub-items after their item. */
  agenda?: AgendaEntry[];
  // minutes and resolutions
  resolutions?: Resolution[];
  actions?: Action[];
  /** Minutes: reports on earlier meetings' actions (matters arising, a review of the action log). */
  reports?: ActionReport[];
  /** Minutes: the earlier minutes these approve as a correct record. */
  previousMinutes?: PreviousMinutes;
  // timelines
  milestones?: Milestone[];
}

/** The part of a document the schema validates. */
export interface DocumentData {
  /** The front matter as written (YAML → JSON; dates stay strings). */
  meta: Record<string, unknown>;
  /** What was read from the body. */
  content: DocumentContent;
}

/** Where a value came from. `keyRange` is set for mapping entries (front matter keys). */
export interface SourceEntry {
  range: Range;
  keyRange?: Range;
}

/** One parsed document: its text, the typed model (`data`), where each value came from (`sourceMap`) and the problems found while reading. `JSON.stringify(doc)` writes it as `serializeDocument` does. */
export interface GovDocument {
  uri: string;
  /** The document text the ranges refer to (without a byte-order mark). */
  text: string;
  /** Offsets ↔ line/column for `text`. */
  lines: LineIndex;
  /** The governance type, undefined when not a governance document. */
  type?: string;
  /**
   * How the type was decided: `option` (`--type`), `front-matter` (its
   * `type:` key), `config` (a glob of the configuration), `inferred`
   * (recognised from its path and text, with the evidence in
   * `typeInference`), `none` (not a governance document).
   */
  typeSource: 'front-matter' | 'option' | 'config' | 'inferred' | 'none';
  /** How the kind was recognised when nothing declared it: scores and evidence (also when it was not recognised). */
  typeInference?: KindInference;
  data: DocumentData;
  /** JSON pointer → where the value came from. */
  sourceMap: Map<string, SourceEntry>;
  /** Range of the front matter block including its fences, if any. */
  frontMatterRange?: Range;
  /** Range of the front matter's content (between the fences). */
  frontMatterContentRange?: Range;
  /** Problems found while reading (YAML syntax, impossible dates, too complex...). */
  messages: GovMessage[];
  /** False when the body could only be read by the cheap pass (time or size bound hit). */
  complete: boolean;
}
