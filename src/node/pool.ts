/**
 * Worker threads with a deadline per document. The Markdown parser is
 * super-linear on some inputs (minutes on 40–300 KB), and a synchronous parse
 * cannot be interrupted from inside: the only safe bound is a thread that is
 * terminated when it overruns. Memory is bounded with `resourceLimits`.
 */
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config.js';
import type { AnalysisResult, WorkerRequest, WorkerResponse } from './protocol.js';

export class BoundExceeded extends Error {
  constructor(
    readonly kind: 'time' | 'memory' | 'crash',
    message: string,
  ) {
    super(message);
  }
}

export interface PoolOptions {
  size: number;
  config: ResolvedConfig;
  /** Milliseconds one document may take. */
  timeoutMs: number;
  /** Heap limit of one worker, in MB. */
  maxHeapMb?: number;
  /** The worker script (bundles point this at their own copy). */
  workerUrl?: URL | string;
}

interface Slot {
  worker: Worker;
  /** Loaded and able to take a document. */
  ready: boolean;
  busy: boolean;
  task?: { req: WorkerRequest; resolve: (r: AnalysisResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
}

type Task = { req: Omit<WorkerRequest, 'id'>; resolve: (r: AnalysisResult) => void; reject: (e: Error) => void };

export function defaultWorkerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

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

  get size(): number {
    return this.slots.length;
  }

  run(req: Omit<WorkerRequest, 'id'>): Promise<AnalysisResult> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (this.startupError) return Promise.reject(this.startupError);
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerUrl ?? defaultWorkerUrl(), {
      workerData: { config: this.options.config },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 1024, stackSizeMb: 8 },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, busy: false };
    worker.on('message', (res: WorkerResponse) => {
      if ('ready' in res) {
        slot.ready = true;
        this.pump();
      } else this.settle(slot, res);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!slot.ready) return this.failStartup(new Error(`the checker's worker thread could not start: ${error.message}`));
      const kind = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
      this.fail(slot, new BoundExceeded(kind, kind === 'memory' ? 'it needed more memory than one document may use' : `the checker crashed on it (${error.message})`));
    });
    worker.on('exit', () => {
      if (!slot.ready && !this.closed) return this.failStartup(new Error("the checker's worker thread stopped while starting"));
      if (slot.task) this.fail(slot, new BoundExceeded('crash', 'the checker stopped while reading it'));
    });
    return slot;
  }

  private failStartup(error: Error): void {
    if (this.startupError || this.closed) return;
    this.startupError = error;
    for (const t of this.queue.splice(0)) t.reject(error);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || !slot.ready) continue;
      const task = this.queue.shift();
      if (!task) return;
      const req: WorkerRequest = { ...task.req, id: this.nextId++ };
      slot.busy = true;
      slot.worker.ref();
      const timer = setTimeout(() => {
        this.fail(slot, new BoundExceeded('time', `it took longer than ${this.options.timeoutMs} ms to read`));
      }, this.options.timeoutMs);
      slot.task = { req, resolve: task.resolve, reject: task.reject, timer };
      slot.worker.postMessage(req);
    }
  }

  private settle(slot: Slot, res: Exclude<WorkerResponse, { ready: true }>): void {
    const task = slot.task;
    if (!task || task.req.id !== res.id) return;
    clearTimeout(task.timer);
    slot.task = undefined;
    slot.busy = false;
    slot.worker.unref();
    if (res.ok) task.resolve(res.result);
    else task.reject(new Error(res.error));
    this.pump();
  }

  /** The current document overran: replace the worker, reject the task, go on. */
  private fail(slot: Slot, error: Error): void {
    const task = slot.task;
    if (!task) return;
    clearTimeout(task.timer);
    slot.task = undefined;
    const i = this.slots.indexOf(slot);
    void slot.worker.terminate();
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    task.reject(error);
    this.pump();
  }
}
