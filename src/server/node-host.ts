/**
 * The server's host on Node: files, discovery, the config file, worker
 * threads under a deadline (the engine's `WorkerPool` and `analyseBounded`).
 *
 * The configuration and discovery modules are loaded on first use and a
 * failure to load them leaves the server running with defaults: they read
 * the config file's JSON Schema at module load, and a server that cannot start
 * at all is worse than one without config file support.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '../core/config.js';
import { analyse } from '../core/workspace/workspace.js';
import { WorkerPool, WorkerStartFailed } from '../node/pool.js';
import { toResult, type AnalysisResult } from '../node/protocol.js';
import { analyseBounded } from '../node/validate.js';
import type { BoundedAnalyser, ServerHost } from './host.js';

/** Where the worker script is: beside this module, in the compiled tree and in a bundle alike (see worker.ts). */
export function defaultServerWorkerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

export function createNodeHost(): ServerHost {
  return {
    async readFile(path) {
      try {
        return await (await import('../node/text-file.js')).readText(path);
      } catch {
        return undefined;
      }
    },
    async discover(folder, loaded) {
      const { discoverFiles } = await import('../node/discover.js');
      return discoverFiles([folder], { cwd: folder, ignores: loaded.config.ignores, ignoreBase: loaded.baseDir });
    },
    async loadConfig(folder, options) {
      let loadConfig: typeof import('../node/config-file.js').loadConfig;
      try {
        ({ loadConfig } = await import('../node/config-file.js'));
      } catch (error) {
        throw new Error(`config file support could not be loaded (${error instanceof Error ? error.message : String(error)}); using defaults`);
      }
      return loadConfig(folder, undefined, options);
    },
    async configCascade(base, baseDir, baseFile, files, options) {
      const { ConfigCascade } = await import('../node/config-cascade.js');
      const cascade = new ConfigCascade({ base, baseDir, ...(baseFile !== undefined ? { baseFile } : {}), cwd: baseDir, ...(options.trusted === false ? { trusted: false } : {}) });
      try {
        await cascade.forFiles(files);
      } catch (error) {
        throw new Error(error instanceof Error ? error.message : String(error));
      }
      return { configForPath: (path) => cascade.knownConfigFor(path), nested: cascade.configs.slice(1), files: cascade.files };
    },
    async typesByPath(config) {
      const { typesByPath } = await import('../node/custom-types.js');
      return typesByPath(config);
    },
    async readJson(path) {
      // A regular file under the size cap, errors without its content (schemas named in the user's settings).
      const { readDataJson, MAX_SCHEMA_BYTES } = await import('../node/data-file.js');
      return readDataJson(path, { maxBytes: MAX_SCHEMA_BYTES });
    },
    createAnalyser(config, options) {
      return new PoolAnalyser(config, options.size, options.workerUrl, options.nestedConfigs ?? [], options.log);
    },
    resolvePath: (base, path) => (base === undefined ? resolve(path) : resolve(base, path)),
    now: () => performance.now(),
    today: () => new Date().toISOString().slice(0, 10),
    uriToPath(uri) {
      if (!uri.startsWith('file:')) return undefined;
      try {
        return fileURLToPath(uri);
      } catch {
        return undefined;
      }
    },
    pathToUri: (path) => pathToFileURL(path).href,
  };
}

/** A `file:` URL string must reach `Worker` as a URL object (a string is read as a path). */
function workerLocation(given: string | undefined): URL | string {
  if (given === undefined || given === '') return defaultServerWorkerUrl();
  return /^file:/i.test(given) ? new URL(given) : given;
}

/**
 * Threads idle this long are stopped. A worker's heap keeps what the largest
 * document it read made it grow to (hundreds of MB for a pathological one),
 * long after that document was closed; a new thread starts in well under a
 * second when the next large document comes.
 */
const IDLE_MS = 10_000;

class PoolAnalyser implements BoundedAnalyser {
  private pool: WorkerPool | undefined;
  private running = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly size: number,
    private readonly workerUrl: string | undefined,
    private readonly nested: readonly ResolvedConfig[],
    private readonly log: ((message: string) => void) | undefined,
  ) {}

  /** Set when the worker threads could not start: documents are analysed in this thread from then on. */
  private broken: WorkerStartFailed | undefined;

  /** The config a request names: 0 (or none) the analyser's, n the n-th nested one. */
  private configOf(req: { configIndex?: number }): ResolvedConfig {
    return req.configIndex ? (this.nested[req.configIndex - 1] ?? this.config) : this.config;
  }

  async analyse(req: { uri: string; text: string; type?: string; configType?: string; relPath?: string; configIndex?: number; incremental?: boolean }): Promise<AnalysisResult> {
    if (this.broken) return this.inThread(req);
    clearTimeout(this.idle);
    // Threads start on first use: a workspace without large documents never needs one.
    this.pool ??= new WorkerPool({
      size: Math.max(1, Math.min(this.size, availableParallelism())),
      config: this.config,
      ...(this.nested.length > 0 ? { nestedConfigs: this.nested } : {}),
      timeoutMs: this.config.parseTimeoutMs,
      workerUrl: workerLocation(this.workerUrl),
    });
    this.running++;
    try {
      return await analyseBounded(this.pool, { ...req, includeModel: true }, this.configOf(req));
    } catch (error) {
      if (!(error instanceof WorkerStartFailed)) throw error;
      if (!this.broken) {
        this.broken = error;
        this.log?.(`govmark: ${error.message}; checking documents in the server's own thread instead, without a time bound`);
        this.stopThreads();
      }
      return this.inThread(req);
    } finally {
      if (--this.running === 0) {
        this.idle = setTimeout(() => this.stopThreads(), IDLE_MS);
        this.idle.unref();
      }
    }
  }

  /** The analysis in this thread, in full (no worker to bound it in time). */
  private inThread(req: { uri: string; text: string; type?: string; configType?: string; relPath?: string; configIndex?: number }): AnalysisResult {
    const { uri, text, type, configType, relPath } = req;
    return toResult(analyse(text, { uri, type, configType, path: relPath, config: this.configOf(req) }), true);
  }

  private stopThreads(): void {
    const pool = this.pool;
    this.pool = undefined;
    void pool?.close();
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}
