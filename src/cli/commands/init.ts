/**
 * `govmark init [FOLDER]`: scans a repository, shows what it found (how many
 * files of each kind, examples, the files it was unsure about, with why) and
 * writes a `govmark.config.json` the user can edit: a `files` map that pins
 * each folder of recognised documents to its kind. Nothing else is written;
 * an existing config is never overwritten without `--force`.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describeEvidence, inferKind, type KindInference } from '../../core/kind/infer.js';
import { BUILTIN_TYPES } from '../../core/model.js';
import { ConfigError, configFileIn, describeFsError } from '../../node/config-file.js';
import { discoverFiles } from '../../node/discover.js';
import { declaredType } from '../../node/screen.js';
import { relativePath } from '../../node/validate.js';
import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { displayPath } from '../formatters/results.js';
import { EXIT_OK, UsageError, type CliIO } from '../io.js';
import { readInputFile } from '../shared.js';
import { repositoryUrl } from '../../version.js';

const options: OptionSpecs = {
  'dry-run': { type: 'boolean', description: 'Show what was found and the config that would be written; write nothing' },
  force: { type: 'boolean', description: 'Overwrite an existing govmark.config.json' },
  json: { type: 'boolean', description: 'Print the findings as JSON (implies --dry-run)' },
};

export const init: Command = {
  usage: 'govmark init [options] [FOLDER]',
  help: [
    'Scans FOLDER (default: this folder) for governance documents: files that declare a `type:`,',
    'and files recognised as terms of reference, minutes, decision records or timelines from their',
    'path and text. Prints how many of each kind it found, examples, and the files it was unsure',
    'about with the evidence, then writes FOLDER/govmark.config.json with a `files` map (folder glob',
    '→ kind) you can edit. Files it was unsure about are not in the map: add them yourself.',
  ].join('\n'),
  options,
  run,
};

interface Finding {
  path: string;
  kind?: string;
  how: 'declared' | 'recognised' | 'unsure';
  inference?: KindInference;
}

const KIND_NAMES: Record<string, string> = { 'terms-of-reference': 'terms of reference', minutes: 'minutes', agenda: 'agendas', resolution: 'decision records', timeline: 'timelines' };
/** Examples printed per kind. */
const EXAMPLES = 3;

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError('init takes at most one folder');
  const root = resolve(io.cwd, args.positionals[0] ?? '.');
  const files = await discoverFiles([root], { cwd: io.cwd });
  const findings: Finding[] = [];
  for (const file of files) {
    const text = await readInputFile(file, io);
    const path = relativePath(file, root);
    const declared = declaredType(text);
    if (declared !== undefined) {
      findings.push({ path, kind: declared, how: 'declared' });
      continue;
    }
    const inference = inferKind({ text, path });
    if (inference.type) findings.push({ path, kind: inference.type, how: 'recognised', inference });
    else if (inference.confidence === 'unsure') findings.push({ path, kind: inference.best, how: 'unsure', inference });
  }

  const files_ = filesMap(findings);
  const config = { $schema: repositoryUrl('schemas/govmark.config.schema.json', 'raw'), files: files_ };
  const target = join(root, 'govmark.config.json');

  if (args.options.json === true) {
    io.stdout.write(JSON.stringify({ scanned: files.length, findings: findings.map(publicFinding), config }, null, 2) + '\n');
    return EXIT_OK;
  }

  const out: string[] = [];
  out.push(`Scanned ${files.length} Markdown file${files.length === 1 ? '' : 's'} in ${shown(root, io.cwd)}.`);
  for (const kind of BUILTIN_TYPES) {
    const mine = findings.filter((f) => f.kind === kind && f.how !== 'unsure');
    if (mine.length === 0) continue;
    const declared = mine.filter((f) => f.how === 'declared').length;
    out.push('', `${KIND_NAMES[kind]}: ${mine.length}${declared > 0 ? ` (${declared} declare it)` : ''}`);
    for (const f of mine.slice(0, EXAMPLES)) out.push(`  ${f.path}${f.inference ? `  — ${describeEvidence(f.inference, 2)}` : ''}`);
    if (mine.length > EXAMPLES) out.push(`  … and ${mine.length - EXAMPLES} more`);
  }
  const other = findings.filter((f) => f.how === 'declared' && f.kind !== undefined && !(BUILTIN_TYPES as readonly string[]).includes(f.kind));
  if (other.length > 0) out.push('', `other declared types: ${other.length} (${[...new Set(other.map((f) => f.kind))].join(', ')})`);
  const unsure = findings.filter((f) => f.how === 'unsure');
  if (unsure.length > 0) {
    out.push('', `unsure (left alone; add them to "files" if they are governance documents): ${unsure.length}`);
    for (const f of unsure) out.push(`  ${f.path}  — perhaps ${KIND_NAMES[f.kind!] ?? f.kind}: ${describeEvidence(f.inference!, 2) || 'little evidence'}`);
  }
  const governance = findings.filter((f) => f.how !== 'unsure').length;
  if (governance === 0 && unsure.length === 0) out.push('', 'No governance documents found.');

  const text = JSON.stringify(config, null, 2) + '\n';
  // A config of another name (govmark.config.yaml, package.json's key) here: a second one would be an error.
  const otherConfig = await otherConfigIn(root, target);
  if (args.options['dry-run'] === true) {
    out.push('', `Would write ${shown(target, io.cwd)}:`, text.trimEnd());
  } else if (otherConfig !== undefined) {
    out.push('', `${shown(otherConfig, io.cwd)} is the config of this folder, and govmark reads one per folder: nothing written. Add a "files" map to it (--dry-run prints the one init would write).`);
  } else if (existsSync(target) && args.options.force !== true) {
    out.push('', `${shown(target, io.cwd)} exists: left as it is (--force to overwrite, --dry-run to see what would be written).`);
  } else {
    try {
      await writeFile(target, text);
    } catch (error) {
      throw new UsageError(`cannot write '${shown(target, io.cwd)}': ${describeFsError(error)}`);
    }
    out.push('', `Wrote ${shown(target, io.cwd)} (${Object.keys(files_).length} glob${Object.keys(files_).length === 1 ? '' : 's'}). Run \`govmark validate\` to check the documents.`);
  }
  io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}

/** The folder's config file when it is not `target` (any name govmark reads, or package.json's key). */
async function otherConfigIn(root: string, target: string): Promise<string | undefined> {
  try {
    const found = await configFileIn(root);
    return found !== undefined && found !== target ? found : undefined;
  } catch (error) {
    // Two already: the error names them, and init must not add to them.
    if (error instanceof ConfigError) return error.file;
    throw error;
  }
}

/**
 * Folder globs for the recognised documents: a folder whose recognised files
 * are all of one kind (and none unsure) gets `folder/*.md`; other files are
 * listed one by one. Declared files need no glob.
 */
function filesMap(findings: Finding[]): Record<string, string> {
  const byFolder = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.how === 'declared') continue;
    const folder = dirname(f.path);
    const list = byFolder.get(folder);
    if (list) list.push(f);
    else byFolder.set(folder, [f]);
  }
  const out: Record<string, string> = {};
  for (const [folder, list] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const recognised = list.filter((f) => f.how === 'recognised');
    const kinds = new Set(recognised.map((f) => f.kind));
    if (recognised.length >= 2 && kinds.size === 1 && recognised.length === list.length && folder !== '.') {
      out[`${folder}/*.md`] = recognised[0].kind!;
      continue;
    }
    for (const f of recognised) out[f.path] = f.kind!;
  }
  return out;
}

function publicFinding(f: Finding): Record<string, unknown> {
  return {
    path: f.path,
    kind: f.kind ?? null,
    how: f.how,
    ...(f.inference ? { scores: f.inference.scores, evidence: f.inference.evidence.slice(0, 5) } : {}),
  };
}

/** A path as the user would type it from where they are; the folder they are in is `.`. */
function shown(path: string, cwd: string): string {
  return resolve(path) === resolve(cwd) ? '.' : displayPath(path, cwd);
}
