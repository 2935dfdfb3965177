/**
 * A minimal LSP client for the tests: spawns the compiled server
 * (`src/server/main.js --stdio`) as a child process and talks JSON-RPC to it
 * over its stdio, as an editor would. No VS Code involved.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { examplesDir } from '../helpers.js';

export const serverMain = fileURLToPath(new URL('../../src/server/main.js', import.meta.url));

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  at: number;
}

/** A temporary workspace folder with copies of ../shared/examples (valid/ and invalid/). */
export function exampleWorkspace(): { dir: string; uri: (relative: string) => string; path: (relative: string) => string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'govmark-server-'));
  cpSync(join(examplesDir, 'valid'), join(dir, 'valid'), { recursive: true });
  cpSync(join(examplesDir, 'invalid'), join(dir, 'invalid'), { recursive: true });
  return {
    dir,
    path: (relative) => join(dir, relative),
    uri: (relative) => pathToFileURL(join(dir, relative)).href,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ClientOptions {
  folder?: string;
  /** `stdio` (default) or Node IPC, as the VS Code extension starts the server. */
  transport?: 'stdio' | 'ipc';
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Another server to start over stdio (an installed `govmark-language-server` bin): the script and its arguments. */
  command?: { script: string; args: string[] };
  /** Node options for the server process (`--cpu-prof`, for the benchmark's profile). */
  nodeArgs?: string[];
}

export class TestClient {
  readonly published: Published[] = [];
  readonly logs: string[] = [];
  readonly registrations: unknown[] = [];
  /** `govmark/indexChanged` notifications received. */
  readonly indexChanges: { documents: number }[] = [];
  settings: Record<string, unknown>;
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const ipc = options.transport === 'ipc';
    const child = ipc
      ? fork(serverMain, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
      : options.command
        ? spawn(process.execPath, [options.command.script, ...options.command.args], { stdio: ['pipe', 'pipe', 'pipe'] })
        : spawn(process.execPath, [...(options.nodeArgs ?? []), serverMain, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push({ ...p, at: Date.now() });
      client.notify();
    });
    connection.onNotification('govmark/indexChanged', (p: { documents: number }) => {
      client.indexChanges.push(p);
      client.notify();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => void client.logs.push(p.message));
    connection.onNotification('window/showMessage', (p: { message: string }) => void client.logs.push(p.message));
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
    connection.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const folder = options.folder;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'examples' }] : null,
      initializationOptions: options.initializationOptions ?? {},
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          symbol: { dynamicRegistration: false },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with the first publication (from `since` on) for `uri` that satisfies `test`. */
  async waitForDiagnostics(uri: string, test: (p: Published) => boolean = () => true, timeoutMs = 20_000, since = 0): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.published.slice(since).find((p) => p.uri === uri && test(p));
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got:\n${JSON.stringify(this.published.filter((p) => p.uri === uri), null, 1).slice(0, 4000)}\nserver log:\n${this.logs.join('').slice(-3000)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The last publication for `uri`. */
  last(uri: string): Published | undefined {
    return [...this.published].reverse().find((p) => p.uri === uri);
  }

  open(uri: string, text: string, version = 1): void {
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Waits for a `govmark/indexChanged` notification (the `since`-th on): the workspace index is built. */
  async waitForIndex(since = 0, timeoutMs = 30_000): Promise<{ documents: number }> {
    const deadline = Date.now() + timeoutMs;
    while (this.indexChanges.length <= since) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the server did not announce its index within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.indexChanges[since];
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the process may be gone already
    }
    this.connection.dispose();
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.child.kill();
          resolve();
        }, 2000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Starts a server on the examples workspace (fixed today) and waits until it has indexed the `expected` documents. */
export async function startOnExamples(folder: string, expected = 11): Promise<TestClient> {
  const client = await TestClient.start({ folder, initializationOptions: { today: '2026-11-23' } });
  const indexed = (await client.waitForIndex()).documents;
  if (indexed !== expected) throw new Error(`the server indexed ${indexed} documents, expected ${expected}`);
  return client;
}
