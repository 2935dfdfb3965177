/**
 * Terms of reference: the numbered or bulleted items under a Functions
 * heading (Purpose, Role, Responsibilities, Duties, Remit) are the body's
 * functions, numbered as written.
 */
import { inline } from './markdown.js';
import type { Recogniser } from './recogniser.js';

const FUNCTIONS = /^(?:functions?|purpose|roles?|roles? and (?:functions|responsibilities)|responsibilities|duties|remit|purpose and functions|objectives)(?:\s+of\s+the\s+[\p{L} ]+)?$/iu;

export const functions: Recogniser = {
  id: 'functions',
  kinds: ['terms-of-reference'],
  take(blocks, i, ctx) {
    if (!FUNCTIONS.test((ctx.section ?? '').replace(/:$/, '').trim())) return 0;
    let j = i;
    const lines: string[] = [];
    while (j < blocks.length) {
      const b = blocks[j];
      if (b.type !== 'item') break;
      const n = b.marker.style === 'digits' && b.marker.number && /^\d+$/.test(b.marker.number) ? b.marker.number : undefined;
      lines.push(n ? `${n}. ${inline(b.text)}` : `- ${inline(b.text)}`);
      ctx.counts.functions++;
      ctx.found.functions.push({ ...(n ? { number: n } : {}), text: b.text, page: b.at.page, line: b.at.line });
      j++;
    }
    if (j === i) return 0;
    ctx.out.push(...lines, '');
    return j - i;
  },
};
