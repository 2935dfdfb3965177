/**
 * An agenda's items: each numbered heading ("2. MINUTES", "5(a) CDOP
 * REPORT"), with the pages of its papers (a right-hand "1 - 8" on the
 * heading's line, or "(Pages 1 - 8)" in its text) and its presenter ("Report
 * of the Director of Public Health", "Presenter: …"). Pages from the
 * right-hand column are written after the item's text as "(Pages 1 - 8)",
 * the form govmark's agenda reader reads.
 */
import type { Block } from './blocks.js';
import { inline } from './markdown.js';
import type { Recogniser } from './recogniser.js';

const PAGES = /\(?\s*\b(?:pages?|pp\.?)\s+(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*\)?/i;
const PRESENTER = /(?:^|[.;]\s+)(?:(?:joint\s+)?reports?\s+(?:of|from|by)\s+(?:the\s+)?|presented\s+by\s+(?:the\s+)?|presenters?\s*:\s*|introduced\s+by\s+(?:the\s+)?)([^().;]{3,100}?)(?=\s*(?:$|[().;]))/i;

export const agendaItems: Recogniser = {
  id: 'agenda-items',
  kinds: ['agenda'],
  take(blocks, i, ctx) {
    const h = blocks[i];
    if (h.type !== 'heading' || h.number === undefined) return 0;
    ctx.plain({ ...h, aside: undefined });
    let j = i + 1;
    const texts: string[] = [];
    while (j < blocks.length && blocks[j].type === 'paragraph') {
      const p = blocks[j] as Block & { type: 'paragraph' };
      texts.push(p.text);
      j++;
    }
    let pages = h.aside;
    const all = texts.join(' ');
    const written = PAGES.exec(all);
    if (written) pages = written[1];
    texts.forEach((t, k) => {
      const last = k === texts.length - 1;
      ctx.out.push(inline(t) + (last && h.aside && !written ? ` (Pages ${h.aside})` : ''), '');
    });
    if (texts.length === 0 && h.aside) ctx.out.push(`(Pages ${h.aside})`, '');
    const presenter = PRESENTER.exec(all)?.[1]?.trim();
    ctx.counts.items++;
    ctx.found.items.push({ number: h.number, title: h.text, ...(pages ? { pages: pages.replace(/\s*[-–]\s*/, ' - ') } : {}), ...(presenter ? { presenter } : {}), page: h.at.page, line: h.at.line });
    return j - i;
  },
};
