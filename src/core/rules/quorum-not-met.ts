import { quorumNeeded } from '../read/phrases/numbers.js';
import { termsInForceOn } from '../workspace/in-force.js';
import { listNames, matchRoster } from '../workspace/roster.js';
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

/**
 * Whether someone present is who a quorum must include: "the Chair" (or
 * "Vice-Chair" when the quorum allows either) by the role written beside the
 * name; "at least one councillor" by the honorific, role or affiliation.
 */
export function includedPresent(includes: string, who: readonly string[]): boolean {
  const i = includes.toLowerCase();
  if (/\bchair/.test(i)) {
    const vice = /\b(?:vice|deputy)[- ]chair/.test(i);
    const chair = /(?:^|the\s+|or\s+)chair(?:man|person|woman)?\b/.test(i.replace(/\b(?:vice|deputy)[- ]chair/g, ''));
    return who.some((w) => (chair && /(?:^|\s)(?:chair(?:man|person|woman)?)(?:\s|$)/.test(w.replace(/\b(?:vice|deputy|co)[- ]chair\w*/g, ''))) || (vice && /\b(?:vice|deputy)[- ]chair/.test(w)));
  }
  const noun = /one\s+(?:[a-z]+\s+)*?([a-z]{3,})$/.exec(i.replace(/\s+(?:member|representative)s?$/, ''))?.[1];
  if (!noun) return true;
  const stem = noun.replace(/(?:s|es)$/, '');
  // A councillor is also written "Cllr", and is an elected member.
  const words = stem === 'councillor' || stem === 'elected' ? /\b(?:councillor|cllr|elected)/ : new RegExp(`\\b${stem}`);
  return who.some((w) => words.test(w));
}

export const quorumNotMet: WorkspaceRule = {
  id: 'quorum-not-met',
  scope: 'workspace',
  defaultSeverity: 'warning',
  types: ['minutes'],
  description: 'The voting members present must make the quorum set by the terms of reference the minutes name.',
  docs: 'Minutes are checked against the quorum of the terms of reference in force on the meeting date: those `terms: <id>` names, followed along `supersedes` (the ones they replaced, when adopted after the meeting; the ones that replaced them, when in force by then), or, without `terms:`, the terms of the same `body:` in force on that date. Members listed under Present count, unless marked non-voting or observer; people In attendance do not. When the terms name the holder of every voting seat (a Member column, or a membership list of names, with vacant seats said to be vacant), only the members of that roster count, matched by name and initials ("Cllr Jane Slater" is "Councillor J. Slater"), and a substitute counts for the member they sit for; anyone else listed as present counts as in attendance. A quorum that must include someone ("one third of the members, including the Chair", "to include at least one councillor") also needs that person among the voting members present, by the role, honorific or organisation written beside their name.',
  check({ summary, index, report }) {
    if (!summary.presentVoting) return;
    const terms = termsInForce(summary, index);
    if (!terms?.quorum) return;
    const needed = quorumNeeded(terms.quorum, terms.votingSeats);
    if (needed === undefined) return;
    const listed = summary.presentVoting.count;
    // With a roster that names every voting seat, only its members (or their substitutes) count.
    const roster = matchRoster(terms, summary);
    const present = roster ? roster.members : listed;
    if (present >= needed) {
      const includes = terms.quorum.includes;
      if (includes && !includedPresent(includes, summary.presentVoting.who ?? [])) {
        report({
          reason: `The quorum of the terms of reference (${terms.id}) must include ${includes.replace(/^the\s+/i, 'the ')}, and no voting member listed as present is: the meeting was not quorate unless one of them was.`,
          range: summary.presentVoting.range,
          related: [{ uri: terms.uri, range: terms.quorum.range, message: `Quorum: ${terms.quorum.text}` }],
        });
      }
      return;
    }
    const outsiders = roster ? roster.notMembers.map((i) => summary.presentVoting!.names![i]) : [];
    const counted = outsiders.length
      ? `${present} of the ${listed} people listed as present ${present === 1 ? 'is a member' : 'are members'} under the terms of reference (${terms.id}): ${listNames(outsiders)} ${outsiders.length === 1 ? 'is' : 'are'} not on their membership and ${outsiders.length === 1 ? 'counts' : 'count'} as in attendance; the terms set a quorum of ${needed}`
      : `${present} voting member${present === 1 ? '' : 's'} present; the terms of reference (${terms.id}) set a quorum of ${needed}`;
    report({
      reason: `${counted}${terms.quorum.fraction ? ` (${terms.quorum.text})` : ''}. The meeting was not quorate.`,
      range: summary.presentVoting.range,
      expected: [String(needed)],
      actual: String(present),
      related: [{ uri: terms.uri, range: terms.quorum.range, message: `Quorum: ${terms.quorum.text}` }],
    });
  },
};
