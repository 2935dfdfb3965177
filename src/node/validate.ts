/**
 * Validates a set of files together: the one engine behind the CLI (and the
 * language server's workspace run). Per file: a cheap look at the first bytes
 * (most Markdown is not a governance document), the cache, then a worker
 * thread under a deadline; past the bound, the cheap line-by-line pass.
 * Cross-document rules run last, on the summaries of every file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { readTextSync } from './text-file.js';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectArgument, expectConfig } from '../core/arguments.js';
import type { ResolvedConfig } from '../core/config.js';
import type { GovMessage } from '../core/message.js';
import { withCrossMessages } from '../core/workspace/join.js';
import type { DocumentSummary } from '../core/workspace/summary.js';
import { unreadableFileMessage } from '../core/rules/unreadable.js';
// Not workspace.js: the workers parse, and this thread loads the Markdown parser only for the cheap pass.
import { fileStat, ResultCache, sameStat, type CacheHit, type FileStat } from './cache.js';
import { describeFsError } from './fs-errors.js';
import { typesByPath } from './custom-types.js';
import type { FileResult, RunOptions } from './contract.js';
import { BoundExceeded, PoolClosed, ReadFailed, WorkerPool, WorkerStartFailed } from './pool.js';
import { skippedResult, toResult, type AnalysisResult, type WorkerRequest } from './protocol.js';
import { screenedType } from './screen.js';

export { mayBeGovernance } from './screen.js';

/**
 * Runs smaller than this use one worker: starting threads costs more than it saves. Measured
 * with `npm run bench` on 2 cores (documents of 3-8 KB): `auto` with two workers took 1.17x the
 * time of one on 100 documents, 0.98x on 1,000 and 0.68x on 10,000 (a second thread loads the
 * whole engine again, about 0.4 s, while the first one does too).
 */
const PARALLEL_THRESHOLD = 1000;

export class CannotRead extends Error {
  /** Why, in the user's words ("permission denied"). */
  readonly why: string;
  constructor(
    readonly path: string,
    cause: NodeJS.ErrnoException,
  ) {
    const why = describeFsError(cause);
    super(`cannot read '${path}': ${why}`);
    this.why = why;
  }
}

export function workerCount(files: number, requested: RunOptions['workers']): number {
  // `--workers 100000` would start that many threads (each a V8 isolate): more than the cores is never faster.
  if (typeof requested === 'number') return Math.max(1, Math.min(Math.floor(requested), availableParallelism(), files));
  if (files < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Runs `f` over every item synchronously, yielding to the event loop every few
 * hundred (a language server stays responsive). Synchronous reads are 3-10x
 * cheaper than fs/promises for thousands of small files, and no worker runs yet.
 */
async function eachInSlices<T>(items: readonly T[], f: (item: T, i: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % 512 === 0) await new Promise((r) => setImmediate(r));
    f(items[i], i);
  }
}

function readText(path: string): string {
  try {
    return readTextSync(path);
  } catch (error) {
    throw new CannotRead(path, error as NodeJS.ErrnoException);
  }
}

/** A document for `analyseBounded`: its text, or a path only the worker reads. */
export type BoundedRequest = Omit<WorkerRequest, 'id'>;

/** Analyses one document in a worker under the bound; past it, the cheap pass in this thread. */
export async function analyseBounded(pool: WorkerPool, req: BoundedRequest, config: ResolvedConfig): Promise<AnalysisResult> {
  try {
    return await pool.run(req);
  } catch (error) {
    // A worker that cannot start is a broken install: said as such, never blamed on the document.
    if (error instanceof PoolClosed || error instanceof WorkerStartFailed) throw error;
    if (error instanceof ReadFailed) throw new CannotRead(req.path ?? req.uri, Object.assign(new Error(error.message), { code: error.code }));
    const why = error instanceof BoundExceeded ? `This document is too complex to check fully (${error.message})` : `This document could not be checked fully (${plainFailure(error)})`;
    const text = req.text ?? readText(req.path!);
    let configType = req.configType;
    if (req.screen) {
      const screened = screenedType(text, req.screen.fallbackType, req.relPath, config.infer);
      if (screened.skip) return skippedResult(req.uri);
      configType = screened.configType;
    }
    const { analyse } = await import('../core/workspace/workspace.js');
    return toResult(analyse(text, { uri: req.uri, type: req.type, configType, path: req.relPath, config, mode: 'cheap', cheapReason: why }), req.includeModel === true);
  }
}

/**
 * What went wrong in a worker, in words a document's author can act on: the
 * engine's own texts ("RangeError: Invalid string length") are translated.
 */
export function plainFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/Maximum call stack size exceeded/i.test(text)) return 'it nests too deeply to follow';
  if (/Invalid string length|Array buffer allocation failed|out of memory|Invalid array length/i.test(text)) return 'it is too large to hold in memory';
  return `the checker stopped on it; please report this with the document${text ? `: ${text.replace(/^\w*Error: /, '').slice(0, 160)}` : ''}`;
}

/**
 * Whether a file opens with front matter, from its first bytes only: then the
 * worker reads and screens it (it may declare a type).
 */
function opensWithFrontMatter(path: string, buffer: Buffer): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    return head.startsWith('---') || head.startsWith('\ufeff---');
  } catch (error) {
    throw new CannotRead(path, error as NodeJS.ErrnoException);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function validatePaths(named: readonly string[], options: RunOptions): Promise<FileResult[]> {
  expectArgument(Array.isArray(named) && named.every((f) => typeof f === 'string'), 'validatePaths', 'paths', 'an array of file paths (strings)', named);
  expectArgument(typeof options === 'object' && options !== null, 'validatePaths', 'options', 'an object ({ config, ... })', options);
  expectConfig('validatePaths', options.config, 'options.config');
  const { config } = options;
  // Absolute from here on: a FileResult's path is absolute whatever was given (formatters shorten it for display).
  const absolute = named.map((f) => resolve(f));
  // Context documents are read like the rest (and cached), then only their summaries are kept.
  const seen = new Set(absolute);
  const files = [...absolute, ...(options.context ?? []).map((f) => resolve(f)).filter((f) => !seen.has(f) && (seen.add(f), true))];
  const reported = named.length;
  const overrideOf = (i: number) => (i < reported ? options.typeOverride : undefined);
  const texts = options.texts && options.texts.size > 0 ? new Map([...options.texts].map(([p, t]) => [resolve(p), t])) : undefined;
  const given = (path: string) => texts?.get(resolve(path));
  // Per-folder configs: each file's config by index (0 is the run's), the same in workers and here.
  const configs: ResolvedConfig[] = [config];
  const configIndex = new Map<ResolvedConfig, number>([[config, 0]]);
  const indexOfFile = files.map((f) => {
    const own = options.configOf?.get(resolve(f));
    if (own === undefined) return 0;
    let n = configIndex.get(own);
    if (n === undefined) configIndex.set(own, (n = configs.push(own) - 1));
    return n;
  });
  const configOfFile = (i: number) => configs[indexOfFile[i]];
  const cache = options.cacheDir ? await ResultCache.open(options.cacheDir, config, configs.slice(1), { deferEntries: true }) : undefined;
  const results = new Array<FileResult & { summary?: DocumentSummary }>(files.length);
  const uris = files.map((f) => pathToFileURL(f).href);
  let done = 0;
  const progress = () => options.onProgress?.(++done, files.length);
  const skip = (i: number) => {
    results[i] = { path: files[i], uri: uris[i], messages: [], skipped: true, complete: true };
    progress();
  };
  // A file that cannot be read is reported on itself; the other files are still checked.
  const unreadable = (i: number, error: unknown) => {
    if (!(error instanceof CannotRead)) throw error;
    const m = unreadableFileMessage(uris[i], error.why, configOfFile(i));
    results[i] = { path: files[i], uri: uris[i], messages: m ? [m] : [], skipped: false, complete: false, unreadable: error.why };
    progress();
  };
  const noGlobs = options.typeOverride !== undefined && files.length === reported;
  const globsOf = await Promise.all(configs.map((c) => (noGlobs ? new Map<string, string>() : typesByPath(c))));
  const globType = (i: number, path: string) => {
    const byGlob = globsOf[indexOfFile[i]];
    return byGlob.size > 0 ? byGlob.get(resolve(path)) : undefined;
  };
  const rel = (path: string) => relativePath(path, options.root);
  // A `type:` in the file's own front matter wins over a glob; `--type` wins over both.
  /** What besides its text decides a file's cached result (see `cacheInputs`). */
  const inputsOf = (i: number) => {
    const type = overrideOf(i);
    return cacheInputs(type, type === undefined ? globType(i, files[i]) : undefined, rel(files[i]));
  };
  // The same files as the last run, none touched since (by their stat), read the same way: its answer, nothing read.
  if (cache && texts === undefined) {
    const last = await cache.lastRun();
    if (last && last.reported === reported && last.files.length === files.length) {
      let same = true;
      for (let i = 0; i < files.length && same; i++) {
        const f = last.files[i];
        same = f.u === uris[i] && f.c === indexOfFile[i] && f.i === inputsOf(i) && sameStat(fileStat(files[i]), f.st);
      }
      if (same) {
        options.onCache?.({ unread: files.length, read: 0, missed: 0 });
        options.onWorkspaceCache?.(true);
        return last.files.slice(0, reported).map((f, i) => ({ path: files[i], uri: uris[i], ...(f.t !== undefined ? { type: f.t } : {}), messages: f.m!, skipped: f.s!, complete: f.f!, fromCache: true }));
      }
    }
    await cache.loadEntries();
  }
  const todo: { i: number; req: BoundedRequest }[] = [];
  /** For the files checked, what the cache records them by. */
  const cacheOf = new Map<number, { inputs: string; stat: FileStat | undefined }>();
  if (cache) {
    // An unchanged file (by its stat) is not read; a changed one is read here, and only those not in the cache go on (with their text).
    await eachInSlices(files, (path, i) => {
      const type = overrideOf(i);
      const own = given(path);
      const inputs = inputsOf(i);
      const stat = own === undefined ? fileStat(path) : undefined;
      const reuse = (hit: CacheHit) => {
        if (hit.skipped) return skip(i);
        results[i] = fileResult(path, uris[i], hit.result, true);
        progress();
      };
      const unread = cache.byStat(uris[i], inputs, stat);
      if (unread) return reuse(unread);
      let text: string;
      try {
        text = own ?? readText(path);
      } catch (error) {
        return unreadable(i, error);
      }
      const read = cache.byText(uris[i], inputs, text, stat);
      if (read) return reuse(read);
      let configType: string | undefined;
      if (type === undefined) {
        const screened = screenedType(text, globType(i, path), rel(path), configOfFile(i).infer);
        if (screened.skip) {
          cache.set(uris[i], inputs, text, stat, undefined);
          return skip(i);
        }
        configType = screened.configType;
      }
      cacheOf.set(i, { inputs, stat });
      todo.push({ i, req: { uri: uris[i], text, type, configType, relPath: rel(path), ...(indexOfFile[i] > 0 ? { configIndex: indexOfFile[i] } : {}) } });
    });
  } else {
    // The workers read and screen the files that open with front matter themselves. A file without
    // front matter is recognised (or not) here, from its path and text, so that a folder of ordinary
    // Markdown never starts a worker.
    const head = Buffer.allocUnsafe(6);
    await eachInSlices(files, (path, i) => {
      try {
        screenOne(path, i);
      } catch (error) {
        unreadable(i, error);
      }
    });
    function screenOne(path: string, i: number): void {
      const relPath = rel(path);
      const fallbackType = globType(i, path);
      const type = overrideOf(i);
      const text = given(path);
      const infer = configOfFile(i).infer;
      const push = (req: BoundedRequest) => todo.push({ i, req: indexOfFile[i] > 0 ? { ...req, configIndex: indexOfFile[i] } : req });
      if (text !== undefined) {
        if (type !== undefined) return void push({ uri: uris[i], text, type, relPath });
        const screened = screenedType(text, fallbackType, relPath, infer);
        if (screened.skip) skip(i);
        else push({ uri: uris[i], text, configType: screened.configType, relPath });
      } else if (type !== undefined) push({ uri: uris[i], path, type, relPath });
      else if (fallbackType !== undefined || opensWithFrontMatter(path, head)) push({ uri: uris[i], path, relPath, screen: fallbackType === undefined ? {} : { fallbackType } });
      else {
        const text = readText(path);
        if (screenedType(text, undefined, relPath, infer).skip) skip(i);
        else push({ uri: uris[i], text, relPath });
      }
    }
  }

  if (todo.length > 0) {
    const pool = new WorkerPool({ size: workerCount(todo.length, options.workers), config, ...(configs.length > 1 ? { nestedConfigs: configs.slice(1) } : {}), timeoutMs: config.parseTimeoutMs, ...(options.workerUrl !== undefined ? { workerUrl: options.workerUrl } : {}) });
    try {
      await Promise.all(
        todo.map(async ({ i, req }) => {
          let result: AnalysisResult;
          try {
            result = await analyseBounded(pool, req, configOfFile(i));
          } catch (error) {
            return unreadable(i, error);
          }
          if (result.skipped) return skip(i);
          // A result read past the bound is not cached: next run tries in full again.
          const by = cacheOf.get(i);
          if (result.complete && req.text !== undefined && by) cache?.set(req.uri, by.inputs, req.text, by.stat, result.skipped ? undefined : result);
          results[i] = fileResult(files[i], req.uri, result, false);
          progress();
        }),
      );
    } finally {
      await pool.close();
    }
  }
  await cache?.save();
  if (cache) options.onCache?.({ ...cache.counts });

  // Cross-document rules need every governance document's summary.
  // Context documents are in the index only: the workspace rules run for the files reported.
  const summaries: DocumentSummary[] = [];
  const local = new Map<string, GovMessage[]>();
  const configOfUri = new Map<string, ResolvedConfig>();
  results.forEach((r, i) => {
    if (r.skipped || !r.summary) return;
    summaries.push(r.summary);
    if (i >= reported) return;
    local.set(r.uri, r.messages);
    configOfUri.set(r.uri, configOfFile(i));
  });
  // Each file's cross-document problems under its own config (severities, rules turned off).
  // With a cache, they are reused when the run checks the same files with the same texts as the last one.
  const workspaceKey = cache?.workspaceKey(uris, reported, indexOfFile);
  const known = workspaceKey !== undefined ? await cache!.crossMessages(workspaceKey) : undefined;
  let combined: Map<string, GovMessage[]>;
  if (known) {
    combined = new Map();
    for (const [uri, messages] of local) combined.set(uri, withCrossMessages(messages, known.get(uri)));
  } else {
    // Loaded here: a run answered from the cache never loads the rules.
    const [{ combineEach }, { createIndex }] = await Promise.all([import('../core/workspace/combine.js'), import('../core/workspace/summary.js')]);
    combined = combineEach(local, createIndex(summaries), (uri) => configOfUri.get(uri) ?? config);
    if (workspaceKey !== undefined) {
      const cross = new Map<string, GovMessage[]>();
      for (const [uri, messages] of combined) {
        const own = local.get(uri)!;
        if (messages !== own) cross.set(uri, messages.filter((m) => !own.includes(m)));
      }
      await cache!.saveCross(workspaceKey, cross);
    }
  }
  if (cache) options.onWorkspaceCache?.(known !== undefined);
  const answer: FileResult[] = results.slice(0, reported).map((r) => {
    const { summary: _summary, ...rest } = r;
    return { ...rest, messages: combined.get(r.uri) ?? r.messages };
  });
  if (cache && texts === undefined) await cache.saveLastRun(uris.map((uri, i) => ({ uri, config: indexOfFile[i], ...(i < reported ? { result: answer[i] } : {}) })), reported);
  return answer;
}

function fileResult(path: string, uri: string, a: AnalysisResult, fromCache: boolean): FileResult & { summary?: DocumentSummary } {
  const skipped = a.type === undefined && a.messages.length === 0;
  return { path, uri, type: a.type, messages: a.messages, skipped, complete: a.complete, fromCache, summary: a.type !== undefined ? a.summary : undefined };
}

/** `path` relative to `root` with `/` separators, for recognising a file's kind; the last two segments when outside it. */
export function relativePath(path: string, root: string | undefined): string {
  const abs = resolve(path);
  if (root !== undefined) {
    const r = relative(resolve(root), abs);
    if (r !== '' && !r.startsWith('..') && !isAbsolute(r)) return r.split(sep).join('/');
  }
  return abs.split(sep).filter((p) => p !== '').slice(-2).join('/');
}

/** What besides the text decides a cached result: the type given, else the config glob's, and the path a kind is recognised from. */
function cacheInputs(type: string | undefined, globType: string | undefined, relPath: string): string {
  return `${type ?? ''}\0${globType ?? ''}\0${relPath}`;
}
