/**
 * The config file: `govmark.config.json`, `.jsonc`, `.yaml`, `.yml`, or the
 * `govmark` key of `package.json`, found by walking up from the working folder
 * (or named with `--config`), checked against
 * schemas/govmark.config.schema.json (the one schema for every format) and
 * resolved into the `ResolvedConfig` the core takes. Every problem becomes a
 * `ConfigError` whose message is one line naming the file, and where the
 * problem is written (`file:line:column`), so the CLI can print it and exit 2.
 *
 * Reading one file (`readConfigFile`) and finding the one config of a folder
 * (`configFileIn`) are separate steps, so that a host can ask them of any
 * folder.
 */
import { stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { gitWorkTree } from './paths.js';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { convertPathToPattern } from 'tinyglobby';
import { expectArgument, expectOptions } from '../core/arguments.js';
import type { CustomTypeConfig, ResolvedConfig } from '../core/config.js';
import { resolveConfig } from '../core/config.js';
import type { SeveritySetting } from '../core/message.js';
import { BUILTIN_TYPES } from '../core/model.js';
import { locateJson, parseJson, parseJsonc, type JsonResult, type ValuePath } from '../core/text/json.js';
import { didYouMean } from '../core/text/similar.js';
import { ConfigError } from './errors.js';
import { CONFIG_FILE_NAMES, PACKAGE_JSON_KEY } from './config-names.js';
import { DataFileError, MAX_CONFIG_BYTES, MAX_SCHEMA_BYTES, readDataJson, readDataText } from './data-file.js';

export { CONFIG_FILE_NAMES, PACKAGE_JSON_KEY };

/** How a config file is read, from its name: `package.json` is read for its `govmark` key. */
export type ConfigFormat = 'json' | 'jsonc' | 'yaml' | 'package.json';

/** The format of a config file from its name (`--config` may name any file), undefined when govmark reads no such file. */
export function configFormatOf(file: string): ConfigFormat | undefined {
  const name = basename(file).toLowerCase();
  if (name === 'package.json') return 'package.json';
  if (name.endsWith('.jsonc')) return 'jsonc';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  return undefined;
}

/** Path of the config schema, from dist/src/node/ (or src/node/) up to the package root. */
const SCHEMA_URL = new URL('../../../schemas/govmark.config.schema.json', import.meta.url);

// One Ajv instance for the config file, separate from the core's document
// schemas: created at module load, the config schema compiled on first use (a
// run without a config file never pays for it).
// `verbose` puts the offending value and its schema on errors, for one-line reasons.
// `validateSchema: false`: the config schema is ours (test/core/schemas.test.ts checks it against the
// meta-schema), and checking it here would compile the meta-schema at every start (100-200 ms).
// A custom type's schema is still checked, explicitly, in `readTypeSchema`.
//
// What only reading a config file needs (Ajv, the YAML parser, the rule and schema registries, the
// schema safety checks) is loaded when the first one is read: a run without a config file, or one
// answered from the cache, starts without them (about 150 ms and 170 modules).
interface Heavy {
  ajv: Ajv2020;
  allRules: typeof import('../core/rules/registry.js').allRules;
  getSchemaForType: typeof import('../core/schemas/registry.js').getSchemaForType;
  schemaHazard: typeof import('../core/schemas/safety.js').schemaHazard;
  parseYamlData: typeof import('../core/text/yaml-data.js').parseYamlData;
}
let heavy: Promise<Heavy> | undefined;
function loadHeavy(): Promise<Heavy> {
  heavy ??= (async () => {
    const [{ Ajv2020: Ajv }, { allRules }, { getSchemaForType }, { schemaHazard }, { parseYamlData }] = await Promise.all([import('ajv/dist/2020.js'), import('../core/rules/registry.js'), import('../core/schemas/registry.js'), import('../core/schemas/safety.js'), import('../core/text/yaml-data.js')]);
    const ajv = new Ajv({ strict: true, allErrors: false, verbose: true, validateSchema: false });
    ajv.addKeyword('markdownDescription');
    return { ajv, allRules, getSchemaForType, schemaHazard, parseYamlData };
  })();
  return heavy;
}
let configShape: ValidateFunction | undefined;
function validateConfigShape(ajv: Ajv2020): ValidateFunction {
  return (configShape ??= ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as Record<string, unknown>));
}


/** What `loadConfig` read: the resolved configuration and where it came from. */
export interface LoadedConfig {
  config: ResolvedConfig;
  /** Custom types whose schema files were not read (an untrusted workspace): read as their base type. */
  untrustedTypes?: string[];
  /** The config file read, undefined when there is none. */
  file?: string;
  /** The folder `ignores`, `types.*.schema` and `types.*.files` are relative to. */
  baseDir: string;
}

/**
 * The config file of `dir` itself (folders above are not looked at): one of
 * `CONFIG_FILE_NAMES`, or `package.json` when it has a `govmark` key;
 * undefined when there is none. Two in one folder is a `ConfigError` naming
 * both: govmark does not pick one in silence.
 */
export async function configFileIn(dir: string): Promise<string | undefined> {
  const found: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(dir, name);
    if (await isFile(candidate)) found.push(candidate);
  }
  const pkg = join(dir, 'package.json');
  if (await hasConfigKey(pkg)) found.push(pkg);
  if (found.length > 1) {
    const names = found.map((f) => (basename(f) === 'package.json' ? `package.json (its "${PACKAGE_JSON_KEY}" key)` : basename(f)));
    throw new ConfigError(`${dir} holds ${found.length} config files, ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}; govmark reads one per folder, so keep one and remove the others`, found[0]);
  }
  return found[0];
}

/** The nearest config file (see `configFileIn`) in `start` or a folder above it. */
export async function findConfigFile(start: string): Promise<string | undefined> {
  expectArgument(typeof start === 'string', 'findConfigFile', 'start', 'a string (the folder to start from)', start);
  for (let dir = resolve(start); ; ) {
    const file = await configFileIn(dir);
    if (file !== undefined) return file;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether `path` is a `package.json` with a `govmark` key. One that cannot be
 * read (a pipe, larger than the cap) is not a config; one that is not valid
 * JSON is an error, since it may be meant as one (npm refuses it too).
 */
async function hasConfigKey(path: string): Promise<boolean> {
  if (!(await isFile(path))) return false;
  let text: string;
  try {
    text = await readDataText(path, { maxBytes: MAX_CONFIG_BYTES });
  } catch {
    return false;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    throw new ConfigError(`${path}:${line}:${column}: not valid JSON: ${message} (govmark reads package.json for a "${PACKAGE_JSON_KEY}" key)`, path);
  }
  return isObject(parsed.value) && Object.hasOwn(parsed.value, PACKAGE_JSON_KEY);
}

/**
 * The configuration for a run from `cwd`: the file named by `explicit`
 * (relative to `cwd`, any format govmark reads), else the nearest one found
 * walking up, else defaults.
 */
export async function loadConfig(cwd: string, explicit?: string, options: ReadConfigOptions = {}): Promise<LoadedConfig> {
  expectArgument(typeof cwd === 'string', 'loadConfig', 'cwd', 'a string (the folder to start from)', cwd);
  expectArgument(explicit === undefined || typeof explicit === 'string', 'loadConfig', 'explicit', 'a string (a config file path) or left out', explicit);
  expectOptions('loadConfig', options);
  const file = explicit !== undefined ? resolve(cwd, explicit) : await findConfigFile(cwd);
  if (file === undefined) return { config: resolveConfig(), baseDir: resolve(cwd) };
  const untrustedTypes: string[] = [];
  const config = await readConfigFile(file, cwd, { ...options, onUntrustedType: (name) => untrustedTypes.push(name) });
  return { config, file, baseDir: dirname(file), ...(untrustedTypes.length > 0 ? { untrustedTypes } : {}) };
}

/** How a config file is read. */
export interface ReadConfigOptions {
  /**
   * False in an editor's untrusted workspace: the config's rules, ignores and
   * globs are data and still apply, but no schema file it names is read; each
   * custom type is checked as its base type (or not at all) instead.
   */
  trusted?: boolean;
  /** Told the name of each custom type whose schema was not read. */
  onUntrustedType?: (name: string) => void;
}

/**
 * Reads, checks and resolves one config file, in the format its name says
 * (see `configFormatOf`). `cwd` only shortens names in messages.
 */
export async function readConfigFile(file: string, cwd: string = process.cwd(), options: ReadConfigOptions = {}): Promise<ResolvedConfig> {
  expectArgument(typeof file === 'string', 'readConfigFile', 'file', 'a string (the config file path)', file);
  expectArgument(typeof cwd === 'string', 'readConfigFile', 'cwd', 'a string (a folder) or left out', cwd);
  expectOptions('readConfigFile', options);
  return (await readConfigLayer(file, cwd, options)).config;
}

/** One config file as a layer of a cascade: its resolved config, and which keys the file itself sets. */
export interface ConfigLayer {
  file: string;
  config: ResolvedConfig;
  /** The top-level keys written in the file (`rules`, `types`, `files`, `ignores`, `infer`, `parseTimeoutMs`). */
  set: ReadonlySet<string>;
}

/** `readConfigFile`, also saying which keys the file sets (what a nested config overrides). */
export async function readConfigLayer(file: string, cwd: string = process.cwd(), options: ReadConfigOptions = {}): Promise<ConfigLayer> {
  const { ajv, allRules, getSchemaForType, parseYamlData } = await loadHeavy();
  const shown = displayName(file, cwd);
  const format = configFormatOf(file);
  if (format === undefined) {
    throw new ConfigError(`cannot read config '${shown}': govmark reads config files named *.json, *.jsonc, *.yaml, *.yml or package.json`, file);
  }

  let text: string;
  try {
    text = await readDataText(file, { maxBytes: MAX_CONFIG_BYTES });
  } catch (error) {
    throw new ConfigError(`cannot read config '${shown}': ${error instanceof Error ? error.message : String(error)}`, file);
  }
  const { raw, locate } = parseConfigText(text, format, shown, file, parseYamlData);
  // file:line:column, as compilers print it (terminals and editors link it); never the text itself.
  const fail = (message: string, key?: string, path: ValuePath = [], part: 'key' | 'value' = 'value'): never => {
    const { line, column } = locate(path, part);
    throw new ConfigError(`${shown}:${line}:${column}: ${message}`, file, key);
  };

  // Rule ids are checked against the registry first (the registry, not the
  // generated schema, is the source of truth) so that a typo gets a suggestion.
  if (isObject(raw) && isObject(raw.rules)) {
    const ids = allRules.map((r) => r.id);
    for (const id of Object.keys(raw.rules)) {
      if (!ids.includes(id)) fail(`unknown rule '${id}'${didYouMean(id, ids)}`, `rules.${id}`, ['rules', id], 'key');
    }
  }
  const validateShape = validateConfigShape(ajv);
  if (!validateShape(raw)) {
    const { message, key, path, part } = describeSchemaError(validateShape.errors?.[0]);
    return fail(message, key, path, part);
  }
  const data = raw as ConfigFileShape;
  const baseDir = dirname(file);
  const workspace = workspaceOf(baseDir, basename(file));

  const customTypes: CustomTypeConfig[] = [];
  for (const [name, type] of Object.entries(data.types ?? {})) {
    const key = `types.${name}`;
    if ((BUILTIN_TYPES as readonly string[]).includes(name)) {
      fail(`${key}: '${name}' is a built-in type and cannot be redefined; give the custom type its own name and use "extends": "${name}"`, key, ['types', name], 'key');
    }
    const trusted = options.trusted !== false;
    if (!trusted) options.onUntrustedType?.(name);
    customTypes.push({
      name,
      schema: !trusted ? baseSchema(type.extends, getSchemaForType) : await readTypeSchema(resolve(baseDir, type.schema), type.schema, workspace, (m) => fail(`${key}.schema: ${m}`, `${key}.schema`, ['types', name, 'schema'])),
      ...(type.extends !== undefined ? { extends: type.extends } : {}),
      ...(type.requiredSections !== undefined ? { requiredSections: type.requiredSections } : {}),
      ...(type.files !== undefined ? { files: type.files.map((g) => anchorGlob(g, baseDir)) } : {}),
    });
  }

  const known = [...BUILTIN_TYPES, ...customTypes.map((t) => t.name)];
  const fileTypes: { files: string[]; type: string }[] = [];
  for (const [glob, type] of Object.entries(data.files ?? {})) {
    if (!known.includes(type)) fail(`files: '${glob}' names unknown type '${type}'${didYouMean(type, known)}; known types: ${known.join(', ')}`, `files.${glob}`, ['files', glob]);
    fileTypes.push({ files: [anchorGlob(glob, baseDir)], type });
  }

  const config = resolveConfig({
    rules: data.rules ?? {},
    customTypes,
    ignores: data.ignores ?? [],
    fileTypes,
    ...(data.infer !== undefined ? { infer: data.infer } : {}),
    ...(data.parseTimeoutMs !== undefined ? { parseTimeoutMs: data.parseTimeoutMs } : {}),
  });
  return { file, config, set: new Set(Object.keys(data).filter((k) => k !== '$schema')) };
}

/**
 * The config's value from its text, and where a path in it is written; a text
 * that cannot be read is a `ConfigError` at its line and column.
 */
function parseConfigText(text: string, format: ConfigFormat, shown: string, file: string, parseYamlData: Heavy['parseYamlData']): { raw: unknown; locate: (path: ValuePath, part: 'key' | 'value') => { line: number; column: number } } {
  let parsed: JsonResult;
  let locate: (path: ValuePath, part: 'key' | 'value') => { line: number; column: number };
  let what: string;
  if (format === 'yaml') {
    const yaml = parseYamlData(text);
    ({ result: parsed, locate } = yaml);
    what = 'not valid YAML';
  } else {
    parsed = format === 'jsonc' ? parseJsonc(text) : parseJson(text);
    locate = (path, part) => locateJson(text, path, part);
    what = format === 'jsonc' ? 'not valid JSON with comments' : 'not valid JSON';
  }
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    let hint = '';
    // Comments and trailing commas are what people write in a config; JSONC allows both.
    if (format === 'json' && /comment|trailing comma/.test(message)) {
      const renamed = basename(file) === CONFIG_FILE_NAMES[0] ? 'govmark.config.jsonc' : `${basename(file).replace(/\.json$/i, '')}.jsonc`;
      hint = `; rename the file to ${renamed} to allow comments and trailing commas`;
    }
    throw new ConfigError(`${shown}:${line}:${column}: ${what}: ${message}${hint}`, file);
  }
  if (format !== 'package.json') return { raw: parsed.value, locate };
  if (!isObject(parsed.value) || !Object.hasOwn(parsed.value, PACKAGE_JSON_KEY)) {
    throw new ConfigError(`${shown}: has no "${PACKAGE_JSON_KEY}" key, so it holds no govmark config`, file);
  }
  // Paths inside the config are paths under the key.
  return { raw: parsed.value[PACKAGE_JSON_KEY], locate: (path, part) => locate([PACKAGE_JSON_KEY, ...path], part) };
}

interface ConfigFileShape {
  $schema?: string;
  rules?: Record<string, SeveritySetting>;
  types?: Record<string, { schema: string; extends?: string; requiredSections?: string[]; files?: string[] }>;
  ignores?: string[];
  files?: Record<string, string>;
  infer?: boolean;
  parseTimeoutMs?: number;
}

/** What an untrusted custom type is checked against: its base type's own schema, else nothing. */
function baseSchema(base: string | undefined, getSchemaForType: Heavy['getSchemaForType']): Record<string, unknown> {
  return (base !== undefined ? getSchemaForType(base) : undefined) ?? {};
}

/**
 * The folder a config's schema files must be in: the repository the config is
 * in (the nearest folder above it with `.git`), else the config's own folder.
 */
export function workspaceOf(configDir: string, configName: string = CONFIG_FILE_NAMES[0]): { dir: string; name: string } {
  const dir = gitWorkTree(configDir);
  return dir !== undefined ? { dir, name: `the repository of ${configName} (${dir})` } : { dir: resolve(configDir), name: `the folder of ${configName} (${resolve(configDir)})` };
}

/**
 * A custom type's schema file: inside the workspace, a regular JSON file under
 * the size cap, a valid JSON Schema that can be run safely (see `schemaHazard`).
 */
export async function readTypeSchema(path: string, written: string, workspace: { dir: string; name: string }, fail: (message: string) => never): Promise<Record<string, unknown>> {
  const { ajv, schemaHazard } = await loadHeavy();
  let schema: unknown;
  try {
    schema = await readDataJson(path, { maxBytes: MAX_SCHEMA_BYTES, within: workspace.dir, withinName: workspace.name });
  } catch (error) {
    if (error instanceof DataFileError) return fail(`cannot use '${written}': ${error.message}`);
    throw error;
  }
  if (!isObject(schema)) return fail(`'${written}' is not a JSON Schema (expected an object)`);
  // Before the meta-schema check, which recurses: a schema thousands of levels deep would overflow it.
  const hazard = schemaHazard(schema);
  if (hazard !== undefined) return fail(`'${written}' cannot be used: ${hazard}`);
  // Check against the meta-schema without compiling: compiling is the core's job,
  // with its own Ajv instance. Other drafts are left to the core.
  const draft = schema.$schema;
  if (draft === undefined || draft === 'https://json-schema.org/draft/2020-12/schema') {
    if (!ajv.validateSchema(schema)) {
      const first = ajv.errors?.[0];
      const where = first?.instancePath ? ` at ${first.instancePath}` : '';
      return fail(`'${written}' is not a valid JSON Schema${where}: ${first?.message ?? 'invalid'}`);
    }
  }
  return schema;
}

/**
 * A glob written relative to the config file, made absolute so that it means
 * the same whatever folder the run starts from. A leading `!` is kept.
 */
function anchorGlob(glob: string, baseDir: string): string {
  const negated = glob.startsWith('!');
  const body = negated ? glob.slice(1) : glob;
  if (isAbsolute(body)) return glob;
  const base = convertPathToPattern(baseDir).replace(/\/$/, '');
  return (negated ? '!' : '') + base + '/' + body.replace(/^\.\//, '');
}

/** What `readConfigFile` reports for a schema error: one line, the dotted key, and where it is written. */
interface SchemaProblem {
  message: string;
  key?: string;
  path: ValuePath;
  part: 'key' | 'value';
}

/** One line for the first schema error, naming the key as a dotted path. */
function describeSchemaError(error: ErrorObject | undefined): SchemaProblem {
  if (!error) return { message: 'invalid configuration', path: [], part: 'value' };
  const path = pathOf(error.instancePath);
  const key = dottedKey(error.instancePath);
  const at = key === '' ? 'the configuration' : key;
  const p = error.params as Record<string, unknown>;
  const here = (message: string): SchemaProblem => ({ message, key, path, part: 'value' });
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const full = key === '' ? extra : `${key}.${extra}`;
      const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      return { message: `unknown key '${full}'${didYouMean(extra, allowed)}`, key: full, path: [...path, extra], part: 'key' };
    }
    case 'required': {
      const missing = String(p.missingProperty);
      return { message: `${at} needs '${missing}'`, key: key === '' ? missing : `${key}.${missing}`, path, part: 'value' };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const actual = typeof error.data === 'string' ? error.data : JSON.stringify(error.data);
      return here(`${at} must be one of ${allowed.join(', ')}, not '${actual}'${didYouMean(actual, allowed)}`);
    }
    case 'type': {
      const type = String(p.type);
      return here(`${at} must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`);
    }
    case 'propertyNames':
    case 'pattern':
      if (error.keyword === 'propertyNames' || error.propertyName !== undefined) {
        const name = String(p.propertyName ?? error.propertyName);
        return { message: `${at}: '${name}' is not a valid name (lowercase letters, digits and hyphens, starting with a letter)`, key, path: [...path, name], part: 'key' };
      }
      return here(`${at} ${error.message ?? 'is invalid'}`);
    default:
      return here(`${at} ${error.message ?? 'is invalid'}`);
  }
}

/** `/types/board-paper/files/0` → `types.board-paper.files[0]`. */
function dottedKey(instancePath: string): string {
  return pathOf(instancePath)
    .map((t, i) => (typeof t === 'number' ? `[${t}]` : (i === 0 ? '' : '.') + t))
    .join('');
}

/** `/types/board-paper/files/0` → `['types', 'board-paper', 'files', 0]`. */
function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((t) => (/^\d+$/.test(t) ? Number(t) : t));
}


export { describeFsError } from './fs-errors.js';
export { ConfigError };

function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || isAbsolute(rel) ? file : rel;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
