/**
 * The configuration the server runs with: the config file (`govmark.config.json`, …) of the first
 * workspace folder (the same file the CLI reads), then the client's `govmark.*`
 * settings on top. Settings are read-only data: schema paths are read as JSON
 * and nothing named in them is ever executed (the extension declares limited
 * support for untrusted workspaces on that basis).
 *
 * Order, later wins:
 * 1. defaults of every rule;
 * 2. the config file (`rules`, `types`, `ignores`, `parseTimeoutMs`);
 * 3. settings `govmark.rules` (rule → severity), `govmark.customTypes` (like
 *    the config file's `types`), `govmark.schemas` (type → schema path).
 */
import { resolveConfig, type CustomTypeConfig, type ResolvedConfig } from '../core/config.js';
import type { SeveritySetting } from '../core/message.js';
import { BUILTIN_TYPES } from '../core/model.js';
import { ruleById } from '../core/rules/registry.js';
import type { LoadedConfig, ServerHost } from './host.js';

/** The client's `govmark` settings section. */
export interface ClientSettings {
  rules?: Record<string, unknown>;
  customTypes?: Record<string, { schema?: unknown; extends?: unknown; requiredSections?: unknown }>;
  schemas?: Record<string, unknown>;
  validate?: { debounceMs?: unknown; scope?: unknown };
}

export interface ServerSettings {
  config: ResolvedConfig;
  /** Milliseconds to wait after the last edit before checking a document. */
  debounceMs: number;
  /** Whose problems are published: every governance document of the workspace (default), or open ones only. */
  validateScope: 'openFiles' | 'workspace';
  /** What was wrong in the configuration or settings, one line each, for the user. */
  problems: string[];
  /** The config file read (the workspace folder's nearest), and the folder nested configs are found below. */
  configFile?: string;
  configDir?: string;
  /** False in an untrusted workspace: nested configs' schema files are not read either. */
  trusted?: boolean;
}

export const DEFAULT_DEBOUNCE_MS = 150;
const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function resolveSettings(
  host: ServerHost,
  folder: string | undefined,
  raw: unknown,
  overrides: { today?: string; trusted?: boolean } = {},
): Promise<ServerSettings> {
  const problems: string[] = [];
  let loaded: LoadedConfig | undefined;
  if (folder !== undefined) {
    try {
      loaded = await host.loadConfig(folder, overrides.trusted === false ? { trusted: false } : {});
      if (loaded.untrustedTypes) {
        const names = loaded.untrustedTypes.map((n) => `'${n}'`).join(', ');
        problems.push(`this workspace is not trusted, so the JSON Schemas of its custom types (${names}) were not read and they are checked as their base types; trust the workspace to check them in full`);
      }
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const base = loaded?.config ?? resolveConfig();
  const baseDir = loaded?.baseDir ?? folder;
  const settings: ClientSettings = isObject(raw) ? raw : {};

  const rules: Record<string, SeveritySetting> = { ...base.rules };
  for (const [id, severity] of Object.entries(isObject(settings.rules) ? settings.rules : {})) {
    if (!ruleById(id)) problems.push(`govmark.rules: unknown rule '${id}'`);
    else if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) problems.push(`govmark.rules.${id} must be one of ${SEVERITIES.join(', ')}`);
    else rules[id] = severity as SeveritySetting;
  }

  const customTypes = new Map<string, CustomTypeConfig>(base.customTypes.map((t) => [t.name, t]));
  const readSchema = async (path: unknown, key: string): Promise<Record<string, unknown> | undefined> => {
    if (typeof path !== 'string' || path === '') {
      problems.push(`${key} must be the path of a JSON Schema file`);
      return undefined;
    }
    const resolved = host.resolvePath(baseDir, path);
    try {
      const schema = await host.readJson(resolved);
      if (isObject(schema)) return schema;
      problems.push(`${key}: '${path}' is not a JSON Schema (expected an object)`);
    } catch (error) {
      problems.push(`${key}: cannot read '${path}' (${error instanceof Error ? error.message : String(error)})`);
    }
    return undefined;
  };

  for (const [name, type] of Object.entries(isObject(settings.customTypes) ? settings.customTypes : {})) {
    const key = `govmark.customTypes.${name}`;
    if (!isObject(type)) {
      problems.push(`${key} must be an object with a 'schema' path`);
      continue;
    }
    const schema = await readSchema(type.schema, `${key}.schema`);
    if (!schema) continue;
    const extendsType = typeof type.extends === 'string' && (BUILTIN_TYPES as readonly string[]).includes(type.extends) ? type.extends : undefined;
    if (type.extends !== undefined && extendsType === undefined) problems.push(`${key}.extends must be one of ${BUILTIN_TYPES.join(', ')}`);
    const required = Array.isArray(type.requiredSections) ? type.requiredSections.filter((s): s is string => typeof s === 'string') : undefined;
    customTypes.set(name, { name, schema, ...(extendsType ? { extends: extendsType } : {}), ...(required ? { requiredSections: required } : {}) });
  }

  for (const [type, path] of Object.entries(isObject(settings.schemas) ? settings.schemas : {})) {
    const schema = await readSchema(path, `govmark.schemas.${type}`);
    if (!schema) continue;
    const existing = customTypes.get(type);
    // A built-in type keeps its reading of the body and its rules: only the schema changes.
    const builtin = (BUILTIN_TYPES as readonly string[]).includes(type);
    customTypes.set(type, existing ? { ...existing, schema } : { name: type, schema, ...(builtin ? { extends: type } : {}) });
  }

  const debounce = settings.validate?.debounceMs;
  const debounceMs = typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10_000) : DEFAULT_DEBOUNCE_MS;

  const config = resolveConfig({
    ...base,
    rules,
    customTypes: [...customTypes.values()],
    ...(overrides.today ? { today: overrides.today } : {}),
  });
  const validateScope = settings.validate?.scope === 'openFiles' ? 'openFiles' : 'workspace';
  if (settings.validate?.scope !== undefined && settings.validate.scope !== 'openFiles' && settings.validate.scope !== 'workspace') {
    problems.push(`govmark.validate.scope must be "workspace" or "openFiles", not ${JSON.stringify(settings.validate.scope)}: using "workspace"`);
  }
  return { config, debounceMs, validateScope, problems, ...(loaded?.file !== undefined ? { configFile: loaded.file } : {}), ...(baseDir !== undefined ? { configDir: baseDir } : {}), ...(overrides.trusted === false ? { trusted: false } : {}) };
}
