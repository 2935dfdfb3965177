/** JSON Schemas of the document types and validation against them. */
export { ANNOTATION_KEYWORDS } from './ajv.js';
export { getValidator, schemaHazard, MAX_SCHEMA_DEPTH, MAX_SCHEMA_PARTS } from './safety.js';
export { linearRegExp, UnsafePattern } from './regex.js';
export { bundledSchemas, type BundledSchemaFile } from './bundled.js';
export { builtinSchemaFile, builtinSchemas, getSchemaForType, SCHEMA_BASE } from './registry.js';
export { knownProperties, resolveRef, schemaAtPointer, type SchemaObject } from './resolve.js';
export { bodyStartRange, frontMatterBlockRange, placeProblem } from './placement.js';
export { reduceErrors, type SchemaProblem } from './problems.js';
export { validateAgainstSchema } from './validate.js';
export { schemaRule } from './rule.js';
