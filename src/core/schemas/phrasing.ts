/**
 * Schema problems in words a policy author understands, phrased from the
 * schema's own titles ("Minutes need a meeting date: add `date:` to the front
 * matter") rather than Ajv's ("must have required property 'date'").
 */
import { unescapePointerToken } from '../source-map.js';
import type { SchemaProblem } from './problems.js';
import { schemaAtPointer } from './resolve.js';

/** How a sentence about a whole document of each built-in type starts. */
const DOCUMENT_NEEDS: Record<string, string> = {
  'terms-of-reference': 'Terms of reference need',
  minutes: 'Minutes need',
  resolution: 'A resolution needs',
  timeline: 'A timeline needs',
};

export function documentNeeds(type: string): string {
  return DOCUMENT_NEEDS[type] ?? `A document of type \`${type}\` needs`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of `key: value` lines',
  null: 'empty',
};

export interface PhrasingContext {
  type: string;
  schema: object;
}

function tokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken);
}

/** `adopted.date`, `chair.between[2]`, `content.resolutions[1].text` (list positions counted from 1). */
export function pathLabel(pointer: string): string {
  const t = tokens(pointer);
  if (t[0] === 'meta') t.shift();
  let out = '';
  for (const token of t) {
    if (/^(0|[1-9][0-9]*)$/.test(token)) out += `[${Number(token) + 1}]`;
    else out += (out ? '.' : '') + token;
  }
  return out;
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

/**
 * How a value is shown after "found": short, in backticks. `source` is the
 * text as written, preferred for non-strings (YAML reads `9.30` as 9.3).
 */
export function shown(value: unknown, source?: string): string {
  if (value === null || value === undefined) return 'nothing';
  let text = typeof value === 'string' ? value : (source ?? JSON.stringify(value));
  if (text.length > 40) text = text.slice(0, 37) + '...';
  return code(text);
}

function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) && !/^(one|uni|use)/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

/** The schema's title for the value at `pointer`, lower-cased for use mid-sentence. */
function titleAt(ctx: PhrasingContext, pointer: string): string | undefined {
  const title = schemaAtPointer(ctx.schema, pointer)?.title;
  if (typeof title !== 'string' || title === '') return undefined;
  // Keep acronyms (`ID`) and proper names; lower-case an ordinary capitalised word.
  return /^[A-Z][a-z]/.test(title) ? title[0].toLowerCase() + title.slice(1) : title;
}

function listOf(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

function typeWords(types: unknown): string {
  const list = (Array.isArray(types) ? types : String(types).split(',')).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  if (list.includes('a whole number') && list.includes('a number')) list.splice(list.indexOf('a whole number'), 1);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

export interface ReasonExtras {
  /** A "did you mean" value. */
  suggestion?: string;
  /** The value's text as written, when it is a short scalar. */
  source?: string;
}

/** The sentence for one problem. */
export function reasonFor(problem: SchemaProblem, ctx: PhrasingContext, extras: ReasonExtras = {}): string {
  const { keyword, instancePath: path, params, data } = problem;
  const { suggestion } = extras;
  const found = shown(data, extras.source);
  const inContent = path === '/content' || path.startsWith('/content/');
  const what = code(pathLabel(path) || (inContent ? 'content' : 'front matter'));
  const didYouMean = suggestion !== undefined ? `; did you mean ${code(suggestion)}?` : '';
  switch (keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const alternatives = problem.missingAlternatives ?? [missing];
      const child = (key: string) => `${path}/${key}`;
      const names = alternatives.map((alt) => {
        const first = alt.split(' and ')[0];
        const title = titleAt(ctx, child(first)) ?? first;
        return article(title);
      });
      const keys = alternatives.map((alt) => code(alt.split(' and ')[0] + ':')).join(' or ');
      const needed = names.join(' or ');
      if (path === '/meta') return `${documentNeeds(ctx.type)} ${needed}: add ${keys} to the front matter`;
      if (path.startsWith('/meta/')) return `${what} needs ${needed}: add ${keys} under ${what}`;
      if (path === '/content') {
        const title = titleAt(ctx, child(missing)) ?? missing;
        return `${documentNeeds(ctx.type)} ${title} in the body (${code('content.' + missing)}), and none were found`;
      }
      return `${what} has no ${code(missing)}`;
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty);
      const where = path === '/meta' ? 'in the front matter' : `under ${what}`;
      return `Unknown key ${code(key)} ${where}${didYouMean}`;
    }
    case 'enum': {
      const allowed = Array.isArray(problem.schema) ? problem.schema : [];
      return `${what} must be one of ${listOf(allowed)} (found ${found}${didYouMean})`;
    }
    case 'const':
      return `${what} must be ${shown(problem.schema)} (found ${found})`;
    case 'type': {
      if (data === null || data === undefined) return `${what} has no value: write ${typeWords(params.type)} after the colon`;
      // `start: 9.30` is a number to YAML; the form the author should write says more than "must be text".
      const form = problem.parentSchema?.patternErrorMessage;
      if (String(params.type) === 'string' && typeof form === 'string') return `${what} ${form} (found ${found})`;
      return `${what} must be ${typeWords(params.type)} (found ${found})`;
    }
    case 'pattern':
    case 'format': {
      const custom = problem.parentSchema?.patternErrorMessage ?? problem.parentSchema?.errorMessage;
      if (typeof custom === 'string') return `${what} ${custom} (found ${found})`;
      return keyword === 'format'
        ? `${what} must be a valid ${String(params.format)} (found ${found})`
        : `${what} is not in the expected form (found ${found})`;
    }
    case 'minimum':
      return `${what} must be at least ${String(params.limit)} (found ${found})`;
    case 'exclusiveMinimum':
      return `${what} must be more than ${String(params.limit)} (found ${found})`;
    case 'maximum':
      return `${what} must be at most ${String(params.limit)} (found ${found})`;
    case 'exclusiveMaximum':
      return `${what} must be less than ${String(params.limit)} (found ${found})`;
    case 'minLength':
      return Number(params.limit) === 1 ? `${what} must not be empty` : `${what} must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `${what} must be at most ${String(params.limit)} characters long`;
    case 'minItems': {
      const n = Array.isArray(data) ? data.length : 0;
      if (inContent) {
        const title = titleAt(ctx, path) ?? pathLabel(path);
        return `${documentNeeds(ctx.type)} ${title}: at least ${String(params.limit)}, but ${n} found in the body (${code(pathLabel(path))})`;
      }
      return `${what} needs at least ${String(params.limit)} entries (found ${n})`;
    }
    case 'maxItems':
      return `${what} may have at most ${String(params.limit)} entries (found ${Array.isArray(data) ? data.length : 0})`;
    case 'uniqueItems':
      return `${what} lists the same value twice (entries ${Number(params.j) + 1} and ${Number(params.i) + 1})`;
    case 'oneOf':
      return `${what} matches more than one allowed form; make it match exactly one`;
    case 'anyOf':
      return `${what} does not match any allowed form (found ${found})`;
    default:
      return `${what} ${problem.message}`;
  }
}
