/**
 * Validates a document's model `{ meta, content }` against its type's schema
 * and turns what Ajv reports into placed, phrased messages with fixes.
 */
import type { ResolvedConfig } from '../config.js';
import { writtenDay } from '../dates/index.js';
import type { MessageInput } from '../message.js';
import type { GovDocument } from '../model.js';
import { escapePointerToken } from '../source-map.js';
import { closest, editDistance } from '../text/similar.js';
import { getValidator } from './safety.js';
import { insertKeyFixes, ISO_DATE_PATTERN, renameKeyFix, replaceValueFixes } from './fixes.js';
import { frontMatterBlockRange, placeProblem, valueRange } from './placement.js';
import { pathLabel, reasonFor, shown, type PhrasingContext } from './phrasing.js';
import { problemPointer, reduceErrors, type SchemaProblem } from './problems.js';
import { getSchemaForType } from './registry.js';
import { indexSchema, isSchemaObject, knownProperties, schemaAtPointer } from './resolve.js';

export function validateAgainstSchema(doc: GovDocument, config: ResolvedConfig): MessageInput[] {
  if (doc.type === undefined) return [];
  const schema = getSchemaForType(doc.type, config);
  if (!schema) return []; // an unknown type is another rule's message
  indexSchema(schema);
  const validate = getValidator(schema);
  if (validate instanceof Error) {
    return [
      {
        reason: `The JSON Schema for type \`${doc.type}\` cannot be used: ${validate.message}`,
        range: doc.sourceMap.get('/meta/type')?.range ?? frontMatterBlockRange(doc),
        data: { keyword: '$schema', schemaPath: '', instancePath: '' },
      },
    ];
  }
  const data = effectiveData(doc);
  validate(data);
  const ctx: PhrasingContext = { type: doc.type, schema };
  // A front matter day written as people write it is understood; the parse hint `date-format` offers the ISO form.
  let problems = reduceErrors(validate.errors).filter((p) => !understoodDay(p));
  const unreadable = frontMatterUnreadable(doc);
  if (unreadable) problems = problems.filter((p) => !(p.instancePath === '/meta' || p.instancePath.startsWith('/meta/')));
  const messages = problems.map((p) => toMessage(doc, p, ctx));
  if (!unreadable) messages.push(...nearMissKeys(doc, data.meta, ctx));
  return messages.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
}

/** `date: 2 November 2021` failing the YYYY-MM-DD pattern: a day govmark reads, so not an error. */
function understoodDay(p: SchemaProblem): boolean {
  return p.keyword === 'pattern' && p.schema === ISO_DATE_PATTERN && p.instancePath.startsWith('/meta/') && writtenDay(p.data) !== undefined;
}

/**
 * Front matter with a YAML syntax error, or never closed, was read only in part
 * (an unclosed quote swallows the next keys): its data would give misleading
 * "missing key" errors on top of the YAML error, so it is checked once fixed.
 */
const UNREADABLE_FRONT_MATTER = new Set(['yaml-syntax', 'unclosed-front-matter']);

function frontMatterUnreadable(doc: GovDocument): boolean {
  return doc.messages.some((m) => UNREADABLE_FRONT_MATTER.has(m.ruleId));
}

/**
 * The data the schema sees. When the type came from `--type`, a config glob
 * or was recognised rather than written as a `type:` key, the schema's `type` requirement is already met:
 * the effective type is put into `meta` so authors are not told to add it.
 */
function effectiveData(doc: GovDocument): GovDocument['data'] {
  let meta = doc.data.meta;
  if (!(doc.typeSource === 'front-matter' || doc.typeSource === 'none' || doc.type === undefined)) meta = { ...meta, type: doc.type };
  // Minutes dated in their heading or a `Date:` line have a meeting date: no "add `date:`" error for what is written.
  const day = bodyMeetingDay(doc);
  if (meta.date === undefined && day !== undefined) meta = { ...meta, date: day };
  // A resolution whose every decision is written as taken ("The decision has been taken to …") is adopted.
  if (doc.type === 'resolution' && meta.status === undefined && decisionsTaken(doc)) meta = { ...meta, status: 'adopted' };
  return meta === doc.data.meta ? doc.data : { ...doc.data, meta };
}

function decisionsTaken(doc: GovDocument): boolean {
  const rs = doc.data.content.resolutions ?? [];
  return rs.length > 0 && rs.every((r) => r.outcome === 'adopted');
}

/** The day of the first meeting the body dates, as YYYY-MM-DD, when it is one whole day. */
function bodyMeetingDay(doc: GovDocument): string | undefined {
  const date = doc.data.content.meetings?.[0]?.date;
  return date && date.precision === 'day' && !date.invalid && date.start ? date.start : undefined;
}

function toMessage(doc: GovDocument, p: SchemaProblem, ctx: PhrasingContext): MessageInput {
  const message: MessageInput = {
    reason: '',
    range: placeProblem(doc, p),
    data: { keyword: p.keyword, schemaPath: p.schemaPath, instancePath: p.instancePath },
  };
  let suggestion: string | undefined;
  switch (p.keyword) {
    case 'enum': {
      const allowed = Array.isArray(p.schema) ? p.schema : [];
      const strings = allowed.filter((v): v is string => typeof v === 'string');
      suggestion = typeof p.data === 'string' ? closest(p.data, strings) : undefined;
      message.expected = allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      message.actual = actual(p.data);
      message.fixes = replaceValueFixes(doc, p.instancePath, allowed, suggestion);
      break;
    }
    case 'const':
      message.expected = [typeof p.schema === 'string' ? p.schema : JSON.stringify(p.schema)];
      message.actual = actual(p.data);
      message.fixes = replaceValueFixes(doc, p.instancePath, [p.schema], p.schema);
      break;
    case 'required': {
      const keys = (p.missingAlternatives ?? [String(p.params.missingProperty)]).map((alt) => alt.split(' and ')[0]);
      message.expected = keys;
      if (p.instancePath === '/meta' || p.instancePath.startsWith('/meta/')) {
        message.fixes = insertKeyFixes(doc, ctx.schema, p.instancePath, keys);
      }
      (message.data as Record<string, unknown>).missingProperty = keys.length === 1 ? keys[0] : keys;
      break;
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.params.additionalProperty ?? p.params.unevaluatedProperty);
      const known = p.parentSchema ? knownProperties(p.parentSchema) : [];
      suggestion = closest(key, known);
      message.expected = known;
      message.actual = key;
      if (suggestion) message.fixes = renameKeyFix(doc, problemPointer(p), suggestion);
      break;
    }
    default:
      if (p.instancePath !== '' && p.keyword !== 'oneOf') message.actual = actual(p.data);
  }
  message.reason = reasonFor(p, ctx, { suggestion, source: sourceText(doc, p.instancePath) });
  if (message.fixes?.length === 0) delete message.fixes;
  return message;
}

/** The text of a one-line value as written, for "found `9.30`". */
function sourceText(doc: GovDocument, pointer: string): string | undefined {
  const range = doc.sourceMap.get(pointer)?.range;
  if (!range || range.start.line !== range.end.line || range.start.offset === range.end.offset) return undefined;
  return doc.text.slice(range.start.offset, range.end.offset);
}

function actual(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined';
}

/**
 * The front matter of the built-in types is open: authors add their own keys
 * (`clerk:`, `webcast:`), so an unknown key is not an error. A key one typo
 * away from a known one (`reveiw:` for `review:`) is almost certainly a
 * mistake that would otherwise go unnoticed, so it gets a warning with a
 * rename fix. Closed objects (`additionalProperties: false`) get their errors
 * from Ajv instead.
 */
function nearMissKeys(doc: GovDocument, meta: Record<string, unknown>, ctx: PhrasingContext): MessageInput[] {
  const metaSchema = schemaAtPointer(ctx.schema, '/meta');
  if (!metaSchema || metaSchema.additionalProperties === false || !isSchemaObject(meta)) return [];
  const known = knownProperties(metaSchema);
  const out: MessageInput[] = [];
  for (const key of Object.keys(meta)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => isTypo(key, k));
    if (!near) continue;
    const pointer = '/meta/' + escapePointerToken(key);
    const range = doc.sourceMap.get(pointer)?.keyRange ?? valueRange(doc, pointer);
    out.push({
      reason: `Unknown key ${shown(pathLabel(pointer))} in the front matter; did you mean \`${near}\`?`,
      range,
      severity: 'warning',
      expected: [near],
      actual: key,
      fixes: renameKeyFix(doc, pointer, near),
      data: { keyword: 'additionalProperties', schemaPath: '', instancePath: '/meta', additionalProperty: key, nearMiss: true },
    });
  }
  return out;
}

/** A typo rather than a different word: 1 edit for short keys, 2 for longer ones. */
function isTypo(key: string, known: string): boolean {
  const d = editDistance(key.toLowerCase(), known.toLowerCase());
  if (d === 0) return key !== known; // `Date:` for `date:`
  return d <= (Math.min(key.length, known.length) <= 5 ? 1 : 2);
}
