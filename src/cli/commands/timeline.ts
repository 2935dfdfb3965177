/**
 * `govmark timeline PATHS... [--out FILE.html|FILE.svg]`: the timeline of the
 * documents (milestones, meetings, actions' due dates, reviews) drawn as the
 * editor's preview draws it, so CI can publish it. HTML to stdout by default;
 * the format follows the output file's extension, or `--format`.
 */
import { extname, resolve } from 'node:path';
import { timelineOf, workspaceTimeline } from '../../core/timeline/index.js';
import { renderTimelineHtml, renderTimelineSvgDocument } from '../../render/index.js';
import { GROUP_BY, type GroupBy } from '../../render/layout.js';
import { integerOption, type OptionSpecs, type ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { readDocuments, todayOption } from '../documents.js';
import { EXIT_OK, UsageError, type CliIO } from '../io.js';
import { writeOutput, CONFIG_OPTION, loadRunConfig, typeOption, TYPE_OPTION } from '../shared.js';

const FORMATS = ['html', 'svg', 'json'] as const;
type Format = (typeof FORMATS)[number];

const options: OptionSpecs = {
  out: { type: 'string', short: 'o', valueName: 'file', description: 'Write to this file (.html, .svg or .json) instead of stdout' },
  format: { type: 'string', short: 'f', choices: FORMATS, valueName: 'name', description: "Output format; default: from --out's extension, else html" },
  today: { type: 'string', valueName: 'YYYY-MM-DD', description: "The day to draw as today and judge overdue by; default: the config's today, else the real one" },
  title: { type: 'string', valueName: 'text', description: 'Title of the drawing; default: the document title, or "Timeline" for several' },
  width: { type: 'string', valueName: 'px', description: 'Width of the drawing in pixels (default 960)' },
  'group-by': { type: 'string', choices: GROUP_BY, valueName: 'lanes', description: 'Swimlanes: one per body, per document or per workstream (heading section); default none' },
  config: CONFIG_OPTION,
  type: TYPE_OPTION,
};

export const timeline: Command = {
  usage: 'govmark timeline [options] [files, folders or globs...]',
  help: [
    'Draws milestones, meeting dates, actions\' due dates and review dates on a',
    'time axis: a point for a known day, a bar for a month, quarter, season,',
    'financial year or range, a lane for dates still to be confirmed, overdue',
    'entries marked; --group-by draws a swimlane per body, document or',
    'workstream. The HTML is a self-contained page (no scripts); the SVG a',
    'standalone file with its styles embedded; the JSON is the model drawn (entries',
    'with their dates, ranges, overdue and outcome-not-recorded marks).',
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
  const { config } = loaded;
  const type = typeOption(args, config);
  const today = todayOption(args, config.today);
  const { docs } = await readDocuments(args, io, loaded, type, { ...(out !== undefined ? { out } : {}), nothing: 'draw' });
  const model = docs.length === 1 ? timelineOf(docs[0], today) : workspaceTimeline(docs, today, 'Timeline');
  if (typeof args.options.title === 'string') model.title = args.options.title;
  const groupBy = typeof args.options['group-by'] === 'string' ? (args.options['group-by'] as GroupBy) : undefined;
  const layout = { ...(width !== undefined ? { width } : {}), ...(groupBy !== undefined ? { groupBy } : {}) };
  const output =
    format === 'json'
      ? `${JSON.stringify(model, null, 2)}\n`
      : format === 'svg'
        ? renderTimelineSvgDocument(model, layout)
        : renderTimelineHtml(model, { mode: 'standalone', ...layout });

  if (out === undefined) {
    io.stdout.write(output);
    return EXIT_OK;
  }
  await writeOutput(resolve(io.cwd, out), out, output);
  return EXIT_OK;
}

function formatOption(args: ParsedArgs, out: string | undefined): Format {
  const explicit = args.options.format;
  if (typeof explicit === 'string') return explicit as Format;
  if (out === undefined) return 'html';
  const ext = extname(out).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'json';
  throw new UsageError(`cannot tell the format from '${out}': name it .html, .svg or .json, or give --format html|svg|json`);
}
