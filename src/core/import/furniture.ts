/**
 * Page furniture: running headers and footers, and page numbers. A line is
 * furniture when it sits in the first or last few lines of a page and either
 * is a page number ("12", "Page 3 of 20", "- 4 -") or repeats, digits aside,
 * at the top or bottom of at least half the pages (and at least three, so a
 * two-page letter keeps its title). What is removed is listed, never dropped
 * in silence.
 */
import type { SourcePaper } from './source.js';

/** How many non-blank lines at each end of a page may be furniture. */
const ZONE = 3;

const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/** A running header or footer (or the page numbers) removed from the pages. */
export interface Furniture {
  /** The line as first written ("Page 1" stands for every page number). */
  text: string;
  /** On how many pages it was removed. */
  pages: number;
}

export interface WithoutFurniture {
  /** The same pages, furniture lines replaced by blank lines (so line numbers stay true). */
  pages: string[][];
  removed: Furniture[];
}

const key = (line: string): string => line.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/** The indexes of the first and last ZONE non-blank lines of a page. */
function zone(page: readonly string[]): number[] {
  const filled = page.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  return [...new Set([...filled.slice(0, ZONE), ...filled.slice(-ZONE)])];
}

export function removeFurniture(paper: SourcePaper): WithoutFurniture {
  const { pages } = paper;
  const seen = new Map<string, { text: string; pages: Set<number> }>();
  pages.forEach((page, p) => {
    for (const i of zone(page)) {
      const k = key(page[i]);
      const entry = seen.get(k) ?? { text: page[i].trim(), pages: new Set<number>() };
      entry.pages.add(p);
      seen.set(k, entry);
    }
  });
  const needed = Math.max(3, Math.ceil(pages.length / 2));
  const repeated = new Set([...seen].filter(([, e]) => e.pages.size >= needed).map(([k]) => k));
  const removed = new Map<string, Furniture>();
  const out = pages.map((page) => {
    const copy = [...page];
    for (const i of zone(page)) {
      const text = page[i].trim();
      const k = key(text);
      const isNumber = PAGE_NUMBER.test(text);
      if (!isNumber && !repeated.has(k)) continue;
      copy[i] = '';
      const id = isNumber ? 'page-number' : k;
      const entry = removed.get(id) ?? { text: isNumber ? 'page numbers' : text, pages: 0 };
      entry.pages++;
      removed.set(id, entry);
    }
    return copy;
  });
  return { pages: out, removed: [...removed.values()] };
}
