/**
 * The names a config file may have, on their own (no Ajv, no file system):
 * the language server and the extension watch them without loading the
 * config reader.
 */

/**
 * The names of a config file, in the order the docs list them. A folder holds
 * at most one config: two of these (or one and a `package.json` with a
 * `govmark` key) in one folder is a `ConfigError`.
 */
export const CONFIG_FILE_NAMES: readonly string[] = ['govmark.config.json', 'govmark.config.jsonc', 'govmark.config.yaml', 'govmark.config.yml'];

/** The key of `package.json` that holds a config; a `package.json` without it is not a config. */
export const PACKAGE_JSON_KEY = 'govmark';

/** File-watcher globs that cover every file that may be a config (each `package.json`, since any may gain the key). */
export const CONFIG_WATCH_GLOBS: readonly string[] = ['**/govmark.config.{json,jsonc,yaml,yml}', '**/package.json'];

/** Whether a path or URI names a file that may be a config; one inside node_modules never is. */
export function mayBeConfigFile(pathOrUri: string): boolean {
  const path = pathOrUri.replace(/\\/g, '/');
  if (/(^|\/)node_modules\//.test(path)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === 'package.json' || CONFIG_FILE_NAMES.includes(name);
}
