/**
 * `govmark inspect FILE...`: the model govmark reads from each file, as JSON:
 * what a developer looks at first when a rule says something surprising.
 * One file gives one object, several an array. Ranges are the core's own
 * (1-based line and column, 0-based offset): this is a dump of the model.
 */
import { pathToFileURL } from 'node:url';
import type { GovDocument } from '../../core/model.js';
import { discoverFiles, isNegation } from '../../node/discover.js';
import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { displayPath } from '../formatters/results.js';
import { EXIT_OK, UsageError, type CliIO } from '../io.js';
import { CONFIG_OPTION, loadRunConfig, nestedConfigsOf, readInputFile, typeOption, TYPE_OPTION } from '../shared.js';

const options: OptionSpecs = {
  type: TYPE_OPTION,
  config: CONFIG_OPTION,
};

export const inspect: Command = {
  usage: 'govmark inspect [options] FILE...',
  help: [
    'Prints { uri, type, typeSource, complete, data: { meta, content }, sourceMap, messages }',
    'for each file: sourceMap maps each JSON pointer into data to the range it was read',
    'from. The messages are those of this document alone (reading and document rules);',
    'run validate for the rules that compare documents.',
  ].join('\n'),
  options,
  run,
};

/** The JSON `inspect` prints for one document. */
export function inspection(doc: GovDocument): Record<string, unknown> {
  return {
    uri: doc.uri,
    type: doc.type ?? null,
    typeSource: doc.typeSource,
    ...(doc.typeInference ? { typeInference: doc.typeInference } : {}),
    complete: doc.complete,
    data: doc.data,
    sourceMap: Object.fromEntries([...doc.sourceMap].map(([pointer, entry]) => [pointer, entry.range])),
    messages: doc.messages,
  };
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  if (!args.positionals.some((p) => !isNegation(p))) throw new UsageError('inspect needs at least one file');
  const loaded = await loadRunConfig(args, io);
  const { config, baseDir } = loaded;
  const type = typeOption(args, config);
  const files = await discoverFiles(args.positionals, { cwd: io.cwd, ignores: config.ignores, ignoreBase: baseDir, requireMatches: true });
  const configOf = await nestedConfigsOf(args, io, loaded, files);

  const out: Record<string, unknown>[] = [];
  if (io.parse) {
    // An injected parser (tests): in this process, one file at a time.
    for (const file of files) {
      const text = await readInputFile(file, io);
      out.push(inspection(await io.parse(text, { uri: pathToFileURL(file).href, ...(type !== undefined ? { type } : {}), config })));
    }
  } else {
    // The real engine: bounded like validation, so a pathological file cannot hang inspect.
    const { readModels } = await import('../../node/models.js');
    const { CannotRead } = await import('../../node/validate.js');
    try {
      for (const r of await readModels(files, { config, ...(configOf ? { configOf } : {}), root: baseDir ?? io.cwd, onUnreadable: (path, why) => io.stderr.write(`govmark: skipped '${displayPath(path, io.cwd)}': ${why}\n`), ...(type !== undefined ? { typeOverride: type } : {}) })) {
        out.push({
          uri: r.uri,
          type: r.model.type ?? null,
          typeSource: r.model.typeSource,
          ...(r.model.typeInference ? { typeInference: r.model.typeInference } : {}),
          complete: r.model.complete,
          data: r.model.data,
          sourceMap: Object.fromEntries(Object.entries(r.model.sourceMap).map(([pointer, entry]) => [pointer, entry.range])),
          messages: r.result.messages,
        });
      }
    } catch (error) {
      if (error instanceof CannotRead) throw new UsageError(error.message.replace(error.path, displayPath(error.path, io.cwd)));
      throw error;
    }
  }
  io.stdout.write(compactPoints(JSON.stringify(out.length === 1 ? out[0] : out, null, 2)) + '\n');
  return EXIT_OK;
}

/** Each `{ line, column, offset }` point on one line: the source map stays readable. */
function compactPoints(json: string): string {
  return json.replace(/\{\s*"line": (\d+),\s*"column": (\d+),\s*"offset": (\d+)\s*\}/g, '{ "line": $1, "column": $2, "offset": $3 }');
}
