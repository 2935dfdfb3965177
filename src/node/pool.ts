/**
 * Worker threads with a deadline per document. The Markdown parser is
 * super-linear on some inputs (minutes on 40–300 KB), and a synchronous parse
 * cannot be interrupted from inside: the only safe bound is a thread that is
 * terminated when it overruns. Memory is bounded with `resourceLimits`.
 */
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config.js';
import type { AnalysisResult, WorkerRequest, WorkerResponse } from './protocol.js';

/** A document that took too long, needed too much memory or crashed its worker: it is then read by the cheap pass. */
export class BoundExceeded extends Error {
  constructor(
    readonly kind: 'time' | 'memory' | 'crash',
    message: string,
  ) {
    super(message);
  }
}

/** How many worker threads, with which configuration and deadline. */
export interface PoolOptions {
  size: number;
  config: ResolvedConfig;
  /** Further configs (per-folder configs) that requests name by `configIndex` (1 is the first of these). */
  nestedConfigs?: readonly ResolvedConfig[];
  /** Milliseconds one document may take. */
  timeoutMs: number;
  /** Heap limit of one worker, in MB. */
  maxHeapMb?: number;
  /** The worker script (bundles point this at their own copy). */
  workerUrl?: URL | string;
}

interface Task {
  req: Omit<WorkerRequest, 'id'>;
  /** Set when posted to a worker. */
  id: number;
  resolve: (r: AnalysisResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded and able to take a document. */
  ready: boolean;
  /** Posted to this worker, in the order it reads them: the first is the one it is reading now. */
  inFlight: Task[];
  /** The deadline of the first document in flight, re-armed as each one finishes. */
  timer?: NodeJS.Timeout;
}

/** Most documents posted to a worker in one message. */
const MAX_BATCH = 16;

/** A document that could not be read; `code` is the errno code. */
export class ReadFailed extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * The worker thread could not start at all (its file is missing, does not
 * load, or exits at once): a broken install, not a problem of any document.
 * Every task of the pool fails with it; hosts report it as such (the CLI
 * exits 2) instead of reading the documents in part.
 */
export class WorkerStartFailed extends Error {
  constructor(readonly why: string) {
    super(`govmark's worker thread could not start (${why}): reinstall govmark`);
    this.name = 'WorkerStartFailed';
  }
}

/** What every document still waiting gets when the pool closes. */
export class PoolClosed extends Error {
  constructor() {
    super('worker pool closed');
  }
}

/** The worker script installed beside this module. */
export function defaultWorkerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

/** Worker threads that analyse documents, each under a deadline: one that overruns is cut off and its worker replaced. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** Set when a worker could not even start (a broken install): every task fails with it. */
  private startupError: Error | undefined;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  /** How many worker threads the pool has. */
  get size(): number {
    return this.slots.length;
  }

  /** Analyses one document in a worker; rejects with `BoundExceeded` past the bound, `WorkerStartFailed` when no worker can start. */
  run(req: Omit<WorkerRequest, 'id'>): Promise<AnalysisResult> {
    if (this.closed) return Promise.reject(new PoolClosed());
    if (this.startupError) return Promise.reject(this.startupError);
    return new Promise((resolve, reject) => {
      this.queue.push({ req, id: 0, resolve, reject });
      this.pump();
    });
  }

  /** Stops the workers; documents still waiting are rejected with `PoolClosed`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new PoolClosed());
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerUrl ?? defaultWorkerUrl(), {
      workerData: { config: this.options.config, nested: this.options.nestedConfigs ?? [] },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 1024, stackSizeMb: 8 },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, inFlight: [] };
    worker.on('message', (res: WorkerResponse) => {
      if ('ready' in res) {
        slot.ready = true;
        this.pump();
      } else this.settle(slot, res);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!slot.ready) return this.failStartup(new WorkerStartFailed(error.message.replace(/\s+/g, ' ').trim()));
      const kind = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
      this.fail(slot, new BoundExceeded(kind, kind === 'memory' ? 'it needed more memory than one document may use' : /Maximum call stack/i.test(error.message) ? 'it nests too deeply to follow' : 'the checker stopped on it; please report this with the document'));
    });
    worker.on('exit', (code: number) => {
      if (!slot.ready && !this.closed) return this.failStartup(new WorkerStartFailed(code === 0 ? 'it stopped while starting' : `it stopped while starting, exit code ${code}`));
      if (slot.inFlight.length > 0) this.fail(slot, new BoundExceeded('crash', 'the checker stopped while reading it'));
    });
    return slot;
  }

  private failStartup(error: WorkerStartFailed): void {
    if (this.startupError || this.closed) return;
    this.startupError = error;
    for (const t of this.queue.splice(0)) t.reject(error);
    // Nothing was posted to a worker that never got ready; the others are stopped: none will be used.
    for (const s of this.slots) for (const t of s.inFlight.splice(0)) t.reject(error);
    for (const s of this.slots) void s.worker.terminate();
  }

  /**
   * Posts queued documents: first a batch to every idle worker; then, when
   * plenty is queued, a next batch to busy ones, so that no worker waits for
   * the main thread between documents. With little queued (the editor), a
   * document waits here for the first free worker instead.
   */
  private pump(): void {
    for (const topUp of [false, true]) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (!slot.ready) continue;
        const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(this.queue.length / (2 * this.slots.length))));
        if (topUp ? slot.inFlight.length > batch || this.queue.length <= this.slots.length : slot.inFlight.length > 0) continue;
        const tasks = this.queue.splice(0, batch);
        for (const t of tasks) t.id = this.nextId++;
        if (slot.inFlight.length === 0) {
          slot.worker.ref();
          this.arm(slot);
        }
        slot.inFlight.push(...tasks);
        slot.worker.postMessage(tasks.length === 1 ? { ...tasks[0].req, id: tasks[0].id } : tasks.map((t) => ({ ...t.req, id: t.id })));
      }
    }
  }

  /** Starts the deadline of the document the worker reads next (one timer per worker, not per document). */
  private arm(slot: Slot): void {
    if (slot.timer) slot.timer.refresh();
    else slot.timer = setTimeout(() => this.fail(slot, new BoundExceeded('time', `it took longer than ${this.options.timeoutMs} ms to read`)), this.options.timeoutMs);
  }

  private disarm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
  }

  private settle(slot: Slot, res: Exclude<WorkerResponse, { ready: true }>): void {
    const task = slot.inFlight[0];
    if (!task || task.id !== res.id) return;
    slot.inFlight.shift();
    if (slot.inFlight.length > 0) this.arm(slot);
    else {
      this.disarm(slot);
      slot.worker.unref();
    }
    if (res.ok) task.resolve(res.result);
    else task.reject(res.code ? new ReadFailed(res.error, res.code) : new Error(res.error));
    this.pump();
  }

  /**
   * The current document overran: replace the worker, reject the document, and
   * queue the ones posted after it (never started) first for the next worker.
   */
  private fail(slot: Slot, error: Error): void {
    const [task, ...rest] = slot.inFlight;
    if (!task) return;
    this.disarm(slot);
    slot.inFlight = [];
    const i = this.slots.indexOf(slot);
    void slot.worker.terminate();
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    if (this.closed) for (const t of rest) t.reject(new PoolClosed());
    else this.queue.unshift(...rest);
    task.reject(error);
    this.pump();
  }
}
