/**
 * A set of documents validated together, so cross-document rules (duplicate
 * ids, references, quorum against the terms of reference) work. The language
 * server keeps one; the CLI builds one from per-file results.
 */
import { resolveConfig, type ResolvedConfig } from '../config.js';
import type { GovMessage } from '../message.js';
import { compareMessages } from '../message.js';
import { expectArgument, expectConfig, expectOptions } from '../arguments.js';
import type { GovDocument } from '../model.js';
import type { ChunkCache } from '../parse/markdown.js';
import { parse, type ParseOptions } from '../parse/parse.js';
import { checkDocument, checkWorkspace } from '../rules/run.js';
import { createIndex, summarize, type DocumentSummary, type WorkspaceIndex } from './summary.js';

/** What one document yields on its own: cacheable by content. */
export interface DocumentAnalysis {
  doc: GovDocument;
  /** Messages that need only this document. */
  messages: GovMessage[];
  summary: DocumentSummary;
}

export function analyse(text: string, options: ParseOptions & { config?: ResolvedConfig } = {}): DocumentAnalysis {
  expectArgument(typeof text === 'string', 'analyse', 'text', "a string (the document's Markdown)", text);
  expectOptions('analyse', options);
  if (options.config !== undefined) expectConfig('analyse', options.config, 'options.config');
  const config = options.config ?? resolveConfig();
  const doc = parse(text, { ...options, config });
  return { doc, messages: checkDocument(doc, config), summary: summarize(doc) };
}

/** Joins per-document messages with the workspace rules' messages. */
export function combine(local: Map<string, GovMessage[]>, index: WorkspaceIndex, config: ResolvedConfig): Map<string, GovMessage[]> {
  expectArgument(local instanceof Map, 'combine', 'local', 'a Map of document URI to its messages', local);
  expectConfig('combine', config);
  const cross = checkWorkspace(index, config);
  const out = new Map<string, GovMessage[]>();
  for (const [uri, messages] of local) {
    const extra = cross.get(uri) ?? [];
    out.set(uri, extra.length ? [...messages, ...extra].sort(compareMessages) : messages);
  }
  return out;
}

export class Workspace {
  private readonly docs = new Map<string, DocumentAnalysis & { text: string }>();
  private indexCache: WorkspaceIndex | undefined;
  private readonly external = new Map<string, DocumentSummary>();
  /** Per document, its sections parsed last time, so an edit re-parses only what it touched. */
  private readonly chunkCaches = new Map<string, ChunkCache>();

  constructor(public config: ResolvedConfig = resolveConfig()) {
    expectConfig('new Workspace', config);
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
    return this.setAnalysis(uri, text, analyse(text, { ...options, uri, config: this.config, chunkCache }));
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

  delete(uri: string): void {
    this.docs.delete(uri);
    this.chunkCaches.delete(uri);
    this.external.delete(uri);
    this.indexCache = undefined;
  }

  get(uri: string): DocumentAnalysis | undefined {
    return this.docs.get(uri);
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  index(): WorkspaceIndex {
    this.indexCache ??= createIndex([...[...this.docs.values()].map((d) => d.summary), ...this.external.values()]);
    return this.indexCache;
  }

  /** Every message of every document held in full, the workspace rules included. */
  check(): Map<string, GovMessage[]> {
    const local = new Map<string, GovMessage[]>();
    for (const [uri, d] of this.docs) local.set(uri, d.messages);
    return combine(local, this.index(), this.config);
  }

  /** Messages of one document, the workspace rules included. */
  checkOne(uri: string): GovMessage[] {
    const d = this.docs.get(uri);
    if (!d) return [];
    // The whole index, so rules see every id (did-you-mean), but only this document is checked.
    const cross = checkWorkspace(this.index(), this.config, [uri]).get(uri) ?? [];
    return [...d.messages, ...cross].sort(compareMessages);
  }
}
