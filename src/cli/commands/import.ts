/**
 * `govmark import FILE… [--out DIR] [--format text|json] [--force]`: turns
 * plain-text, Word and PDF papers into govmark documents, one Markdown file
 * per document found (an agenda pack gives its agenda, terms of reference,
 * membership, minutes, action plans and schedules), and prints the import
 * report: what was recognised and every place to review, as diagnostics on
 * the output files with the source page and line. A thin adapter: the file
 * is read by src/node/import/read.ts, imported by the core's `importText`.
 * Nothing is overwritten without `--force`, and then only after every
 * input was read.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importText, type ImportResult } from '../../core/import/index.js';
import { IMPORT_EXTENSIONS, isImportable, readPaper } from '../../node/import/read.js';
import { describeFsError } from '../../node/fs-errors.js';
import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { displayPath } from '../formatters/results.js';
import { EXIT_OK, UsageError, type CliIO } from '../io.js';
import { assertRegularFile, writeOutput } from '../shared.js';

const FORMATS = ['text', 'json'] as const;

const options: OptionSpecs = {
  out: { type: 'string', short: 'o', valueName: 'dir', description: 'Write the documents into this folder (made if needed; default: this folder)' },
  format: { type: 'string', short: 'f', choices: FORMATS, valueName: 'name', description: 'The report on stdout: text (default) or json' },
  force: { type: 'boolean', description: 'Overwrite documents that exist' },
};

export const importCommand: Command = {
  usage: 'govmark import [options] FILE...',
  help: [
    `Reads papers (${IMPORT_EXTENSIONS.join(', ')}) and writes one Markdown document per governance`,
    'document found: an agenda pack becomes its agenda, terms of reference, membership, minutes,',
    'action plans and meeting schedules, each named <body>-<kind>-<date>.md, with front matter',
    '(type, id, body, date; minutes get terms: naming the terms of reference of the same pack).',
    'Page headers, footers and page numbers are removed and listed; paragraphs are rejoined',
    'across page breaks; RESOLVED lists keep their numbering; aligned columns become tables.',
    'The report says what was recognised in each document and lists every place to review as',
    'a warning on the output file with the source page and line (also marked in the file as a',
    '<!-- govmark import: check … --> comment). Text that fits no structure is kept as it is.',
    'An existing file is never overwritten without --force. See docs/import.md.',
    '',
    'Exit codes: 0 written (places to review are warnings), 2 govmark could not run (bad',
    'arguments, a file that cannot be read or imported, an output file that exists).',
  ].join('\n'),
  options,
  run,
};

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const files = args.positionals;
  if (files.length === 0) throw new UsageError(`say which papers to import: govmark import FILE... (${IMPORT_EXTENSIONS.join(', ')})`);
  const format = typeof args.options.format === 'string' ? args.options.format : 'text';
  const outDir = resolve(io.cwd, typeof args.options.out === 'string' ? args.options.out : '.');

  // Read and import everything first: a bad input stops the run before anything is written.
  const results: Array<{ file: string; result: ImportResult }> = [];
  for (const file of files) {
    const path = resolve(io.cwd, file);
    if (!isImportable(path)) throw new UsageError(`cannot import '${file}': govmark imports ${IMPORT_EXTENSIONS.join(', ')} files`);
    await assertRegularFile(path, io);
    let paper;
    try {
      paper = await readPaper(path);
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ? describeFsError(error) : error instanceof Error ? error.message : String(error);
      throw new UsageError(`cannot read '${file}': ${why}`);
    }
    results.push({ file, result: importText(paper) });
  }
  const targets = new Map<string, string>();
  for (const { result } of results) {
    for (const d of result.documents) {
      const target = resolve(outDir, d.fileName);
      const shown = displayPath(target, io.cwd);
      if (targets.has(target)) throw new UsageError(`two papers give '${shown}': import them into different --out folders`);
      if (existsSync(target) && args.options.force !== true) throw new UsageError(`'${shown}' exists: choose another --out, or add --force to overwrite it`);
      targets.set(target, shown);
    }
  }
  for (const { result } of results) for (const d of result.documents) await writeOutput(resolve(outDir, d.fileName), targets.get(resolve(outDir, d.fileName))!, d.markdown);

  io.stdout.write(format === 'json' ? jsonReport(results, outDir, io) : textReport(results, outDir, io));
  return EXIT_OK;
}

const COUNTED = ['items', 'resolutions', 'attendees', 'apologies', 'actions', 'milestones', 'functions', 'seats'] as const;

function textReport(results: Array<{ file: string; result: ImportResult }>, outDir: string, io: CliIO): string {
  const lines: string[] = [];
  let unsure = 0;
  for (const { file, result } of results) {
    const removed = result.furniture.map((f) => `'${f.text}' on ${f.pages} page${f.pages === 1 ? '' : 's'}`);
    lines.push(`${file}: ${result.documents.length} document${result.documents.length === 1 ? '' : 's'}${removed.length ? ` (removed ${removed.join(', ')})` : ''}`);
    for (const d of result.documents) {
      const shown = displayPath(resolve(outDir, d.fileName), io.cwd);
      const counts = COUNTED.filter((k) => d.report.counts[k] > 0).map((k) => `${d.report.counts[k]} ${k}`);
      lines.push(`  ${shown}  ${d.type ?? 'no type'} (${d.kind}): ${counts.join(', ') || 'text only'}`);
      for (const u of d.report.uncertain) {
        unsure++;
        lines.push(`    ${shown}:${u.outputLine ?? 1}:1  warning  ${u.message}  ${u.code}`);
      }
    }
  }
  lines.push('', unsure === 0 ? 'Nothing to review.' : `${unsure} place${unsure === 1 ? '' : 's'} to review (marked <!-- govmark import: check … --> in the files).`, '');
  return lines.join('\n');
}

function jsonReport(results: Array<{ file: string; result: ImportResult }>, outDir: string, io: CliIO): string {
  return (
    JSON.stringify(
      results.map(({ file, result }) => ({
        source: file,
        furniture: result.furniture,
        documents: result.documents.map((d) => ({
          file: displayPath(resolve(outDir, d.fileName), io.cwd),
          id: d.id,
          type: d.type ?? null,
          kind: d.kind,
          meta: d.meta,
          counts: d.report.counts,
          from: d.report.from,
          to: d.report.to,
          uncertain: d.report.uncertain,
          found: d.found,
        })),
      })),
      null,
      2,
    ) + '\n'
  );
}
