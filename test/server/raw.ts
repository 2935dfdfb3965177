/**
 * A raw JSON-RPC client for the robustness tests: it writes bytes to the
 * compiled server's stdin exactly as given (malformed params, broken headers,
 * garbage, split writes), which a real LSP client library refuses to do, and
 * reads what the server answers. The server runs as a child process over
 * stdio, as an editor starts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { serverMain } from './client.js';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** A message as the base protocol frames it. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export class RawServer {
  readonly received: Message[] = [];
  /** `window/logMessage` and `window/showMessage` texts, and stderr. */
  readonly logs: string[] = [];
  private buffer = Buffer.alloc(0);
  private readonly waiters = new Map<number | string, (m: Message) => void>();
  private nextId = 1;
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (data: Buffer) => this.read(data));
    child.stderr!.on('data', (data: Buffer) => this.logs.push(data.toString()));
    child.on('exit', (code, signal) => (this.exit = { code, signal }));
    // A write after the server died must fail the test through `alive`, not crash the runner.
    child.stdin!.on('error', () => undefined);
  }

  /** Starts the server and initializes it (no client capabilities: the server asks the client nothing). */
  static async start(options: { folder?: string; initializationOptions?: Record<string, unknown>; initialize?: Record<string, unknown> } = {}): Promise<RawServer> {
    const server = new RawServer(spawn(process.execPath, [serverMain, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
    const folderUri = options.folder ? pathToFileURL(options.folder).href : null;
    const init = await server.request('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: 'workspace' }] : null,
      initializationOptions: options.initializationOptions ?? {},
      capabilities: {},
      ...options.initialize,
    });
    if (init.error) throw new Error(`initialize failed: ${JSON.stringify(init.error)}`);
    server.notify('initialized', {});
    return server;
  }

  get alive(): boolean {
    return this.exit === undefined && this.child.exitCode === null;
  }

  write(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  send(message: unknown): void {
    this.write(frame(message));
  }

  /** Sends a request (params exactly as given; `undefined` leaves the member out) and waits for its response. */
  request(method: string, params?: unknown, timeoutMs = 20_000): Promise<Message> {
    const id = this.nextId++;
    const answer = this.response(id, timeoutMs);
    this.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    return answer;
  }

  notify(method: string, params?: unknown): void {
    this.send(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
  }

  /** The response to the request `id`, whoever sent it. */
  response(id: number | string, timeoutMs = 20_000): Promise<Message> {
    const had = this.received.find((m) => m.id === id && m.method === undefined);
    if (had) return Promise.resolve(had);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        reject(new Error(`no response to request ${JSON.stringify(id)} within ${timeoutMs} ms (server ${this.alive ? 'alive' : `exited ${JSON.stringify(this.exit)}`}); log:\n${this.logs.join('\n').slice(-3000)}`));
      }, timeoutMs);
      this.waiters.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  /** The first notification `method` received from the `since`-th message on. */
  async notification(method: string, since: number, timeoutMs = 20_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.received.slice(since).find((m) => m.method === method);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no ${method} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** A fresh id for requests written by hand. */
  id(): number {
    return this.nextId++;
  }

  private read(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (!Number.isFinite(length)) throw new Error(`the server wrote a header without Content-Length: ${this.buffer.subarray(0, end).toString()}`);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    this.received.push(message);
    if (message.method === 'window/logMessage' || message.method === 'window/showMessage') this.logs.push((message.params as { message: string }).message);
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      // A request from the server: answer it, as an editor would.
      this.send({ jsonrpc: '2.0', id: message.id, result: null });
      return;
    }
    if (message.method === undefined && message.id !== undefined && message.id !== null) {
      this.waiters.get(message.id)?.(message);
      this.waiters.delete(message.id);
    }
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', undefined, 3000);
      this.notify('exit');
    } catch {
      // a server that does not answer is killed below
    }
    const timer = setTimeout(() => this.child.kill(), 3000);
    await exited;
    clearTimeout(timer);
  }
}
