/**
 * `importText`: a paper (plain text, or what a Word or PDF reader made of
 * one) to govmark documents. The pipeline, one concern per file:
 * furniture.ts (running headers, footers, page numbers) → split.ts (an
 * agenda pack into its documents) → blocks.ts (headings, paragraphs rejoined
 * across lines and pages, items, tables) → the recognisers of registry.ts
 * (RESOLVED lists, attendance, agenda items, functions, seats, action rows,
 * schedules) → Markdown with front matter, and a report of what was
 * recognised and every place to review. Pure and deterministic: the same
 * input gives the same files, byte for byte.
 */
import { toBlocks } from './blocks.js';
import { removeFurniture, type Furniture } from './furniture.js';
import { titleCase } from './headings.js';
import { metaOf, slug, type DocumentMeta } from './meta.js';
import type { FoundItems } from './recogniser.js';
import { renderBlocks } from './render.js';
import type { ImportKind, ImportReport } from './report.js';
import { paperFromText, type SourceLine, type SourcePaper } from './source.js';
import { splitDocuments } from './split.js';

export type { SourcePaper, SourceLine, SourcePlace } from './source.js';
export type { ImportCounts, ImportKind, ImportReport, ImportUncertainty } from './report.js';
export type { FoundItems } from './recogniser.js';
export type { Furniture } from './furniture.js';
export type { DocumentMeta } from './meta.js';
export { paperFromText } from './source.js';

/** One governance document found in the paper: its file name, Markdown with front matter, and its report. */
export interface ImportedDocument {
  /** `<body-slug>-<kind>-<date>.md`, unique within the import. */
  fileName: string;
  id: string;
  kind: ImportKind;
  /** The govmark `type` written in its front matter (none for a document of no known kind). */
  type?: string;
  meta: DocumentMeta;
  markdown: string;
  report: ImportReport;
  found: FoundItems;
}

/** What `importText` returns: the documents of the paper, in the order they appear. */
export interface ImportResult {
  source: string;
  documents: ImportedDocument[];
  /** Running headers, footers and page numbers removed, with on how many pages. */
  furniture: Furniture[];
}

const TYPE_OF: Record<ImportKind, string | undefined> = {
  agenda: 'agenda',
  'terms-of-reference': 'terms-of-reference',
  membership: 'terms-of-reference',
  minutes: 'minutes',
  'action-plan': 'timeline',
  schedule: 'timeline',
  document: undefined,
};

const NAME_OF: Record<ImportKind, string> = {
  agenda: 'agenda',
  'terms-of-reference': 'terms',
  membership: 'membership',
  minutes: 'minutes',
  'action-plan': 'action-plan',
  schedule: 'schedule',
  document: 'document',
};

/** Imports a paper: plain text (pages split at form feeds) or pages a reader made. */
export function importText(input: string | SourcePaper, options: { name?: string } = {}): ImportResult {
  const paper = typeof input === 'string' ? paperFromText(options.name ?? 'input.txt', input) : input;
  const { pages, removed } = removeFurniture(paper);
  const lines: SourceLine[] = pages.flatMap((page, p) => page.map((text, l) => ({ text, page: p + 1, line: l + 1, pageStart: l === 0 })));
  const spans = splitDocuments(lines, pages.length);
  const furnitureText = removed.map((f) => f.text);
  const taken = new Set<string>();
  const blocksOf = spans.map((span) => toBlocks(span.lines));
  const metas = blocksOf.map((blocks) => metaOf(blocks, furnitureText));
  // A document that names no body of its own (a report's action plan) is of the pack's body: the one most named.
  const named = metas.map((m) => m.body).filter((b): b is string => b !== undefined && !/\b(?:council|authority)$/i.test(b));
  const packBody = [...new Set(named)].sort((a, b) => named.filter((x) => x === b).length - named.filter((x) => x === a).length)[0];
  const docs: ImportedDocument[] = spans.map((span, k) => {
    const blocks = blocksOf[k];
    const meta = metas[k];
    if (packBody && (meta.body === undefined || /\b(?:council|authority)$/i.test(meta.body))) {
      if (meta.body && !meta.authority) meta.authority = meta.body;
      meta.body = packBody;
    }
    // "HEALTH AND WELLBEING BOARD" over "TERMS OF REFERENCE": the title says both.
    if (span.title && meta.title && meta.body && meta.title.toLowerCase() === meta.body.toLowerCase()) meta.title = `${meta.body} — ${titleCase(span.title.text)}`;
    const rendered = renderBlocks(blocks, span.kind);
    const base = `${slug(meta.body ?? paper.name.replace(/\.[^.]*$/, ''))}-${NAME_OF[span.kind]}${meta.date ? `-${meta.date}` : ''}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    const filled = span.lines.filter((l) => l.text.trim() !== '');
    const first = filled[0] ?? span.lines[0];
    const last = filled[filled.length - 1] ?? first;
    const type = TYPE_OF[span.kind];
    if (span.kind === 'minutes' && !meta.date) {
      rendered.uncertain.unshift({ code: 'import/no-date', message: `no meeting date found in the first lines of these minutes (source page ${first.page}, line ${first.line})`, source: { page: first.page, line: first.line }, text: first.text.trim() });
    }
    return {
      fileName: `${id}.md`,
      id,
      kind: span.kind,
      ...(type ? { type } : {}),
      meta,
      markdown: rendered.lines.join('\n'),
      report: { kind: span.kind, counts: rendered.counts, uncertain: rendered.uncertain, from: { page: first.page, line: first.line }, to: { page: last.page, line: last.line } },
      found: rendered.found,
    };
  });
  // Minutes name the terms of reference of their body found in the same pack.
  const terms = docs.filter((d) => d.kind === 'terms-of-reference');
  for (const d of docs) {
    const markdownBody = d.markdown;
    const term = d.kind === 'minutes' ? (terms.find((t) => t.meta.body !== undefined && t.meta.body === d.meta.body) ?? (terms.length === 1 ? terms[0] : undefined)) : undefined;
    const front = frontMatter(d, paper.name, term?.id);
    d.markdown = `${front.join('\n')}\n\n${markdownBody}\n`;
    // Where each place to review is marked in the output.
    const out = d.markdown.split('\n');
    let cursor = 0;
    for (const u of d.report.uncertain) {
      const at = out.findIndex((l, k) => k >= cursor && l.includes(u.message));
      if (at >= 0) {
        u.outputLine = at + 1;
        cursor = at + 1;
      } else u.outputLine = front.length > 0 ? 1 : undefined;
    }
  }
  return { source: paper.name, documents: docs, furniture: removed };
}

const quote = (s: string) => JSON.stringify(s);

function frontMatter(d: ImportedDocument, source: string, terms: string | undefined): string[] {
  const m = d.meta;
  const pages = d.report.from.page === d.report.to.page ? `page ${d.report.from.page}` : `pages ${d.report.from.page}-${d.report.to.page}`;
  const lines = ['---'];
  if (d.type) lines.push(`type: ${d.type}`);
  lines.push(`id: ${d.id}`);
  const title = m.title;
  if (title && d.type !== 'minutes' && d.type !== 'agenda') lines.push(`title: ${quote(title)}`);
  if (m.body) lines.push(`body: ${quote(m.body)}`);
  if (m.authority) lines.push(`authority: ${quote(m.authority)}`);
  if (m.date) lines.push(`date: ${m.date}`);
  if (terms) lines.push(`terms: ${terms}`);
  lines.push(`source: ${quote(`${source}, ${pages}`)}`);
  lines.push('---');
  return lines;
}
