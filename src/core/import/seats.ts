/**
 * Membership tables: a table with a count column (Number, No., Count,
 * Seats, Places) in a membership document or under a Membership heading
 * gives one seat per row, with its count. A count that is not a number (or
 * a number word) is a place to review; a Total row is no seat.
 */
import { markdownTable } from './tables.js';
import type { Recogniser } from './recogniser.js';

const COUNT = /^(?:count|number|no\.?|no\. of (?:members|seats|places)|number of (?:members|seats|places)|seats|places|#)$/i;
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

export const seats: Recogniser = {
  id: 'seats',
  kinds: ['membership', 'terms-of-reference'],
  take(blocks, i, ctx) {
    const b = blocks[i];
    if (b.type !== 'table') return 0;
    if (ctx.kind === 'terms-of-reference' && !/^membership\b/i.test(ctx.section ?? '')) return 0;
    const { header, rows, rowLines } = b.table;
    const count = header.findIndex((h) => COUNT.test(h.trim()));
    if (count < 0) return 0;
    // The places to review are marked just before the table, which follows them whole.
    rows.forEach((r, k) => {
      const at = b.lines[rowLines[k]];
      if (/^total\b/i.test(r[0] ?? '')) return;
      const written = (r[count] ?? '').trim().toLowerCase();
      const n = /^\d+$/.test(written) ? Number(written) : WORDS[written];
      if (n === undefined) ctx.unsure('import/seat-count', `the count '${r[count] ?? ''}' of the seat '${r[0]}' is not a number`, at, r.join(' | '));
      ctx.counts.seats++;
      ctx.found.seats.push({ seat: r[0], ...(n !== undefined ? { count: n } : {}), page: at.page, line: at.line });
    });
    ctx.plain(b);
    return 1;
  },
};

