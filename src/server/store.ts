/**
 * The documents the server knows and their analyses: open documents (the
 * editor's text wins) and governance documents on disk, all held in one core
 * `Workspace` so cross-document rules, definitions and references work.
 *
 * Parsing in the editor is bounded, like everywhere else in govmark. The
 * Markdown parser is super-linear on some inputs (a 40 KB paragraph of
 * unmatched emphasis takes it over ten seconds) and a synchronous parse cannot
 * be interrupted, so a document that may be slow is parsed in a worker thread
 * under the engine's deadline (`BoundedAnalyser`: past it, the cheap
 * line-by-line pass and a `too-complex` message), while this thread goes on
 * serving every other document. Ordinary edits take the core's incremental
 * path on this thread instead (`Workspace.set` with its chunk cache: only the
 * top-level section an edit touched is parsed again), which is faster than any
 * round trip to a thread. A document goes to the worker when
 * - it is large and has not been parsed on this thread (no chunk cache here:
 *   the whole text would be parsed at once, blocking every other request).
 *   Past 256 KB it stays in the worker, which keeps its section trees
 *   (`incremental` requests), so its edits re-parse only the touched section
 *   there too; below, once the worker found it quick to read, its next edit is
 *   parsed here in full (once) and the following ones incrementally, which is
 *   faster than a round trip to the worker;
 * - a cheap, linear risk check finds what makes the parser slow (long runs of
 *   emphasis, bracket or backtick delimiters in one paragraph, deep nesting,
 *   huge lines);
 * - its last parse here took long, or its last bounded parse ran out of time
 *   (sticky until a bounded parse is quick again).
 *
 * Each open document is analysed once per version (features share it), at
 * most one bounded analysis runs per document, and a result for a version
 * older than the document's current one is dropped, never published.
 */
import type { ResolvedConfig } from '../core/config.js';
import type { GovMessage } from '../core/message.js';
import { findFrontMatter } from '../core/parse/frontmatter.js';
import { deserializeDocument, SERIALIZED_DOCUMENT_FORMAT } from '../core/serialize.js';
import type { DocumentSummary } from '../core/workspace/summary.js';
import { Workspace, type DocumentAnalysis } from '../core/workspace/workspace.js';
import type { AnalysisResult } from '../node/protocol.js';
import { kindPathOfUri } from '../core/kind/infer.js';
import { screenedType } from '../node/screen.js';
import type { BoundedAnalyser, ConfigLookup, ServerHost } from './host.js';

/** What one version of a document yields. `analysis` is absent for plain Markdown. */
export interface Snapshot {
  uri: string;
  /** The editor's version; undefined for a document read from disk. */
  version: number | undefined;
  text: string;
  analysis?: DocumentAnalysis;
}

interface OpenDocument {
  uri: string;
  version: number;
  text: string;
  analysed?: Snapshot;
  timer?: ReturnType<typeof setTimeout>;
  /** The bounded analysis in flight, if any. */
  job?: Promise<void>;
  /** Parse in a worker next time (the last parse was slow or ran out of time). */
  slow: boolean;
  /** Parsed on this thread before: the chunk cache holds its sections, so the next parse here is incremental. */
  warm: boolean;
}

/** A text this large is parsed in a worker unless this thread already holds its sections. */
const FIRST_PARSE_LIMIT = 32 * 1024;
/** Past this size a document the worker read stays there (its section trees kept); below, after a quick first read, its edits are parsed on this thread, which is faster than a round trip once its sections are cached here. */
const KEEP_IN_WORKER = 256 * 1024;
/** Any text this large goes to a worker. */
const HUGE = 2 * 1024 * 1024;
/** An incremental parse on this thread that took longer than this sends the next ones to a worker. */
const SLOW_MS = 200;
/** The same for a document's first parse on this thread (the whole text, the chunk cache still empty). */
const COLD_SLOW_MS = 1000;
/** Inline delimiters in one paragraph beyond which the parser's backtracking may explode. */
const MAX_DELIMITERS_PER_PARAGRAPH = 1000;
/** Nesting (indentation columns, or `>` markers) beyond which the parser may be slow. */
const MAX_NESTING = 64;
const MAX_LINE = 100_000;

/** A linear look for what makes the Markdown parser slow (see the module comment). */
export function looksExpensive(text: string): boolean {
  if (text.length > HUGE) return true;
  let delimiters = 0;
  let lineStart = 0;
  let atLineStart = true;
  let indent = 0;
  let quotes = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i - lineStart > MAX_LINE) return true;
      if (blank) delimiters = 0; // a blank line ends the paragraph
      lineStart = i + 1;
      atLineStart = true;
      indent = 0;
      quotes = 0;
      blank = true;
      continue;
    }
    if (atLineStart) {
      if (c === 32) {
        if (++indent > MAX_NESTING) return true;
        continue;
      }
      if (c === 62 /* > */) {
        if (++quotes > MAX_NESTING) return true;
        continue;
      }
      if (c !== 9 && c !== 13) atLineStart = false;
    }
    if (c !== 32 && c !== 9 && c !== 13) blank = false;
    // * _ [ ] ` < : what emphasis, links, code spans and HTML are made of
    if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 60) {
      if (++delimiters > MAX_DELIMITERS_PER_PARAGRAPH) return true;
    }
  }
  return text.length - lineStart > MAX_LINE;
}

/** An analysis made in a worker, as the core's `DocumentAnalysis` (the model with its source map). */
export function analysisFromResult(uri: string, input: string, result: AnalysisResult): DocumentAnalysis | undefined {
  const model = result.model;
  if (!model) return undefined;
  const text = stripBom(input);
  const doc = deserializeDocument({ format: SERIALIZED_DOCUMENT_FORMAT, ...model, uri, text, messages: [] });
  const { lines } = doc;
  const block = findFrontMatter(text, lines);
  if (block) {
    const end = block.end > block.contentEnd ? block.end - (text[block.end - 1] === '\n' ? 1 : 0) - (text[block.end - 2] === '\r' ? 1 : 0) : block.end;
    doc.frontMatterRange = lines.range(block.start, Math.max(block.start, end));
    doc.frontMatterContentRange = lines.range(block.contentStart, block.contentEnd);
  }
  return { doc, messages: result.messages, summary: result.summary };
}

/** What other documents' cross-document checks read of a document (see `checkWorkspace`). */
function dependencyKey(s: DocumentSummary | undefined): string {
  if (!s) return '';
  return JSON.stringify([s.type, s.id, s.idRange, s.title, s.refs.map((r) => [r.key, r.id]), s.quorum, s.votingSeats, s.adopted, s.date]);
}

export type AnalysedListener = (snapshot: Snapshot, dependentsMayChange: boolean) => void;

export class DocumentStore {
  private workspace: Workspace;
  private readonly open = new Map<string, OpenDocument>();
  /** Documents whose type is unknown (`type: minuts`): not in the workspace index, but their messages are shown. */
  private readonly orphans = new Map<string, Snapshot>();
  private readonly listeners: AnalysedListener[] = [];
  private readonly indexListeners: (() => void)[] = [];
  private editorAnalyser: BoundedAnalyser;
  private diskAnalyser: BoundedAnalyser;
  /** Indexing runs in progress: until they end, cross-document rules would judge on a partial index. */
  private indexing = 0;
  /** URI → custom type, for files a `types.<name>.files` glob selects (their own `type:` wins). */
  private globTypes = new Map<string, string>();
  /** Workspace folder paths. */
  private roots: string[] = [];
  /** Per-folder configs, once read (see `setConfigLookup`). */
  private lookup: ConfigLookup | undefined;

  constructor(
    private readonly host: ServerHost,
    private config: ResolvedConfig,
    private readonly options: { workerUrl?: string; log: (message: string) => void },
  ) {
    this.workspace = this.newWorkspace();
    this.editorAnalyser = host.createAnalyser(config, { size: 1, workerUrl: options.workerUrl, log: options.log });
    this.diskAnalyser = host.createAnalyser(config, { size: 2, workerUrl: options.workerUrl, log: options.log });
  }

  /** The workspace folder's config (the base of per-folder configs). */
  get currentConfig(): ResolvedConfig {
    return this.config;
  }

  /** The workspace's config and the per-folder configs. */
  configs(): ResolvedConfig[] {
    return [this.config, ...(this.lookup?.nested ?? [])];
  }

  /** The config a document is checked with: its folder's (per-folder configs), else the workspace's. */
  configFor(uri: string): ResolvedConfig {
    if (!this.lookup) return this.config;
    const path = this.host.uriToPath(uri);
    return path !== undefined ? this.lookup.configForPath(path) : this.config;
  }

  /** What workers are told of a document's config: 0 the workspace's, n the n-th nested one. */
  private configIndexOf(uri: string): number {
    if (!this.lookup || this.lookup.nested.length === 0) return 0;
    const c = this.configFor(uri);
    return c === this.config ? 0 : this.lookup.nested.indexOf(c) + 1;
  }

  private newWorkspace(): Workspace {
    const workspace = new Workspace(this.config);
    if (this.lookup && this.lookup.nested.length > 0) workspace.configOf = (uri) => this.configFor(uri);
    return workspace;
  }

  private newAnalysers(): void {
    const nestedConfigs = this.lookup?.nested ?? [];
    this.editorAnalyser = this.host.createAnalyser(this.config, { size: 1, workerUrl: this.options.workerUrl, nestedConfigs, log: this.options.log });
    this.diskAnalyser = this.host.createAnalyser(this.config, { size: 2, workerUrl: this.options.workerUrl, nestedConfigs, log: this.options.log });
  }

  /**
   * The per-folder configs of the workspace, as the CLI reads them. When they
   * change, every analysis is stale, as on `reconfigure`; open documents are
   * read again (the caller reads the disk).
   */
  async setConfigLookup(lookup: ConfigLookup | undefined): Promise<void> {
    const before = this.lookup?.nested.length ?? 0;
    this.lookup = lookup;
    if (before === 0 && (lookup?.nested.length ?? 0) === 0) return;
    await this.restart();
    for (const d of this.open.values()) this.update(d.uri, d.text, d.version, 0);
  }

  /** Every analysis stale: a new workspace and analysers (with the current configs), open documents unread. */
  private async restart(): Promise<void> {
    const old = [this.editorAnalyser, this.diskAnalyser];
    this.workspace = this.newWorkspace();
    this.orphans.clear();
    this.newAnalysers();
    for (const d of this.open.values()) {
      d.analysed = undefined;
      d.slow = false;
      d.warm = false;
    }
    await Promise.all(old.map((a) => a.close()));
  }

  /** Called after an open document was analysed; `dependentsMayChange` when what other documents read of it changed. */
  onDidAnalyse(listener: AnalysedListener): void {
    this.listeners.push(listener);
  }

  /** Called when documents on disk were added, changed or removed. */
  onDidChangeIndex(listener: () => void): void {
    this.indexListeners.push(listener);
  }

  /**
   * A new configuration: every analysis is stale. The workspace starts empty
   * (the caller indexes the disk again) and open documents are analysed anew.
   */
  async reconfigure(config: ResolvedConfig): Promise<void> {
    this.config = config;
    // The per-folder configs were merged over the old config: read again by the caller.
    this.lookup = undefined;
    await this.restart();
  }

  async dispose(): Promise<void> {
    for (const d of this.open.values()) clearTimeout(d.timer);
    await Promise.all([this.editorAnalyser.close(), this.diskAnalyser.close()]);
  }

  /** The files the configuration's globs give a type (read again when files appear). */
  setGlobTypes(types: Map<string, string>): void {
    const old = this.globTypes;
    this.globTypes = types;
    // Open documents whose type a glob now decides differently are read again.
    for (const d of this.open.values()) {
      if (old.get(d.uri) !== types.get(d.uri)) {
        d.analysed = undefined;
        this.update(d.uri, d.text, d.version, 0);
      }
    }
  }

  /** The workspace folders (paths): a file's kind is recognised from its path relative to them. */
  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
  }

  /** The path of a file relative to the workspace folder it is in (`minutes/2024-01-09.md`). */
  private relPathOf(uri: string): string | undefined {
    const path = this.host.uriToPath(uri);
    if (path === undefined) return undefined;
    const norm = path.replace(/\\/g, '/');
    for (const root of this.roots) {
      const r = root.replace(/\\/g, '/').replace(/\/+$/, '') + '/';
      if (norm.startsWith(r)) return norm.slice(r.length);
    }
    return undefined;
  }

  /**
   * How to read a text: its front matter's `type:`; else a config glob's type;
   * else the kind its path and text show; else not at all (plain Markdown).
   */
  private typeFor(uri: string, text: string): { governance: boolean; options: { configType?: string; path?: string } } {
    const path = this.relPathOf(uri);
    // The CLI's screen, so that the editor and CI read the same files as the same kinds.
    const screened = screenedType(text, this.globTypes.get(uri), path ?? kindPathOfUri(uri), this.configFor(uri).infer);
    const options = { ...(path !== undefined ? { path } : {}), ...(screened.configType !== undefined ? { configType: screened.configType } : {}) };
    return { governance: !screened.skip, options };
  }

  // --- open documents -------------------------------------------------------

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The editor's current version of an open document. */
  versionOf(uri: string): number | undefined {
    return this.open.get(uri)?.version;
  }

  /** The editor's text changed (or the document was opened): analyse after `delayMs`. */
  update(uri: string, text: string, version: number, delayMs: number): void {
    let d = this.open.get(uri);
    if (!d) this.open.set(uri, (d = { uri, version, text, slow: false, warm: false }));
    d.version = version;
    d.text = text;
    clearTimeout(d.timer);
    d.timer = setTimeout(() => {
      d!.timer = undefined;
      this.current(uri).catch((error) => this.options.log(`analysing ${uri} failed: ${describe(error)}`));
    }, delayMs);
  }

  /**
   * The document was closed in the editor: the copy on disk (under `diskUri`,
   * the server's spelling of the same file) is what the workspace knows of it
   * from now on, if it is a file of a workspace folder. A document saved
   * before closing keeps its analysis. One outside every workspace folder
   * leaves the index with everything made for it (its model, its chunk
   * cache): the workspace never reads it, so keeping it only kept memory.
   */
  async close(uri: string, diskUri: string = uri): Promise<void> {
    const d = this.open.get(uri);
    if (!d) return;
    clearTimeout(d.timer);
    this.open.delete(uri);
    const path = this.relPathOf(diskUri) !== undefined ? this.host.uriToPath(diskUri) : undefined;
    const text = path !== undefined ? await this.host.readFile(path) : undefined;
    if (this.open.has(uri) || this.open.has(diskUri)) return; // opened again meanwhile
    if (diskUri !== uri || text === undefined) this.forgetAnalysis(uri);
    if (text === undefined) this.forget(diskUri);
    else await this.setFromDisk(diskUri, text);
    this.fireIndex();
  }

  /** The analysis of the current version of an open document, made now if it is not yet. */
  async current(uri: string): Promise<Snapshot | undefined> {
    for (;;) {
      const d = this.open.get(uri);
      if (!d) return undefined;
      if (d.analysed && d.analysed.version === d.version) return d.analysed;
      if (d.job) {
        await d.job;
        continue;
      }
      clearTimeout(d.timer);
      d.timer = undefined;
      const { version, text } = d;
      const { governance, options } = this.typeFor(uri, text);
      if (!governance) {
        const before = this.dependencyKeyOf(uri);
        this.forgetAnalysis(uri);
        this.commit(d, { uri, version, text }, before);
        continue;
      }
      const known = options.configType === undefined && this.workspace.get(uri)?.doc.text === text; // e.g. read from disk already
      if (!known && (d.slow || looksExpensive(text) || (text.length > FIRST_PARSE_LIMIT && !d.warm && (!d.analysed || text.length > KEEP_IN_WORKER)))) {
        d.job = this.analyseBounded(d, version, text, options).finally(() => (d.job = undefined));
        continue;
      }
      const before = this.dependencyKeyOf(uri);
      const started = this.host.now();
      const analysis = this.workspace.set(uri, text, options);
      if (!known) {
        d.slow = this.host.now() - started > (d.warm ? SLOW_MS : COLD_SLOW_MS);
        d.warm = true;
      }
      this.commit(d, { uri, version, text, analysis }, before);
    }
  }

  /**
   * Every open document analysed at its current version. One whose analysis
   * fails is logged and left out: it never fails the workspace requests
   * (documents, timeline, validate) for the others.
   */
  async currentAll(): Promise<void> {
    await Promise.all(this.openUris().map((uri) => this.current(uri).catch((error) => this.options.log(`govmark: analysing ${uri} failed: ${describe(error)}`))));
  }

  private async analyseBounded(d: OpenDocument, version: number, text: string, options: { configType?: string; path?: string }): Promise<void> {
    const started = this.host.now();
    const workspace = this.workspace;
    let result: Awaited<ReturnType<BoundedAnalyser['analyse']>>;
    try {
      result = await this.editorAnalyser.analyse({ uri: d.uri, text, ...request(options), ...this.configIndexField(d.uri), incremental: true });
    } catch (error) {
      // The configuration changed while the worker read it: the pool it was sent to is closed
      // and the document is read again on the new one (`current` loops), not reported as failed.
      if (workspace !== this.workspace) return;
      throw error;
    }
    // Stale: a newer version follows, or the configuration changed meanwhile.
    if (this.open.get(d.uri) !== d || d.version !== version || workspace !== this.workspace) return;
    // Back to this thread only when the worker found the document quick to read.
    d.slow = !result.complete || this.host.now() - started > SLOW_MS;
    const before = this.dependencyKeyOf(d.uri);
    const made = analysisFromResult(d.uri, text, result);
    // A result without its model (never expected: the model is asked for) gets the cheap reading here.
    const analysis = made
      ? this.workspace.setAnalysis(d.uri, text, made)
      : this.workspace.set(d.uri, text, { mode: 'cheap', cheapReason: 'This document could not be checked fully (no model came back)', ...options });
    this.commit(d, { uri: d.uri, version, text, analysis }, before);
  }

  private configIndexField(uri: string): { configIndex?: number } {
    const n = this.configIndexOf(uri);
    return n > 0 ? { configIndex: n } : {};
  }

  /** What other documents read of this one, as the index holds it now. */
  private dependencyKeyOf(uri: string): string {
    return dependencyKey(this.workspace.get(uri)?.summary);
  }

  /** `before`: the document's dependency key before its new analysis went into the index. */
  private commit(d: OpenDocument, snapshot: Snapshot, before: string): void {
    const analysis = snapshot.analysis;
    if (analysis && analysis.doc.type === undefined) {
      // Not a governance document for the index (an unknown type): kept aside, messages shown.
      this.workspace.delete(d.uri);
      this.orphans.set(d.uri, snapshot);
    } else this.orphans.delete(d.uri);
    d.analysed = snapshot;
    const after = dependencyKey(analysis?.doc.type !== undefined ? analysis.summary : undefined);
    for (const l of this.listeners) l(snapshot, before !== after);
  }

  private forgetAnalysis(uri: string): void {
    this.workspace.delete(uri);
    this.orphans.delete(uri);
  }

  // --- documents on disk -----------------------------------------------------

  /** Analyses a file's text (bounded) and keeps it, unless the document is open in the editor. */
  async setFromDisk(uri: string, text: string): Promise<void> {
    if (this.open.has(uri)) return;
    const { governance, options } = this.typeFor(uri, text);
    if (!governance) {
      this.forget(uri);
      return;
    }
    const held = this.workspace.get(uri) ?? this.orphans.get(uri)?.analysis;
    if (held && held.doc.text === stripBom(text) && held.doc.type === (options.configType ?? held.doc.type)) return;
    const workspace = this.workspace;
    let result: Awaited<ReturnType<BoundedAnalyser['analyse']>>;
    try {
      result = await this.diskAnalyser.analyse({ uri, text, ...request(options), ...this.configIndexField(uri) });
    } catch (error) {
      // Reconfigured while in flight (the old pool closed under it): the new indexing pass
      // reads the file on the new pool, so this read is dropped, never logged as a failure.
      if (workspace !== this.workspace) return;
      throw error;
    }
    // Opened meanwhile, or the configuration changed: this result is stale.
    if (this.open.has(uri) || workspace !== this.workspace) return;
    const analysis = analysisFromResult(uri, text, result);
    if (!analysis) return;
    if (analysis.doc.type === undefined) {
      this.workspace.delete(uri);
      if (analysis.messages.length > 0) this.orphans.set(uri, { uri, version: undefined, text, analysis });
      else this.orphans.delete(uri);
      return;
    }
    this.orphans.delete(uri);
    this.workspace.setAnalysis(uri, text, analysis);
  }

  /** A file is gone (or is no governance document any more). */
  forget(uri: string): void {
    if (this.open.has(uri)) return;
    this.forgetAnalysis(uri);
  }

  /** Tells listeners that documents on disk changed (after a batch of `setFromDisk`/`forget`). */
  fireIndex(): void {
    for (const l of this.indexListeners) l();
  }

  // --- reading ---------------------------------------------------------------

  /** The core workspace: governance documents, open and on disk. */
  get index(): Workspace {
    return this.workspace;
  }

  /** Every governance document's analysis (open ones at their latest analysed version). */
  analyses(): { uri: string; analysis: DocumentAnalysis }[] {
    return this.workspace.uris().flatMap((uri) => {
      const analysis = this.workspace.get(uri);
      return analysis ? [{ uri, analysis }] : [];
    });
  }

  /** The analysis the workspace holds for a document (open or on disk), without waiting. */
  latest(uri: string): DocumentAnalysis | undefined {
    return this.workspace.get(uri) ?? this.orphans.get(uri)?.analysis;
  }

  /**
   * Every message about one document, the cross-document rules included —
   * except while the workspace is being indexed: a reference to a document
   * not read yet is not an error, so until the index is complete only the
   * document's own messages are given (the index's completion re-publishes).
   */
  messagesFor(uri: string): GovMessage[] {
    const orphan = this.orphans.get(uri);
    if (orphan) return orphan.analysis?.messages ?? [];
    if (this.indexing > 0) return this.workspace.get(uri)?.messages ?? [];
    return this.workspace.checkOne(uri);
  }

  /** Marks an indexing run: `end` must be called once it is over (then listeners hear of the index). */
  beginIndexing(): { end(): void } {
    this.indexing++;
    let ended = false;
    return {
      end: () => {
        if (ended) return;
        ended = true;
        this.indexing--;
        this.fireIndex();
      },
    };
  }

  get isIndexing(): boolean {
    return this.indexing > 0;
  }

  /** Every message of every document known, cross-document rules included. */
  allMessages(): Map<string, GovMessage[]> {
    const out = this.workspace.check();
    for (const [uri, s] of this.orphans) out.set(uri, s.analysis?.messages ?? []);
    return out;
  }

  /** Whether a document is a governance document (or an attempt at one) the server reports on. */
  isReported(uri: string): boolean {
    return this.workspace.get(uri) !== undefined || this.orphans.has(uri);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** What the analyser needs to read a text as the store decided. */
function request(options: { configType?: string; path?: string }): { configType?: string; relPath?: string } {
  return { ...(options.configType !== undefined ? { configType: options.configType } : {}), ...(options.path !== undefined ? { relPath: options.path } : {}) };
}
