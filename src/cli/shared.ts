/** Steps more than one command takes: reading the config, checking `--type`. */
import { BUILTIN_TYPES } from '../core/model.js';
import type { ResolvedConfig } from '../core/config.js';
import { constants, statSync } from 'node:fs';
import { open, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { makeFolders } from '../node/folders.js';
import { decodeText } from '../node/text-file.js';
import { dirname, resolve } from 'node:path';
import { isMarkdownPath } from '../node/discover.js';
import { describeFsError, loadConfig, type LoadedConfig } from '../node/config-file.js';
import { didYouMean } from '../core/text/similar.js';
import { displayPath } from './formatters/results.js';
import type { OptionSpec, ParsedArgs } from './args.js';
import { UsageError, type CliIO } from './io.js';

/** `--config FILE`, read by `loadRunConfig`. */
export const CONFIG_OPTION: OptionSpec = {
  type: 'string',
  short: 'c',
  valueName: 'file',
  description: 'Use this config file (.json, .jsonc, .yaml, .yml or package.json), not the nearest one',
};

/** `--type T`, read by `typeOption`. */
export const TYPE_OPTION: OptionSpec = {
  type: 'string',
  short: 't',
  valueName: 'type',
  description: 'Read every file as this type, even without front matter',
};

export async function loadRunConfig(args: ParsedArgs, io: CliIO): Promise<LoadedConfig> {
  const explicit = args.options.config;
  return loadConfig(io.cwd, typeof explicit === 'string' ? explicit : undefined);
}

/**
 * Each file's config when subfolders have their own (see src/node/config-cascade.ts):
 * undefined with `--config` (the whole run's config) or when there are none.
 */
export async function nestedConfigsOf(args: ParsedArgs, io: Pick<CliIO, 'cwd'>, loaded: LoadedConfig, files: readonly string[]): Promise<Map<string, ResolvedConfig> | undefined> {
  const cascade = await configCascade(args, io, loaded);
  if (!cascade) return undefined;
  const byFile = await cascade.forFiles(files);
  return cascade.configs.length > 1 ? byFile : undefined;
}

/** The per-folder configs over the run's (`loadRunConfig`); none with `--config`, which names the whole run's config. */
export async function configCascade(args: ParsedArgs, io: Pick<CliIO, 'cwd'>, loaded: LoadedConfig): Promise<import('../node/config-cascade.js').ConfigCascade | undefined> {
  if (typeof args.options.config === 'string') return undefined;
  const { ConfigCascade } = await import('../node/config-cascade.js');
  return new ConfigCascade({ base: loaded.config, baseDir: loaded.baseDir, ...(loaded.file !== undefined ? { baseFile: loaded.file } : {}), cwd: io.cwd });
}

/** The `--type` value, checked against the built-in and configured types. */
export function typeOption(args: ParsedArgs, config: ResolvedConfig): string | undefined {
  const type = args.options.type;
  if (typeof type !== 'string') return undefined;
  const known = [...BUILTIN_TYPES, ...config.customTypes.map((t) => t.name)];
  if (!known.includes(type)) {
    throw new UsageError(`unknown type '${type}'${didYouMean(type, known)}; known types: ${known.join(', ')}`);
  }
  return type;
}

/** Refuses a pipe, socket or device (a FIFO would block a read for ever; /dev/zero never ends), exit 2 naming it. */
export async function assertRegularFile(file: string, io: Pick<CliIO, 'cwd'>): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(file)).isFile();
  } catch (error) {
    throw new UsageError(`cannot read '${displayPath(file, io.cwd)}': ${describeFsError(error)}`);
  }
  if (!isFile) throw new UsageError(`cannot read '${displayPath(file, io.cwd)}': not a regular file (a pipe, socket or device)`);
}

/** A file the user named or a folder search found, as text; a file that cannot be read stops the run (exit 2) naming it. */
export async function readInputFile(file: string, io: Pick<CliIO, 'cwd'>): Promise<string> {
  await assertRegularFile(file, io);
  try {
    return decodeText(await readFile(file));
  } catch (error) {
    throw new UsageError(`cannot read '${displayPath(file, io.cwd)}': ${describeFsError(error)}`);
  }
}

/**
 * Where `-o FILE` may write: never over a document being read, nor over any
 * existing Markdown file (a report written over minutes would lose them).
 * Checked before the run, so nothing is read in vain.
 */
export async function checkOutputTarget(out: string, inputs: readonly string[], io: Pick<CliIO, 'cwd'>): Promise<string> {
  const target = resolve(io.cwd, out);
  let real: string | undefined;
  try {
    real = await realpath(target);
  } catch {
    return target; // does not exist yet
  }
  const shown = displayPath(target, io.cwd);
  // The same file whatever the path (a symbolic or hard link): the same device and inode. Only a regular
  // file can be a document read; a device (`/dev/null`, `/dev/stdout`) or a pipe cannot, so its run
  // does not stat every input.
  let file: { dev: number; ino: number } | undefined;
  try {
    const s = await stat(real);
    if (s.isFile()) file = { dev: s.dev, ino: s.ino };
  } catch {
    file = undefined;
  }
  for (const input of inputs) {
    let same = resolve(input) === target;
    if (!same && file) {
      try {
        const s = statSync(input);
        same = s.ino === file.ino && s.dev === file.dev;
      } catch {
        same = false;
      }
    }
    if (same) throw new UsageError(`will not write the output over '${shown}': it is one of the documents being read; choose another file`);
  }
  if (isMarkdownPath(real) || isMarkdownPath(target)) {
    throw new UsageError(`will not write the output over '${shown}': it is a Markdown document, and govmark never overwrites what you wrote; choose another file name`);
  }
  return target;
}

/**
 * Writes a report or drawing to `target` (made by `checkOutputTarget`), its
 * folders made as needed. A named pipe is opened without waiting: nobody
 * reading it is an error at once instead of a run that never ends.
 */
export async function writeOutput(target: string, shown: string, text: string): Promise<void> {
  try {
    let fifo = false;
    try {
      fifo = (await stat(target)).isFIFO();
    } catch {
      fifo = false;
    }
    if (!fifo) {
      if (!(await makeFolders(dirname(target)))) throw new Error('its folder cannot be made');
      await writeFile(target, text, 'utf8');
      return;
    }
    const handle = await open(target, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; ) {
        try {
          at += (await handle.write(bytes, at, Math.min(65536, bytes.length - at))).bytesWritten;
        } catch (error) {
          // The reader is slower than us: wait for it (a reader that went away is EPIPE, an error).
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new UsageError(`cannot write '${shown}': ${describeFsError(error)}`);
  }
}
