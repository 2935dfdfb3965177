import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

/**
 * A recorded vote must add up: no more votes than voting members present, no
 * "unanimous" with votes against, and an outcome the tally allows.
 */
export const voteCount: DocumentRule = {
  id: 'vote-count',
  scope: 'document',
  defaultSeverity: 'warning',
  types: ['minutes', 'resolution'],
  description: 'A vote recorded with a decision must add up: no more votes than voting members present, no "unanimous" with votes against, and an outcome the tally allows.',
  docs: 'Minutes that record a tally ("7 in favour, 1 against, 1 abstention", "9/9", "unanimously") are checked against themselves: the votes cast cannot be more than the voting members listed under Present (people in attendance and observers do not vote); a vote recorded as unanimous has no votes against; a decision recorded as carried cannot have more votes against than for. A tie carried is left alone (a chair\'s casting vote), and a decision that failed with more votes for than against is information only, since the terms of reference may require more than a simple majority (two thirds, unanimity). Whether the majority the terms require was reached is not checked yet.',
  check({ doc, report }) {
    const { resolutions = [], attendance } = doc.data.content;
    const voting = attendance?.present.filter((a) => a.voting !== false).length;
    const presentRange = rangeOf(doc, '/content/attendance/present');
    resolutions.forEach((r, i) => {
      const v = r.votes;
      if (!v) return;
      const range = rangeOf(doc, `/content/resolutions/${i}/text`) ?? rangeOf(doc, `/content/resolutions/${i}`);
      if (!range) return;
      const tally = [v.yes !== undefined ? `${v.yes} for` : '', v.no !== undefined ? `${v.no} against` : '', v.abstain !== undefined ? `${v.abstain} abstaining` : ''].filter(Boolean).join(', ');
      const cast = (v.yes ?? 0) + (v.no ?? 0) + (v.abstain ?? 0);
      if (voting !== undefined && voting > 0 && cast > voting) {
        report({
          reason: `The vote (${tally}) counts ${cast} votes, more than the ${voting} voting member${voting === 1 ? '' : 's'} listed as present.`,
          range,
          expected: [`at most ${voting}`],
          actual: String(cast),
          ...(presentRange ? { related: [{ uri: doc.uri, range: presentRange, message: `${voting} voting member${voting === 1 ? '' : 's'} present` }] } : {}),
        });
      }
      if (v.unanimous && (v.no ?? 0) > 0) {
        report({ reason: `Recorded as unanimous, but ${v.no} voted against (${tally}).`, range });
      }
      if (v.yes !== undefined && v.no !== undefined) {
        if (r.outcome === 'adopted' && v.no > v.yes) {
          report({ reason: `Recorded as agreed, but more voted against than for (${tally}): as written, the motion fell.`, range });
        } else if (r.outcome === 'rejected' && v.yes > v.no) {
          report({
            severity: 'info',
            reason: `Recorded as not carried with more votes for than against (${tally}): right if the terms of reference require more than a simple majority; otherwise the motion was carried.`,
            range,
          });
        }
      }
    });
  },
};
