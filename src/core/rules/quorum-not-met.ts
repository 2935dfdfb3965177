import { quorumNeeded } from '../read/phrases/numbers.js';
import { termsInForceOn } from '../workspace/in-force.js';
import type { DocumentSummary, WorkspaceIndex } from '../workspace/summary.js';
import type { WorkspaceRule } from './rule.js';

/**
 * The terms of reference in force on the meeting's date: the ones the minutes
 * name (followed along `supersedes` to those in force on the date), or, when
 * they name none, the terms of their `body:` in force then.
 */
export function termsInForce(minutes: DocumentSummary, index: WorkspaceIndex): DocumentSummary | undefined {
  const ref = minutes.refs.find((r) => r.key === 'terms');
  return termsInForceOn(index, { ...(minutes.date !== undefined ? { date: minutes.date } : {}), ...(ref ? { termsId: ref.id } : minutes.body !== undefined ? { body: minutes.body } : {}) }).terms;
}

export const quorumNotMet: WorkspaceRule = {
  id: 'quorum-not-met',
  scope: 'workspace',
  defaultSeverity: 'warning',
  types: ['minutes'],
  description: 'The voting members present must make the quorum set by the terms of reference the minutes name.',
  docs: 'Minutes are checked against the quorum of the terms of reference in force on the meeting date: those `terms: <id>` names, followed along `supersedes` (the ones they replaced, when adopted after the meeting; the ones that replaced them, when in force by then), or, without `terms:`, the terms of the same `body:` in force on that date. Members listed under Present count, unless marked non-voting or observer; people In attendance do not.',
  check({ summary, index, report }) {
    if (!summary.presentVoting) return;
    const terms = termsInForce(summary, index);
    if (!terms?.quorum) return;
    const needed = quorumNeeded(terms.quorum, terms.votingSeats);
    if (needed === undefined) return;
    const present = summary.presentVoting.count;
    if (present >= needed) return;
    report({
      reason: `${present} voting member${present === 1 ? '' : 's'} present; the terms of reference (${terms.id}) set a quorum of ${needed}${terms.quorum.fraction ? ` (${terms.quorum.text})` : ''}. The meeting was not quorate.`,
      range: summary.presentVoting.range,
      expected: [String(needed)],
      actual: String(present),
      related: [{ uri: terms.uri, range: terms.quorum.range, message: `Quorum: ${terms.quorum.text}` }],
    });
  },
};
