import { describeRule, majorityReached, tallyText } from '../read/phrases/votes.js';
import type { VotingRule } from '../model.js';
import type { DocumentSummary, VoteSummary } from '../workspace/summary.js';
import { termsInForce } from './quorum-not-met.js';
import type { WorkspaceRule } from './rule.js';

/** Without a rule in the terms: a simple majority of the votes cast, as standing orders and Robert's Rules have it. */
const DEFAULT: Pick<VotingRule, 'rule' | 'of'> = { rule: 'majority', of: 'cast' };

/** The terms' rule for this decision: the one for its purpose (amending the terms, a removal, an election), else the general one. */
export function votingRuleFor(terms: DocumentSummary | undefined, v: Pick<VoteSummary, 'purpose'>): (VotingRule & { range: DocumentSummary['anchor'] }) | undefined {
  // Consensus is how a body decides without a vote; a vote taken is its fallback (a majority), not a breach of it.
  const rules = (terms?.voting ?? []).filter((r) => r.rule !== 'consensus');
  return (v.purpose ? rules.find((r) => r.purpose === v.purpose) : undefined) ?? rules.find((r) => r.purpose === undefined);
}

export const voteMajority: WorkspaceRule = {
  id: 'vote-majority',
  scope: 'workspace',
  defaultSeverity: 'warning',
  types: ['minutes', 'resolution'],
  description: 'A decision recorded with a vote must have reached the majority the terms of reference in force require (simple, two-thirds, unanimous, consensus); without one, a simple majority of the votes cast.',
  docs:
    'The tally a decision records ("5 in favour, 4 against", a recorded vote with names) is checked against the voting rule of the terms of reference in force on the meeting date (found as for `quorum-not-met`: the `terms:` the minutes name, or the terms of their `body:`): the `majority:` of their front matter or a sentence such as "Decisions shall be taken by a simple majority of members present and voting", "Changes to these terms require a two-thirds majority of the voting members". A rule for some decisions only (amending the terms, removing a member, elections) is used for the decisions about that. A share is of the votes cast (for and against; abstentions are not cast) unless the rule says of the members present or of the whole membership. Without a rule, a simple majority of the votes cast is required. A decision recorded as agreed that did not reach it is a warning; one recorded as not carried that did reach it is information (the minutes may be right for a reason they do not give). A tie carried under a simple majority is left alone (the chair\'s casting vote).',
  check({ summary, index, report }) {
    if (!summary.votes) return;
    const terms = termsInForce(summary, index);
    for (const v of summary.votes) {
      if (v.outcome !== 'adopted' && v.outcome !== 'rejected') continue;
      const stated = votingRuleFor(terms, v);
      const rule = stated ?? DEFAULT;
      const result = majorityReached(rule, v, summary.presentVoting?.count, terms?.votingSeats);
      if (!result) continue;
      const written = tallyText(v) || (v.unanimous ? 'unanimous' : '');
      const needs = result.needed !== undefined && result.base !== undefined ? ` (${result.needed} of ${result.base} needed)` : '';
      const related = stated && terms ? [{ uri: terms.uri, range: stated.range, message: `Voting rule: ${stated.text}` }] : undefined;
      if (v.outcome === 'adopted' && !result.reached) {
        // A tie carried on a simple majority: the chair's casting vote.
        if (rule.rule === 'majority' && rule.of === 'cast' && v.yes !== undefined && v.yes === v.no) continue;
        report({
          reason: stated
            ? `Recorded as agreed (${written}), but the terms of reference (${terms!.id ?? terms!.title ?? 'in force'}) require ${describeRule(stated)}${needs}: as written, the motion fell.`
            : `Recorded as agreed, but more voted against than for (${written}): as written, the motion fell.`,
          range: v.range,
          ...(result.needed !== undefined ? { expected: [`at least ${result.needed} for`], actual: String(v.yes) } : {}),
          ...(related ? { related } : {}),
        });
      } else if (v.outcome === 'rejected' && result.reached) {
        report({
          severity: 'info',
          reason: stated
            ? `Recorded as not carried, but ${written} reach ${describeRule(stated)}${needs} that the terms of reference (${terms!.id ?? terms!.title ?? 'in force'}) require: check the outcome.`
            : `Recorded as not carried with more votes for than against (${written}): right if the terms of reference require more than a simple majority; otherwise the motion was carried.`,
          range: v.range,
          ...(related ? { related } : {}),
        });
      }
    }
  },
};
