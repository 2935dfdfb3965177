/**
 * What the Node host layer offers the CLI and the language server: validate a
 * set of files together (cross-document rules need all of them), bounded in
 * time per document, in worker threads for large runs, cached by content.
 */
import type { ResolvedConfig } from '../core/config.js';
import type { GovMessage } from '../core/message.js';

/** What validating one file gave. */
export interface FileResult {
  /** Absolute path. */
  path: string;
  /** `file://` URI, the one messages carry. */
  uri: string;
  /** Governance type, undefined when the file is not a governance document. */
  type?: string;
  messages: GovMessage[];
  /** True when the file is not a governance document (nothing was checked). */
  skipped: boolean;
  /** False when only the cheap pass could read the body (too complex / too slow). */
  complete: boolean;
  /** True when the per-file result came from the cache. */
  fromCache?: boolean;
  /** Set when the file could not be read at all: why, in the user's words (its message is `unreadable-file`). */
  unreadable?: string;
}

/** How `validatePaths` runs. */
export interface RunOptions {
  config: ResolvedConfig;
  /** Read every file as this type, even without front matter (`--type`). */
  typeOverride?: string;
  /** The folder paths are relative to when a file's kind is recognised from its path (the working folder, the workspace). */
  root?: string;
  /** Worker threads: a number, or `auto` (default: threads only for large runs). */
  workers?: number | 'auto';
  /** Cache folder, or false to disable the cache. */
  cacheDir?: string | false;
  /**
   * Text to check instead of what is on disk, by absolute path: a document
   * read from stdin, an editor's unsaved buffer, fixes not yet written. The
   * path need not exist; it decides the type, the config and what is reported.
   */
  texts?: ReadonlyMap<string, string>;
  /**
   * Further documents read only for what the cross-document rules need (ids,
   * terms of reference, members), so that a run over a few files (a
   * pre-commit hook) sees the rest of the repository. Nothing is reported on
   * them and they are not in the results; a path also in `files` is checked
   * as one of `files`. `typeOverride` does not apply to them.
   */
  context?: readonly string[];
  /**
   * The config of each file when folders have their own (per-folder configs,
   * `ConfigCascade`): by absolute path; a file it does not name, and the
   * cross-document checks of the run as a whole, use `config`.
   */
  configOf?: ReadonlyMap<string, ResolvedConfig>;
  /** The worker thread's script (default: the one installed beside this module); bundles point this at their own copy. */
  workerUrl?: URL | string;
  /** Called as files finish, for a progress indicator. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once, after the files are checked, with how the cache served them:
   * files reused without being read (their size, times and inode unchanged),
   * reused after reading (same text), and checked. Not called without a cache.
   */
  onCache?: (counts: { unread: number; read: number; missed: number }) => void;
  /**
   * With a cache, called once after the cross-document step: `true` when its messages were
   * reused from the last run (the same files, with the same texts, read the same way, under the
   * same configuration), `false` when the cross-document rules ran.
   */
  onWorkspaceCache?: (reused: boolean) => void;
}

/** The shape of `validatePaths`, for hosts that pass it on (`fixPaths`). */
export type ValidatePaths = (files: readonly string[], options: RunOptions) => Promise<FileResult[]>;
