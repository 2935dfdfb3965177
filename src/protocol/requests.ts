/**
 * The custom requests between the VS Code extension (client) and the govmark
 * language server, and the messages between the timeline webview and the
 * extension. Types only: both sides import them, so they cannot drift apart.
 * Ranges here are LSP ranges (0-based line and UTF-16 character).
 */
import type { FuzzyDate, MilestoneStatus } from '../core/model.js';

/** A position in LSP coordinates (0-based line, UTF-16 character). */
export interface LspPosition {
  line: number;
  character: number;
}
/** A range in LSP coordinates (0-based lines, UTF-16 characters). */
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** One thing drawn on the timeline. */
export interface TimelineEntry {
  /** Stable within one model: `uri#pointer`. */
  id: string;
  uri: string;
  range: LspRange;
  kind: 'milestone' | 'meeting' | 'action' | 'review';
  title: string;
  date: FuzzyDate;
  status?: MilestoneStatus;
  /** The date has passed and the entry is not done (planned / at risk / delayed milestones, actions, reviews). */
  overdue?: boolean;
  /** The date has passed and it is not done, but the document is a historical record (core/overdue.ts): not overdue. */
  outcomeNotRecorded?: boolean;
  /** Title of the document it comes from. */
  source: string;
  /** The body the document belongs to (`body:`), for swimlanes and filters. */
  body?: string;
  /** The heading section the entry sits under (its workstream), when the document has sections below its title. */
  workstream?: string;
  /** Diagnostics about this entry that the drawing shows: out of written order, not a real date. */
  problems?: TimelineProblem[];
}

/** A diagnostic drawn on the timeline, linked to where it is reported. */
export interface TimelineProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: LspRange;
}

/** What a timeline shows: a title, today's date, and its entries (milestones, meetings, actions, reviews). */
export interface TimelineModel {
  title: string;
  /** ISO date of today, for the today line and overdue marks. */
  today: string;
  entries: TimelineEntry[];
}

/** `govmark/timeline`: the timeline of one document, or of the whole workspace. */
export const TimelineRequest = 'govmark/timeline';
export interface TimelineParams {
  scope: 'document' | 'workspace';
  /** Required for scope `document`. */
  uri?: string;
}

/** `govmark/documents`: every governance document the server knows, for the tree view. */
export const DocumentsRequest = 'govmark/documents';
export interface DocumentNode {
  uri: string;
  type: string;
  title: string;
  body?: string;
  id?: string;
  date?: string;
  range: LspRange;
  problems: { errors: number; warnings: number };
  resolutions: { identifier?: string; text: string; range: LspRange }[];
  actions: { text: string; owner?: string; due?: FuzzyDate; overdue?: boolean; range: LspRange }[];
  milestones: { title: string; date: FuzzyDate; status?: MilestoneStatus; overdue?: boolean; range: LspRange }[];
  /** The review date of terms of reference (`review:` or `next-review:`). */
  review?: { date: FuzzyDate; overdue?: boolean; range: LspRange };
}
export interface DocumentsResult {
  today: string;
  documents: DocumentNode[];
  /** The action register across meetings, per body: its open actions (see `govmark actions`). */
  register?: RegisterBodyNode[];
  /** Per body, the terms of reference in force today (see `govmark as-at`). */
  inForce?: InForceNode[];
}

/** A body's terms of reference in force on the day: which, since when, their quorum and voting places. */
export interface InForceNode {
  body: string;
  uri: string;
  id?: string;
  title: string;
  range: LspRange;
  /** ISO day they came into force. */
  from?: string;
  quorum?: string;
  votingSeats?: number;
  /**
   * Set when several sets of terms of the body are in force at once and none
   * supersedes the others: their ids (or titles); `uri` is then the first.
   */
  conflicting?: string[];
}

/** One body's action register in the tree: counts, and each action still open with what was last said of it. */
export interface RegisterBodyNode {
  /** The body's `body:` as written; undefined for minutes grouped by folder. */
  body?: string;
  /** What the tree shows: the body, or the folder. */
  name: string;
  counts: { actions: number; open: number; overdue: number; done: number; dropped: number };
  open: RegisterActionNode[];
}

/** An open action of the register: where it was given, its due date, and the last meeting's word on it. */
export interface RegisterActionNode {
  text: string;
  owner?: string;
  ref?: string;
  due?: string;
  /** ISO day it was given. */
  given?: string;
  /** The day it was found overdue (a meeting after its due date, else today). */
  overdueSince?: string;
  /** "2020-12-11: carried forward", "2021-01-29: not reported". */
  last?: string;
  uri: string;
  range: LspRange;
}

/** `govmark/validateWorkspace`: validate every file of the workspace folders now; returns counts. */
export const ValidateWorkspaceRequest = 'govmark/validateWorkspace';
export interface ValidateWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

/** `govmark/newDocument`: the text of a new document of a type, minutes pre-filled from terms of reference. */
export const NewDocumentRequest = 'govmark/newDocument';
export interface NewDocumentParams {
  type: 'terms-of-reference' | 'minutes' | 'agenda' | 'resolution' | 'timeline';
  /** For minutes and agendas: the `id` of the terms of reference to pre-fill from (their body, seats, quorum). */
  terms?: string;
  /** The body the document is of, as its documents write `body:` (when no terms give it). */
  body?: string;
  /** ISO date for `date:` (default today). */
  date?: string;
}
export interface NewDocumentResult {
  text: string;
  /** Suggested file name: `<body>-<kind>-<date>.md`. */
  fileName: string;
}

/** `govmark/importDocument`: a paper (plain text, Word, PDF) imported as govmark documents, for the editor to write and open. */
export const ImportDocumentRequest = 'govmark/importDocument';
export interface ImportDocumentParams {
  /** The paper's `file:` URI. */
  uri: string;
}
export interface ImportDocumentResult {
  /** The documents found, in order; none when the paper could not be read (see `error`). */
  documents: Array<{
    fileName: string;
    markdown: string;
    type?: string;
    /** "16 resolutions, 8 apologies" and the like. */
    summary: string;
    /** The places to review: message (with source page and line) and the output line marked. */
    uncertain: Array<{ code: string; message: string; line?: number }>;
  }>;
  error?: string;
}

/**
 * `govmark/indexChanged` (server → client notification): the server's index of
 * governance documents changed — first built, files changed on disk, settings
 * applied. The tree view refreshes on it (`govmark/documents`).
 */
export const IndexChangedNotification = 'govmark/indexChanged';
export interface IndexChangedParams {
  /** Governance documents in the index. */
  documents: number;
}

/** Messages from the webview to the extension. */
export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; range: LspRange }
  | { type: 'export'; format: 'svg' | 'html' }
  | { type: 'setScope'; scope: 'document' | 'workspace' };

/** Messages from the extension to the webview. */
export type ExtensionToWebview = { type: 'model'; model: TimelineModel; scope: 'document' | 'workspace' };
