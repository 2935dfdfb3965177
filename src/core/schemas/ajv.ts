/**
 * The one Ajv instance (JSON Schema 2020-12), created at module load, and the
 * compile cache. Built-in schemas are registered by `$id` and compiled lazily,
 * once; a custom type's schema is compiled once per schema object.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { bundledSchemas } from './bundled.js';
import { schemaRegExp } from './regex.js';

// Both packages are CommonJS with a `default` export; under NodeNext the default
// import is `module.exports`, whose `.default` is the class / plugin.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/**
 * Annotation keywords editors understand (VS Code's JSON language service,
 * yaml-language-server). Ajv's strict mode rejects unknown keywords, so they
 * are declared here, in one place; they never affect validation.
 */
export const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'defaultSnippets',
  'patternErrorMessage',
  'errorMessage',
  'deprecationMessage',
  'doNotSuggest',
] as const;

export const ajv = new Ajv2020({
  strict: true,
  // Union types (`["string", "integer"]` for a year written bare) are deliberate.
  allowUnionTypes: true,
  // Authors want every problem at once, not the first one.
  allErrors: true,
  // `parentSchema` and `schema` on each error: needed to tell anyOf branches apart
  // and to phrase messages from the schema's own titles.
  verbose: true,
  // Custom schemas written by users often list `required` keys without
  // describing them; that is valid JSON Schema and should not be refused.
  strictRequired: false,
  // Patterns run in linear time (RE2's algorithm): a custom schema's `^(a+)+$` cannot hang a run.
  code: { regExp: schemaRegExp },
  // Checking a schema against the 2020-12 meta-schema compiles the meta-schema first (about
  // 100-200 ms at start-up, in every thread). The built-in schemas are checked once, by
  // test/core/schemas.test.ts; a custom schema is still checked, in `compileOnce`.
  validateSchema: false,
});
addFormats(ajv);
for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });

/** `$id` → schema object, for every built-in document schema. */
export const builtinById = new Map<string, AnySchemaObject>();
for (const schema of Object.values(bundledSchemas) as unknown as AnySchemaObject[]) {
  builtinById.set(schema.$id as string, schema);
  ajv.addSchema(schema); // registers by $id; compiled on first use
}

const compiled = new WeakMap<object, ValidateFunction | Error>();

/**
 * The validator for `schema`, compiled on first use and cached per schema
 * object. A schema that cannot be compiled gives the Error (also cached), so
 * a broken custom schema costs one attempt, not one per document. A custom
 * schema goes through `getValidator` (safety.ts), which checks it first.
 */
export function compileValidator(schema: AnySchemaObject): ValidateFunction | Error {
  const cached = compiled.get(schema);
  if (cached) return cached;
  let result: ValidateFunction | Error;
  try {
    result = compileOnce(schema);
  } catch (error) {
    result = error instanceof Error ? error : new Error(String(error));
  }
  compiled.set(schema, result);
  return result;
}

function compileOnce(schema: AnySchemaObject): ValidateFunction {
  const id = typeof schema.$id === 'string' ? schema.$id : undefined;
  if (id !== undefined && builtinById.get(id) === schema) {
    const fn = ajv.getSchema(id);
    if (!fn) throw new Error(`built-in schema ${id} is not registered`);
    return fn;
  }
  // A custom schema: checked against its meta-schema, as `compile` would with `validateSchema` on.
  ajv.validateSchema(schema, true);
  if (id === undefined) return ajv.compile(schema);
  if (builtinById.has(id)) {
    // A custom schema that copied a built-in `$id` must not replace the built-in.
    const { $id: _ignored, ...rest } = schema;
    return ajv.compile(rest);
  }
  // A custom schema object seen before under this $id (e.g. config reloaded):
  // the new object replaces the old one (a no-op when the id is new).
  ajv.removeSchema(id);
  return ajv.compile(schema);
}
