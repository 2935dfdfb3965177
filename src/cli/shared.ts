/** Steps more than one command takes: reading the config, checking `--type`. */
import { BUILTIN_TYPES } from '../core/model.js';
import type { ResolvedConfig } from '../core/config.js';
import { didYouMean, loadConfig, type LoadedConfig } from '../node/config-file.js';
import type { OptionSpec, ParsedArgs } from './args.js';
import { UsageError, type CliIO } from './io.js';

/** `--config FILE`, read by `loadRunConfig`. */
export const CONFIG_OPTION: OptionSpec = {
  type: 'string',
  short: 'c',
  valueName: 'file',
  description: 'Use this config file (rules, custom types), not the nearest govmark.config.json',
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
