/**
 * What the importer reads: the text of a paper as pages of lines, whatever
 * it was (plain text, Word, PDF). The node-side readers (src/node/import/)
 * turn a file into this; the core never touches a file.
 *
 * Columns are kept as the reader found them: a tab between cells, or runs of
 * spaces that line cells up under each other (plain text, and PDF lines
 * rebuilt from text positions).
 */
export interface SourcePaper {
  /** The file name as the user named it, for the report. */
  name: string;
  /** Pages in order; each page its lines, without line ends. */
  pages: string[][];
}

/** One line of the source and where it is: page and line on that page, both from 1. */
export interface SourceLine {
  text: string;
  page: number;
  line: number;
  /** The first line of its page (where a paragraph may be broken by the page break). */
  pageStart: boolean;
}

/** Where something came from, for the report and the diagnostics. */
export interface SourcePlace {
  page: number;
  line: number;
}

/** Plain text: pages split at form feeds (what `pdftotext` and printers write), lines at any line end. */
export function paperFromText(name: string, text: string): SourcePaper {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const pages = clean.split('\f').map((p) => p.split('\n').map(tidyLine));
  // A final form feed or newline makes no empty page.
  while (pages.length > 1 && pages[pages.length - 1].every((l) => l.trim() === '')) pages.pop();
  return { name, pages };
}

/** Trailing blanks go; no-break and other odd spaces become plain spaces; tabs stay (they are columns). */
export function tidyLine(line: string): string {
  return line.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').replace(/[\u200B\uFEFF]/g, '').replace(/[ \t]+$/, '');
}
