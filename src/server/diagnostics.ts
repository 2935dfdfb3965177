/**
 * Diagnostics: govmark messages as LSP diagnostics, published per document
 * version. The store analyses a document once the edits pause (debounced);
 * this publishes the result only while it is still the document's current
 * version, re-checks the other open documents when what they depend on
 * changed (a terms of reference's quorum, an id), and clears a document's
 * diagnostics when it is closed.
 *
 * Each diagnostic carries its fixes as `data` (LSP ranges, the version they
 * apply to), so code actions never recompute the analysis.
 */
import { type Connection, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Fix, GovMessage } from '../core/message.js';
import { toLspRange, toLspSeverity } from './edge.js';
import type { DocumentStore, Snapshot } from './store.js';
import type { LspRange } from '../protocol/requests.js';

/** A fix as diagnostics carry it: LSP ranges. */
export interface FixData {
  title: string;
  preferred?: boolean;
  edits: { range: LspRange; newText: string }[];
}

/** What a govmark diagnostic's `data` holds. */
export interface DiagnosticData {
  /** The document version the fixes apply to (undefined for a closed document). */
  version?: number;
  fixes?: FixData[];
  expected?: string[];
  actual?: string;
}

export function toFixData(fix: Fix): FixData {
  const data: FixData = { title: fix.title, edits: fix.edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })) };
  if (fix.preferred) data.preferred = true;
  return data;
}

export function toDiagnostic(m: GovMessage, version: number | undefined): Diagnostic {
  const d: Diagnostic = {
    range: toLspRange(m.range),
    severity: toLspSeverity(m.severity),
    code: m.ruleId,
    source: 'govmark',
    message: m.reason,
  };
  if (m.url) d.codeDescription = { href: m.url };
  if (m.related?.length) {
    d.relatedInformation = m.related.map((r): DiagnosticRelatedInformation => ({ location: { uri: r.uri, range: toLspRange(r.range) }, message: r.message }));
  }
  const data: DiagnosticData = {};
  if (version !== undefined) data.version = version;
  if (m.fixes?.length) data.fixes = m.fixes.map(toFixData);
  if (m.expected) data.expected = m.expected;
  if (m.actual !== undefined) data.actual = m.actual;
  d.data = data;
  return d;
}

export class DiagnosticsPublisher {
  /** What was last sent per document: the version and a fingerprint, to skip identical re-sends to other documents. */
  private readonly sent = new Map<string, { version: number | undefined; fingerprint: string; diagnostics: Diagnostic[] }>();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    /**
     * `workspace` (the default): every governance document's problems stay in
     * the Problems panel, open or not, following the disk; `openFiles`: only
     * open documents' (and those of an explicit Validate Workspace).
     */
    private readonly scope: () => 'openFiles' | 'workspace' = () => 'workspace',
  ) {
    store.onDidAnalyse((snapshot, dependentsMayChange) => {
      this.publishSnapshot(snapshot, true);
      if (dependentsMayChange) this.refreshOpen(snapshot.uri);
    });
    store.onDidChangeIndex(() => this.refreshOpen());
  }

  /** The diagnostics last sent for a document (code actions fall back on them when a diagnostic's data is stale). */
  lastSent(uri: string): { version: number | undefined; diagnostics: Diagnostic[] } | undefined {
    return this.sent.get(uri);
  }

  /** Publishes an open document's analysis if it is still its current version. */
  private publishSnapshot(snapshot: Snapshot, always: boolean): void {
    const { uri, version } = snapshot;
    if (version === undefined || this.store.versionOf(uri) !== version) return; // stale: never publish an older version
    const messages = snapshot.analysis ? this.store.messagesFor(uri) : [];
    this.send(uri, version, messages, always);
  }

  /** Re-checks open documents other than `except` against the workspace and publishes those whose diagnostics changed. */
  refreshOpen(except?: string): void {
    for (const uri of this.store.openUris()) {
      if (uri === except) continue;
      const sent = this.sent.get(uri);
      const version = this.store.versionOf(uri);
      // Only documents already published at their current version: others publish themselves when analysed.
      if (!sent || sent.version !== version || !this.store.isReported(uri)) continue;
      this.send(uri, version, this.store.messagesFor(uri), false);
    }
    if (this.scope() === 'workspace' && !this.store.isIndexing) {
      this.publishClosed();
      return;
    }
    for (const [uri, sent] of this.sent) {
      // Closed documents published by "validate workspace" follow the disk.
      if (sent.version !== undefined || this.store.isOpen(uri)) continue;
      this.send(uri, undefined, this.store.isReported(uri) ? this.store.messagesFor(uri) : [], false);
    }
  }

  /**
   * Every closed document's messages as the disk has it (workspace scope):
   * new and changed files published, unchanged ones skipped, files that are
   * gone (or no governance document any more) cleared.
   */
  private publishClosed(): void {
    const all = this.store.allMessages();
    for (const [uri, messages] of all) {
      if (this.store.isOpen(uri)) continue;
      this.send(uri, undefined, messages, false);
    }
    for (const [uri, sent] of [...this.sent]) {
      if (sent.version !== undefined || this.store.isOpen(uri) || all.has(uri)) continue;
      this.clear(uri);
    }
  }

  /**
   * The document was closed in the editor. Workspace scope: its problems stay,
   * as the disk copy gives them once the store has read it (`refreshOpen` on
   * the index change); open-files scope: they go.
   */
  closed(uri: string): void {
    if (this.scope() === 'openFiles') {
      this.clear(uri);
      return;
    }
    const sent = this.sent.get(uri);
    // Not tied to an editor version any more: the next refresh re-sends it from the disk if it differs.
    if (sent) this.sent.set(uri, { ...sent, version: undefined });
  }

  /** The scope changed to open files: closed documents' problems go (an explicit Validate Workspace brings them back). */
  clearClosed(): void {
    for (const [uri, sent] of [...this.sent]) if (sent.version === undefined && !this.store.isOpen(uri)) this.clear(uri);
  }

  /** Publishes every known document's messages (validate workspace); returns the counts. */
  publishAll(): { files: number; errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    const all = this.store.allMessages();
    for (const [uri, messages] of all) {
      errors += messages.filter((m) => m.severity === 'error').length;
      warnings += messages.filter((m) => m.severity === 'warning').length;
      this.send(uri, this.store.versionOf(uri), messages, true);
    }
    return { files: all.size, errors, warnings };
  }

  /** The document was closed: its diagnostics go. */
  clear(uri: string): void {
    this.sent.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private send(uri: string, version: number | undefined, messages: GovMessage[], always: boolean): void {
    const diagnostics = messages.map((m) => toDiagnostic(m, version));
    const fingerprint = JSON.stringify(diagnostics.map((d) => [d.range, d.severity, d.code, d.message, d.relatedInformation]));
    const previous = this.sent.get(uri);
    if (!always && previous && previous.fingerprint === fingerprint) return;
    this.sent.set(uri, { version, fingerprint, diagnostics });
    void this.connection.sendDiagnostics(version !== undefined ? { uri, version, diagnostics } : { uri, diagnostics });
  }
}
