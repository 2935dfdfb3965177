/** Reads the functions of a body: the items of its Functions (Responsibilities, Duties, Remit…) list, numbered as written. */
import { itemLead, itemMarkerRange, itemNumber, rangeOfNode } from './phrases/text.js';
import type { Reader } from './reader.js';

export const functions: Reader = {
  id: 'functions',
  description: 'Functions (duties) of the body, from the list under a functions heading, numbered as written.',
  applies: (r) => r.functions,
  create(ctx) {
    const { b } = ctx;
    b.content.functions = [];
    return {
      list(list) {
        if (ctx.section?.kind !== 'functions') return false;
        const fns = b.content.functions!;
        for (const item of list.children) {
          const i = fns.length;
          const number = list.ordered ? itemNumber(b.text, item) : undefined;
          fns.push(number !== undefined ? { number, text: itemLead(item) } : { text: itemLead(item) });
          b.map(`/content/functions/${i}`, rangeOfNode(item));
          if (list.ordered) b.map(`/content/functions/${i}/number`, itemMarkerRange(b.text, item, (s, e) => b.range(s, e)));
        }
        return true;
      },
    };
  },
};
