/**
 * Per-file results cached by content: a repeated CI run skips unchanged files.
 * One JSON file per cache folder; the key covers the file's URI, the type it
 * was read as and its text; the whole cache is dropped when the configuration,
 * the govmark version, the engine's own code (a build from source) or the day
 * (relative-to-today rules) changes. A malformed entry is a miss.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { makeFolders } from './folders.js';
import { readDataText } from './data-file.js';

/** Largest cache file read (100,000 entries of a few KB). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../core/config.js';
import { todayIso } from '../core/rules/run.js';
import { VERSION } from '../version.js';
import type { AnalysisResult } from './protocol.js';

const FILE = 'results-v2.json';
/** Entries kept from earlier runs besides those used now. */
const MAX_ENTRIES = 100_000;

/** A cached result with its checksum: an entry edited by hand (messages removed) is a miss, not a pass. */
interface Entry {
  r: AnalysisResult;
  s: string;
}

interface CacheFile {
  fingerprint: string;
  entries: Record<string, Entry>;
}

/** `node_modules/.cache/govmark` when the folder has node_modules, else the user's cache folder. */
export function defaultCacheDir(cwd: string): string {
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'govmark');
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'govmark', createHash('sha1').update(cwd).digest('hex').slice(0, 16));
}

/** Results kept on disk by content hash (one JSON file per configuration): a file whose text did not change is not read again. */
export class ResultCache {
  private readonly used = new Map<string, Entry>();
  private dirty = false;

  private constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
    private readonly old: Record<string, Entry>,
  ) {}

  private sum(key: string, result: AnalysisResult): string {
    return createHash('sha1').update(this.fingerprint).update('\0').update(key).update('\0').update(JSON.stringify(result)).digest('base64url').slice(0, 22);
  }

  /** Opens (or starts) the cache in `dir` for this configuration; `nested`: the other configs of the run (per-folder configs), which decide results too. */
  static async open(dir: string, config: ResolvedConfig, nested: readonly ResolvedConfig[] = []): Promise<ResultCache> {
    const fingerprint = createHash('sha1')
      .update(JSON.stringify({ VERSION, engine: await engineHash(), config, today: todayIso(config), ...(nested.length > 0 ? { nested } : {}) }))
      .digest('hex');
    let entries: Record<string, Entry> = {};
    try {
      // A regular file only (a FIFO in its place would block the run), and bounded.
      const file = JSON.parse(await readDataText(join(dir, FILE), { maxBytes: MAX_CACHE_BYTES })) as CacheFile;
      if (file.fingerprint === fingerprint && file.entries && typeof file.entries === 'object') entries = file.entries;
    } catch {
      // No cache yet, or unreadable: start afresh.
    }
    return new ResultCache(dir, fingerprint, entries);
  }

  private key(uri: string, text: string, type: string | undefined): string {
    return createHash('sha1').update(uri).update('\0').update(type ?? '').update('\0').update(text).digest('base64url');
  }

  /** The cached result for this text, read as `type`, if any. */
  get(uri: string, text: string, type: string | undefined): AnalysisResult | undefined {
    const k = this.key(uri, text, type);
    const fresh = this.used.get(k);
    if (fresh) return fresh.r;
    const hit = this.old[k];
    // An entry of another shape or with the wrong checksum (a hand-edited or truncated cache) is a miss, never a crash.
    if (!hit || typeof hit !== 'object' || typeof hit.s !== 'string' || !wellFormed(hit.r, text.length) || this.sum(k, hit.r) !== hit.s) return undefined;
    this.used.set(k, hit);
    return hit.r;
  }

  /** Keeps the result for this text. */
  set(uri: string, text: string, type: string | undefined, result: AnalysisResult): void {
    const k = this.key(uri, text, type);
    this.used.set(k, { r: result, s: this.sum(k, result) });
    this.dirty = true;
  }

  /** Writes the cache back to disk, if it changed. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const entries: Record<string, Entry> = {};
    let n = 0;
    for (const [k, v] of this.used) {
      entries[k] = v;
      n++;
    }
    for (const k of Object.keys(this.old)) {
      if (n >= MAX_ENTRIES) break;
      if (!(k in entries)) {
        entries[k] = this.old[k];
        n++;
      }
    }
    try {
      if (!(await makeFolders(this.dir))) return;
      const tmp = join(this.dir, `${FILE}.${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify({ fingerprint: this.fingerprint, entries } satisfies CacheFile));
      await rename(tmp, join(this.dir, FILE));
    } catch {
      // A cache that cannot be written only costs time next run.
    }
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/**
 * Whether a cached result has the shape this engine writes, down to each
 * message's severity, reason and range inside the text (`length`): anything
 * odd is a miss, so a cache edited by hand, even with its checksum recomputed,
 * can make a run slower but never crash it or misplace a message.
 */
function wellFormed(r: unknown, length: number): r is AnalysisResult {
  if (!r || typeof r !== 'object') return false;
  const x = r as Partial<AnalysisResult>;
  if (typeof x.complete !== 'boolean' || !Array.isArray(x.messages)) return false;
  if (!x.summary || typeof x.summary !== 'object' || typeof x.summary.uri !== 'string' || !Array.isArray(x.summary.refs)) return false;
  return x.messages.every((m) => wellFormedMessage(m, length));
}

function wellFormedMessage(m: unknown, length: number): boolean {
  if (m === null || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  if (typeof x.ruleId !== 'string' || typeof x.reason !== 'string' || typeof x.uri !== 'string' || !SEVERITIES.has(x.severity as string)) return false;
  const range = x.range as { start?: unknown; end?: unknown } | null;
  if (!range || typeof range !== 'object') return false;
  const start = point(range.start, length);
  const end = point(range.end, length);
  return start !== undefined && end !== undefined && start <= end;
}

/** The offset of a `{ line, column, offset }` point inside a text of `length`, undefined when it is not one. */
function point(p: unknown, length: number): number | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const { line, column, offset } = p as Record<string, unknown>;
  const ok = (n: unknown, min: number, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
  if (!ok(line, 1, length + 1) || !ok(column, 1, length + 1) || !ok(offset, 0, length)) return undefined;
  return offset as number;
}

let engine: Promise<string> | undefined;

/**
 * A hash of the engine's own code (the compiled files beside this one), so a
 * build from source that changes a reader or a rule never reuses results of
 * an older build with the same version number. Bounded: at most 3,000 files.
 */
export function engineHash(): Promise<string> {
  engine ??= (async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const files: string[] = [];
    const walk = async (d: string, depth: number): Promise<void> => {
      if (depth > 8 || files.length >= 3000) return;
      let entries;
      try {
        entries = await readdir(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const p = join(d, e.name);
        if (e.isDirectory()) await walk(p, depth + 1);
        else if (e.isFile() && /\.(?:js|cjs|mjs)$/.test(e.name)) files.push(p);
      }
    };
    await walk(root, 0);
    const hash = createHash('sha1');
    for (const f of files) {
      try {
        hash.update(f.slice(root.length)).update('\0').update(await readFile(f)).update('\0');
      } catch {
        hash.update(f).update('\0?');
      }
    }
    return hash.digest('hex');
  })();
  return engine;
}
