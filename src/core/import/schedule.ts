/**
 * Meeting schedules and timelines: a table with a Date column in a
 * schedule (or an action plan) gives one milestone per row whose date is
 * read, titled by the row's other cells. A date cell that cannot be read is
 * a place to review: the row stays in the table as written.
 */
import { cellDate } from './dates.js';
import type { Recogniser } from './recogniser.js';

const DATE = /^(?:dates?|when|meeting date|date of meeting|deadline|target date|timing)$/i;

export const schedule: Recogniser = {
  id: 'schedule',
  kinds: ['schedule'],
  take(blocks, i, ctx) {
    const b = blocks[i];
    if (b.type !== 'table') return 0;
    const { header, rows, rowLines } = b.table;
    const date = header.findIndex((h) => DATE.test(h.trim().replace(/:$/, '')));
    if (date < 0) return 0;
    // The places to review are marked just before the table, which follows them whole.
    rows.forEach((r, k) => {
      const at = b.lines[rowLines[k]];
      const written = (r[date] ?? '').trim();
      const title = r.filter((_, j) => j !== date && r[j] !== '').join(' — ');
      const d = cellDate(written);
      if (!d.known) {
        if (!d.readable || written === '') ctx.unsure('import/unread-date', `the date '${written}' of '${title}' is not a date govmark reads`, at, r.join(' | '));
        return;
      }
      ctx.counts.milestones++;
      ctx.found.milestones.push({ date: d.iso ?? written, title, page: at.page, line: at.line });
    });
    ctx.plain(b);
    return 1;
  },
};
