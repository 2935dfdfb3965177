/**
 * Ajv's errors, reduced to the problems an author should see. With
 * `allErrors`, a failed `anyOf` reports every branch's errors and then itself;
 * we keep the branch the value was evidently meant to match (its type fits;
 * fewest errors), or one merged "must be A or B" when no branch's type fits.
 */
import type { ErrorObject } from 'ajv';
import { escapePointerToken } from '../source-map.js';
import { isSchemaObject, reachable, type SchemaObject } from './resolve.js';

export interface SchemaProblem {
  keyword: string;
  /** RFC 6901 pointer into the model (`/meta/status`). */
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  /** Ajv's own wording, the fallback reason. */
  message: string;
  /** The value at `instancePath`. */
  data: unknown;
  /** The failing keyword's value (the enum list, the pattern...). */
  schema: unknown;
  /** The schema object that holds the failing keyword. */
  parentSchema?: SchemaObject;
  /** For a merged `required`: each set of properties that would satisfy it (title | body). */
  missingAlternatives?: string[];
}

function fromAjv(e: ErrorObject): SchemaProblem {
  return {
    keyword: e.keyword,
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    params: e.params as Record<string, unknown>,
    message: e.message ?? 'is not valid',
    data: e.data,
    schema: e.schema,
    parentSchema: isSchemaObject(e.parentSchema) ? e.parentSchema : undefined,
  };
}

function depthBelow(path: string, parent: string): number {
  return path === parent ? 0 : path.slice(parent.length + 1).split('/').length;
}

function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + '/');
}

/** The model pointer a problem is about: for `required`, the missing property. */
export function problemPointer(p: SchemaProblem): string {
  if (p.keyword === 'required') return p.instancePath + '/' + escapePointerToken(String(p.params.missingProperty));
  if (p.keyword === 'additionalProperties' || p.keyword === 'unevaluatedProperties') {
    const key = p.params.additionalProperty ?? p.params.unevaluatedProperty;
    return p.instancePath + '/' + escapePointerToken(String(key));
  }
  return p.instancePath;
}

export function reduceErrors(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  let out: SchemaProblem[] = [];
  for (const e of errors ?? []) {
    // `if` reports "must match then schema" on top of the `then` errors themselves.
    if (e.keyword === 'if') continue;
    if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && Array.isArray(e.schema)) {
      const branches = (e.schema as unknown[]).map((b) => (isSchemaObject(b) ? reachable(b) : new Map<object, Set<number>>()));
      const groups: SchemaProblem[][] = branches.map(() => []);
      const rest: SchemaProblem[] = [];
      // Ajv reports branch 0's errors, then branch 1's...: when a shared definition
      // makes an error fit several branches, the earliest one not before the last taken wins.
      let current = 0;
      for (const p of out) {
        const depth = within(p.instancePath, e.instancePath) ? depthBelow(p.instancePath, e.instancePath) : -1;
        const fits = depth < 0 || !p.parentSchema ? [] : branches.flatMap((b, i) => (b.get(p.parentSchema!)?.has(depth) ? [i] : []));
        if (fits.length === 0) {
          rest.push(p);
          continue;
        }
        const i = fits.find((x) => x >= current) ?? fits[0];
        current = i;
        groups[i].push(p);
      }
      // A oneOf that failed because several forms match: the branches' own errors are beside the point.
      const ambiguous = (e.params as { passingSchemas?: unknown }).passingSchemas;
      out = [...rest, ...(ambiguous ? [fromAjv(e)] : chooseBranch(groups, fromAjv(e)))];
      continue;
    }
    out.push(fromAjv(e));
  }
  return dedupe(out);
}

const TYPE_ORDER = ['integer', 'number', 'string', 'boolean', 'array', 'object', 'null'];

function chooseBranch(groups: SchemaProblem[][], combinator: SchemaProblem): SchemaProblem[] {
  const P = combinator.instancePath;
  const failed = groups.filter((g) => g.length > 0);
  if (failed.length === 0) return [combinator];
  const typeMismatch = (g: SchemaProblem[]) => g.some((p) => p.keyword === 'type' && p.instancePath === P);
  const fitting = failed.filter((g) => !typeMismatch(g));
  if (fitting.length === 0) {
    // No form's type fits: one "must be A or B" at the value.
    const types = new Set<string>();
    for (const g of failed) {
      for (const p of g) {
        if (p.keyword === 'type' && p.instancePath === P) {
          const t = p.params.type;
          for (const x of Array.isArray(t) ? t : String(t).split(',')) types.add(String(x));
        }
      }
    }
    const type = [...types].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
    return [{ ...combinator, keyword: 'type', params: { type }, schema: type, message: `must be ${type.join(' or ')}` }];
  }
  // Every fitting form only misses a key (title | body): one problem naming the choices.
  const onlyRequired = fitting.every((g) => g.every((p) => p.keyword === 'required' && p.instancePath === P));
  if (onlyRequired && fitting.length > 1) {
    const missing = fitting.map((g) => g.map((p) => String(p.params.missingProperty)).join(' and '));
    const first = fitting[0][0];
    return [{ ...first, schemaPath: combinator.schemaPath, missingAlternatives: missing }];
  }
  // The form the value was evidently meant to match: fewest problems, first on a tie.
  let best = fitting[0];
  for (const g of fitting) if (g.length < best.length) best = g;
  return best;
}

/** Drops repeats (the same check reached twice) and follow-on errors after a type mismatch. */
function dedupe(problems: SchemaProblem[]): SchemaProblem[] {
  const typeAt = new Set(problems.filter((p) => p.keyword === 'type').map((p) => p.instancePath));
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const p of problems) {
    if (p.keyword !== 'type' && typeAt.has(p.instancePath) && !['required', 'additionalProperties', 'unevaluatedProperties'].includes(p.keyword)) continue;
    const key = `${p.instancePath}\u0000${p.keyword}\u0000${JSON.stringify(p.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
