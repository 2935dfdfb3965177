import { termsInForce } from './quorum-not-met.js';
import { matchRoster } from '../workspace/roster.js';
import type { WorkspaceRule } from './rule.js';

export const attendeeNotMember: WorkspaceRule = {
  id: 'attendee-not-member',
  scope: 'workspace',
  defaultSeverity: 'info',
  types: ['minutes'],
  description: 'Someone listed as present who is not a member under the terms of reference in force is said so, and counted as in attendance.',
  docs: 'When the terms of reference in force on the meeting date (see `quorum-not-met`) name the holder of every voting seat, each person listed as present is matched to that roster by name and initials ("Cllr Jane Slater" is "Councillor J. Slater"), or to the member they sit for ("substitute for Councillor A. Lane"). Someone who matches no member is reported here, as information: list them under In attendance, write whom they substitute for, or add them to the membership. For quorum they count as in attendance. Nothing is reported when some voting seat names no holder, since anyone present might hold it.',
  check({ summary, index, report }) {
    const present = summary.presentVoting;
    if (!present?.names) return;
    const terms = termsInForce(summary, index);
    if (!terms) return;
    const match = matchRoster(terms, summary);
    if (!match) return;
    for (const i of match.notMembers) {
      report({
        reason: `${present.names[i]} is listed as present but is not on the membership of the terms of reference (${terms.id}) in force on the day: counted as in attendance, not as a member.`,
        range: present.at?.[i] ?? present.range,
      });
    }
  },
};
