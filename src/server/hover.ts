/**
 * Hover: on a front matter key or value, what the schema says of it (its
 * `markdownDescription`, the allowed values of an enum); on a date — in the
 * front matter, a milestone's, an action's due date — how govmark understood
 * it ("Q1 2022 → 1 Jan – 31 Mar 2022, quarter precision"); on `terms:` and
 * `supersedes:` the title of the document referred to.
 */
import { MarkupKind, type CancellationToken, type Hover } from 'vscode-languageserver/node';
import type { ResolvedConfig } from '../core/config.js';
import { describeFuzzyDate, parseFrontMatterDate } from '../core/dates/index.js';
import type { GovDocument } from '../core/model.js';
import { recognisedRange } from '../core/parse/parse.js';
import { knownTypes } from '../core/parse/parse.js';
import { schemaAtPointer, type SchemaObject } from '../core/schemas/index.js';
import type { Range } from '../core/text/range.js';
import type { WorkspaceIndex } from '../core/workspace/summary.js';
import { toLspRange } from './edge.js';
import { documentTypeSchema, frontMatterEntryAt, REFERENCE_KEYS, schemaFor, valueAt } from './front-matter.js';

/** Keys whose values are dates, whatever the schema (custom types included). */
const DATE_KEY = /^(date|review|adopted|effective|expires|next-review|due|deadline|period|start-date|end-date)$/;

export function hover(doc: GovDocument, offset: number, config: ResolvedConfig, index: WorkspaceIndex, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const fm = frontMatterHover(doc, offset, config, index);
  if (fm) return fm;
  return bodyDateHover(doc, offset) ?? kindHover(doc, offset);
}

/** On the first line of a document whose kind was recognised: what it was read as, and all the evidence. */
function kindHover(doc: GovDocument, offset: number): Hover | null {
  if (doc.typeSource !== 'inferred') return null;
  const range = recognisedRange(doc);
  if (offset < range.start.offset || offset > range.end.offset) return null;
  const evidence = (doc.typeInference?.evidence ?? []).filter((e) => e.weight !== 0).slice(0, 8);
  return markdown(
    [
      `**Read as ${code(doc.type)}** — recognised, not declared (no \`type:\` in the front matter).`,
      evidence.map((e) => `- ${e.weight > 0 ? '+' : ''}${e.weight} ${escapeMarkdown(e.reason)}${e.line !== undefined ? ` (line ${e.line})` : ''}`).join('\n'),
      `Add \`type: ${doc.type}\` to the front matter to make it explicit.`,
    ],
    range,
  );
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => '\\' + c);
}

function markdown(parts: (string | undefined)[], range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n') }, range: toLspRange(range) };
}

function code(v: unknown): string {
  return '`' + String(v).replace(/`/g, 'ˋ') + '`';
}

function frontMatterHover(doc: GovDocument, offset: number, config: ResolvedConfig, index: WorkspaceIndex): Hover | null {
  const at = frontMatterEntryAt(doc, offset);
  if (!at) return null;
  const { pointer, entry, onKey } = at;
  const tokens = pointer.split('/');
  const key = tokens[2];
  const last = tokens[tokens.length - 1];
  const isItem = /^\d+$/.test(last);
  const valueName = isItem ? tokens[tokens.length - 2] : last;
  const schema = schemaFor(doc.type, config);
  let node: SchemaObject | undefined = schema ? schemaAtPointer(schema, pointer) : undefined;
  if (!node && pointer === '/meta/type') node = documentTypeSchema();
  const value = valueAt(doc, pointer);
  const parts: (string | undefined)[] = [];

  if (node) {
    const title = typeof node.title === 'string' ? node.title : undefined;
    parts.push(title ? `**${title}** (${code(valueName)})` : code(valueName));
    const description = typeof node.markdownDescription === 'string' ? node.markdownDescription : typeof node.description === 'string' ? node.description : undefined;
    parts.push(description);
    const allowed = Array.isArray(node.enum) ? node.enum : undefined;
    if (allowed) {
      const i = !onKey ? allowed.indexOf(value) : -1;
      const descriptions = Array.isArray(node.markdownEnumDescriptions) ? node.markdownEnumDescriptions : [];
      if (i >= 0 && typeof descriptions[i] === 'string') parts.push(`${code(value)}: ${descriptions[i] as string}`);
      parts.push(`Allowed values: ${allowed.map(code).join(', ')}`);
    }
  }
  if (pointer === '/meta/type') parts.push(`Document types: ${knownTypes(config).map(code).join(', ')}`);

  if (!onKey && (typeof value === 'string' || typeof value === 'number' || value instanceof Date) && (DATE_KEY.test(valueName) || DATE_KEY.test(key) || /\bdate\b|period/i.test(String(node?.title ?? '')))) {
    const date = parseFrontMatterDate(value);
    if (date) parts.push(describeFuzzyDate(date));
  }

  if (!onKey && REFERENCE_KEYS.includes(key) && typeof value === 'string') {
    const targets = index.byId(value).filter((s) => s.uri !== doc.uri);
    if (targets.length === 0) parts.push(`No document in the workspace has the id ${code(value)}.`);
    for (const t of targets) {
      const file = decodeURIComponent(t.uri.slice(t.uri.lastIndexOf('/') + 1));
      parts.push(`→ **${t.title ?? value}**${t.type ? ` (${t.type})` : ''}${t.body ? `, ${t.body}` : ''} — ${file}`);
    }
  }
  if (parts.length === 0) return null;
  return markdown(parts, onKey && entry.keyRange ? entry.keyRange : entry.range);
}

function inside(r: Range, offset: number): boolean {
  return r.start.offset <= offset && offset <= r.end.offset;
}

function bodyDateHover(doc: GovDocument, offset: number): Hover | null {
  const { milestones = [], actions = [] } = doc.data.content;
  for (let i = 0; i < milestones.length; i++) {
    const range = doc.sourceMap.get(`/content/milestones/${i}/date`)?.range;
    if (range && inside(range, offset)) return markdown([describeFuzzyDate(milestones[i].date)], range);
  }
  for (let j = 0; j < actions.length; j++) {
    const due = actions[j].due;
    const range = doc.sourceMap.get(`/content/actions/${j}`)?.range;
    if (!due || !range || !inside(range, offset)) continue;
    // The due date is the last occurrence of its text in the action's item.
    const at = doc.text.slice(range.start.offset, range.end.offset).lastIndexOf(due.text);
    if (at < 0) continue;
    const dueRange = doc.lines.range(range.start.offset + at, range.start.offset + at + due.text.length);
    if (inside(dueRange, offset)) return markdown([`Due ${describeFuzzyDate(due)}`], dueRange);
  }
  return null;
}
