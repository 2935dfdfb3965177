/**
 * `govmark timeline PATHS... [--out FILE.html|FILE.svg]`: the timeline of the
 * documents (milestones, meetings, actions' due dates, reviews) drawn as the
 * editor's preview draws it, so CI can publish it. HTML to stdout by default;
 * the format follows the output file's extension, or `--format`.
 */
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatIsoDate, isValidCalendarDate } from '../../core/dates/index.js';
import type { GovDocument } from '../../core/model.js';
import { timelineOf, workspaceTimeline } from '../../core/timeline/index.js';
import { discoverFiles } from '../../node/discover.js';
import { typesByPath } from '../../node/custom-types.js';
import { screenedType } from '../../node/screen.js';
import { relativePath } from '../../node/validate.js';
import { renderTimelineHtml, renderTimelineSvgDocument } from '../../render/index.js';
import { integerOption, type OptionSpecs, type ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_OK, UsageError, type CliIO, type ParseDocument } from '../io.js';
import { checkOutputTarget, writeOutput, CONFIG_OPTION, loadRunConfig, nestedConfigsOf, readInputFile, typeOption, TYPE_OPTION } from '../shared.js';
import { displayPath } from '../formatters/results.js';
import type { ResolvedConfig } from '../../core/config.js';

const FORMATS = ['html', 'svg'] as const;
type Format = (typeof FORMATS)[number];

const options: OptionSpecs = {
  out: { type: 'string', short: 'o', valueName: 'file', description: 'Write to this file (.html or .svg) instead of stdout' },
  format: { type: 'string', short: 'f', choices: FORMATS, valueName: 'name', description: "Output format; default: from --out's extension, else html" },
  today: { type: 'string', valueName: 'YYYY-MM-DD', description: "The day to draw as today and judge overdue by; default: the config's today, else the real one" },
  title: { type: 'string', valueName: 'text', description: 'Title of the drawing; default: the document title, or "Timeline" for several' },
  width: { type: 'string', valueName: 'px', description: 'Width of the drawing in pixels (default 960)' },
  config: CONFIG_OPTION,
  type: TYPE_OPTION,
};

export const timeline: Command = {
  usage: 'govmark timeline [options] [files, folders or globs...]',
  help: [
    'Draws milestones, meeting dates, actions\' due dates and review dates on a',
    'time axis: a point for a known day, a bar for a month, quarter, season,',
    'financial year or range, a lane for dates still to be confirmed, overdue',
    'entries marked. The HTML is a self-contained page (no scripts); the SVG a',
    'standalone file with its styles embedded.',
    '',
    'Exit codes: 0 written, 2 govmark could not run (bad arguments, unreadable path).',
  ].join('\n'),
  options,
  run,
};

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const out = typeof args.options.out === 'string' ? args.options.out : undefined;
  const format = formatOption(args, out);
  const width = integerOption(args, 'width', 320);
  const loaded = await loadRunConfig(args, io);
  const { config, baseDir } = loaded;
  const type = typeOption(args, config);
  const today = todayOption(args, config.today);
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
  if (files.length === 0 && skipped > 0) throw new UsageError('nothing that was found could be read, so there is nothing to draw');
  if (out !== undefined) await checkOutputTarget(out, files, io);
  const configOf = await nestedConfigsOf(args, io, loaded, files);
  const docs = io.parse ? await readInProcess(files, io.parse, io, { config, baseDir, type }) : await readBounded(files, io, { config, baseDir, type, ...(configOf ? { configOf } : {}) });
  const model = docs.length === 1 ? timelineOf(docs[0], today) : workspaceTimeline(docs, today, 'Timeline');
  if (typeof args.options.title === 'string') model.title = args.options.title;
  const layout = width !== undefined ? { width } : {};
  const output = format === 'svg' ? renderTimelineSvgDocument(model, layout) : renderTimelineHtml(model, { mode: 'standalone', ...layout });

  if (out === undefined) {
    io.stdout.write(output);
    return EXIT_OK;
  }
  await writeOutput(resolve(io.cwd, out), out, output);
  return EXIT_OK;
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
async function readBounded(files: readonly string[], io: CliIO, options: ReadOptions): Promise<GovDocument[]> {
  const { readModels, documentOf } = await import('../../node/models.js');
  const { CannotRead } = await import('../../node/validate.js');
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
    if (files.length > 0 && unreadable === files.length) throw new UsageError(`none of the ${files.length === 1 ? 'file' : `${files.length} files`} could be read, so there is nothing to draw`);
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

function formatOption(args: ParsedArgs, out: string | undefined): Format {
  const explicit = args.options.format;
  if (typeof explicit === 'string') return explicit as Format;
  if (out === undefined) return 'html';
  const ext = extname(out).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new UsageError(`cannot tell the format from '${out}': name it .html or .svg, or give --format html|svg`);
}

function todayOption(args: ParsedArgs, configured: string | undefined): string {
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
