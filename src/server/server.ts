/**
 * The govmark language server: wires an LSP connection to the core through
 * the document store, one provider per feature. Knows nothing of the machine
 * it runs on (that is the injected `ServerHost`) nor of the transport (that is
 * `main.ts`), so tests can drive it over any connection.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  WorkspaceSymbolRequest,
  type CancellationToken,
  type ClientCapabilities,
  type CompletionList,
  type Connection,
  type FileEvent,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { LineIndex } from '../core/text/lines.js';
import { timelineOf, workspaceTimeline } from '../core/timeline/index.js';
import { agendaOfMeeting } from '../core/rules/agenda-minuted.js';
import { bodyKey } from '../core/workspace/in-force.js';
import { minutesOfBody, openActionsOn } from '../core/workspace/workspace.js';
import {
  DocumentsRequest,
  IndexChangedNotification,
  NewDocumentRequest,
  ImportDocumentRequest,
  type ImportDocumentResult,
  TimelineRequest,
  ValidateWorkspaceRequest,
  type DocumentsResult,
  type IndexChangedParams,
  type NewDocumentResult,
  type TimelineModel,
  type ValidateWorkspaceResult,
} from '../protocol/requests.js';
import { CONFIG_WATCH_GLOBS, mayBeConfigFile } from '../node/config-names.js';
import { VERSION } from '../version.js';
import { codeActions } from './code-actions.js';
import { completion, COMPLETION_TRIGGERS } from './completion.js';
import { DiagnosticsPublisher } from './diagnostics.js';
import { documentSymbols } from './document-symbols.js';
import { documentsResult } from './documents-tree.js';
import { toOffset } from './edge.js';
import { describeError, guard, guardNotification } from './guard.js';
import type { ServerHost } from './host.js';
import { hover } from './hover.js';
import { newDocument } from './new-document.js';
import {
  codeActionParams,
  fileEvents,
  initializeParams,
  newDocumentParams,
  importDocumentParams,
  noParams,
  referenceParams,
  textDocumentParams,
  textDocumentPositionParams,
  timelineParams,
  workspaceFoldersChange,
  workspaceSymbolParams,
} from './params.js';
import { definition, idAt, references } from './references.js';
import { DEFAULT_DEBOUNCE_MS, resolveSettings, type ServerSettings } from './settings.js';
import { DocumentStore, type Snapshot } from './store.js';
import { listenChecked } from './sync.js';
import { workspaceSymbols } from './workspace-symbols.js';

/** What the client may pass as `initializationOptions`. */
export interface InitializationOptions {
  /** URL (`file:`) or path of the worker script, when it is not `worker.js` beside the server. */
  workerUrl?: string;
  /** The `govmark` settings, for clients that cannot answer `workspace/configuration`. */
  settings?: unknown;
  /** ISO date to use as today (tests, reproducible reports). */
  today?: string;
  /**
   * False in an editor's untrusted workspace (VS Code's Restricted Mode): the
   * workspace's config file is read as data, its schema files are not.
   * Absent: trusted (editors without workspace trust).
   */
  workspaceTrusted?: boolean;
}

/** Concurrent file reads while indexing. */
const READ_CONCURRENCY = 16;
/** File events within this many milliseconds are handled together (duplicates from two watchers merge). */
const FILE_EVENT_DELAY_MS = 50;

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface GovmarkServer {
  /** Resolves once the workspace folders have been indexed (first time). */
  readonly indexed: Promise<void>;
  dispose(): Promise<void>;
}

export function createServer(connection: Connection, host: ServerHost): GovmarkServer {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.error(message);
  const ready = deferred<{ store: DocumentStore; publisher: DiagnosticsPublisher }>();
  const indexed = deferred<void>();
  let folders: string[] = [];
  let options: InitializationOptions = {};
  let clientCapabilities: ClientCapabilities = {};
  let settings: ServerSettings | undefined;
  let indexGeneration = 0;
  let started: { store: DocumentStore; publisher: DiagnosticsPublisher } | undefined;

  const debounceMs = () => settings?.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const today = () => settings?.config.today ?? host.today();

  /** The server's spelling of a file URI (the one discovery uses), so a file is one document whatever the client's spelling. */
  const canonical = (uri: string): string => {
    const path = host.uriToPath(uri);
    return path !== undefined ? host.pathToUri(path) : uri;
  };

  async function loadSettings(): Promise<ServerSettings> {
    let raw: unknown = options.settings;
    if (clientCapabilities.workspace?.configuration) {
      try {
        raw = await connection.workspace.getConfiguration({ section: 'govmark', ...(folders[0] ? { scopeUri: host.pathToUri(folders[0]) } : {}) });
      } catch (error) {
        log(`govmark: could not read the settings: ${describeError(error)}`);
      }
    }
    const loaded = await resolveSettings(host, folders[0], raw, { today: options.today, trusted: options.workspaceTrusted !== false });
    for (const problem of loaded.problems) {
      log(`govmark: ${problem}`);
      void connection.window.showWarningMessage(`govmark: ${problem}`);
    }
    return loaded;
  }

  /** Reads every governance document of the workspace folders into the store. */
  async function indexWorkspace(store: DocumentStore): Promise<void> {
    store.setRoots(folders);
    const run = store.beginIndexing();
    try {
      await readWorkspace(store);
    } finally {
      run.end();
    }
  }

  /** The files the configuration's `types.<name>.files` globs select. */
  async function readGlobTypes(store: DocumentStore): Promise<void> {
    const configs = store.configs().filter((c) => c.customTypes.some((t) => t.files?.length));
    if (configs.length === 0) return store.setGlobTypes(new Map());
    try {
      const types = new Map<string, string>();
      // Each file's type from its own config's globs (per-folder configs).
      for (const c of configs) {
        for (const [path, type] of await host.typesByPath(c)) {
          const uri = host.pathToUri(path);
          if (store.configFor(uri) === c && !types.has(uri)) types.set(uri, type);
        }
      }
      store.setGlobTypes(types);
    } catch (error) {
      log(`govmark: could not match the custom types' file globs: ${describeError(error)}`);
    }
  }

  async function readWorkspace(store: DocumentStore): Promise<void> {
    const generation = ++indexGeneration;
    const loaded = { config: store.currentConfig, baseDir: folders[0] ?? '' };
    const paths: string[] = [];
    for (const folder of folders) {
      try {
        paths.push(...(await host.discover(folder, { ...loaded, baseDir: folder })));
      } catch (error) {
        log(`govmark: could not list the files of ${folder}: ${describeError(error)}`);
      }
    }
    await readConfigCascade(store, paths);
    await readGlobTypes(store);
    const found = new Set(paths.map((p) => host.pathToUri(p)));
    // Files known before but not found now (deleted, now ignored) leave the index.
    for (const { uri } of store.analyses()) if (!found.has(uri) && !store.isOpen(uri)) store.forget(uri);
    let next = 0;
    const worker = async () => {
      while (next < paths.length && generation === indexGeneration) {
        const path = paths[next++];
        const text = await host.readFile(path);
        if (text === undefined) continue;
        try {
          await store.setFromDisk(host.pathToUri(path), text);
        } catch (error) {
          log(`govmark: could not read ${path}: ${describeError(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  }

  /**
   * Configs in subfolders, read as the CLI reads them (src/node/config-cascade.ts): each
   * document is checked with its folder's config. A broken nested config is said, and the
   * workspace's config is used meanwhile.
   */
  async function readConfigCascade(store: DocumentStore, paths: readonly string[]): Promise<void> {
    if (!host.configCascade || folders.length === 0) return store.setConfigLookup(undefined);
    try {
      const lookup = await host.configCascade(store.currentConfig, settings?.configDir ?? folders[0], settings?.configFile, paths, settings?.trusted === false ? { trusted: false } : {});
      await store.setConfigLookup(lookup);
    } catch (error) {
      const message = `govmark: ${describeError(error)}; the files below it are checked with the workspace's config until it is fixed`;
      log(message);
      void connection.window.showWarningMessage(message);
      await store.setConfigLookup(undefined);
    }
  }

  /** Applies new settings: every document is analysed again. */
  async function reconfigure(): Promise<void> {
    const { store } = await ready.promise;
    settings = await loadSettings();
    if (settings.validateScope === 'openFiles') started?.publisher.clearClosed();
    const run = store.beginIndexing();
    try {
      await store.reconfigure(settings.config);
      for (const doc of documents.all()) store.update(doc.uri, doc.getText(), doc.version, 0);
      await readWorkspace(store);
    } finally {
      run.end();
    }
  }

  // --- lifecycle -------------------------------------------------------------

  connection.onInitialize((raw: unknown): InitializeResult => {
    const params = initializeParams(raw);
    clientCapabilities = params.capabilities as ClientCapabilities;
    const { workerUrl, settings: given, today: day, workspaceTrusted } = params.initializationOptions;
    options = {
      ...(typeof workerUrl === 'string' ? { workerUrl } : {}),
      ...(given !== undefined ? { settings: given } : {}),
      ...(typeof day === 'string' ? { today: day } : {}),
      // Only an explicit false restricts: editors without workspace trust send nothing.
      ...(workspaceTrusted === false ? { workspaceTrusted: false } : {}),
    };
    folders = params.folderUris.map((u) => host.uriToPath(u)).filter((p): p is string => p !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'govmark' },
        workspaceSymbolProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'govmark', version: VERSION },
    };
  });

  let initialized = false;
  connection.onInitialized(async () => {
    // Once: a second `initialized` would start a second store beside the first.
    if (initialized) return;
    initialized = true;
    let run: { end(): void } | undefined;
    try {
      settings = await loadSettings();
      const store = new DocumentStore(host, settings.config, { workerUrl: options.workerUrl, log });
      store.setRoots(folders);
      const publisher = new DiagnosticsPublisher(connection, store, () => settings?.validateScope ?? 'workspace');
      started = { store, publisher };
      store.onDidChangeIndex(() => {
        if (!store.isIndexing) void connection.sendNotification(IndexChangedNotification, { documents: store.analyses().length } satisfies IndexChangedParams);
      });
      // Until the workspace is read, open documents get their own messages only (see `messagesFor`).
      run = store.beginIndexing();
      ready.resolve(started);
      // Documents opened before the settings were known.
      for (const doc of documents.all()) store.update(doc.uri, doc.getText(), doc.version, 0);
      if (clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{md,markdown}', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
            ...CONFIG_WATCH_GLOBS.map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })),
          ],
        });
      }
      if (clientCapabilities.workspace?.workspaceFolders) {
        // Registered by name, replacing the library's own handler (set up during `initialize`), which reads `params.event` unchecked.
        connection.onNotification(
          DidChangeWorkspaceFoldersNotification.method,
          guardNotification(log, DidChangeWorkspaceFoldersNotification.method, workspaceFoldersChange, ({ added, removed }) => {
            const gone = new Set(removed.map((f) => host.uriToPath(f.uri)));
            const more = added.map((f) => host.uriToPath(f.uri)).filter((p): p is string => p !== undefined);
            folders = [...folders.filter((f) => !gone.has(f)), ...more];
            // The configuration comes from the first folder: read everything again.
            reconfigure().catch((error) => log(`govmark: re-reading the workspace folders failed: ${describeError(error)}`));
          }),
        );
      }
      if (clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'govmark' });
      }
      await readWorkspace(store);
    } catch (error) {
      log(`govmark: starting failed: ${describeError(error)}`);
    } finally {
      run?.end();
      indexed.resolve();
    }
  });

  connection.onShutdown(async () => {
    await started?.store.dispose();
  });

  // --- documents ---------------------------------------------------------------

  documents.onDidOpen(({ document }) => {
    if (!started) return;
    const diskUri = canonical(document.uri);
    if (diskUri !== document.uri) started.store.forget(diskUri);
    started.store.update(document.uri, document.getText(), document.version, 0);
  });

  documents.onDidChangeContent(({ document }) => {
    // The open (which also fires this) is handled above, without waiting.
    if (!started || !started.store.isOpen(document.uri) || started.store.versionOf(document.uri) === document.version) return;
    started.store.update(document.uri, document.getText(), document.version, debounceMs());
  });

  documents.onDidClose(({ document }) => {
    if (!started) return;
    const { store, publisher } = started;
    publisher.closed(document.uri);
    store.close(document.uri, canonical(document.uri)).catch((error) => log(`govmark: closing ${document.uri}: ${describeError(error)}`));
  });

  connection.onDidChangeConfiguration(() => {
    reconfigure().catch((error) => log(`govmark: applying the settings failed: ${describeError(error)}`));
  });

  const pendingEvents = new Map<string, FileChangeType>();
  let eventTimer: ReturnType<typeof setTimeout> | undefined;
  connection.onNotification(
    DidChangeWatchedFilesNotification.method,
    guardNotification(log, DidChangeWatchedFilesNotification.method, fileEvents, (changes) => {
      for (const change of changes) pendingEvents.set(canonical(change.uri), change.type);
      clearTimeout(eventTimer);
      eventTimer = setTimeout(() => {
        const batch = [...pendingEvents].map(([uri, type]): FileEvent => ({ uri, type }));
        pendingEvents.clear();
        handleFileEvents(batch).catch((error) => log(`govmark: file changes: ${describeError(error)}`));
      }, FILE_EVENT_DELAY_MS);
    }),
  );

  async function handleFileEvents(events: FileEvent[]): Promise<void> {
    const { store } = await ready.promise;
    // Any config name, and any package.json (it may have gained or lost its "govmark" key).
    if (events.some((e) => mayBeConfigFile(e.uri))) {
      await reconfigure();
      return;
    }
    if (events.some((e) => e.type === FileChangeType.Created)) await readGlobTypes(store);
    for (const { uri, type } of events) {
      if (/\/(node_modules|\.git)\//.test(uri)) continue;
      if (type === FileChangeType.Deleted) {
        // A folder's deletion names the folder: everything under it goes.
        for (const { uri: known } of store.analyses()) if (known === uri || known.startsWith(uri + '/')) store.forget(known);
        store.forget(uri);
        continue;
      }
      if (!/\.(md|markdown)$/i.test(uri) || store.isOpen(uri)) continue;
      const path = host.uriToPath(uri);
      const text = path !== undefined ? await host.readFile(path) : undefined;
      if (text === undefined) store.forget(uri);
      else await store.setFromDisk(uri, text);
    }
    store.fireIndex();
  }

  // --- features ----------------------------------------------------------------

  /** The current analysis of an open document (made now if the debounce is still waiting). */
  async function snapshot(uri: string): Promise<Snapshot | undefined> {
    const { store } = await ready.promise;
    return store.current(uri);
  }

  // Registered by method name, not `connection.onHover` and the like: see guard.ts.
  connection.onRequest(
    DocumentSymbolRequest.method,
    guard(log, 'documentSymbol', () => [], textDocumentParams, async ({ textDocument }, token) => {
      const s = await snapshot(textDocument.uri);
      return s?.analysis ? documentSymbols(s.analysis.doc, token) : [];
    }),
  );

  connection.onRequest(
    WorkspaceSymbolRequest.method,
    guard(log, 'workspaceSymbol', () => [], workspaceSymbolParams, async ({ query }, token) => {
      const { store } = await ready.promise;
      return workspaceSymbols(store.analyses(), query, token);
    }),
  );

  connection.onRequest(
    HoverRequest.method,
    guard(log, 'hover', () => null, textDocumentPositionParams, async ({ textDocument, position }, token) => {
      const s = await snapshot(textDocument.uri);
      if (!s?.analysis) return null;
      const { store } = await ready.promise;
      const doc = s.analysis.doc;
      return hover(doc, toOffset(doc.lines, position), store.configFor(textDocument.uri), store.index.index(), token);
    }),
  );

  const emptyList = (): CompletionList => ({ isIncomplete: false, items: [] });
  connection.onRequest(
    CompletionRequest.method,
    guard(log, 'completion', emptyList, textDocumentPositionParams, async ({ textDocument, position }, token) => {
      const { store } = await ready.promise;
      const document = documents.get(textDocument.uri);
      if (!document) return emptyList();
      // The editor's text as it is now: completion must not wait for the debounce.
      const text = document.getText();
      const lines = new LineIndex(text);
      return completion({ uri: textDocument.uri, text, lines, offset: toOffset(lines, position), config: store.configFor(textDocument.uri), index: store.index.index() }, token);
    }),
  );

  connection.onRequest(
    CodeActionRequest.method,
    guard(log, 'codeAction', () => [], codeActionParams, async (params, token) => {
      const { store, publisher } = await ready.promise;
      const uri = params.textDocument.uri;
      return codeActions(
        {
          params,
          version: store.versionOf(uri),
          published: publisher.lastSent(uri),
          versionedEdits: clientCapabilities.workspace?.workspaceEdit?.documentChanges === true,
        },
        token,
      );
    }),
  );

  connection.onRequest(
    DefinitionRequest.method,
    guard(log, 'definition', () => [], textDocumentPositionParams, async ({ textDocument, position }, token) => {
      const s = await snapshot(textDocument.uri);
      if (!s?.analysis) return [];
      const { store } = await ready.promise;
      const { doc, summary } = s.analysis;
      return definition(summary, toOffset(doc.lines, position), store.index.index(), token);
    }),
  );

  connection.onRequest(
    ReferencesRequest.method,
    guard(log, 'references', () => [], referenceParams, async ({ textDocument, position, context }, token) => {
      const s = await snapshot(textDocument.uri);
      if (!s?.analysis) return [];
      const { store } = await ready.promise;
      const { doc, summary } = s.analysis;
      const id = idAt(doc, summary, toOffset(doc.lines, position));
      return id !== undefined ? references(id, store.index.index(), context.includeDeclaration, token) : [];
    }),
  );

  // --- custom requests -----------------------------------------------------------

  const emptyTimeline = (): TimelineModel => ({ title: '', today: today(), entries: [] });
  connection.onRequest(
    TimelineRequest,
    guard(log, TimelineRequest, emptyTimeline, timelineParams, async (params, token: CancellationToken): Promise<TimelineModel> => {
      const { store } = await ready.promise;
      if (params.scope === 'document') {
        if (!params.uri) return emptyTimeline();
        const s = store.isOpen(params.uri) ? await snapshot(params.uri) : undefined;
        const analysis = s?.analysis ?? store.latest(params.uri);
        return analysis ? timelineOf(analysis.doc, today()) : emptyTimeline();
      }
      await store.currentAll();
      if (token.isCancellationRequested) return emptyTimeline();
      return workspaceTimeline(store.analyses().map((a) => a.analysis.doc), today());
    }),
  );

  connection.onRequest(
    DocumentsRequest,
    guard(log, DocumentsRequest, (): DocumentsResult => ({ today: today(), documents: [] }), noParams, async (_params, token: CancellationToken) => {
      const { store } = await ready.promise;
      await store.currentAll();
      return documentsResult(store.analyses(), store.allMessages(), today(), token, store.index.index());
    }),
  );

  connection.onRequest(
    ValidateWorkspaceRequest,
    guard(log, ValidateWorkspaceRequest, (): ValidateWorkspaceResult => ({ files: 0, errors: 0, warnings: 0 }), noParams, async () => {
      const { store, publisher } = await ready.promise;
      await indexWorkspace(store);
      await store.currentAll();
      return publisher.publishAll();
    }),
  );

  connection.onRequest(
    ImportDocumentRequest,
    guard(log, ImportDocumentRequest, (): ImportDocumentResult => ({ documents: [] }), importDocumentParams, async (params) => (await import('./import-document.js')).importDocument(params)),
  );

  connection.onRequest(
    NewDocumentRequest,
    guard(log, NewDocumentRequest, (): NewDocumentResult => ({ text: '', fileName: 'untitled.md' }), newDocumentParams, async (params) => {
      const { store } = await ready.promise;
      const findTerms = (id: string) => {
        const s = store.index.index().byId(id).find((d) => d.type !== undefined);
        return s ? store.latest(s.uri) : undefined;
      };
      const contextOf = (body: string | undefined, date: string) => {
        if (body === undefined) return {};
        const index = store.index.index();
        const wanted = bodyKey(body);
        const previous = minutesOfBody(index.all(), wanted).filter((s) => s.date! < date).pop();
        const agenda = agendaOfMeeting(index.all(), date, wanted);
        return { ...(previous ? { previous } : {}), ...(agenda ? { agenda } : {}), openActions: openActionsOn(index, date, wanted) };
      };
      return newDocument(params, today(), findTerms, contextOf);
    }),
  );

  listenChecked(documents, connection, log);

  return {
    indexed: indexed.promise,
    async dispose() {
      clearTimeout(eventTimer);
      await started?.store.dispose();
    },
  };
}
