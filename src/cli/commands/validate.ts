/**
 * `govmark validate [paths...]`: find the files, validate them together (the
 * cross-document rules need all of them), print one report, and exit
 * 0 (clean, warnings allowed), 1 (errors, or more warnings than
 * `--max-warnings`) or 2 (could not run).
 */
import { pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import type { FileResult, RunOptions } from '../../node/contract.js';
import { describeFsError } from '../../node/config-file.js';
import { contextFiles } from '../../node/context.js';
import { ignoredByNested } from '../../node/config-cascade.js';
import { fixPaths, writeFixed, type FileFix, type FixRun } from '../../node/fix.js';
import { decodeText } from '../../node/text-file.js';
import { visible } from '../formatters/results.js';
import { defaultCacheDir } from '../../node/cache.js';
import { discoverFiles } from '../../node/discover.js';
import { WorkerStartFailed } from '../../node/pool.js';
import { integerOption, type OptionSpecs, type ParsedArgs } from '../args.js';
import { useColor } from '../color.js';
import type { Command } from '../command.js';
import { loadValidatePaths } from '../engine.js';
import { FORMAT_NAMES, loadFormatter, type FormatName } from '../formatters/index.js';
import { countResults, displayPath, plural } from '../formatters/results.js';
import { unreadableFileMessage } from '../../core/rules/unreadable.js';
import { EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../io.js';
import { createProgress, noProgress, PROGRESS_THRESHOLD } from '../progress.js';
import { checkOutputTarget, configCascade, writeOutput, CONFIG_OPTION, loadRunConfig, typeOption, TYPE_OPTION } from '../shared.js';


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
  fix: { type: 'boolean', description: 'Apply the fixes that need no choice (each problem\'s preferred fix) and write the files' },
  'fix-dry-run': { type: 'boolean', description: 'Print the fixes as a unified diff; write nothing' },
  context: { type: 'string', valueName: 'dir', description: 'Read the documents under dir for cross-document checks; default: the repository' },
  'no-context': { type: 'boolean', description: 'Check the named files without the rest of the repository' },
  'stdin-filename': { type: 'string', valueName: 'path', description: 'With -: the path the text on stdin is checked as (type, config, report)' },
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
    '"-" reads one document from stdin (name it with --stdin-filename).',
    '',
    'When only some files are named (a pre-commit hook), the other governance',
    'documents of the repository (the git work tree, else the config file\'s',
    'folder) are read too, for the cross-document checks only: a file checked',
    'alone gets the problems a full run would give it. --context DIR reads',
    'those under DIR instead; --no-context none.',
    '',
    '--fix applies each problem\'s preferred fix, checks again, and repeats',
    'while fixes apply; files without fixes are not touched. --fix-dry-run',
    'prints the same changes as a unified diff (git apply takes it).',
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
  const fix = args.options.fix === true;
  const dryRun = args.options['fix-dry-run'] === true;
  if (fix && dryRun) throw new UsageError('--fix writes the fixes and --fix-dry-run only shows them: choose one');
  if (dryRun && args.options.format !== undefined) throw new UsageError('--fix-dry-run prints a diff; --format does not apply to it');

  const stdin = await stdinInput(args, io);
  if (stdin && fix) throw new UsageError('--fix cannot write back to stdin; use --fix-dry-run to see the fixes as a diff');
  const paths = args.positionals.filter((p) => p !== '-');
  // A document on stdin is checked with the config of the folder it is named in.
  const loaded = await loadRunConfig(args, stdin && paths.length === 0 ? { ...io, cwd: dirname(stdin.path) } : io);
  const { config, baseDir, file: configFile } = loaded;
  const typeOverride = typeOption(args, config);
  const unreadableFolders: { path: string; why: string }[] = [];
  const inputs = paths.length > 0 || stdin ? paths : ['.'];
  const discovered = inputs.length === 0 ? [] : await discoverFiles(inputs, {
    cwd: io.cwd,
    ignores: config.ignores,
    ignoreBase: baseDir,
    requireMatches: true,
    onUnreadableFolder: (path, why) => unreadableFolders.push({ path, why }),
  });
  // Per-folder configs: every config between the run's config and each file (not with --config).
  const cascade = await configCascade(args, io, loaded);
  const named = new Set(paths.map((p) => resolve(io.cwd, p)));
  let configOf = cascade ? await cascade.forFiles(discovered) : undefined;
  const kept = configOf ? discovered.filter((f) => named.has(f) || !ignoredByNested(f, configOf!.get(f)!, config, baseDir)) : discovered;
  if (kept.length === 0 && discovered.length > 0) throw new UsageError(`every file found is ignored by the "ignores" of a config in its folder (${cascade!.files.map((f) => displayPath(f, io.cwd)).join(', ')})`);
  const files = stdin && !kept.includes(stdin.path) ? [...kept, stdin.path] : kept;
  if (output !== undefined) await checkOutputTarget(output, files, io);
  let context = await contextOption(args, io, inputs.length > 0 ? inputs : [dirname(stdin!.path)], files, configFile !== undefined ? baseDir : undefined, config.ignores);
  if (cascade) {
    const more = await cascade.forFiles([...context, ...(stdin ? [stdin.path] : [])]);
    context = context.filter((f) => !ignoredByNested(f, more.get(resolve(f))!, config, baseDir));
    configOf = new Map([...(configOf ?? []), ...more]);
  }
  const validatePaths = await loadValidatePaths(io);

  const progress =
    io.stderr.isTTY && files.length + context.length > PROGRESS_THRESHOLD ? createProgress(io.stderr, io.now ?? Date.now) : noProgress;
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
    ...(stdin ? { texts: new Map([[stdin.path, stdin.text]]) } : {}),
    ...(context.length > 0 ? { context } : {}),
    ...(cascade && cascade.configs.length > 1 && configOf ? { configOf } : {}),
    onProgress: (done, total) => progress.update(done, total),
    // GOVMARK_DEBUG=1: how the cache served the run (tests and bug reports read it; the report stays the same).
    ...(io.env.GOVMARK_DEBUG
      ? {
          onCache: (c) => io.stderr.write(`govmark: cache: ${c.unread} reused unread, ${c.read} reused after reading, ${c.missed} checked\n`),
          onWorkspaceCache: (reused) => io.stderr.write(`govmark: cache: cross-document messages ${reused ? 'reused' : 'checked'}\n`),
        }
      : {}),
  };
  let results: FileResult[];
  let fixRun: FixRun | undefined;
  try {
    if (fix || dryRun) {
      fixRun = await fixPaths(files, runOptions, validatePaths);
      results = fixRun.results;
    } else {
      results = await validatePaths(files, runOptions);
    }
  } catch (error) {
    // A broken install says so itself (main reports it); it is not a failure of the validation.
    if (error instanceof WorkerStartFailed) throw error;
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
  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  const exit = counts.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;

  if (fixRun && dryRun) {
    const diff = fixRun.fixes.map((f) => unifiedDiff(f, io.cwd)).join('');
    if (output !== undefined) await writeOutput(resolve(io.cwd, output), output, diff);
    else io.stdout.write(diff);
    io.stderr.write(`govmark: ${fixSummary(fixRun, 'would fix')}; ${remaining(counts)} would remain (nothing was written)\n`);
    return tooManyWarnings || counts.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }

  let writeFailed = false;
  if (fixRun) {
    for (const f of fixRun.fixes) {
      const why = writeFixed(f);
      const shown = displayPath(f.path, io.cwd);
      if (why === undefined) io.stderr.write(`govmark: fixed ${plural(f.fixed, 'problem')} in ${visible(shown)}\n`);
      else {
        writeFailed = true;
        io.stderr.write(`govmark: did not write '${visible(shown)}': ${why}\n`);
      }
    }
    if (fixRun.fixes.length === 0 || fixRun.unfixed.length > 0 || fixRun.unfinished) io.stderr.write(`govmark: ${fixSummary(fixRun, 'fixed')}\n`);
  }

  const shown = quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  const colorFlag = typeof args.options.color === 'boolean' ? args.options.color : undefined;
  const color = output !== undefined ? colorFlag === true : useColor(colorFlag, io.env, io.isTTY ?? io.stdout.isTTY ?? false);
  // --quiet with nothing to show prints nothing (not "no problems": warnings were hidden).
  const silent = quiet && format === 'stylish' && counts.errors === 0;
  const report = silent ? '' : (await loadFormatter(format))(shown, { cwd: io.cwd, color });

  if (output !== undefined) {
    await writeOutput(resolve(io.cwd, output), output, report);
  } else if (report !== '') {
    io.stdout.write(report);
  }

  if (tooManyWarnings) {
    io.stderr.write(`govmark: ${plural(counts.warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows\n`);
  }
  return writeFailed ? EXIT_CANNOT_RUN : exit;
}

/** `-` among the inputs: the text on stdin, checked as `--stdin-filename` (default `<stdin>` in the working folder). */
async function stdinInput(args: ParsedArgs, io: CliIO): Promise<{ path: string; text: string } | undefined> {
  const dashes = args.positionals.filter((p) => p === '-').length;
  const name = args.options['stdin-filename'];
  if (dashes === 0) {
    if (typeof name === 'string') throw new UsageError("--stdin-filename names the text read from stdin: add '-' to the files to read it");
    return undefined;
  }
  if (dashes > 1) throw new UsageError("'-' (stdin) can be given once");
  if (typeof name === 'string' && name.trim() === '') throw new UsageError('--stdin-filename needs a file name');
  if (!io.readStdin) throw new UsageError('there is no stdin to read here');
  const path = resolve(io.cwd, typeof name === 'string' ? name : '<stdin>');
  const data = await io.readStdin();
  const text = typeof data === 'string' ? data : decodeText(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return { path, text };
}

/** `--context DIR`, `--no-context`, or by default the repository around the run. */
async function contextOption(args: ParsedArgs, io: CliIO, inputs: readonly string[], files: readonly string[], configDir: string | undefined, ignores: readonly string[]): Promise<string[]> {
  const dir = args.options.context;
  if (args.options['no-context'] === true) {
    if (typeof dir === 'string') throw new UsageError('--context and --no-context contradict each other: choose one');
    return [];
  }
  if (typeof dir === 'string') {
    const abs = resolve(io.cwd, dir);
    let folder = false;
    try {
      folder = (await stat(abs)).isDirectory();
    } catch (error) {
      throw new UsageError(`cannot read --context '${dir}': ${describeFsError(error)}`);
    }
    if (!folder) throw new UsageError(`--context '${dir}' is not a folder`);
  }
  return contextFiles(inputs, files, { cwd: io.cwd, ...(configDir !== undefined ? { configDir } : {}), ignores, ...(typeof dir === 'string' ? { dir } : {}) });
}

function remaining(counts: { errors: number; warnings: number }): string {
  return `${plural(counts.errors, 'error')} and ${plural(counts.warnings, 'warning')}`;
}

/** One line on what the fixes did, and why the rest were not applied. */
function fixSummary(run: FixRun, verb: 'fixed' | 'would fix'): string {
  const problems = run.fixes.reduce((n, f) => n + f.fixed, 0);
  let line = run.fixes.length === 0 ? `nothing to fix` : `${verb} ${plural(problems, 'problem')} in ${plural(run.fixes.length, 'file')}`;
  if (run.unfixed.length > 0) {
    const why = new Map<string, number>();
    for (const u of run.unfixed) why.set(u.why, (why.get(u.why) ?? 0) + 1);
    line += `; ${plural(run.unfixed.length, 'fix', 'fixes')} not applied (${[...why].map(([w, n]) => `${n}: ${w}`).join('; ')})`;
  }
  if (run.unfinished) line += '; fixes were still applying after the last pass: run again';
  return line;
}

/** A file's fixes as a git-style unified diff (`a/path`, `b/path`), which `git apply` and `patch -p1` take. */
function unifiedDiff(f: FileFix, cwd: string): string {
  const shown = displayPath(f.path, cwd);
  const patch = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, f.before, f.after, undefined, undefined, { context: 3 });
  // jsdiff starts with a line of '=' that git does not write.
  return `diff --git a/${shown} b/${shown}\n` + patch.replace(/^=+\n/, '');
}

function workersOption(args: ParsedArgs): number | 'auto' | undefined {
  if (args.options.workers === 'auto') return 'auto';
  return integerOption(args, 'workers', 0);
}
