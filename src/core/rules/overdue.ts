import { isPast, parseFrontMatterDate } from '../dates/index.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

/**
 * Things whose date has passed: a review date, a milestone still marked
 * planned or at risk, an action's due date. Relative to today, so information
 * only: these documents are often historical records.
 */
export const overdue: DocumentRule = {
  id: 'overdue',
  scope: 'document',
  defaultSeverity: 'info',
  description: 'Review dates, planned milestones and actions whose date has passed.',
  docs: 'Reported as information: a document can be a historical record, and what was due then is not a problem now. Raise the severity in the configuration to track live documents.',
  check({ doc, today, report }) {
    const { meta, content } = doc.data;
    if (typeof meta.review === 'string') {
      const review = parseFrontMatterDate(meta.review);
      const range = rangeOf(doc, '/meta/review');
      if (review && !review.invalid && range && isPast(review, today)) {
        report({ reason: `The review date ${review.text} has passed.`, range });
      }
    }
    (content.milestones ?? []).forEach((m, i) => {
      if (m.status !== 'planned' && m.status !== 'at-risk' && m.status !== 'delayed') return;
      const range = rangeOf(doc, `/content/milestones/${i}/date`);
      if (range && !m.date.invalid && isPast(m.date, today)) {
        report({ reason: `Milestone "${m.title}" is still marked ${m.status} but its date (${m.date.text}) has passed.`, range });
      }
    });
    (content.actions ?? []).forEach((a, i) => {
      const range = rangeOf(doc, `/content/actions/${i}`);
      if (a.status === 'done' || a.status === 'dropped') return;
      if (a.due && !a.due.invalid && range && isPast(a.due, today)) {
        report({ reason: `Action${a.owner ? ` for ${a.owner}` : ''} was due ${a.due.text}.`, range, severity: 'hint' });
      }
    });
  },
};
