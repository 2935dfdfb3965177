/**
 * A custom JSON Schema is checked before it is compiled: one that nests
 * thousands of levels deep (a stack overflow in the compiler), has hundreds of
 * thousands of parts (gigabytes of generated code), refers to itself without
 * descending into the value (`{"$ref": "#"}`: validation never ends) or has a
 * pattern that may backtrack without end is refused with a message that says
 * which, where, and what to do. Iterative throughout: the check itself cannot
 * overflow the stack.
 */
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import { escapePointerToken } from '../source-map.js';
import { builtinById, compileValidator } from './ajv.js';
import { linearRegExp, UnsafePattern } from './regex.js';
import { indexSchema, isSchemaObject, resolveRef, type SchemaObject } from './resolve.js';

/** Deepest nesting of objects and arrays a custom schema may have (the built-in ones use 9). */
export const MAX_SCHEMA_DEPTH = 64;
/** Most objects, arrays and values a custom schema may have (the largest built-in has about 1,500). */
export const MAX_SCHEMA_PARTS = 50_000;

/** Keywords whose value is data, not schemas: a `pattern` key inside them is not a pattern. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'defaultSnippets']);
/** Keywords whose subschemas apply to the same value: a cycle through only these never ends. */
const SAME_VALUE_SINGLE = ['not', 'if', 'then', 'else'] as const;
const SAME_VALUE_LIST = ['allOf', 'anyOf', 'oneOf'] as const;

const hazards = new WeakMap<object, Error | null>();

/**
 * The validator for `schema`, compiled once; an Error (cached) when it cannot
 * be used: it does not compile, or `schemaHazard` refuses it. The built-in
 * schemas are trusted and not checked again.
 */
export function getValidator(schema: AnySchemaObject): ValidateFunction | Error {
  const id = typeof schema.$id === 'string' ? schema.$id : undefined;
  if (id === undefined || builtinById.get(id) !== schema) {
    let hazard = hazards.get(schema);
    if (hazard === undefined) {
      const why = schemaHazard(schema);
      hazard = why === undefined ? null : new Error(why);
      hazards.set(schema, hazard);
    }
    if (hazard) return hazard;
  }
  return compileValidator(schema);
}

/**
 * Why `schema` cannot be used, in the schema author's words, or undefined when
 * it can. The message starts lower-case (it follows "The JSON Schema … cannot be used: ").
 */
export function schemaHazard(schema: unknown): string | undefined {
  if (!isSchemaObject(schema)) return undefined;
  // Base URIs first, so that `$ref`s can be resolved during the walk (iterative: safe on any depth).
  indexSchema(schema);
  const pointerOf = new Map<object, string>();
  const anchors = new Map<string, SchemaObject[]>();
  const seen = new Set<object>();
  let parts = 0;
  const stack: { value: unknown; pointer: string; depth: number; data: boolean }[] = [{ value: schema, pointer: '', depth: 0, data: false }];
  while (stack.length > 0) {
    const { value, pointer, depth, data } = stack.pop()!;
    if (++parts > MAX_SCHEMA_PARTS) return `it has more than ${MAX_SCHEMA_PARTS.toLocaleString('en-GB')} parts; split it or simplify it`;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_SCHEMA_DEPTH) return `it nests deeper than ${MAX_SCHEMA_DEPTH} levels (at ${shownPointer(pointer)}); flatten it, for example with $defs and $ref`;
    // A schema built in memory may contain the same object twice, or itself.
    if (seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], pointer: `${pointer}/${i}`, depth: depth + 1, data });
      continue;
    }
    const node = value as SchemaObject;
    if (!data) {
      pointerOf.set(node, pointer);
      const problem = patternProblem(node, pointer) ?? remoteRef(node, pointer);
      if (problem !== undefined) return problem;
      for (const k of ['$anchor', '$dynamicAnchor'] as const) {
        if (typeof node[k] === 'string') anchors.set(node[k] as string, [...(anchors.get(node[k] as string) ?? []), node]);
      }
    }
    for (const [key, child] of Object.entries(node)) {
      stack.push({ value: child, pointer: `${pointer}/${escapePointerToken(key)}`, depth: depth + 1, data: data || DATA_KEYWORDS.has(key) });
    }
  }
  return selfReference(schema, pointerOf, anchors);
}

/**
 * A `$ref` to another file or an address: govmark never fetches, and a schema
 * reading `file:///etc/passwd` would read outside the workspace.
 */
function remoteRef(node: SchemaObject, pointer: string): string | undefined {
  for (const k of ['$ref', '$dynamicRef'] as const) {
    const ref = node[k];
    if (typeof ref !== 'string' || ref.startsWith('#')) continue;
    // A ref to the built-in schemas (by their $id) or to a $id inside this schema resolves without fetching.
    if (resolveRef(ref, node) !== undefined) continue;
    return `its "${k}" at ${shownPointer(pointer)} points to another file or address ('${ref.slice(0, 60)}'), and govmark never fetches or reads other files for a schema; put the definitions in "$defs" and refer to them with "#/$defs/…"`;
  }
  return undefined;
}

function patternProblem(node: SchemaObject, pointer: string): string | undefined {
  const patterns: { pattern: string; at: string }[] = [];
  if (typeof node.pattern === 'string') patterns.push({ pattern: node.pattern, at: `${pointer}/pattern` });
  if (isSchemaObject(node.patternProperties)) {
    for (const key of Object.keys(node.patternProperties)) patterns.push({ pattern: key, at: `${pointer}/patternProperties` });
  }
  for (const { pattern, at } of patterns) {
    try {
      linearRegExp(pattern);
    } catch (error) {
      if (error instanceof UnsafePattern) return `${error.message} (at ${shownPointer(at)})`;
      throw error;
    }
  }
  return undefined;
}

/**
 * A cycle of subschemas that all apply to the same value (`$ref`, `allOf`,
 * `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`): checking
 * a value would follow it for ever. A cycle through `properties` or `items`
 * (a tree of nested values) is fine: each step goes one value deeper.
 */
function selfReference(root: SchemaObject, pointerOf: Map<object, string>, anchors: Map<string, SchemaObject[]>): string | undefined {
  const sameValueTargets = (node: SchemaObject) => targetsOf(node, anchors);
  const state = new Map<object, 'open' | 'done'>();
  for (const start of pointerOf.keys()) {
    if (state.has(start)) continue;
    // Depth-first, iteratively: each frame holds the node and the same-value targets still to visit.
    const frames: { node: SchemaObject; next: SchemaObject[] }[] = [{ node: start as SchemaObject, next: sameValueTargets(start as SchemaObject) }];
    state.set(start, 'open');
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const target = frame.next.pop();
      if (target === undefined) {
        state.set(frame.node, 'done');
        frames.pop();
        continue;
      }
      const s = state.get(target);
      if (s === 'open') {
        const at = pointerOf.get(frame.node) ?? '';
        return `it refers to itself without descending into the value (the cycle closes at ${shownPointer(at)}${typeof frame.node.$ref === 'string' ? `, "$ref": "${String(frame.node.$ref).slice(0, 60)}"` : ''}), so checking a document against it would never end`;
      }
      if (s === 'done') continue;
      state.set(target, 'open');
      frames.push({ node: target, next: sameValueTargets(target) });
    }
  }
  return undefined;
}

function targetsOf(node: SchemaObject, anchors: Map<string, SchemaObject[]>): SchemaObject[] {
  const out: SchemaObject[] = [];
  for (const k of SAME_VALUE_SINGLE) if (isSchemaObject(node[k])) out.push(node[k] as SchemaObject);
  for (const k of SAME_VALUE_LIST) {
    const list = node[k];
    if (Array.isArray(list)) for (const v of list) if (isSchemaObject(v)) out.push(v);
  }
  if (isSchemaObject(node.dependentSchemas)) for (const v of Object.values(node.dependentSchemas)) if (isSchemaObject(v)) out.push(v);
  for (const k of ['$ref', '$dynamicRef'] as const) {
    const ref = node[k];
    if (typeof ref !== 'string') continue;
    // `#name` names an `$anchor` or `$dynamicAnchor` (a dynamic one may be any of that name: all are followed).
    if (/^#[^/]/.test(ref)) out.push(...(anchors.get(ref.slice(1)) ?? []));
    else {
      const target = resolveRef(ref, node);
      if (target) out.push(target);
    }
  }
  return out;
}

function shownPointer(pointer: string): string {
  const p = pointer === '' ? '#' : `#${pointer}`;
  return p.length > 80 ? `${p.slice(0, 79)}…` : p;
}
