import { quorumNeeded } from '../read/phrases/numbers.js';
import type { DocumentSummary, WorkspaceIndex } from '../workspace/summary.js';
import type { WorkspaceRule } from './rule.js';

/**
 * The terms of reference in force on the meeting's date: the ones the minutes
 * name, or, when those were adopted after the meeting, the ones they superseded.
 */
export function termsInForce(minutes: DocumentSummary, index: WorkspaceIndex): DocumentSummary | undefined {
  const ref = minutes.refs.find((r) => r.key === 'terms');
  if (!ref) return undefined;
  let terms = index.byId(ref.id)[0];
  const seen = new Set<string>();
  while (terms && minutes.date && terms.adopted && terms.adopted > minutes.date && !seen.has(terms.uri)) {
    seen.add(terms.uri);
    const previous = terms.refs.find((r) => r.key === 'supersedes');
    const older = previous ? index.byId(previous.id)[0] : undefined;
    if (!older) break;
    terms = older;
  }
  return terms;
}

export const quorumNotMet: WorkspaceRule = {
  id: 'quorum-not-met',
  scope: 'workspace',
  defaultSeverity: 'warning',
  types: ['minutes'],
  description: 'The voting members present must make the quorum set by the terms of reference the minutes name.',
  docs: 'Minutes with `terms: <id>` are checked against the quorum of those terms of reference (in force on the meeting date, following `supersedes`). Members listed under Present count, unless marked non-voting or observer; people In attendance do not.',
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
