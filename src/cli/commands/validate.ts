/**
 * `govmark validate [paths...]`: find the files, validate them together (the
 * cross-document rules need all of them), print one report, and exit
 * 0 (clean, warnings allowed), 1 (errors, or more warnings than
 * `--max-warnings`) or 2 (could not run).
 */
import { pathToFileURL } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import type { FileResult, RunOptions } from '../../node/contract.js';
import { describeFsError } from '../../node/config-file.js';
import { defaultCacheDir } from '../../node/cache.js';
import { discoverFiles } from '../../node/discover.js';
import { integerOption, type OptionSpecs, type ParsedArgs } from '../args.js';
import { useColor } from '../color.js';
import type { Command } from '../command.js';
import { loadValidatePaths } from '../engine.js';
import { FORMAT_NAMES, formatters, type FormatName } from '../formatters/index.js';
import { countResults, displayPath, plural } from '../formatters/results.js';
import { unreadableFileMessage } from '../../core/rules/run.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../io.js';
import { createProgress, noProgress, PROGRESS_THRESHOLD } from '../progress.js';
import { checkOutputTarget, writeOutput, CONFIG_OPTION, loadRunConfig, typeOption, TYPE_OPTION } from '../shared.js';


const options: OptionSpecs = {
  format: { type: 'string', short: 'f', choices: FORMAT_NAMES, valueName: 'name', description: 'Report format, default stylish' },
  output: { type: 'string', short: 'o', valueName: 'file', description: 'Write the report to this file instead of stdout' },
  'max-warnings': { type: 'string', valueName: 'n', description: 'Exit 1 when there are more than n warnings' },
  quiet: { type: 'boolean', short: 'q', description: 'Report errors only' },
  config: CONFIG_OPTION,
  cache: { type: 'boolean', negatable: true, description: 'Reuse the results of unchanged files (default on)' },
  'cache-location': { type: 'string', valueName: 'dir', description: 'Keep the cache here; default node_modules/.cache/govmark, or the user cache folder' },
  workers: { type: 'string', valueName: 'n|auto', description: 'Worker threads; default auto (threads only for large runs)' },
  type: TYPE_OPTION,
  color: { type: 'boolean', negatable: true, description: 'Colour the report; default: when stdout is a terminal' },
};

export const validate: Command = {
  usage: 'govmark validate [options] [files, folders or globs...]',
  help: [
    'Checks governance documents and reports problems. Folders are searched for',
    '*.md and *.markdown files, leaving out what .gitignore files, .git/info/exclude',
    'and the config\'s "ignores" name, and node_modules and .git. A file named',
    'explicitly is always checked. Quote globs so that govmark, not the shell,',
    'expands them. An argument starting with ! or # leaves out what it matches:',
    '  govmark validate . \'#archive/**\'',
    'An argument that finds nothing, or only ignored files, exits 2 saying why.',
    '',
    'Exit codes: 0 no errors (warnings allowed), 1 errors or more warnings than',
    '--max-warnings, 2 govmark could not run (bad arguments, unreadable path, bad config).',
  ].join('\n'),
  options,
  run,
};

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = (args.options.format as FormatName | undefined) ?? 'stylish';
  const maxWarnings = integerOption(args, 'max-warnings', 0);
  const workers = workersOption(args);
  const quiet = args.options.quiet === true;
  const output = typeof args.options.output === 'string' ? args.options.output : undefined;

  const { config, baseDir } = await loadRunConfig(args, io);
  const typeOverride = typeOption(args, config);
  const unreadableFolders: { path: string; why: string }[] = [];
  const files = await discoverFiles(args.positionals.length > 0 ? args.positionals : ['.'], {
    cwd: io.cwd,
    ignores: config.ignores,
    ignoreBase: baseDir,
    requireMatches: true,
    onUnreadableFolder: (path, why) => unreadableFolders.push({ path, why }),
  });
  if (output !== undefined) await checkOutputTarget(output, files, io);
  const validatePaths = await loadValidatePaths(io);

  const progress =
    io.stderr.isTTY && files.length > PROGRESS_THRESHOLD ? createProgress(io.stderr, io.now ?? Date.now) : noProgress;
  const runOptions: RunOptions = {
    config,
    ...(typeOverride !== undefined ? { typeOverride } : {}),
    root: baseDir ?? io.cwd,
    ...(workers !== undefined ? { workers } : {}),
    // Not inside the user's repository by default: node_modules/.cache when there is one, else ~/.cache.
    cacheDir:
      args.options.cache === false
        ? false
        : typeof args.options['cache-location'] === 'string'
          ? resolve(io.cwd, args.options['cache-location'])
          : defaultCacheDir(baseDir),
    onProgress: (done, total) => progress.update(done, total),
  };
  let results: FileResult[];
  try {
    results = await validatePaths(files, runOptions);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    // The engine's own one-line reasons ("cannot read 'x.md': ...") need no prefix.
    throw new UsageError(why.startsWith('cannot read ') ? why : `validation failed: ${why}`);
  } finally {
    progress.clear();
  }

  // A folder that could not be listed, or a pipe found in one: reported on it, like an unreadable file.
  for (const { path, why } of unreadableFolders) {
    const uri = pathToFileURL(path).href;
    const m = unreadableFileMessage(uri, why, config);
    results.push({ path, uri, messages: m ? [m] : [], skipped: false, complete: false, unreadable: why });
  }
  // Nothing could be read at all: the run did not check anything, which is not a pass.
  if (results.length > 0 && results.every((r) => r.unreadable !== undefined)) {
    const first = results[0];
    throw new UsageError(`cannot read '${displayPath(first.path, io.cwd)}': ${first.unreadable}${results.length > 1 ? ` (and ${results.length - 1} more; nothing could be checked)` : ''}`);
  }
  const counts = countResults(results);
  const shown = quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  const colorFlag = typeof args.options.color === 'boolean' ? args.options.color : undefined;
  const color = output !== undefined ? colorFlag === true : useColor(colorFlag, io.env, io.isTTY ?? io.stdout.isTTY ?? false);
  // --quiet with nothing to show prints nothing (not "no problems": warnings were hidden).
  const silent = quiet && format === 'stylish' && counts.errors === 0;
  const report = silent ? '' : formatters[format](shown, { cwd: io.cwd, color });

  if (output !== undefined) {
    await writeOutput(resolve(io.cwd, output), output, report);
  } else if (report !== '') {
    io.stdout.write(report);
  }

  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  if (tooManyWarnings) {
    io.stderr.write(`govmark: ${plural(counts.warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows\n`);
  }
  return counts.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

function workersOption(args: ParsedArgs): number | 'auto' | undefined {
  if (args.options.workers === 'auto') return 'auto';
  return integerOption(args, 'workers', 0);
}
