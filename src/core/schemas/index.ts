/** JSON Schemas of the document types and validation against them. */
export { ANNOTATION_KEYWORDS, getValidator } from './ajv.js';
export { bundledSchemas, type BundledSchemaFile } from './bundled.js';
export { builtinSchemaFile, builtinSchemas, getSchemaForType, SCHEMA_BASE } from './registry.js';
export { knownProperties, resolveRef, schemaAtPointer, type SchemaObject } from './resolve.js';
export { bodyStartRange, frontMatterBlockRange, placeProblem } from './placement.js';
export { reduceErrors, type SchemaProblem } from './problems.js';
export { validateAgainstSchema } from './validate.js';
export { schemaRule } from './rule.js';
