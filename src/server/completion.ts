/**
 * Completion. In the front matter: keys the schema of the document's type
 * knows and the mapping does not have yet (with their documentation), enum
 * values, `type` values, and for `terms:`/`supersedes:` the ids of the
 * documents in the workspace (with their titles). In the body, on a line
 * starting a heading: the skeleton of a section the document lacks.
 *
 * Read from the text, not the model: a half-typed key is not valid YAML yet.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CancellationToken,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver/node';
import type { ResolvedConfig } from '../core/config.js';
import { SECTION_KINDS, sectionKind } from '../core/read/phrases/sections.js';
import { baseType, knownTypes } from '../core/parse/parse.js';
import { skeleton } from '../core/rules/required-sections.js';
import { knownProperties, schemaAtPointer, type SchemaObject } from '../core/schemas/index.js';
import type { LineIndex } from '../core/text/lines.js';
import type { WorkspaceIndex } from '../core/workspace/summary.js';
import { toLspRange } from './edge.js';
import { documentTypeSchema, frontMatterContext, REFERENCE_KEYS, schemaFor, type FrontMatterContext } from './front-matter.js';

export const COMPLETION_TRIGGERS = [':', ' ', '#'];

/** Sections worth offering per base type, in the order a document usually has them. */
const SECTIONS_BY_TYPE: Record<string, string[]> = {
  'terms-of-reference': ['functions', 'membership', 'chair', 'quorum', 'meetings', 'voting', 'review'],
  minutes: ['present', 'in-attendance', 'apologies', 'actions'],
  resolution: ['resolutions'],
  timeline: ['milestones'],
};

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export interface CompletionInput {
  uri: string;
  text: string;
  lines: LineIndex;
  offset: number;
  config: ResolvedConfig;
  index: WorkspaceIndex;
}

export function completion(input: CompletionInput, token?: CancellationToken): CompletionList {
  if (token?.isCancellationRequested) return EMPTY;
  const ctx = frontMatterContext(input.text, input.lines, input.offset);
  if (ctx) return { isIncomplete: false, items: ctx.kind === 'key' ? keyItems(ctx, input) : valueItems(ctx, input) };
  return { isIncomplete: false, items: sectionItems(input) };
}

function describe(node: SchemaObject | undefined): string | undefined {
  if (!node) return undefined;
  return typeof node.markdownDescription === 'string' ? node.markdownDescription : typeof node.description === 'string' ? node.description : undefined;
}

function replaceRange(input: CompletionInput, ctx: FrontMatterContext) {
  return toLspRange(input.lines.range(ctx.replaceStart, ctx.replaceEnd));
}

function keyItems(ctx: FrontMatterContext, input: CompletionInput): CompletionItem[] {
  const schema = schemaFor(ctx.type, input.config);
  const range = replaceRange(input, ctx);
  if (!schema) {
    // No (known) type yet: the one key that decides everything else.
    if (ctx.parent !== '/meta' || ctx.siblings.has('type')) return [];
    return [{ label: 'type', kind: CompletionItemKind.Property, detail: 'Document type', documentation: { kind: MarkupKind.Markdown, value: describe(documentTypeSchema()) ?? '' }, textEdit: { range, newText: 'type: ' } }];
  }
  const parent = schemaAtPointer(schema, ctx.parent);
  if (!parent) return [];
  const required = new Set(Array.isArray(parent.required) ? (parent.required as string[]) : []);
  return knownProperties(parent)
    .filter((k) => !ctx.siblings.has(k) && k !== '$schema')
    .map((key, i): CompletionItem => {
      const node = schemaAtPointer(schema, `${ctx.parent}/${key}`);
      const type = node?.type;
      const isObject = type === 'object' && !Array.isArray(node?.anyOf);
      const isArray = type === 'array';
      const newText = isObject ? `${key}:\n${ctx.indent}  ` : isArray ? `${key}:\n${ctx.indent}  - ` : `${key}: `;
      const item: CompletionItem = {
        label: key,
        kind: CompletionItemKind.Property,
        detail: typeof node?.title === 'string' ? node.title : undefined,
        textEdit: { range, newText },
        // Required keys first, then the schema's order.
        sortText: `${required.has(key) ? 0 : 1}${String(i).padStart(3, '0')}`,
      };
      const doc = describe(node);
      if (doc) item.documentation = { kind: MarkupKind.Markdown, value: doc };
      return item;
    });
}

function valueItems(ctx: FrontMatterContext, input: CompletionInput): CompletionItem[] {
  const range = replaceRange(input, ctx);
  const schema = schemaFor(ctx.type, input.config);
  if (ctx.pointer === '/meta/type') {
    return knownTypes(input.config).map((t, i) => ({ label: t, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: t }, sortText: String(i).padStart(3, '0'), detail: 'Document type' }));
  }
  if (ctx.key !== undefined && ctx.parent === '/meta' && REFERENCE_KEYS.includes(ctx.key)) return idItems(ctx, input, range);
  if (!schema || !ctx.pointer) return [];
  const node = schemaAtPointer(schema, ctx.pointer);
  if (!node) return [];
  const values: unknown[] = Array.isArray(node.enum) ? node.enum : node.const !== undefined ? [node.const] : node.type === 'boolean' ? [true, false] : [];
  const docs = Array.isArray(node.markdownEnumDescriptions) ? node.markdownEnumDescriptions : [];
  return values.map((v, i): CompletionItem => {
    const item: CompletionItem = { label: String(v), kind: CompletionItemKind.EnumMember, textEdit: { range, newText: String(v) }, sortText: String(i).padStart(3, '0') };
    if (typeof docs[i] === 'string') item.documentation = { kind: MarkupKind.Markdown, value: docs[i] as string };
    return item;
  });
}

/** Ids of the other documents: terms of reference first for `terms:`, documents of the same type first for `supersedes:`. */
function idItems(ctx: FrontMatterContext, input: CompletionInput, range: ReturnType<typeof replaceRange>): CompletionItem[] {
  const preferred = ctx.key === 'terms' ? 'terms-of-reference' : baseType(ctx.type, input.config);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const s of input.index.all()) {
    if (s.id === undefined || s.uri === input.uri || seen.has(s.id)) continue;
    seen.add(s.id);
    const type = baseType(s.type, input.config);
    const item: CompletionItem = {
      label: s.id,
      kind: CompletionItemKind.Reference,
      detail: s.title,
      textEdit: { range, newText: s.id },
      sortText: `${type === preferred ? 0 : 1}${s.id}`,
    };
    const about = [s.type, s.body, s.date ?? s.adopted].filter(Boolean).join(' · ');
    if (about) item.documentation = about;
    items.push(item);
  }
  return items;
}

/** Skeletons of sections the document lacks, offered on an empty line or one starting a heading. */
function sectionItems(input: CompletionInput): CompletionItem[] {
  const here = input.lines.point(input.offset);
  const lineStart = input.lines.lineStarts[here.line - 1];
  const before = input.text.slice(lineStart, input.offset);
  if (!/^#{0,2}[ \t]*[\w ]*$/.test(before)) return [];
  const type = typeFromText(input.text);
  const base = baseType(type, input.config);
  const custom = input.config.customTypes.find((t) => t.name === type);
  const wanted = [...new Set([...(custom?.requiredSections ?? []), ...(SECTIONS_BY_TYPE[base ?? ''] ?? [])])];
  if (wanted.length === 0) return [];
  const present = new Set<string>();
  for (const m of input.text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const kind = sectionKind(m[1]);
    if (kind) present.add(kind);
  }
  const lineEnd = input.lines.lineEnd(here.line);
  const range = toLspRange(input.lines.range(lineStart, lineEnd));
  return wanted
    .filter((k) => !present.has(k))
    .map((kind, i): CompletionItem => {
      const heading = SECTION_KINDS.find((s) => s.kind === kind)?.heading ?? kind;
      const text = skeleton(kind);
      return {
        label: `## ${heading}`,
        kind: CompletionItemKind.Snippet,
        detail: `${heading} section`,
        documentation: { kind: MarkupKind.Markdown, value: '```markdown\n' + text + '```' },
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range, newText: text.replace(/\n$/, '') },
        filterText: `## ${heading}`,
        sortText: String(i).padStart(3, '0'),
      };
    });
}

function typeFromText(text: string): string | undefined {
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n---', 3);
  const fm = text.slice(0, end < 0 ? Math.min(text.length, 65536) : end);
  return /^type\s*:\s*(['"]?)([^'"#\s]+)\1/m.exec(fm)?.[2];
}
