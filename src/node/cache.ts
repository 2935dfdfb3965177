/**
 * Per-file results cached across runs: a repeated CI run skips unchanged files.
 *
 * A file is known unchanged from its `stat` alone when its size, modification
 * time, change time and inode are those recorded (nothing is read); else it is
 * read, and a result is reused when the hash of its text (with its URI and
 * what else decides how it is read: `--type`, the config's glob type, its
 * path) is one recorded. The whole cache is dropped when the configuration,
 * the govmark version, the engine's own code (a build from source) or the day
 * (relative-to-today rules) changes.
 *
 * The store is one line-delimited JSON file: a header with the fingerprint,
 * one line per file, and a last line with a checksum of the lines between, so
 * that a truncated or hand-edited file is ignored as a whole (an entry of the
 * wrong shape is also a miss, never a crash). It is written only when
 * something changed, to a temporary file renamed over the old one, so that
 * two runs at once never leave a mixture (the last one's entries are kept).
 *
 * Two smaller records sit beside it, each checksummed and written the same way: the
 * cross-document messages of the last run under a hash of every file's entry (reused when a
 * run reads the same texts, even when their stats moved), and the last run's whole answer with
 * every file's stat (a run of the same files, none touched, reads only that record).
 *
 * The limitation of the `stat` path: a file rewritten with the same size
 * within one tick of its file system's clock, in the same inode, and with its
 * change time unchanged, is taken as unchanged. Change times cannot be set
 * back by tools (`touch -d`, `utimes` move them forward), and a file whose
 * modification time is within a second of the run that read it is not given
 * the `stat` path (it is hashed next time), as git does with racy entries.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { makeFolders } from './folders.js';
import { readDataText } from './data-file.js';

/** Largest cache file read (100,000 entries of a few KB). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, statSync } from 'node:fs';
import type { ResolvedConfig } from '../core/config.js';
import { todayIso } from '../core/rules/today.js';
import { ruleUrl } from '../core/rules/rule.js';
import { VERSION } from '../version.js';
import type { GovMessage } from '../core/message.js';
import type { AnalysisResult } from './protocol.js';

export const CACHE_FILE = 'results-v3.ndjson';
/** The cross-document rules' messages of the last run, for the set of files and texts it checked. */
export const WORKSPACE_FILE = 'workspace-v1.json';
/** The last run's answer, file by file, with each file's stat: a run of the same files, none touched, reads nothing else. */
export const LAST_RUN_FILE = 'last-run-v1.json';

/** One file of the last run, as `LAST_RUN_FILE` records it. */
export interface LastRunFile {
  /** URI, how it was read (`inputs`), the index of its config, its stat and its text's length. */
  u: string;
  i: string;
  c: number;
  st: FileStat;
  n: number;
  /** For a file reported (not context): its type, whether skipped or read in full, and its final messages. */
  t?: string;
  s?: boolean;
  f?: boolean;
  m?: GovMessage[];
}
/** Entries kept from earlier runs besides those used now. */
const MAX_ENTRIES = 100_000;
/** A file modified this close to the run that reads it is not trusted to its `stat` next time. */
const RACY_MS = 1000;

/** What `stat` says of a file: size, modification and change times (ms), inode. */
export type FileStat = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** The file's `FileStat`, undefined when it cannot be had (then the file is read, and fails there). */
export function fileStat(path: string): FileStat | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? [s.size, s.mtimeMs, s.ctimeMs, s.ino] : undefined;
  } catch {
    return undefined;
  }
}

/** One file's line: its URI, how it was read, the hash of that and its text, its stat when trusted, the text's length, and the result (none: not a governance document). */
interface Entry {
  u: string;
  i: string;
  k: string;
  st?: FileStat;
  n: number;
  r?: AnalysisResult;
}

/** What a lookup found: the result, or `skipped` for a file found not to be a governance document. */
export type CacheHit = { skipped: false; result: AnalysisResult } | { skipped: true };

/** How the run used the cache: files reused from their stat alone, reused after reading and hashing, and checked. */
export interface CacheCounts {
  unread: number;
  read: number;
  missed: number;
}

/** `node_modules/.cache/govmark` when the folder has node_modules, else the user's cache folder. */
export function defaultCacheDir(cwd: string): string {
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'govmark');
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'govmark', createHash('sha1').update(cwd).digest('hex').slice(0, 16));
}

/** Results kept on disk (one store per configuration): an unchanged file is neither read again nor checked. */
export class ResultCache {
  /** Entries of this run, by URI. */
  private readonly used = new Map<string, Entry>();
  private dirty = false;
  private readonly started = Date.now();
  readonly counts: CacheCounts = { unread: 0, read: 0, missed: 0 };

  /** Entries of earlier runs, by URI (read by `loadEntries`). */
  private old = new Map<string, Entry>();
  private loaded: Promise<void> | undefined;

  private constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  /**
   * Opens (or starts) the cache in `dir` for this configuration; `nested`: the other configs of
   * the run (per-folder configs), which decide results too. With `deferEntries`, the per-file
   * store is read only by `loadEntries` (a run answered from `lastRun` never reads it).
   */
  static async open(dir: string, config: ResolvedConfig, nested: readonly ResolvedConfig[] = [], options: { deferEntries?: boolean } = {}): Promise<ResultCache> {
    const fingerprint = createHash('sha1')
      .update(JSON.stringify({ VERSION, engine: await engineHash(), config, today: todayIso(config), ...(nested.length > 0 ? { nested } : {}) }))
      .digest('hex');
    const cache = new ResultCache(dir, fingerprint);
    if (!options.deferEntries) await cache.loadEntries();
    return cache;
  }

  /** Reads the per-file store of earlier runs, once (`open` does, unless told to defer it). */
  loadEntries(): Promise<void> {
    this.loaded ??= (async () => {
      try {
        // A regular file only (a FIFO in its place would block the run), and bounded.
        this.old = readStore(await readDataText(join(this.dir, CACHE_FILE), { maxBytes: MAX_CACHE_BYTES }), this.fingerprint);
      } catch {
        // No cache yet, unreadable, damaged or of another configuration: start afresh.
      }
    })();
    return this.loaded;
  }

  /**
   * The last run's answer when it was made under this configuration (engine, day): its files in
   * order, `reported` of them reported first. Undefined when there is none, or it is damaged or
   * of the wrong shape (then the run goes the usual way).
   */
  async lastRun(): Promise<{ reported: number; files: LastRunFile[] } | undefined> {
    const record = await this.readRecord(LAST_RUN_FILE);
    if (!record) return undefined;
    try {
      const head = record.head as { fingerprint?: unknown; reported?: unknown };
      if (head.fingerprint !== this.fingerprint || !Number.isInteger(head.reported)) return undefined;
      const files = JSON.parse(record.body) as LastRunFile[];
      const reported = head.reported as number;
      if (!Array.isArray(files) || reported > files.length) return undefined;
      for (let k = 0; k < files.length; k++) {
        const f = files[k];
        if (!f || typeof f.u !== 'string' || typeof f.i !== 'string' || !Number.isInteger(f.c) || !Number.isInteger(f.n) || !isFileStat(f.st)) return undefined;
        if (k < reported && !(typeof f.s === 'boolean' && typeof f.f === 'boolean' && Array.isArray(f.m) && f.m.every((m) => wellFormedMessage(expandMessage(m, f.u), f.n)))) return undefined;
      }
      return { reported, files };
    } catch {
      return undefined;
    }
  }

  /** Records this run's answer (see `lastRun`): only when every file has an entry with a trusted stat. */
  async saveLastRun(files: readonly { uri: string; config: number; result?: { type?: string; skipped: boolean; complete: boolean; messages: readonly GovMessage[] } }[], reported: number): Promise<void> {
    const out: LastRunFile[] = [];
    for (const [k, file] of files.entries()) {
      const e = this.used.get(file.uri);
      if (!e?.st) return; // read within the second, or not cached: next run checks it the usual way
      const line: LastRunFile = { u: e.u, i: e.i, c: file.config, st: e.st, n: e.n };
      if (k < reported) {
        const r = file.result;
        if (!r) return;
        if (r.type !== undefined) line.t = r.type;
        line.s = r.skipped;
        line.f = r.complete;
        line.m = r.messages.map((m) => compactMessage(m, file.uri));
      }
      out.push(line);
    }
    await this.writeRecord(LAST_RUN_FILE, { fingerprint: this.fingerprint, reported }, JSON.stringify(out));
  }

  /** The hash a file's text is known by, with its URI and what else decides how it is read. */
  private key(uri: string, inputs: string, text: string): string {
    return createHash('sha1').update(uri).update('\0').update(inputs).update('\0').update(text).digest('base64url');
  }

  /** The file's result when its stat is the one recorded, read with the same `inputs`: nothing needs reading. */
  byStat(uri: string, inputs: string, stat: FileStat | undefined): CacheHit | undefined {
    if (stat === undefined) return undefined;
    const e = this.old.get(uri);
    if (!e?.st || e.i !== inputs || !sameStat(e.st, stat)) return undefined;
    const hit = usable(e, stat[0]);
    if (!hit) return undefined;
    this.used.set(uri, e);
    this.counts.unread++;
    return hit;
  }

  /** The result for this text when it was read before; `stat` (if any) is recorded for next time. */
  byText(uri: string, inputs: string, text: string, stat: FileStat | undefined): CacheHit | undefined {
    const k = this.key(uri, inputs, text);
    const e = this.old.get(uri);
    if (!e || e.k !== k || e.n !== text.length) return undefined;
    const hit = usable(e, text.length);
    if (!hit) return undefined;
    const st = this.trusted(stat);
    if (!sameStat(e.st, st)) {
      this.dirty = true;
      this.used.set(uri, { ...e, st });
    } else this.used.set(uri, e);
    this.counts.read++;
    return hit;
  }

  /** Keeps the file's result (undefined: not a governance document). */
  set(uri: string, inputs: string, text: string, stat: FileStat | undefined, result: AnalysisResult | undefined): void {
    this.used.set(uri, { u: uri, i: inputs, k: this.key(uri, inputs, text), n: text.length, ...(this.trusted(stat) ? { st: stat } : {}), ...(result ? { r: result } : {}) });
    this.dirty = true;
    this.counts.missed++;
  }

  /**
   * What the cross-document step of this run depends on, as one hash: the files in order (those
   * reported first), each by the key of its text and how it was read, and the config each is
   * checked under. Undefined when a file has no entry (it could not be read): then the step runs.
   */
  workspaceKey(uris: readonly string[], reported: number, configIndexes: readonly number[]): string | undefined {
    const hash = createHash('sha1').update(this.fingerprint).update(`\0${reported}\0`);
    for (let i = 0; i < uris.length; i++) {
      const e = this.used.get(uris[i]);
      if (!e) return undefined;
      hash.update(e.u).update('\0').update(e.k).update('\0').update(e.i).update(`\0${configIndexes[i] ?? 0}\n`);
    }
    return hash.digest('base64url');
  }

  /** The cross-document messages per URI recorded for `key` by an earlier run, when they are of the shape this engine writes. */
  async crossMessages(key: string): Promise<Map<string, GovMessage[]> | undefined> {
    const record = await this.readRecord(WORKSPACE_FILE);
    if (!record || (record.head as { key?: unknown }).key !== key) return undefined;
    try {
      const cross = JSON.parse(record.body) as unknown;
      if (typeof cross !== 'object' || cross === null) return undefined;
      const out = new Map<string, GovMessage[]>();
      for (const [uri, list] of Object.entries(cross as Record<string, unknown>)) {
        const e = this.used.get(uri);
        if (!e || !Array.isArray(list) || !list.every((m) => wellFormedMessage(m, e.n))) return undefined;
        out.set(uri, list as GovMessage[]);
      }
      return out;
    } catch {
      return undefined;
    }
  }

  /** Records the cross-document messages of this run (only the URIs that have some) for `key`. */
  async saveCross(key: string, cross: ReadonlyMap<string, readonly GovMessage[]>): Promise<void> {
    const object: Record<string, readonly GovMessage[]> = {};
    for (const [uri, list] of cross) if (list.length > 0) object[uri] = list;
    await this.writeRecord(WORKSPACE_FILE, { key }, JSON.stringify(object));
  }

  /**
   * One of the two small records: a header line (JSON, with the checksum of the body) and the
   * body. Undefined when it is missing, cut short, damaged or edited (the checksum does not match).
   */
  private async readRecord(name: string): Promise<{ head: Record<string, unknown>; body: string } | undefined> {
    try {
      // A regular file only (a FIFO in its place would block the run), and bounded.
      const text = await readDataText(join(this.dir, name), { maxBytes: MAX_CACHE_BYTES });
      const nl = text.indexOf('\n');
      if (nl < 0) return undefined;
      const head = JSON.parse(text.slice(0, nl)) as Record<string, unknown>;
      const body = text.slice(nl + 1);
      if (head === null || typeof head !== 'object' || head.sum !== checksum(body)) return undefined;
      return { head, body };
    } catch {
      return undefined;
    }
  }

  private writeRecord(name: string, head: Record<string, unknown>, body: string): Promise<void> {
    return this.writeAtomically(name, `${JSON.stringify({ ...head, sum: checksum(body) })}\n${body}`);
  }

  private async writeAtomically(name: string, text: string): Promise<void> {
    const tmp = join(this.dir, `${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    try {
      if (!(await makeFolders(this.dir))) return;
      await writeFile(tmp, text);
      // Atomic: a run reading the cache meanwhile sees the old file or this one, never a part.
      await rename(tmp, join(this.dir, name));
    } catch {
      // A cache that cannot be written only costs time next run.
      await unlink(tmp).catch(() => undefined);
    }
  }

  /** A stat recorded only when the file was last modified well before this run read it. */
  private trusted(stat: FileStat | undefined): FileStat | undefined {
    return stat !== undefined && stat[1] < this.started - RACY_MS ? stat : undefined;
  }

  /** Writes the cache back to disk, if it changed. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const lines: string[] = [];
    for (const e of this.used.values()) lines.push(JSON.stringify(e));
    for (const [uri, e] of this.old) {
      if (lines.length >= MAX_ENTRIES) break;
      if (!this.used.has(uri)) lines.push(JSON.stringify(e));
    }
    const body = lines.join('\n');
    const text = `${JSON.stringify({ v: 3, fingerprint: this.fingerprint })}\n${body}\n${JSON.stringify({ sum: checksum(body) })}\n`;
    await this.writeAtomically(CACHE_FILE, text);
  }
}

/**
 * A message as the last run's record keeps it: without the URI, source and documentation link
 * when they are the file's own, `govmark` and the rule's (a fifth of the record), marked `_: 1`.
 */
function compactMessage(m: GovMessage, uri: string): GovMessage {
  if (m.uri !== uri || m.source !== 'govmark' || m.url !== ruleUrl(m.ruleId)) return m;
  const { uri: _u, source: _s, url: _l, ...rest } = m;
  return { ...rest, _: 1 } as unknown as GovMessage;
}

/** The message `compactMessage` kept, whole again (in place, the keys in their usual order). */
function expandMessage(m: GovMessage, uri: string): GovMessage {
  const x = m as GovMessage & { _?: unknown };
  if (x && typeof x === 'object' && x._ === 1 && typeof x.ruleId === 'string') {
    delete x._;
    x.uri = uri;
    x.source = 'govmark';
    x.url = ruleUrl(x.ruleId);
  }
  return m;
}

/** Whether a value read back from a store is a `FileStat`. */
function isFileStat(x: unknown): x is FileStat {
  return Array.isArray(x) && x.length === 4 && x.every((n) => typeof n === 'number');
}

/** Whether two stats say the same: size, modification and change times, inode. */
export function sameStat(a: FileStat | undefined, b: FileStat | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

function checksum(body: string): string {
  return createHash('sha1').update(body).digest('base64url');
}

/**
 * The entries of a store written by `save` for this fingerprint, by URI; an
 * empty map for another fingerprint, and a throw for a store that is cut
 * short, damaged or edited (its checksum does not match).
 */
function readStore(text: string, fingerprint: string): Map<string, Entry> {
  const first = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, first)) as { v?: unknown; fingerprint?: unknown };
  const entries = new Map<string, Entry>();
  if (header.v !== 3 || header.fingerprint !== fingerprint) return entries;
  // The last line is the checksum; a store cut short has none, or the wrong one.
  const end = text.lastIndexOf('\n', text.length - 2);
  if (!text.endsWith('\n') || end < first) throw new Error('cache store cut short');
  const body = text.slice(first + 1, end);
  const trailer = JSON.parse(text.slice(end + 1)) as { sum?: unknown };
  if (trailer.sum !== checksum(body)) throw new Error('cache store damaged');
  for (const line of body === '' ? [] : body.split('\n')) {
    const e = JSON.parse(line) as Entry;
    if (e && typeof e === 'object' && typeof e.u === 'string' && typeof e.i === 'string' && typeof e.k === 'string' && Number.isInteger(e.n) && e.n >= 0) entries.set(e.u, e);
  }
  return entries;
}

/** What an entry gives, when it is of the shape this engine writes (for a text of `length`): else nothing, and the file is checked again. */
function usable(e: Entry, length: number): CacheHit | undefined {
  if (e.r === undefined) return { skipped: true };
  if (e.st !== undefined && !isFileStat(e.st)) return undefined;
  return wellFormed(e.r, Math.min(e.n, length)) ? { skipped: false, result: e.r } : undefined;
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
