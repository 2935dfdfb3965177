/**
 * Which schema validates which document type: a custom type from the
 * configuration first (so a project can tighten a built-in type by declaring
 * a custom type of the same name), then the built-in schema for the type.
 */
import type { ResolvedConfig } from '../config.js';
import { bundledSchemas, type BundledSchemaFile } from './bundled.js';

/** The built-in schemas keyed by file name (`minutes.schema.json`, `defs.schema.json`...). */
export const builtinSchemas = bundledSchemas as unknown as Readonly<Record<BundledSchemaFile, Record<string, unknown>>>;

/** Base URI of the built-in schemas; each has `$id` = base + file name. */
export const SCHEMA_BASE = 'https://govmark.dev/schemas/';

/** The built-in schema file for a type, if there is one. */
export function builtinSchemaFile(type: string): BundledSchemaFile | undefined {
  const file = `${type}.schema.json`;
  return file !== 'defs.schema.json' && Object.hasOwn(builtinSchemas, file) ? (file as BundledSchemaFile) : undefined;
}

/** The JSON Schema that validates documents of `type`, or undefined for an unknown type. */
export function getSchemaForType(type: string, config?: ResolvedConfig): Record<string, unknown> | undefined {
  const custom = config?.customTypes.find((t) => t.name === type);
  if (custom) return custom.schema;
  const file = builtinSchemaFile(type);
  return file ? builtinSchemas[file] : undefined;
}
