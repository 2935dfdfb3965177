/** Reads the headings: the document's title, its sections and what each was recognised as, and agenda items. */
import { agendaItem } from './phrases/sections.js';
import { rangeOfNode, textOf } from './phrases/text.js';
import type { Reader } from './reader.js';

export const sections: Reader = {
  id: 'sections',
  description: 'Headings: the title (first H1), every section with its recognised kind, and numbered agenda items.',
  applies: () => true,
  create(ctx) {
    const { b } = ctx;
    if (ctx.reading.agendaItems) b.content.items = [];
    return {
      heading(h) {
        const c = b.content;
        const title = textOf(h);
        const kind = ctx.section?.kind;
        const i = c.sections.length;
        c.sections.push(kind ? { title, depth: h.depth, kind } : { title, depth: h.depth });
        b.map(`/content/sections/${i}`, rangeOfNode(h));
        if (h.depth === 1 && c.title === undefined) {
          c.title = title;
          b.map('/content/title', rangeOfNode(h));
        }
        if (!c.items) return;
        const item = h.depth > 1 ? agendaItem(title) : undefined;
        if (item) {
          b.map(`/content/items/${c.items.length}`, rangeOfNode(h));
          c.items.push(item);
        }
      },
    };
  },
};
