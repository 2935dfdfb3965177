/**
 * `govmark export --format popolo|akn|ics|csv [--out FILE] [paths…]`: the
 * documents in a format other tools read. A thin adapter: the documents are
 * read under the same bound as `validate`, given to the core's exporter with
 * their paths relative to the working folder, and its text is written to
 * stdout or `--out`.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORT_FORMATS, exporters, type ExportFormat } from '../../core/export/index.js';
import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { readDocuments, todayOption } from '../documents.js';
import { EXIT_OK, UsageError, type CliIO } from '../io.js';
import { writeOutput, CONFIG_OPTION, loadRunConfig, typeOption, TYPE_OPTION } from '../shared.js';

const options: OptionSpecs = {
  format: { type: 'string', short: 'f', choices: EXPORT_FORMATS, valueName: 'name', description: "popolo, akn, ics or csv; default: from --out's extension (.json, .xml, .ics, .csv)" },
  out: { type: 'string', short: 'o', valueName: 'file', description: 'Write to this file instead of stdout' },
  today: { type: 'string', valueName: 'YYYY-MM-DD', description: "The day the action register is judged on (and the calendar's DTSTAMP); default: the config's today, else the real one" },
  config: CONFIG_OPTION,
  type: TYPE_OPTION,
};

export const exportCommand: Command = {
  usage: 'govmark export --format popolo|akn|ics|csv [options] [files, folders or globs...]',
  help: [
    'Writes the governance documents in a format other tools read:',
    ...EXPORT_FORMATS.map((f) => `  ${f.padEnd(8)}${exporters[f].description}`),
    'Every exported item keeps the file and line it was read from (Popolo',
    'sources, govmark:source attributes, X-GOVMARK-SOURCE, file and line columns).',
    '',
    'Exit codes: 0 written, 2 govmark could not run (bad arguments, unreadable path).',
  ].join('\n'),
  options,
  run,
};

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const out = typeof args.options.out === 'string' ? args.options.out : undefined;
  const format = formatOption(args, out);
  const loaded = await loadRunConfig(args, io);
  const type = typeOption(args, loaded.config);
  const today = todayOption(args, loaded.config.today);
  const { docs } = await readDocuments(args, io, loaded, type, { ...(out !== undefined ? { out } : {}), nothing: 'export' });
  const documents = docs.map((doc) => ({ doc, path: sourcePath(doc.uri, io.cwd) }));
  const output = exporters[format].export({ documents, today });
  if (out === undefined) io.stdout.write(output);
  else await writeOutput(resolve(io.cwd, out), out, output);
  return EXIT_OK;
}

/** The path sources are written as: relative to the working folder (`../x.md` outside it), with `/` (a URL path) on every platform. */
function sourcePath(uri: string, cwd: string): string {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const rel = relative(cwd, file);
  return (rel === '' || isAbsolute(rel) ? file : rel).split(sep).join('/');
}

function formatOption(args: ParsedArgs, out: string | undefined): ExportFormat {
  const explicit = args.options.format;
  if (typeof explicit === 'string') return explicit as ExportFormat;
  const ext = out !== undefined ? extname(out).toLowerCase() : undefined;
  const found = EXPORT_FORMATS.find((f) => exporters[f].extension === ext);
  if (found) return found;
  throw new UsageError(out === undefined ? `option '--format' is required: ${EXPORT_FORMATS.join(', ')}` : `cannot tell the format from '${out}': give --format ${EXPORT_FORMATS.join('|')}`);
}
