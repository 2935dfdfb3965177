/**
 * Configuration as the core sees it: already loaded and resolved by a host
 * (the CLI reads the config file, the language server reads it and settings).
 * The core never reads files itself.
 */
import { expectOptions } from './arguments.js';
import type { SeveritySetting } from './message.js';

/** A document type the config file adds (`types`): its schema, the built-in type it reads like, the sections it must have. */
export interface CustomTypeConfig {
  /** The `type:` value that selects it. */
  name: string;
  /** The JSON Schema (already read by the host) that validates the model. */
  schema: Record<string, unknown>;
  /** A built-in type whose extraction (sections, resolutions...) it reuses. */
  extends?: string;
  /** Section kinds that must be present (canonical names, e.g. `membership`). */
  requiredSections?: string[];
  /** Glob patterns of files read as this type even without a `type:` key. */
  files?: string[];
}

/** A complete configuration, every field set (from `resolveConfig` or `loadConfig`): what every check takes. */
export interface ResolvedConfig {
  /** Rule id → severity (or off). Unlisted rules use their default. */
  rules: Record<string, SeveritySetting>;
  customTypes: CustomTypeConfig[];
  /** Glob patterns of files never validated. */
  ignores: string[];
  /** Globs that give files a type (built-in or custom) when their front matter declares none; the first match wins. */
  fileTypes: { files: string[]; type: string }[];
  /** Recognise the kind of files that declare none and no glob names (default true). */
  infer: boolean;
  /** The day "today" is, ISO; only info-level rules use it. */
  today?: string;
  /** Milliseconds one document's parse may take before the cheap pass is used (hosts enforce it). */
  parseTimeoutMs: number;
}

/** The configuration with nothing set: every rule at its default severity, no custom types, kinds recognised. */
export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  customTypes: [],
  ignores: [],
  fileTypes: [],
  infer: true,
  parseTimeoutMs: 3000,
};

/** The complete configuration from the fields given (`{ rules, today, customTypes, ... }`), the rest at their defaults. */
export function resolveConfig(partial: Partial<ResolvedConfig> = {}): ResolvedConfig {
  expectOptions('resolveConfig', partial, 'partial');
  return {
    ...DEFAULT_CONFIG,
    ...partial,
    rules: { ...DEFAULT_CONFIG.rules, ...(partial.rules ?? {}) },
    customTypes: partial.customTypes ?? [],
    ignores: partial.ignores ?? [],
    fileTypes: partial.fileTypes ?? [],
    infer: partial.infer ?? true,
  };
}
