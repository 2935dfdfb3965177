/**
 * The output formats, by the name `--format` takes. Each is loaded when asked for: SARIF lists
 * every rule of the registry, and a run that prints `stylish` from the cache must not load them.
 */
import type { Formatter } from './results.js';

export type { Formatter, FormatContext } from './results.js';

const loaders = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
  junit: async () => (await import('./junit.js')).junit,
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof loaders;

export const FORMAT_NAMES = Object.keys(loaders) as FormatName[];

/** The formatter of `name`. */
export function loadFormatter(name: FormatName): Promise<Formatter> {
  return loaders[name]();
}
