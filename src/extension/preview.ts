/**
 * The timeline preview: one webview panel beside the editor, drawn by the pure renderer
 * (src/render) from the server's timeline model. The page comes with a fresh nonce from
 * `crypto` on every render and only the extension's own script; later models arrive as
 * messages as the author types. A serializer restores the panel after a window reload.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TimelineModel } from '../protocol/requests.js';
import { createNonce, filterModel, GROUP_BY, renderTimelineHtml, type GroupBy, type TimelineFilter } from '../render/index.js';
import type { FromPreview, PreviewState, RenderedReport, ToPreview } from '../webview/protocol.js';
import type { DocumentsStore } from './documents.js';
import { exportTimeline, type ExportFormat } from './export.js';
import { reveal } from './ranges.js';
import { fetchTimeline, type Scope } from './timeline.js';

export const previewViewType = 'govmark.timeline';

export class TimelinePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: PreviewState = { scope: 'document' };
  private model: TimelineModel | undefined;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly rendered = new vscode.EventEmitter<RenderedReport>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires when the webview has drawn a model: what it shows, read back from its page. */
  readonly onDidRender = this.rendered.event;
  lastRender: RenderedReport | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly store: DocumentsStore,
  ) {
    this.subscriptions.push(
      this.rendered,
      vscode.window.registerWebviewPanelSerializer(previewViewType, {
        deserializeWebviewPanel: async (panel, state: PreviewState | undefined) => {
          this.attach(panel, isState(state) ? state : this.defaultState());
          await this.update(true);
        },
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.follows(e.document)) this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument(() => {
        if (this.panel && this.state.scope === 'workspace') this.schedule();
      }),
      // The server answers with what it has indexed so far (after a window reload, not yet
      // everything): the workspace timeline follows the list of documents as it changes.
      store.onDidChange(() => {
        if (this.panel && this.state.scope === 'workspace') this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || this.state.scope !== 'document' || !editor || editor.document.languageId !== 'markdown') return;
        if (!vscode.workspace.getConfiguration('govmark.preview').get<boolean>('followActiveEditor', true)) return;
        const uri = editor.document.uri.toString();
        if (uri !== this.state.uri && this.store.get(uri)) {
          this.state = { ...this.state, uri };
          void this.update();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // A new swimlane setting applies to the open panel too, over the Lanes control's choice.
        if (e.affectsConfiguration('govmark.timeline.groupBy')) this.state = { ...this.state, groupBy: groupBySetting() };
        if (this.panel && (e.affectsConfiguration('govmark.preview') || e.affectsConfiguration('govmark.timeline'))) void this.update();
      }),
    );
  }

  /** Resolves with the next render the webview reports. */
  nextRender(): Promise<RenderedReport> {
    return new Promise((resolve) => {
      const once = this.onDidRender((report) => {
        once.dispose();
        resolve(report);
      });
    });
  }

  /** Show Timeline Preview: the active governance document (or `uri`), to the side. */
  async show(uri?: vscode.Uri): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? (editor?.document.languageId === 'markdown' ? editor.document.uri : undefined);
    const state: PreviewState = this.panel ? { ...this.state } : this.defaultState();
    if (target) state.uri = target.toString();
    if (this.panel) {
      this.state = state;
      this.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        previewViewType,
        'Timeline',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(),
      );
      this.attach(panel, state);
    }
    await this.update(true);
  }

  /** Export Timeline: of the preview's model, or of the active document when no preview is open. */
  async export(format?: ExportFormat, target?: vscode.Uri, filter: TimelineFilter = {}): Promise<vscode.Uri | undefined> {
    let model = this.panel && this.model ? filterModel(this.model, filter) : undefined;
    let near = this.state.uri ? vscode.Uri.parse(this.state.uri) : undefined;
    if (!model) {
      const editor = vscode.window.activeTextEditor;
      const uri = editor?.document.languageId === 'markdown' ? editor.document.uri : undefined;
      near = uri;
      model = await fetchTimeline(this.client, uri ? 'document' : 'workspace', uri?.toString());
    }
    return exportTimeline(model, this.state.scope === 'workspace' ? undefined : near, format, target, this.panel ? { groupBy: this.groupBy() } : {});
  }

  private defaultState(): PreviewState {
    const scope = vscode.workspace.getConfiguration('govmark.preview').get<Scope>('scope', 'document');
    return { scope: scope === 'workspace' ? 'workspace' : 'document', groupBy: groupBySetting() };
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media'), vscode.Uri.joinPath(this.context.extensionUri, 'dist')],
    };
  }

  private attach(panel: vscode.WebviewPanel, state: PreviewState): void {
    this.panel = panel;
    this.state = state;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'govmark.svg');
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    panel.webview.onDidReceiveMessage((message: FromPreview) => this.receive(message));
  }

  private follows(document: vscode.TextDocument): boolean {
    if (this.state.scope === 'document') return document.uri.toString() === this.state.uri;
    return document.languageId === 'markdown' && this.store.get(document.uri) !== undefined;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    // The server debounces its own checks; this only keeps a burst of keystrokes to one request.
    this.timer = setTimeout(() => void this.update(), 120);
  }

  /** Fetches the model; a whole new page (fresh nonce) when `page`, else a `model` message. */
  private async update(page = false): Promise<void> {
    const mine = ++this.generation;
    let model: TimelineModel;
    try {
      model = await fetchTimeline(this.client, this.state.scope, this.state.uri);
    } catch (error) {
      this.client.warn(`govmark/timeline failed: ${String(error)}`);
      return;
    }
    const panel = this.panel;
    if (mine !== this.generation || !panel) return; // a newer model is on its way, or the panel closed
    this.model = model;
    panel.title = this.state.scope === 'workspace' ? 'Timeline: workspace' : `Timeline: ${model.title}`;
    if (page) panel.webview.html = this.page(panel.webview, model);
    else this.post(model);
  }

  private post(model: TimelineModel): void {
    const message: ToPreview = { type: 'model', model, scope: this.state.scope, groupBy: this.groupBy(), ...(this.state.uri ? { uri: this.state.uri } : {}) };
    void this.panel?.webview.postMessage(message);
  }

  private page(webview: vscode.Webview, model: TimelineModel): string {
    const media = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...path)).toString();
    return renderTimelineHtml(model, {
      mode: 'webview',
      nonce: createNonce(),
      cspSource: resourceSource(webview.cspSource),
      scriptUri: media('dist', 'webview.js'),
      styleUri: media('media', 'preview.css'),
      interactive: true,
      groupBy: this.groupBy(),
    });
  }

  /** The panel's swimlanes: chosen in the panel, else the setting. */
  private groupBy(): GroupBy {
    return this.state.groupBy ?? groupBySetting();
  }

  /** Messages from the page are checked before use: the page shows document text. */
  private async receive(message: FromPreview): Promise<void> {
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'ready':
        if (this.model) this.post(this.model);
        return;
      case 'reveal': {
        // Only the documents the model came from: the page cannot open anything else.
        const entry = this.model?.entries.find((e) => e.uri === message.uri);
        if (!entry || !isRange(message.range)) return;
        await reveal(entry.uri, message.range, vscode.ViewColumn.One);
        return;
      }
      case 'setScope':
        if (message.scope !== 'document' && message.scope !== 'workspace') return;
        this.state = { ...this.state, scope: message.scope };
        await this.update();
        return;
      case 'setGroupBy':
        if (!GROUP_BY.includes(message.groupBy)) return;
        this.state = { ...this.state, groupBy: message.groupBy };
        return;
      case 'export':
        // The panel's filter, so the file shows what the panel shows (keys are only compared, never shown).
        if (message.format === 'svg' || message.format === 'html') await this.export(message.format, undefined, { hiddenStatuses: strings(message.hiddenStatuses), hiddenBodies: strings(message.hiddenBodies) });
        return;
      case 'rendered':
        if (!Array.isArray(message.entries)) return;
        this.lastRender = message;
        this.rendered.fire(message);
        return;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * The renderer takes one CSP source expression; VS Code's `cspSource` is a list
 * (`'self' https://*.vscode-cdn.net` in 1.139). The extension's files are served from the
 * https one (`asWebviewUri`), so that one is enough.
 */
function resourceSource(cspSource: string): string {
  const sources = cspSource.split(/\s+/).filter(Boolean);
  return sources.length === 1 ? sources[0] : sources.find((s) => /^https?:/.test(s)) ?? cspSource;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `govmark.timeline.groupBy`, `none` when unset or not one of the four. */
function groupBySetting(): GroupBy {
  const value = vscode.workspace.getConfiguration('govmark.timeline').get<string>('groupBy', 'none');
  return (GROUP_BY as readonly string[]).includes(value) ? (value as GroupBy) : 'none';
}

function isState(value: unknown): value is PreviewState {
  const v = value as PreviewState | undefined;
  return (
    !!v &&
    (v.scope === 'document' || v.scope === 'workspace') &&
    (v.uri === undefined || typeof v.uri === 'string') &&
    (v.groupBy === undefined || GROUP_BY.includes(v.groupBy)) &&
    (v.view === undefined || (typeof v.view === 'object' && v.view !== null && Number.isFinite(v.view.start) && Number.isFinite(v.view.end))) &&
    [v.hiddenStatuses, v.hiddenBodies].every((list) => list === undefined || (Array.isArray(list) && list.every((k) => typeof k === 'string')))
  );
}

function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const r = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  const pos = (p?: { line?: unknown; character?: unknown }) => !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
  return !!r && pos(r.start) && pos(r.end);
}
