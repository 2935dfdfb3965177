import { actionRegister, registerBodyOf } from '../workspace/register.js';
import type { WorkspaceRule } from './rule.js';

const DRAFT = /^(?:draft|unconfirmed|unapproved|provisional)$/i;

/**
 * Draft minutes and their approval: minutes still marked draft that later
 * minutes approved as a correct record, and draft minutes the next meeting
 * did not approve.
 */
export const minutesApproval: WorkspaceRule = {
  id: 'minutes-approval',
  scope: 'workspace',
  defaultSeverity: 'info',
  types: ['minutes'],
  description: 'Draft minutes that a later meeting approved as a correct record, or that the next meeting did not approve.',
  docs: 'Minutes are approved at the next meeting of the body ("RESOLVED: That the minutes of the meeting held on 16 October 2020 be agreed as a correct record"). govmark links that approval to the minutes of that date (else to the meeting before) among minutes with the same `body:` (else in the same folder). Minutes marked `status: draft` (or `unconfirmed`) that were approved get this information with a quick fix to `status: approved`; draft minutes that a later meeting of the body does not approve are listed, naming that meeting.',
  check({ summary, index, today, report }) {
    if (summary.status === undefined || !DRAFT.test(summary.status) || !summary.statusRange) return;
    const register = actionRegister(index, today);
    const approval = register.approvals.get(summary.uri);
    if (approval) {
      report({
        reason: `These minutes are marked \`status: ${summary.status}\`, but the meeting of ${approval.by.date ?? 'a later date'} approved them as a correct record.`,
        range: summary.statusRange,
        actual: summary.status,
        expected: ['approved'],
        related: [{ uri: approval.by.uri, range: approval.by.range, message: 'Approved here' }],
        fixes: [{ title: "Mark the minutes 'approved'", edits: [{ range: summary.statusRange, newText: 'approved' }], preferred: true }],
      });
      return;
    }
    if (summary.date === undefined) return;
    const meetings = register.meetings.get(registerBodyOf(summary).key) ?? [];
    const next = meetings.find((m) => m.uri !== summary.uri && m.date !== undefined && m.date > summary.date!);
    if (!next) return;
    const nextSummary = index.get(next.uri);
    report({
      reason: `These draft minutes were not approved at the next meeting, on ${next.date}${nextSummary?.previousMinutes ? ' (its minutes approve other minutes)' : ''}: approve them there, or mark them approved if they were.`,
      range: summary.statusRange,
      actual: summary.status,
      related: [{ uri: next.uri, range: nextSummary?.previousMinutes?.range ?? nextSummary?.titleRange ?? nextSummary?.anchor ?? summary.anchor, message: `The next meeting, ${next.date}` }],
      ...(summary.body === undefined ? { data: { groupedBy: 'folder' } } : {}),
    });
  },
  optIn: (m) => m.data?.['groupedBy'] === 'folder',
};
