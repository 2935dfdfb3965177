/**
 * Validates a set of files together: the one engine behind the CLI (and the
 * language server's workspace run). Per file: a cheap look at the first bytes
 * (most Markdown is not a governance document), the cache, then a worker
 * thread under a deadline; past the bound, the cheap line-by-line pass.
 * Cross-document rules run last, on the summaries of every file.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '../core/config.js';
import type { GovMessage } from '../core/message.js';
import { createIndex, type DocumentSummary } from '../core/workspace/summary.js';
import { analyse, combine } from '../core/workspace/workspace.js';
import { ResultCache } from './cache.js';
import { typesByPath } from './custom-types.js';
import type { FileResult, RunOptions } from './contract.js';
import { BoundExceeded, WorkerPool } from './pool.js';
import { toResult, type AnalysisResult } from './protocol.js';

/** Runs smaller than this use one worker: starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 64;

export class CannotRead extends Error {
  constructor(
    readonly path: string,
    cause: NodeJS.ErrnoException,
  ) {
    super(`cannot read '${path}': ${describeErrno(cause)}`);
  }
}

function describeErrno(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e.message;
  }
}

/**
 * True when the text may be a governance document: front matter with a `type:`
 * key. Decided from the first bytes, before anything is parsed.
 */
export function mayBeGovernance(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return false;
  const head = text.slice(start, start + 65536);
  const close = /\n(?:---|\.\.\.)[ \t]*\r?(?:\n|$)/.exec(head);
  const fm = close ? head.slice(0, close.index) : head;
  return /^type[ \t]*:/m.test(fm);
}

export function workerCount(files: number, requested: RunOptions['workers']): number {
  if (typeof requested === 'number') return Math.max(1, Math.floor(requested));
  if (files < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

async function readAll(paths: readonly string[]): Promise<string[]> {
  const out = new Array<string>(paths.length);
  let next = 0;
  const reader = async () => {
    while (next < paths.length) {
      const i = next++;
      try {
        out[i] = await readFile(paths[i], 'utf8');
      } catch (error) {
        throw new CannotRead(paths[i], error as NodeJS.ErrnoException);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(64, paths.length) }, reader));
  return out;
}

/** Analyses one text in a worker under the bound; past it, the cheap pass in this thread. */
export async function analyseBounded(
  pool: WorkerPool,
  req: { uri: string; text: string; type?: string; includeModel?: boolean },
  config: ResolvedConfig,
): Promise<AnalysisResult> {
  try {
    return await pool.run(req);
  } catch (error) {
    const why = error instanceof BoundExceeded ? `This document is too complex to check fully (${error.message})` : `This document could not be checked fully (${String(error)})`;
    return toResult(analyse(req.text, { uri: req.uri, type: req.type, config, mode: 'cheap', cheapReason: why }), req.includeModel === true);
  }
}

export async function validatePaths(files: readonly string[], options: RunOptions): Promise<FileResult[]> {
  const { config } = options;
  const texts = await readAll(files);
  const cache = options.cacheDir ? await ResultCache.open(options.cacheDir, config) : undefined;
  const results = new Array<FileResult & { summary?: DocumentSummary }>(files.length);
  const todo: number[] = [];
  let done = 0;
  const progress = () => options.onProgress?.(++done, files.length);
  const byGlob = options.typeOverride ? new Map<string, string>() : await typesByPath(config);
  // A `type:` in the file's own front matter wins over a glob; `--type` wins over both.
  const globType = files.map((f, i) => (mayBeGovernance(texts[i]) ? undefined : byGlob.get(resolve(f))));
  const typeOf = (i: number) => options.typeOverride ?? globType[i];
  files.forEach((path, i) => {
    const uri = pathToFileURL(path).href;
    if (typeOf(i) === undefined && !mayBeGovernance(texts[i])) {
      results[i] = { path, uri, messages: [], skipped: true, complete: true };
      progress();
      return;
    }
    const cached = cache?.get(uri, texts[i], typeOf(i));
    if (cached) {
      results[i] = fileResult(path, uri, cached, true);
      progress();
      return;
    }
    todo.push(i);
  });

  if (todo.length > 0) {
    const pool = new WorkerPool({ size: workerCount(todo.length, options.workers), config, timeoutMs: config.parseTimeoutMs });
    try {
      await Promise.all(
        todo.map(async (i) => {
          const uri = pathToFileURL(files[i]).href;
          const result = await analyseBounded(pool, { uri, text: texts[i], type: typeOf(i) }, config);
          // A result read past the bound is not cached: next run tries in full again.
          if (result.complete) cache?.set(uri, texts[i], typeOf(i), result);
          results[i] = fileResult(files[i], uri, result, false);
          progress();
        }),
      );
    } finally {
      await pool.close();
    }
  }
  await cache?.save();

  // Cross-document rules need every governance document's summary.
  const summaries: DocumentSummary[] = [];
  const local = new Map<string, GovMessage[]>();
  for (const r of results) {
    if (r.skipped || !r.summary) continue;
    summaries.push(r.summary);
    local.set(r.uri, r.messages);
  }
  const combined = combine(local, createIndex(summaries), config);
  return results.map((r) => {
    const { summary: _summary, ...rest } = r;
    return { ...rest, messages: combined.get(r.uri) ?? r.messages };
  });
}

function fileResult(path: string, uri: string, a: AnalysisResult, fromCache: boolean): FileResult & { summary?: DocumentSummary } {
  const skipped = a.type === undefined && a.messages.length === 0;
  return { path, uri, type: a.type, messages: a.messages, skipped, complete: a.complete, fromCache, summary: a.type !== undefined ? a.summary : undefined };
}
