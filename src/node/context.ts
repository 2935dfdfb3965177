/**
 * The rest of the repository, for a run over a few of its files. A
 * pre-commit hook or lint-staged passes only the changed files; without the
 * others, minutes that name their terms of reference would be told the terms
 * exist nowhere. So the other governance documents of the repository are read
 * too, for their summaries only (cached like any other file): a file checked
 * alone is given exactly the problems a run over the whole repository gives it.
 */
import { resolve } from 'node:path';
import { discoverFiles } from './discover.js';
import { gitWorkTree, isInside } from './paths.js';

/** Where context documents are looked for (see `contextFiles`). */
export interface ContextOptions {
  /** Folder the inputs are relative to. */
  cwd: string;
  /** The config file's folder, when there is a config file. */
  configDir?: string;
  /** The config's `ignores` (relative to `configDir`): ignored documents are not context either. */
  ignores?: readonly string[];
}

/**
 * The repository a run belongs to: the git work tree around the config file
 * (or the working folder), else the config file's folder; undefined when there
 * is neither, so that a file named in a home folder does not make govmark read
 * the whole home folder.
 */
export function repositoryRoot(cwd: string, configDir?: string): string | undefined {
  return gitWorkTree(configDir ?? cwd) ?? (configDir !== undefined ? resolve(configDir) : undefined);
}

/**
 * The documents to read as context for a run over `inputs` (as typed): those
 * under `dir` (`--context DIR`) or under the repository root, minus the files
 * themselves. None when an input already covers the whole repository, or
 * when a file is outside it.
 */
export async function contextFiles(inputs: readonly string[], files: readonly string[], options: ContextOptions & { dir?: string }): Promise<string[]> {
  const cwd = resolve(options.cwd);
  const root = options.dir !== undefined ? resolve(cwd, options.dir) : repositoryRoot(cwd, options.configDir);
  if (root === undefined) return [];
  // `govmark validate` at the root (or above it) is already the full run.
  if (options.dir === undefined && inputs.some((input) => isInside(root, resolve(cwd, input)))) return [];
  // Documents outside the repository (`govmark validate ../elsewhere/x.md`) are not part of it: it is not their context.
  if (options.dir === undefined && !files.every((f) => isInside(resolve(f), root))) return [];
  const named = new Set(files.map((f) => resolve(f)));
  const found = await discoverFiles([root], {
    cwd,
    ...(options.ignores ? { ignores: options.ignores } : {}),
    ...(options.configDir !== undefined ? { ignoreBase: options.configDir } : {}),
    // A folder that cannot be listed is the full run's problem to report, not this one's.
    onUnreadableFolder: () => undefined,
  });
  return found.filter((f) => !named.has(resolve(f)));
}
