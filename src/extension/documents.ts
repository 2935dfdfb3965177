/**
 * The server's list of governance documents (`govmark/documents`), shared by the tree
 * view, the status bar and the workspace timeline. Refreshed when the server announces its
 * index (`govmark/indexChanged`), on save and when diagnostics change, debounced; one request
 * at a time, the latest asked for sent when the one in flight returns.
 */
import * as vscode from 'vscode';
import { Refresher } from '../protocol/refresher.js';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentsRequest, IndexChangedNotification, type DocumentNode, type DocumentsResult, type IndexChangedParams, type InForceNode, type RegisterBodyNode } from '../protocol/requests.js';

export class DocumentsStore implements vscode.Disposable {
  private result: DocumentsResult = { today: '', documents: [] };
  private byUri = new Map<string, DocumentNode>();
  private readonly refresher: Refresher;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient, delayMs = 300, maxWaitMs = 1000) {
    this.refresher = new Refresher(() => this.fetch(), delayMs, maxWaitMs);
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidSaveTextDocument(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
      vscode.workspace.onDidCloseTextDocument(() => this.schedule()),
      // The server announces its index when it is first built and whenever files change on disk.
      client.onNotification(IndexChangedNotification, (params: IndexChangedParams) => {
        client.info(`govmark: the workspace index holds ${params.documents} governance document(s)`);
        this.schedule();
      }),
    );
  }

  get today(): string {
    return this.result.today;
  }

  get documents(): readonly DocumentNode[] {
    return this.result.documents;
  }

  /** Per body, the terms of reference in force today, as the server last sent them. */
  get inForce(): readonly InForceNode[] {
    return this.result.inForce ?? [];
  }

  /** The action register per body, as the server last sent it. */
  get register(): readonly RegisterBodyNode[] {
    return this.result.register ?? [];
  }

  get(uri: vscode.Uri | string): DocumentNode | undefined {
    return this.byUri.get(typeof uri === 'string' ? normalize(uri) : uri.toString());
  }

  /** Debounced; see Refresher for why a stream of events cannot postpone it indefinitely. */
  schedule(): void {
    this.refresher.schedule();
  }

  /** Asks the server for the list now, or right after the request in flight. */
  refresh(): Promise<void> {
    return this.refresher.refresh();
  }

  private async fetch(): Promise<void> {
    let result: DocumentsResult;
    try {
      result = await this.client.sendRequest<DocumentsResult>(DocumentsRequest, {});
    } catch (error) {
      this.client.warn(`govmark/documents failed: ${String(error)}`);
      return;
    }
    this.result = result;
    this.byUri = new Map(result.documents.map((d) => [normalize(d.uri), d]));
    this.changed.fire();
  }

  dispose(): void {
    this.refresher.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The server and VS Code may spell the same file URI differently (%3A, drive letters). */
export function normalize(uri: string): string {
  return vscode.Uri.parse(uri).toString();
}
