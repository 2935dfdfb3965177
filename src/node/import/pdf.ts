/**
 * PDF papers through pdf.js (`pdfjs-dist`, legacy build for Node): each text
 * item comes with its position, from which the lines are rebuilt (items on
 * one baseline), the columns kept (each item placed at its x position on a
 * grid of the page's character width, so cells line up as in the printed
 * table), and paragraph breaks restored (a gap between baselines wider than
 * the usual line spacing is a blank line). One page of the PDF is one page
 * of the paper, so the report's page numbers are the PDF's.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourcePaper } from '../../core/import/source.js';
import { tidyLine } from '../../core/import/source.js';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** The lines of one page from its text items. */
export function linesFromItems(items: readonly Item[]): string[] {
  const filled = items.filter((i) => i.str.trim() !== '');
  if (filled.length === 0) return [];
  const unit = median(filled.map((i) => i.width / Math.max(1, i.str.length)).filter((w) => w > 0)) || 5;
  const size = median(filled.map((i) => i.height).filter((h) => h > 0)) || 10;
  // Items on one baseline (within a third of the type size) are one line, top of the page first.
  const sorted = [...filled].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - it.y) <= size / 3) row.push(it);
    else rows.push([it]);
  }
  const left = Math.min(...filled.map((i) => i.x));
  // The line spacing is the closest two baselines are (a page of one-line paragraphs has no line at that spacing twice).
  const deltas = rows.slice(1).map((r, k) => rows[k][0].y - r[0].y).filter((d) => d >= size * 0.9);
  const spacing = deltas.length > 0 ? Math.min(...deltas) : size * 1.2;
  const out: string[] = [];
  rows.forEach((row, k) => {
    if (k > 0) {
      const gap = rows[k - 1][0].y - row[0].y;
      for (let n = Math.round(gap / spacing) - 1; n > 0 && n < 6; n--) out.push('');
    }
    let line = '';
    let end = left;
    for (const it of row.sort((a, b) => a.x - b.x)) {
      const col = Math.round((it.x - left) / unit);
      const gapPt = it.x - end;
      if (line !== '') {
        // A wide gap is a column boundary (two spaces at least); a narrow one a word space; none, a glyph run.
        if (gapPt > unit * 1.5) line = line.padEnd(Math.max(col, line.length + 2), ' ');
        else if (gapPt > unit * 0.15 && !line.endsWith(' ') && !it.str.startsWith(' ')) line += ' ';
      } else line = ' '.repeat(Math.max(0, col));
      line += it.str;
      end = it.x + it.width;
    }
    out.push(tidyLine(line));
  });
  return out;
}

let loaded: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

/** pdf.js with its worker in this thread (a Node process, or a bundle that carries both). */
function pdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  loaded ??= (async () => {
    // No types ship for the worker module: only its presence on globalThis matters (pdf.js then needs no worker file).
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

function standardFonts(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return pathToFileURL(join(dirname(pkg), 'standard_fonts') + '/').href;
  } catch {
    return undefined; // bundled without the font files: text extraction does not need them
  }
}

export async function readPdf(name: string, bytes: Uint8Array): Promise<SourcePaper> {
  const lib = await pdfjs();
  const fonts = standardFonts();
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0, ...(fonts ? { standardFontDataUrl: fonts } : {}) }).promise;
  try {
    const pages: string[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height || Math.abs(it.transform[3]) });
      }
      pages.push(linesFromItems(items));
      page.cleanup();
    }
    return { name, pages };
  } finally {
    await doc.destroy();
  }
}
