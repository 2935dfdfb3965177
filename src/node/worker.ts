/**
 * A worker thread that analyses documents: parse, document rules, summary.
 * The pool terminates it when one document overruns its time or memory bound.
 */
import { readTextSync } from './text-file.js';
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config.js';
import type { ChunkCache } from '../core/parse/markdown.js';
import { analyse } from '../core/workspace/workspace.js';
import type { WorkerMessage, WorkerRequest, WorkerResponse } from './protocol.js';
import { skippedResult, toResult } from './protocol.js';
import { screenedType } from './screen.js';

const { config: base, nested } = workerData as { config: ResolvedConfig; nested?: ResolvedConfig[] };
const configs = [base, ...(nested ?? [])];

/** Section trees of the editor's documents (`incremental` requests), the most recently read last. */
const chunkCaches = new Map<string, ChunkCache>();
const KEPT_DOCUMENTS = 4;

function chunkCacheFor(req: WorkerRequest, configIndex: number): ChunkCache | undefined {
  if (!req.incremental) return undefined;
  const key = `${configIndex}\u0000${req.uri}`;
  let cache = chunkCaches.get(key);
  chunkCaches.delete(key);
  cache ??= { chunks: new Map() };
  chunkCaches.set(key, cache);
  while (chunkCaches.size > KEPT_DOCUMENTS) chunkCaches.delete(chunkCaches.keys().next().value!);
  return cache;
}

// Modules are loaded: only now does the pool start a document's clock, so
// start-up time (heavier on a loaded machine) never counts against a document.
parentPort!.postMessage({ ready: true });

// Synchronous on purpose: the documents of a batch are read strictly one after
// the other, as the pool's per-document deadline assumes.
parentPort!.on('message', (message: WorkerMessage) => {
  for (const req of Array.isArray(message) ? message : [message]) parentPort!.postMessage(answer(req));
});

function answer(req: WorkerRequest): WorkerResponse {
  let text: string;
  try {
    // The worker reads the file itself: the main thread neither reads nor clones it.
    text = req.text ?? readTextSync(req.path!);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { id: req.id, ok: false, error: `${e.name}: ${e.message}`, code: e.code ?? 'EIO' };
  }
  const config = configs[req.configIndex ?? 0] ?? base;
  try {
    let configType = req.configType;
    if (req.screen) {
      const screened = screenedType(text, req.screen.fallbackType, req.relPath, config.infer);
      if (screened.skip) return { id: req.id, ok: true, result: skippedResult(req.uri) };
      configType = screened.configType;
    }
    const chunkCache = chunkCacheFor(req, req.configIndex ?? 0);
    const analysis = analyse(text, { uri: req.uri, type: req.type, configType, path: req.relPath, config, ...(chunkCache ? { chunkCache } : {}) });
    return { id: req.id, ok: true, result: toResult(analysis, req.includeModel === true) };
  } catch (error) {
    return { id: req.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
