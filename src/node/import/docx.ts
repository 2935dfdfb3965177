/**
 * Word papers through mammoth: the document as simple HTML (paragraphs,
 * headings, lists, tables), page breaks mapped to `<hr>`, then back to
 * lines: a paragraph per line with a blank line after it, a table row as
 * its cells joined by tabs (so the core reads it as a table), a page break
 * as a new page. Word does not store where its own pages end, so only the
 * page breaks written in the document make pages.
 */
import mammoth from 'mammoth';
import type { SourcePaper } from '../../core/import/source.js';
import { tidyLine } from '../../core/import/source.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m)));
const textOf = (html: string) => decode(html.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, '')).replace(/[ \r\n]+/g, ' ').replace(/ *\t */g, '\t').trim();

/** mammoth's HTML (a small, regular subset) to pages of lines. */
export function linesFromHtml(html: string): string[][] {
  const pages: string[][] = [[]];
  const push = (line: string) => pages[pages.length - 1].push(tidyLine(line));
  // Blocks at the top level: tables whole, then paragraphs, headings, list items and page breaks.
  const re = /<table>([\s\S]*?)<\/table>|<(p|h[1-6]|li)(?:\s[^>]*)?>([\s\S]*?)<\/\2>|<hr\s*\/?>/g;
  for (const m of html.matchAll(re)) {
    if (m[0].startsWith('<hr') || /^<p>\s*<hr\s*\/?>\s*<\/p>$/.test(m[0]) || (m[3] !== undefined && /^\s*<hr\s*\/?>\s*$/.test(m[3]))) {
      pages.push([]);
      continue;
    }
    if (m[1] !== undefined) {
      for (const row of m[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)) push([...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => textOf(c[1])).join('\t'));
      push('');
      continue;
    }
    const text = textOf(m[3] ?? '');
    if (m[2] === 'li') push(`- ${text}`);
    else {
      push(text);
      push('');
    }
  }
  return pages;
}

export async function readDocx(name: string, bytes: Uint8Array): Promise<SourcePaper> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["br[type='page'] => hr"], ignoreEmptyParagraphs: false });
  return { name, pages: linesFromHtml(value) };
}
