/**
 * A set of documents validated together, so cross-document rules (duplicate
 * ids, references, quorum against the terms of reference) work. The language
 * server keeps one; the CLI builds one from per-file results.
 */
import { resolveConfig, type ResolvedConfig } from '../config.js';
import type { GovMessage } from '../message.js';
import { compareMessages } from '../message.js';
import { expectArgument, expectConfig, expectOptions } from '../arguments.js';
import type { GovDocument, Seat } from '../model.js';
import type { ChunkCache } from '../parse/markdown.js';
import { parse, type ParseOptions } from '../parse/parse.js';
import { checkDocument, checkWorkspace } from '../rules/run.js';
import { bodyKey, termsInForceOn } from './in-force.js';
import { actionRegister, type RegisterEntry } from './register.js';
import { createIndex, summarize, type DocumentSummary, type WorkspaceIndex } from './summary.js';
import { combine, combineEach } from './combine.js';

export { combine, combineEach };

/** What one document yields on its own: cacheable by content. */
export interface DocumentAnalysis {
  doc: GovDocument;
  /** Messages that need only this document. */
  messages: GovMessage[];
  summary: DocumentSummary;
}

/** Parses one document and checks what needs only it: its model, messages and summary. */
export function analyse(text: string, options: ParseOptions & { config?: ResolvedConfig } = {}): DocumentAnalysis {
  expectArgument(typeof text === 'string', 'analyse', 'text', "a string (the document's Markdown)", text);
  expectOptions('analyse', options);
  if (options.config !== undefined) expectConfig('analyse', options.config, 'options.config');
  const config = options.config ?? resolveConfig();
  const doc = parse(text, { ...options, config });
  return { doc, messages: checkDocument(doc, config), summary: summarize(doc) };
}

/**
 * One document a workspace knows, as `Workspace.documents()` lists it: enough
 * for a host to show a list or a tree (its kind, its id, its title, its date)
 * without reading the analysis.
 */
export interface WorkspaceDocument {
  uri: string;
  /** The governance type (`minutes`, `terms-of-reference`, a custom type...). */
  type?: string;
  /** How the type was decided (see `GovDocument.typeSource`). */
  typeSource?: GovDocument['typeSource'];
  /** The front matter's `id`, which other documents refer to. */
  id?: string;
  /** The document's title: the front matter's `title` or its first heading. */
  title?: string;
  /** ISO date of the meeting or decision, when given. */
  date?: string;
  /**
   * `full` for a document given with its text (`set`, `setAnalysis`): `get`
   * returns its analysis and `check` its messages. `summary` for one known
   * only by its summary (`setSummary`, a file on disk not open in the editor):
   * it takes part in cross-document checks only.
   */
  held: 'full' | 'summary';
  /** False when only the cheap pass could read it (too large or too complex). Full documents only. */
  complete?: boolean;
}

/** What `Workspace.asAt(date, body)` answers: what governed a body on a day. */
export interface AsAt {
  date: string;
  body: string;
  /** The terms of reference in force on the day (see `termsInForceOn`), when they can be told. */
  terms?: DocumentSummary;
  /** Their membership, seat by seat, when the terms are held in full. */
  seats: Seat[];
  /** The body's minutes of meetings on or before the day, oldest first. */
  meetings: DocumentSummary[];
  /**
   * The body's actions open on the day: given at a meeting on or before it
   * and not reported done or dropped at any meeting up to it (see
   * `actionRegister`), oldest first; `overdue` as the day would judge it.
   */
  openActions: RegisterEntry[];
}

/** A set of documents checked together, so that cross-document rules (references, duplicate ids, quorum against the terms of reference) see all of them. The language server keeps one. */
export class Workspace {
  private readonly docs = new Map<string, DocumentAnalysis & { text: string }>();
  private indexCache: WorkspaceIndex | undefined;
  private readonly external = new Map<string, DocumentSummary>();
  /** Per document, its sections parsed last time, so an edit re-parses only what it touched. */
  private readonly chunkCaches = new Map<string, ChunkCache>();

  /**
   * The config of one document, when folders have their own (per-folder
   * configs); `config` for the documents it does not name.
   */
  configOf?: (uri: string) => ResolvedConfig | undefined;

  constructor(public config: ResolvedConfig = resolveConfig()) {
    expectConfig('new Workspace', config);
  }

  /** The config a document is read and checked with. */
  configFor(uri: string): ResolvedConfig {
    return this.configOf?.(uri) ?? this.config;
  }

  /** Adds or replaces a document; re-parses only when the text changed. */
  set(uri: string, text: string, options: Omit<ParseOptions, 'uri' | 'config'> = {}): DocumentAnalysis {
    expectArgument(typeof uri === 'string', 'Workspace.set', 'uri', "a string (the document's URI)", uri);
    expectArgument(typeof text === 'string', 'Workspace.set', 'text', "a string (the document's Markdown)", text);
    expectOptions('Workspace.set', options);
    const existing = this.docs.get(uri);
    if (existing && existing.text === text && options.mode === undefined && options.type === undefined) return existing;
    let chunkCache = this.chunkCaches.get(uri);
    if (!chunkCache) this.chunkCaches.set(uri, (chunkCache = { chunks: new Map() }));
    return this.setAnalysis(uri, text, analyse(text, { ...options, uri, config: this.configFor(uri), chunkCache }));
  }

  /** Stores an analysis made elsewhere (a worker thread). */
  setAnalysis(uri: string, text: string, analysis: DocumentAnalysis): DocumentAnalysis {
    const entry = { ...analysis, text };
    this.docs.set(uri, entry);
    this.external.delete(uri);
    this.indexCache = undefined;
    return entry;
  }

  /** Knows a document only by its summary (files on disk that are not open). */
  setSummary(summary: DocumentSummary): void {
    if (this.docs.has(summary.uri)) return;
    this.external.set(summary.uri, summary);
    this.indexCache = undefined;
  }

  /** Forgets a document. */
  delete(uri: string): void {
    this.docs.delete(uri);
    this.chunkCaches.delete(uri);
    this.external.delete(uri);
    this.indexCache = undefined;
  }

  /** The analysis of a document held in full. */
  get(uri: string): DocumentAnalysis | undefined {
    return this.docs.get(uri);
  }

  /**
   * What governed `body` on `date` (ISO): the terms of reference in force
   * then, their seats, and the body's minutes up to that day. Actions still
   * open on the day need the action register across meetings, which is not
   * built yet.
   */
  asAt(date: string, body: string): AsAt {
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new TypeError(`Workspace.asAt: \`date\` must be an ISO day (YYYY-MM-DD), not ${JSON.stringify(date)}`);
    if (typeof body !== 'string' || body.trim() === '') throw new TypeError('Workspace.asAt: `body` must be the name of a body (as in `body:`)');
    const index = this.index();
    const { terms } = termsInForceOn(index, { date, body });
    const seats = terms ? (this.docs.get(terms.uri)?.doc.data.content.seats ?? []) : [];
    const wanted = bodyKey(body);
    const meetings = minutesOfBody(index.all(), wanted).filter((s) => s.date! <= date);
    return { date, body, ...(terms ? { terms } : {}), seats: [...seats], meetings, openActions: openActionsOn(index, date, wanted) };
  }

  /** The URIs of the documents held in full (see `documents()` for every document, with its kind). */
  uris(): string[] {
    return [...this.docs.keys()];
  }

  /**
   * Every document the workspace knows, held in full or by summary only,
   * sorted by URI: its type, id, title and date as the index has them.
   */
  documents(): WorkspaceDocument[] {
    const listed = (s: DocumentSummary, held: WorkspaceDocument['held']): WorkspaceDocument => {
      const d: WorkspaceDocument = { uri: s.uri, held };
      if (s.type !== undefined) d.type = s.type;
      if (s.typeSource !== undefined) d.typeSource = s.typeSource;
      if (s.id !== undefined) d.id = s.id;
      if (s.title !== undefined) d.title = s.title;
      if (s.date !== undefined) d.date = s.date;
      return d;
    };
    const out: WorkspaceDocument[] = [...this.docs.values()].map((a) => ({ ...listed(a.summary, 'full'), complete: a.doc.complete }));
    for (const s of this.external.values()) out.push(listed(s, 'summary'));
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /** The index of every document's summary, held in full or not (rebuilt after a change). */
  index(): WorkspaceIndex {
    this.indexCache ??= createIndex([...[...this.docs.values()].map((d) => d.summary), ...this.external.values()]);
    return this.indexCache;
  }

  /** Every message of every document held in full, the workspace rules included. */
  check(): Map<string, GovMessage[]> {
    const local = new Map<string, GovMessage[]>();
    for (const [uri, d] of this.docs) local.set(uri, d.messages);
    return combineEach(local, this.index(), (uri) => this.configFor(uri));
  }

  /** Messages of one document, the workspace rules included. */
  checkOne(uri: string): GovMessage[] {
    const d = this.docs.get(uri);
    if (!d) return [];
    // The whole index, so rules see every id (did-you-mean), but only this document is checked.
    const cross = checkWorkspace(this.index(), this.configFor(uri), [uri]).get(uri) ?? [];
    return [...d.messages, ...cross].sort(compareMessages);
  }
}

/** The dated minutes of the body (by `bodyKey`) among `summaries`, oldest first. */
export function minutesOfBody(summaries: readonly DocumentSummary[], body: string): DocumentSummary[] {
  return summaries.filter((s) => s.type === 'minutes' && s.date !== undefined && s.body !== undefined && bodyKey(s.body) === body).sort((a, b) => a.date!.localeCompare(b.date!));
}

/** The actions of the body (by `bodyKey`) open on `date`: the register replayed up to that day. */
export function openActionsOn(index: WorkspaceIndex, date: string, body: string): RegisterEntry[] {
  const register = actionRegister(index, date);
  const out: RegisterEntry[] = [];
  for (const e of register.entries) {
    if (bodyKey(e.body) !== body || e.given.date === undefined || e.given.date > date) continue;
    const history = e.history.filter((h) => h.date !== undefined && h.date <= date);
    if (history.some((h) => h.status === 'done' || h.status === 'dropped')) continue;
    const overdueAt = e.due?.end !== undefined ? history.find((h) => h.date! > e.due!.end!)?.date ?? (date > e.due.end ? date : undefined) : undefined;
    const { overdue: _, ...rest } = e;
    out.push({ ...rest, status: 'open', history, ...(overdueAt ? { overdue: { since: overdueAt } } : {}) });
  }
  return out;
}
