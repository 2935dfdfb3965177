/**
 * Reading the documents a reporting command (timeline, actions, export) works
 * on: discovered like validate's, each read in a worker under the same bound
 * (time, memory; past it the cheap pass), so a pathological file cannot hang
 * the command. Files that are not governance documents are left out.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatIsoDate, isValidCalendarDate } from '../core/dates/index.js';
import type { ResolvedConfig } from '../core/config.js';
import type { GovDocument } from '../core/model.js';
import { discoverFiles } from '../node/discover.js';
import { typesByPath } from '../node/custom-types.js';
import { screenedType } from '../node/screen.js';
import { relativePath } from '../node/validate.js';
import type { ParsedArgs } from './args.js';
import { displayPath } from './formatters/results.js';
import { UsageError, type CliIO, type ParseDocument } from './io.js';
import type { LoadedConfig } from '../node/config-file.js';
import { checkOutputTarget, nestedConfigsOf, readInputFile } from './shared.js';

/**
 * The governance documents named by the command's paths (default: this
 * folder), read under the bound; `nothing` completes "nothing that was found
 * could be read, so there is nothing to …".
 */
export async function readDocuments(
  args: ParsedArgs,
  io: CliIO,
  loaded: LoadedConfig,
  type: string | undefined,
  options: { out?: string; nothing: string },
): Promise<{ files: string[]; docs: GovDocument[] }> {
  const { config, baseDir } = loaded;
  let skipped = 0;
  const files = await discoverFiles(args.positionals.length > 0 ? args.positionals : ['.'], {
    cwd: io.cwd,
    ignores: config.ignores,
    ignoreBase: baseDir,
    requireMatches: true,
    onUnreadableFolder: (path, why) => {
      skipped++;
      io.stderr.write(`govmark: skipped '${displayPath(path, io.cwd)}': ${why}\n`);
    },
  });
  if (files.length === 0 && skipped > 0) throw new UsageError(`nothing that was found could be read, so there is nothing to ${options.nothing}`);
  if (options.out !== undefined) await checkOutputTarget(options.out, files, io);
  const configOf = await nestedConfigsOf(args, io, loaded, files);
  const docs = io.parse
    ? await readInProcess(files, io.parse, io, { config, baseDir, type })
    : await readBounded(files, io, { config, baseDir, type, nothing: options.nothing, ...(configOf ? { configOf } : {}) });
  return { files, docs };
}

interface ReadOptions {
  config: ResolvedConfig;
  /** Per-folder configs, by absolute path. */
  configOf?: ReadonlyMap<string, ResolvedConfig>;
  baseDir: string | undefined;
  type: string | undefined;
}

/**
 * The real engine: every document read in a worker under the same bound as
 * `validate` (time, memory; past it the cheap pass), so a pathological file
 * cannot hang the drawing. Files that are not governance documents are left out.
 */
async function readBounded(files: readonly string[], io: CliIO, options: ReadOptions & { nothing: string }): Promise<GovDocument[]> {
  const { readModels, documentOf } = await import('../node/models.js');
  const { CannotRead } = await import('../node/validate.js');
  try {
    let unreadable = 0;
    const read = await readModels(files, {
      config: options.config,
      root: options.baseDir ?? io.cwd,
      screen: true,
      onUnreadable: (path, why) => {
        unreadable++;
        io.stderr.write(`govmark: skipped '${displayPath(path, io.cwd)}': ${why}\n`);
      },
      ...(options.type !== undefined ? { typeOverride: options.type } : {}),
      ...(options.configOf ? { configOf: options.configOf } : {}),
    });
    // Nothing could be read at all: an empty drawing would pass for "no dates".
    if (files.length > 0 && unreadable === files.length) throw new UsageError(`none of the ${files.length === 1 ? 'file' : `${files.length} files`} could be read, so there is nothing to ${options.nothing}`);
    return read.map(documentOf).filter((doc) => doc.type !== undefined);
  } catch (error) {
    if (error instanceof CannotRead) throw new UsageError(error.message.replace(error.path, displayPath(error.path, io.cwd)));
    throw error;
  }
}

/** An injected parser (tests): in this process, one file at a time. */
async function readInProcess(files: readonly string[], parse: ParseDocument, io: CliIO, options: ReadOptions): Promise<GovDocument[]> {
  const { config, baseDir, type } = options;
  const byGlob = type === undefined ? await typesByPath(config) : new Map<string, string>();
  const docs: GovDocument[] = [];
  for (const file of files) {
    const text = await readInputFile(file, io);
    // Most Markdown is not a governance document: skip it before parsing (the same screen as validate).
    const relPath = relativePath(file, baseDir ?? io.cwd);
    const screened = type === undefined ? screenedType(text, byGlob.get(resolve(file)), relPath, config.infer) : undefined;
    if (screened?.skip) continue;
    const doc = await parse(text, { uri: pathToFileURL(file).href, path: relPath, ...(type !== undefined ? { type } : {}), ...(screened?.configType !== undefined ? { configType: screened.configType } : {}), config });
    if (doc.type !== undefined) docs.push(doc);
  }
  return docs;
}

/** `--today YYYY-MM-DD`, else the config's `today`, else the real day. */
export function todayOption(args: ParsedArgs, configured: string | undefined): string {
  const given = typeof args.options.today === 'string' ? args.options.today : configured;
  if (given === undefined) {
    const now = new Date();
    return formatIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(given);
  if (!m || !isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new UsageError(`option '--today' must be a date written YYYY-MM-DD, not '${given}'`);
  }
  return given;
}
