/**
 * Everything the CLI touches outside itself, injected so that `main` is a pure
 * function of its inputs (after markdownlint-cli2): tests pass strings in and
 * read strings out; bin/govmark.js passes the real process.
 */
import type { ResolvedConfig } from '../core/config.js';
import type { GovDocument } from '../core/model.js';
import type { ValidatePaths } from '../node/contract.js';

/** The part of a stream the CLI writes to. */
export interface Output {
  write(chunk: string): unknown;
  /** True when a person is watching (colours, progress). */
  isTTY?: boolean;
}

/** Reads one document into the model (the core's `parse`). */
export type ParseDocument = (
  text: string,
  options: { uri: string; type?: string; configType?: string; path?: string; config?: Pick<ResolvedConfig, 'customTypes'> & Partial<Pick<ResolvedConfig, 'infer'>> },
) => GovDocument | Promise<GovDocument>;

export interface CliIO {
  /** Arguments after the program name. */
  argv: string[];
  cwd: string;
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (for colours); `stdout.isTTY` when absent. */
  isTTY?: boolean;
  /** The validation engine; the real one (src/node/validate.ts) when absent. */
  validatePaths?: ValidatePaths;
  /** The core parser; the real one (src/core/parse/parse.ts) when absent. */
  parse?: ParseDocument;
  /** Reads all of standard input as text (`govmark validate -`); absent when there is none to read. */
  readStdin?: () => Promise<string | Uint8Array>;
  /** Milliseconds clock, for the progress indicator's rate limit. */
  now?: () => number;
}

/**
 * The run cannot go on (bad arguments, unreadable path, bad config): `main`
 * prints `govmark: <message>` on stderr, one line, and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_CANNOT_RUN = 2;
