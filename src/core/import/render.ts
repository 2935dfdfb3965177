/**
 * Blocks to Markdown: the recognisers in registry order, then the plain
 * form of whatever none took. The first heading is the document's title
 * (`#`); numbered headings and capitals headings are sections (`##`, a
 * sub-item such as 4.2 or 7(a) `###`). Places to review are marked with an
 * HTML comment just before what they are about, which no reader reads.
 */
import type { Block } from './blocks.js';
import { datesIn } from './dates.js';
import { inline, reviewComment } from './markdown.js';
import { emptyFound, type FoundItems, type RenderContext } from './recogniser.js';
import { RECOGNISERS } from './registry.js';
import { emptyCounts, type ImportCounts, type ImportKind, type ImportUncertainty } from './report.js';
import { markdownTable } from './tables.js';

export interface Rendered {
  lines: string[];
  counts: ImportCounts;
  uncertain: ImportUncertainty[];
  found: FoundItems;
}

export function renderBlocks(blocks: readonly Block[], kind: ImportKind): Rendered {
  const out: string[] = [];
  const uncertain: ImportUncertainty[] = [];
  let titled = false;
  const ctx: RenderContext = {
    kind,
    section: undefined,
    item: undefined,
    counts: emptyCounts(),
    out,
    found: emptyFound(),
    unsure(code, message, at, text = at.text.trim()) {
      const full = `${message} (source page ${at.page}, line ${at.line})`;
      uncertain.push({ code, message: full, source: { page: at.page, line: at.line }, text });
      out.push(reviewComment(full));
    },
    plain(block) {
      writePlain(block);
    },
  };

  function writeList(items: Array<Block & { type: 'item' }>): void {
    const base = Math.min(...items.map((b) => b.indent));
    let topStyle = items[0].marker.style;
    for (const b of items) {
      const nested = b.marker.style !== topStyle && (b.indent > base || b.marker.style !== 'digits');
      const pad = nested ? '   ' : '';
      const n = b.marker.number;
      const lead = b.marker.style === 'digits' && n !== undefined && /^\d+$/.test(n) ? `${n}.` : b.marker.style === 'bullet' ? '-' : `- (${n})`;
      out.push(`${pad}${lead} ${inline(b.text)}`);
      if (!nested) topStyle = b.marker.style;
      ctx.counts.paragraphs++;
    }
    out.push('');
  }

  function writePlain(b: Block): void {
    switch (b.type) {
      case 'heading': {
        const number = b.number !== undefined ? `${b.number}. ` : '';
        const depth = !titled && b.number === undefined ? 1 : b.number !== undefined && /[.(]/.test(b.number) ? 3 : 2;
        titled = true;
        out.push(`${'#'.repeat(depth)} ${number}${inline(b.text)}${b.aside ? ` (${b.aside})` : ''}`, '');
        return;
      }
      case 'paragraph':
        out.push(inline(b.text), '');
        ctx.counts.paragraphs++;
        return;
      case 'item':
        writeList([b]);
        return;
      case 'table': {
        const { header, rows, ragged } = b.table;
        for (const r of ragged) ctx.unsure('import/table-row', 'a row whose cells do not line up with the columns above it', b.lines[r], b.lines[r].text.trim());
        out.push(...markdownTable(header, rows), '');
        ctx.counts.tables++;
        return;
      }
    }
  }

  for (let i = 0; i < blocks.length; ) {
    const b = blocks[i];
    if (b.type === 'heading') {
      ctx.section = b.text;
      if (b.number !== undefined) {
        ctx.item = b.number;
        // The agenda's items are counted with their pages and presenters by their recogniser.
        if (kind === 'minutes') {
          ctx.counts.items++;
          ctx.found.items.push({ number: b.number, title: b.text, page: b.at.page, line: b.at.line });
        }
      }
      // A date alone ("16 OCTOBER 2020") is the meeting's date line under the title, not a section.
      if (titled && datesIn(b.text).length === 1 && datesIn(b.text)[0].text.length >= b.text.trim().length - 1) {
        out.push(inline(b.text), '');
        i++;
        continue;
      }
    }
    const start = out.length;
    let taken = 0;
    for (const r of RECOGNISERS) {
      if (r.kinds && !r.kinds.includes(kind)) continue;
      taken = r.take(blocks, i, ctx);
      if (taken > 0) break;
    }
    if (taken === 0) {
      if (b.type === 'item') {
        let j = i;
        while (j < blocks.length && blocks[j].type === 'item') j++;
        writeList(blocks.slice(i, j) as Array<Block & { type: 'item' }>);
        taken = j - i;
      } else {
        writePlain(b);
        taken = 1;
      }
    }
    // Paragraphs rejoined across a page break where the next page did not plainly go on.
    const joins: string[] = [];
    for (const c of blocks.slice(i, i + taken)) {
      if ((c.type === 'paragraph' || c.type === 'item') && c.joinedAt) {
        const at = c.joinedAt;
        const message = `text joined across the page break before page ${at.page}: check that "${at.text.trim().slice(0, 40)}" goes on from the page before (source page ${at.page}, line ${at.line})`;
        uncertain.push({ code: 'import/joined-page-break', message, source: { page: at.page, line: at.line }, text: at.text.trim() });
        joins.push(reviewComment(message));
      }
    }
    if (joins.length > 0) out.splice(start, 0, ...joins);
    i += taken;
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return { lines: out, counts: ctx.counts, uncertain, found: ctx.found };
}
