/**
 * What the language server needs from the machine it runs on, as an injected
 * interface (after vscode-markdown-languageservice's `IWorkspace`): the server
 * itself never touches the file system, threads or the clock, so it can be
 * driven in memory. `node-host.ts` is the implementation for Node.
 */
import type { ResolvedConfig } from '../core/config.js';
import type { AnalysisResult } from '../node/protocol.js';

/** A configuration as read for a workspace folder. */
export interface LoadedConfig {
  config: ResolvedConfig;
  /** The config file read, if any (`govmark.config.json`, `.jsonc`, `.yaml`, `.yml` or `package.json`). */
  file?: string;
  /** The folder relative paths of the configuration are read against. */
  baseDir: string;
  /** Custom types whose schema files were not read (an untrusted workspace). */
  untrustedTypes?: string[];
}

/** Analyses documents away from the server's thread, each under a time bound. */
export interface BoundedAnalyser {
  /**
   * The analysis of one text with its model. Never rejects for a document that
   * is too complex: past the bound the result comes from the cheap pass, with
   * a `too-complex` message. `incremental`: an open document the editor edits; the
   * worker keeps its section trees so the next version re-parses only what changed.
   */
  analyse(req: { uri: string; text: string; type?: string; configType?: string; relPath?: string; configIndex?: number; incremental?: boolean }): Promise<AnalysisResult>;
  close(): Promise<void>;
}

/** The per-folder configs of a workspace, once read. */
export interface ConfigLookup {
  /** The config of a file (absolute path): the nearest folder's; the base when none. */
  configForPath(path: string): ResolvedConfig;
  /** The nested configs (not the base), in the order requests index them from 1. */
  readonly nested: readonly ResolvedConfig[];
  /** The nested config files read. */
  readonly files: readonly string[];
}

export interface ServerHost {
  /** The text of a file, or undefined when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** Markdown files under `folder`, honouring `.gitignore` and the configuration's `ignores`. */
  discover(folder: string, loaded: LoadedConfig): Promise<string[]>;
  /** The configuration for `folder` (the nearest config file); throws an Error with a one-line message when it is invalid. */
  /** `trusted: false`: an untrusted workspace, whose config's schema files are not read. */
  loadConfig(folder: string, options?: { trusted?: boolean }): Promise<LoadedConfig>;
  /** Absolute path → custom type, for the files the configuration's `types.<name>.files` globs select. */
  typesByPath(config: ResolvedConfig): Promise<Map<string, string>>;
  /**
   * Per-folder configs (see src/node/config-cascade.ts): the configs of the
   * folders that hold `files`, each merged over `base` (the workspace's
   * config, whose file is `baseFile` in `baseDir`), as the CLI reads them.
   * Throws an Error with a one-line message when a nested config is invalid.
   */
  configCascade?(base: ResolvedConfig, baseDir: string, baseFile: string | undefined, files: readonly string[], options: { trusted?: boolean }): Promise<ConfigLookup>;
  /** Reads a JSON file named in the client's settings (a custom schema): never executed, only parsed. */
  readJson(path: string): Promise<unknown>;
  /**
   * Worker threads with `config` (and the per-folder configs requests name by
   * `configIndex`); `workerUrl` overrides where the worker script is. When the
   * threads cannot start (a broken install), it says so once through `log` and
   * analyses in the server's own thread instead.
   */
  createAnalyser(config: ResolvedConfig, options: { size: number; workerUrl?: string; nestedConfigs?: readonly ResolvedConfig[]; log?: (message: string) => void }): BoundedAnalyser;
  /** Milliseconds on a monotonic clock, to measure parse times. */
  now(): number;
  /** Today's date, ISO. */
  today(): string;
  /** `path` read against `base` (a folder), unless absolute. */
  resolvePath(base: string | undefined, path: string): string;
  uriToPath(uri: string): string | undefined;
  pathToUri(path: string): string;
}
