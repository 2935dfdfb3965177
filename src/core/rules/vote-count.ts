import type { Attendee, NamedVote, ResolutionVotes } from '../model.js';
import { personKey, tallyText } from '../read/phrases/votes.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

const OPTION_WORDS: Record<NamedVote['option'], string> = { yes: 'for', no: 'against', abstain: 'abstaining', absent: 'absent' };

/**
 * A recorded vote must add up: no more votes than voting members present, no
 * "unanimous" with votes against, and an outcome the tally allows.
 */
export const voteCount: DocumentRule = {
  id: 'vote-count',
  scope: 'document',
  defaultSeverity: 'warning',
  types: ['minutes', 'resolution'],
  description: 'A vote recorded with a decision must add up: no more votes than voting members present, no "unanimous" with votes against, and the names of a recorded vote agreeing with its counts and with who was present.',
  docs: 'Minutes that record a tally ("7 in favour, 1 against, 1 abstention", "by 7 votes to 2", "9/9", "unanimously") or a recorded vote ("For: Councillors A. Smith and B. Jones (2); Against: Councillor C. Patel (1)", a list of such lines, a table with a Vote column) are checked against themselves: the votes cast cannot be more than the voting members listed under Present (people in attendance and observers do not vote); a vote recorded as unanimous has no votes against; the names of a recorded vote agree with its counts, nobody is named under two options, and, when the minutes list who was present, each person named as voting is among the voting members present (not only in attendance, not among the apologies). Whether the result reached the majority the terms of reference require is `vote-majority`.',
  check({ doc, report }) {
    const { resolutions = [], attendance } = doc.data.content;
    const voting = attendance?.present.filter((a) => a.voting !== false).length;
    const presentRange = rangeOf(doc, '/content/attendance/present');
    const present = attendance?.present ?? [];
    const keys = (list: readonly Attendee[]) => new Set(list.map((a) => personKey(a.name)));
    const voters = keys(present.filter((a) => a.voting !== false));
    const nonVoting = keys([...present.filter((a) => a.voting === false), ...(attendance?.inAttendance ?? [])]);
    const apologies = keys(attendance?.apologies ?? []);

    /** The names of a recorded vote against its counts and the attendance. */
    const named = (v: ResolutionVotes, i: number, fallback: NonNullable<ReturnType<typeof rangeOf>>) => {
      const range = rangeOf(doc, `/content/resolutions/${i}/votes`) ?? fallback;
      const list = v.named ?? [];
      for (const option of ['yes', 'no', 'abstain', 'absent'] as const) {
        const names = list.filter((n) => n.option === option).map((n) => n.voter);
        const count = v[option];
        if (names.length === 0 || count === undefined || count === names.length) continue;
        report({
          reason: `The vote counts ${count} ${OPTION_WORDS[option]} but names ${names.length} (${names.join(', ')}).`,
          range,
          expected: [String(names.length)],
          actual: String(count),
        });
      }
      const seen = new Map<string, NamedVote>();
      for (const n of list) {
        const key = personKey(n.voter);
        const before = seen.get(key);
        if (before && before.option !== n.option) {
          report({ reason: `${n.voter} is named both ${OPTION_WORDS[before.option]} and ${OPTION_WORDS[n.option]}.`, range });
        }
        seen.set(key, n);
      }
      // Compare with the attendance only when most names are written the way it writes them (not handles against full names).
      if (present.length === 0) return;
      const cast = list.filter((n) => n.option !== 'absent');
      const known = cast.filter((n) => voters.has(personKey(n.voter)) || nonVoting.has(personKey(n.voter)) || apologies.has(personKey(n.voter)));
      if (cast.length === 0 || known.length * 2 < cast.length) return;
      for (const n of cast) {
        const key = personKey(n.voter);
        if (voters.has(key)) continue;
        const how = n.option === 'abstain' ? 'abstaining' : `voting ${OPTION_WORDS[n.option]}`;
        const why = apologies.has(key)
          ? 'sent apologies'
          : nonVoting.has(key)
            ? 'is listed in attendance, without a vote'
            : 'is not listed among the voting members present';
        report({ reason: `${n.voter} is named as ${how}, but ${why}.`, range, ...(presentRange ? { related: [{ uri: doc.uri, range: presentRange, message: 'Present' }] } : {}) });
      }
    };

    resolutions.forEach((r, i) => {
      const v = r.votes;
      if (!v) return;
      const range = rangeOf(doc, `/content/resolutions/${i}/text`) ?? rangeOf(doc, `/content/resolutions/${i}`);
      if (!range) return;
      const tally = tallyText(v);
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
      if (v.named?.length) named(v, i, range);
    });
  },
};
