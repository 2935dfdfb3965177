/**
 * Action plan tables: a table with a lead column (Lead, Owner, Responsible,
 * Who) gives one action per row that says what is to be done (the Action
 * column, else the first), with its lead and timescale (Timescale, Due, By
 * when, Deadline). A timescale that is neither a date govmark reads nor
 * "Ongoing"/"Tbc" is a place to review.
 */
import { cellDate } from './dates.js';
import type { Recogniser } from './recogniser.js';

const LEAD = /^(?:lead(?: officer| member| organisation)?|owners?|responsible(?: officer)?|who|by whom|action by|assigned to)$/i;
const TASK = /^(?:actions?|actions? required|task|what|recommendations?)$/i;
const DUE = /^(?:timescales?|due(?: date)?|deadline|by when|target(?: date)?|when|completion(?: date)?)$/i;

export const actionRows: Recogniser = {
  id: 'action-rows',
  take(blocks, i, ctx) {
    const b = blocks[i];
    if (b.type !== 'table') return 0;
    const { header, rows, rowLines } = b.table;
    const norm = header.map((h) => h.trim().replace(/:$/, ''));
    const lead = norm.findIndex((h) => LEAD.test(h));
    if (lead < 0) return 0;
    const actionCol = norm.findIndex((h) => /^actions?(?: required)?$/i.test(h));
    const task = actionCol >= 0 ? actionCol : Math.max(0, norm.findIndex((h) => TASK.test(h)));
    const due = norm.findIndex((h) => DUE.test(h));
    // The places to review are marked just before the table, which follows them whole.
    rows.forEach((r, k) => {
      const at = b.lines[rowLines[k]];
      const what = (r[task] ?? '').trim();
      if (what === '') return;
      const who = (r[lead] ?? '').trim();
      const when = due >= 0 ? (r[due] ?? '').trim() : '';
      if (who === '') ctx.unsure('import/action-lead', `the action '${what}' has no lead`, at, r.join(' | '));
      if (when !== '' && !cellDate(when).readable) ctx.unsure('import/unread-date', `the timescale '${when}' is not a date govmark reads (write it as 2021-03-31, 31 March 2021 or March 2021)`, at, when);
      ctx.counts.actions++;
      ctx.found.actions.push({ task: what, ...(who ? { lead: who } : {}), ...(when ? { timescale: when } : {}), page: at.page, line: at.line });
    });
    ctx.plain(b);
    return 1;
  },
};
