/**
 * Reading schemas without Ajv: resolving `$ref`, finding the subschema for a
 * model pointer (hover, completion, message phrasing), and which subschemas a
 * branch of `anyOf` can reach (to group Ajv's errors by branch).
 *
 * Schema objects are shared by identity with what Ajv compiled, so an Ajv
 * error's `parentSchema` can be looked up here.
 */
import { unescapePointerToken } from '../source-map.js';
import { builtinById } from './ajv.js';
import { safeMatch } from './regex.js';

export type SchemaObject = Record<string, unknown>;

/** Keywords whose value is one subschema / a map of subschemas / a list of subschemas. */
const SINGLE = [
  'additionalProperties',
  'items',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
] as const;
const MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'] as const;
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Document URI (without fragment) → root schema, for `$ref` resolution. */
const roots = new Map<string, SchemaObject>();
/** Every subschema of an indexed document → the base URI it is read against. */
const baseOf = new WeakMap<object, string>();
let anonymous = 0;

function withoutHash(uri: string): string {
  const i = uri.indexOf('#');
  return i < 0 ? uri : uri.slice(0, i);
}

function join(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Records the base URI of every subschema of `root` (once per object). A
 * schema without `$id` gets a private one so its local `#/...` refs resolve.
 */
export function indexSchema(root: SchemaObject): void {
  if (baseOf.has(root)) return;
  const rootBase = typeof root.$id === 'string' ? root.$id : `govmark://custom/${++anonymous}.schema.json`;
  const stack: { node: SchemaObject; base: string }[] = [{ node: root, base: rootBase }];
  while (stack.length > 0) {
    const { node, base: parentBase } = stack.pop()!;
    if (baseOf.has(node) && node !== root) continue;
    let base = parentBase;
    if (typeof node.$id === 'string') {
      base = join(node.$id, parentBase) ?? parentBase;
      const doc = withoutHash(base);
      // A custom schema that copied a built-in $id must not shadow the built-in.
      const builtin = builtinById.get(doc);
      if (!builtin || builtin === node) roots.set(doc, node);
    }
    // A schema without `$id` is the root of its private base URI, so its local `#/...` refs resolve.
    else if (node === root) roots.set(withoutHash(base), node);
    baseOf.set(node, base);
    for (const child of subschemas(node, true)) stack.push({ node: child, base });
  }
}

/** The direct subschemas of `node` (`$defs` only when `withDefs`). */
function subschemas(node: SchemaObject, withDefs: boolean): SchemaObject[] {
  const out: SchemaObject[] = [];
  for (const k of SINGLE) if (isSchemaObject(node[k])) out.push(node[k] as SchemaObject);
  for (const k of MAP) {
    if (!withDefs && (k === '$defs' || k === 'definitions')) continue;
    const map = node[k];
    if (isSchemaObject(map)) for (const v of Object.values(map)) if (isSchemaObject(v)) out.push(v);
  }
  for (const k of LIST) {
    const list = node[k];
    if (Array.isArray(list)) for (const v of list) if (isSchemaObject(v)) out.push(v);
  }
  return out;
}

for (const schema of builtinById.values()) indexSchema(schema);

/** The schema `ref` points to, read from the subschema `from` that contains the `$ref`. */
export function resolveRef(ref: string, from: SchemaObject): SchemaObject | undefined {
  const base = baseOf.get(from);
  const uri = base !== undefined ? join(ref, base) : join(ref, 'govmark://unindexed/');
  if (uri === undefined) return undefined;
  const root = roots.get(withoutHash(uri));
  if (!root) return undefined;
  const hash = uri.includes('#') ? decodeURIComponent(uri.slice(uri.indexOf('#') + 1)) : '';
  if (hash === '') return root;
  if (!hash.startsWith('/')) return undefined; // $anchor refs are not used by govmark's schemas
  let node: unknown = root;
  for (const token of hash.slice(1).split('/').map(unescapePointerToken)) {
    if (!isSchemaObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return isSchemaObject(node) ? node : undefined;
}

const expanded = new WeakMap<object, SchemaObject>();

/**
 * `node` with its `$ref` followed: the target's keywords, overridden by the
 * node's own (so a property's `title` wins over the referenced definition's),
 * with `properties` merged and `required` joined.
 */
export function expand(node: SchemaObject, seen: Set<object> = new Set()): SchemaObject {
  const cached = expanded.get(node);
  if (cached) return cached;
  let result: SchemaObject = { ...node };
  if (typeof node.$ref === 'string') {
    const target = resolveRef(node.$ref, node);
    if (target && !seen.has(target)) {
      seen.add(node);
      const t = expand(target, seen);
      result = { ...t, ...node };
      if (isSchemaObject(t.properties) && isSchemaObject(node.properties)) {
        result.properties = { ...t.properties, ...node.properties };
      }
      if (Array.isArray(t.required) && Array.isArray(node.required)) {
        result.required = [...new Set([...t.required, ...node.required])];
      }
    }
    delete result.$ref;
  }
  expanded.set(node, result);
  return result;
}

/** `node` and the schemas it combines (`allOf`, then `anyOf`/`oneOf` branches, in order), expanded. */
function alternatives(node: SchemaObject): SchemaObject[] {
  const out = [node];
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[k];
    if (Array.isArray(list)) for (const v of list) if (isSchemaObject(v)) out.push(expand(v));
  }
  return out;
}

function childSchema(node: SchemaObject, token: string): SchemaObject | undefined {
  const candidates = alternatives(node);
  for (const c of candidates) {
    const props = c.properties;
    if (isSchemaObject(props) && isSchemaObject(props[token])) return props[token] as SchemaObject;
  }
  for (const c of candidates) {
    const patterns = c.patternProperties;
    if (isSchemaObject(patterns)) {
      for (const [pattern, s] of Object.entries(patterns)) {
        if (isSchemaObject(s) && safeMatch(pattern, token)) return s;
      }
    }
  }
  if (/^(0|[1-9][0-9]*)$/.test(token)) {
    for (const c of candidates) {
      const prefix = c.prefixItems;
      if (Array.isArray(prefix) && isSchemaObject(prefix[Number(token)])) return prefix[Number(token)] as SchemaObject;
      if (isSchemaObject(c.items)) return c.items;
    }
  }
  for (const c of candidates) if (isSchemaObject(c.additionalProperties)) return c.additionalProperties;
  return undefined;
}


/**
 * The subschema that describes the model value at `pointer` (RFC 6901, e.g.
 * `/meta/adopted/date`), expanded, or undefined when the schema says nothing
 * about it. Follows `properties`, `patternProperties`, `items`/`prefixItems`,
 * `additionalProperties`, `$ref` and `allOf`/`anyOf`/`oneOf` (the first
 * branch that has the key). For hover (`markdownDescription`) and completion
 * (`enum`, `defaultSnippets`).
 */
export function schemaAtPointer(schema: object, pointer: string): SchemaObject | undefined {
  if (!isSchemaObject(schema)) return undefined;
  indexSchema(schema);
  let node = expand(schema);
  if (pointer === '') return node;
  if (!pointer.startsWith('/')) return undefined;
  for (const token of pointer.slice(1).split('/').map(unescapePointerToken)) {
    const next = childSchema(node, token);
    if (!next) return undefined;
    node = expand(next);
  }
  return node;
}

/** The property names a schema node knows, across `allOf`/`anyOf`/`oneOf` branches. */
export function knownProperties(node: SchemaObject): string[] {
  const names = new Set<string>();
  for (const c of alternatives(node)) {
    if (isSchemaObject(c.properties)) {
      for (const [k, v] of Object.entries(c.properties)) if (v !== false) names.add(k);
    }
  }
  return [...names];
}

/** Subschema keywords that apply to a child of the value (one level deeper), not the value itself. */
const CHILD_KEYWORDS = new Set(['properties', 'patternProperties', 'additionalProperties', 'items', 'prefixItems', 'contains', 'unevaluatedItems', 'unevaluatedProperties']);
/** How deep below a branch's value we track (recursive schemas would go on for ever). */
const MAX_REACH_DEPTH = 32;

const reachableCache = new WeakMap<object, Map<object, Set<number>>>();

/**
 * Every subschema `branch` can apply, following `$ref` (not unused `$defs`),
 * with how many levels below the branch's value it applies: the same
 * definition can check the value itself in one branch (`identifier`) and its
 * items in another (`identifier[]`), and the depth tells them apart.
 */
export function reachable(branch: SchemaObject): Map<object, Set<number>> {
  const cached = reachableCache.get(branch);
  if (cached) return cached;
  const found = new Map<object, Set<number>>();
  const stack: { node: SchemaObject; depth: number }[] = [{ node: branch, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    let depths = found.get(node);
    if (!depths) found.set(node, (depths = new Set()));
    if (depths.has(depth) || depth > MAX_REACH_DEPTH) continue;
    depths.add(depth);
    if (typeof node.$ref === 'string') {
      const target = resolveRef(node.$ref, node);
      if (target) stack.push({ node: target, depth });
    }
    for (const k of [...SINGLE, ...MAP, ...LIST]) {
      if (k === '$defs' || k === 'definitions') continue;
      const d = CHILD_KEYWORDS.has(k) ? depth + 1 : depth;
      const value = node[k];
      const children = isSchemaObject(value)
        ? SINGLE.includes(k as (typeof SINGLE)[number])
          ? [value]
          : Object.values(value)
        : Array.isArray(value)
          ? value
          : [];
      for (const c of children) if (isSchemaObject(c)) stack.push({ node: c, depth: d });
    }
  }
  reachableCache.set(branch, found);
  return found;
}
