/**
 * What every exporter reads: the documents with the paths they are known by,
 * and the helpers they share to keep the source of each exported item (file
 * and line) and to name things the same way in every format.
 */
import type { FuzzyDate, GovDocument } from '../model.js';
import { locate } from '../source-map.js';
import { documentTitle } from '../timeline/entries.js';
import { actionRegister, type RegisterEntry } from '../workspace/register.js';
import { createIndex, summarize } from '../workspace/summary.js';

/** One document to export, with the path its sources are written as (relative, `/`-separated: `minutes/2020-10-16.md`). */
export interface ExportDocument {
  doc: GovDocument;
  path: string;
}

/** What an exporter is given: the documents, and the day the action register is judged on. */
export interface ExportInput {
  documents: readonly ExportDocument[];
  /** ISO day (YYYY-MM-DD): the action register's today, and the iCalendar DTSTAMP. */
  today: string;
}

/** The 1-based line where the value at `pointer` (or its nearest ancestor with a range) is written; 1 when nothing is. */
export function lineOf(d: ExportDocument, pointer: string): number {
  return locate(d.doc, pointer)?.entry.range.start.line ?? 1;
}

/** `path#L12`, the path percent-encoded as a relative URL: where an exported item was read from. */
export function sourceRef(d: ExportDocument, pointer: string): string {
  return `${encodeURI(d.path).replace(/[?#]/g, encodeURIComponent)}#L${lineOf(d, pointer)}`;
}

/** A string written in the document, trimmed; undefined for anything else or blank. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The body a document belongs to (`body:`), when it names one. */
export function bodyOf(doc: GovDocument): string | undefined {
  return text(doc.data.meta.body);
}

/** The document's name for people: its title, its first heading, its id, or its file name. */
export function nameOf(doc: GovDocument): string {
  return documentTitle(doc);
}

/** The document's `id:`, else its path without the extension: a stable handle for ids derived from it. */
export function handleOf(d: ExportDocument): string {
  return text(d.doc.data.meta.id) ?? d.path.replace(/\.(md|markdown)$/i, '');
}

/** Lower-case words joined by hyphens (`Trafford Health and Wellbeing Board` → `trafford-health-and-wellbeing-board`); `x` for none. */
export function slug(value: string): string {
  const s = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'x' : s.slice(0, 80).replace(/-+$/, '');
}

/** A date known to the day, as ISO (YYYY-MM-DD); undefined for uncertain, impossible or missing dates. */
export function exactDay(date: FuzzyDate | undefined): string | undefined {
  return date && !date.invalid && date.precision === 'day' && date.start !== undefined ? date.start : undefined;
}

/** A date with a known span (a day, a month, a quarter, "March/April 2021"): its first and last days, ISO. */
export function spanOf(date: FuzzyDate | undefined): { start: string; end: string } | undefined {
  if (!date || date.invalid || date.start === undefined) return undefined;
  return { start: date.start, end: date.end ?? date.start };
}

/** The day a set of minutes (or a resolution) records, ISO, when known to the day: front matter `date:`, else its one meeting. */
export function documentDay(doc: GovDocument): string | undefined {
  const { content } = doc.data;
  return exactDay(content.date) ?? (content.meetings?.length === 1 ? exactDay(content.meetings[0].date) : undefined);
}

/**
 * The action register's entry of each action, by document URI and action
 * index: where the later meetings of its body left it (open, done, dropped).
 */
export function registerEntries(input: ExportInput): Map<string, Map<number, RegisterEntry>> {
  const minutes = input.documents.filter((d) => (d.doc.data.content.actions?.length ?? 0) > 0 || d.doc.type === 'minutes');
  const out = new Map<string, Map<number, RegisterEntry>>();
  if (minutes.length === 0) return out;
  const register = actionRegister(createIndex(input.documents.map((d) => summarize(d.doc))), input.today);
  const byPlace = new Map<string, RegisterEntry>();
  for (const e of register.entries) byPlace.set(`${e.given.uri}\0${e.given.range.start.offset}`, e);
  for (const { doc } of minutes) {
    const entries = new Map<number, RegisterEntry>();
    (doc.data.content.actions ?? []).forEach((_, i) => {
      const range = doc.sourceMap.get(`/content/actions/${i}`)?.range;
      const entry = range ? byPlace.get(`${doc.uri}\0${range.start.offset}`) : undefined;
      if (entry) entries.set(i, entry);
    });
    out.set(doc.uri, entries);
  }
  return out;
}
