import { pastDueItems } from '../overdue.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

/**
 * Things whose date has passed in a document that is current: a review date,
 * a milestone still marked planned or at risk, an action not done. Which
 * items count, and when a document is a historical record instead (a hint
 * that the outcome is not recorded), is decided in core/overdue.ts, as for the tree and the timeline.
 */
export const overdue: DocumentRule = {
  id: 'overdue',
  scope: 'document',
  defaultSeverity: 'info',
  description: 'Review dates, planned milestones and actions whose date has passed, in documents that are current (a hint only in historical records).',
  docs: 'Reported as information, and only for documents that are current: a document whose status closes it (superseded, withdrawn, rescinded, archived, completed, expired, cancelled), or one whose status does not say it is live and whose every date is more than a year before today, is a historical record: what was due then is reported as a hint that the outcome is not recorded (and drawn so in the timeline), not as overdue. Each message carries `data.due`: `overdue` or `outcome-not-recorded`. Raise the severity in the configuration to track live documents.',
  check({ doc, today, report }) {
    const { content } = doc.data;
    for (const { item, state } of pastDueItems(doc, today)) {
      // In a historical record: a hint that the outcome was not written down, not an overdue item.
      const historical = state === 'outcome-not-recorded';
      const then = historical ? '; the document, a historical record, does not say what came of it' : '';
      const data = { due: state };
      if (item.kind === 'review') {
        const range = rangeOf(doc, item.path);
        if (range) report({ reason: `The review date ${item.date.text} has passed${then}.`, range, data, ...(historical ? { severity: 'hint' as const } : {}) });
      } else if (item.kind === 'milestone') {
        const m = content.milestones![Number(item.path.split('/').pop())];
        const range = rangeOf(doc, `${item.path}/date`);
        if (range) report({ reason: `Milestone "${m.title}" is still marked ${m.status} but its date (${m.date.text}) has passed${then}.`, range, data, ...(historical ? { severity: 'hint' as const } : {}) });
      } else {
        const a = content.actions![Number(item.path.split('/').pop())];
        const range = rangeOf(doc, item.path);
        if (range) report({ reason: `Action${a.owner ? ` for ${a.owner}` : ''} was due ${item.date.text}${then}.`, range, severity: 'hint', data });
      }
    }
  },
};
