/**
 * Reads recorded votes in minutes and resolutions: who voted for, against,
 * abstained or was absent, as a paragraph ("For: Councillors A. Smith, B.
 * Jones and C. Patel (3). Against: Councillor D. Evans (1)."), a list of
 * such lines, or a table with a Vote column; and gives each to the decision
 * it belongs to (Popolo `VoteEvent` with its `Vote`s).
 *
 * A vote block belongs to the decision above it in the same section; one
 * written before any decision of its section ("A recorded vote was taken:
 * …", then "RESOLVED: …") belongs to the next decision there. Counts the
 * decision's own text gives are kept; the block fills those it lacks.
 *
 * It comes before the decisions reader and claims the blocks it reads, so a
 * line such as "Against: Councillor D. Evans" is not taken for a decision
 * or an action.
 */
import type { List, Nodes, Paragraph, Table } from 'mdast';
import type { NamedVote } from '../model.js';
import type { Range } from '../text/range.js';
import { itemLead, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import { recordedVote, voterName, withRecordedVote, type VoteSegment } from './phrases/votes.js';
import type { Reader } from './reader.js';

/** "A recorded vote was taken:", "Recorded vote:", "The voting was as follows:": the lead-in of a vote block. */
const LEAD_IN = /^(?:a\s+)?(?:recorded|named|roll[- ]call)\s+vote(?:\s+(?:was\s+)?(?:taken|requested|held|recorded)[^:]{0,60})?\s*:\s*|^(?:the\s+)?(?:voting|votes?)\s+(?:was|were)\s+(?:recorded\s+)?as\s+follows\s*:\s*/i;

const VOTE_COLUMN = /^(?:vote|votes|voted|vote cast|how voted|position|decision)$/;
const NAME_COLUMN = /^(?:name|member|members|councillor|councillors|director|directors|voter|voters|trustee|representative)$/;

/** A Vote cell as written → the option: "For", "Yes", "Aye", "+1", "Against", "No", "-1", "Abstain", "Absent". */
function cellOption(cell: string): NamedVote['option'] | undefined {
  const c = cell.trim().toLowerCase().replace(/[.*_]/g, '');
  if (/^(?:for|in favou?r|yes|y|aye|\+1)$/.test(c)) return 'yes';
  if (/^(?:against|no|n|nay|-1|−1|opposed)$/.test(c)) return 'no';
  if (/^(?:abstain(?:ed)?|abstention|0)$/.test(c)) return 'abstain';
  if (/^(?:absent|did not vote|not present|-|–|—)$/.test(c)) return 'absent';
  return undefined;
}

export const votes: Reader = {
  id: 'votes',
  description:
    'In minutes and resolutions: recorded votes (For / Against / Abstained / Absent with names and counts, as a paragraph, a list or a table with a Vote column), each given to the decision it belongs to as Popolo named votes.',
  applies: (r) => r.decisions,
  create(ctx) {
    const { b } = ctx;
    /** Resolutions seen so far; a new one since the last node is the decision a following vote belongs to. */
    let known = 0;
    /** The decision the next vote block belongs to: the last one of the current section. */
    let anchor: number | undefined;
    /** A vote block read before any decision of its section, for the next one. */
    let pending: { segments: VoteSegment[]; range: Range | undefined } | undefined;

    const sync = () => {
      const list = b.content.resolutions ?? [];
      if (list.length > known) {
        anchor = list.length - 1;
        if (pending) {
          give(known, pending.segments, pending.range);
          pending = undefined;
        }
        known = list.length;
      }
    };
    const give = (i: number, segments: VoteSegment[], range: Range | undefined) => {
      const r = b.content.resolutions?.[i];
      if (!r) return;
      r.votes = withRecordedVote(r.votes, segments);
      b.map(`/content/resolutions/${i}/votes`, range);
    };
    const read = (segments: VoteSegment[] | undefined, node: Nodes): boolean => {
      if (!segments) return false;
      sync();
      if (anchor !== undefined) give(anchor, segments, rangeOfNode(node));
      else pending = { segments, range: rangeOfNode(node) };
      return true;
    };

    return {
      heading() {
        sync();
        anchor = undefined;
        pending = undefined;
      },
      paragraph(p: Paragraph) {
        const text = textOf(p);
        const lead = LEAD_IN.exec(text);
        const body = lead ? text.slice(lead[0].length) : text;
        // Only a paragraph that opens with a label: "RESOLVED: … For: 5" keeps its votes in the decision's own text.
        const segments = recordedVote(body);
        if (!segments || segments[0].start !== 0) return false;
        return read(segments, p);
      },
      list(l: List) {
        if (l.children.length < 2 || l.children.length > 12) return false;
        const lines = l.children.map((i) => itemLead(i) || textOf(i));
        const segments = recordedVote(lines.join('; '));
        if (!segments || segments.length !== lines.length || segments[0].start !== 0) return false;
        return read(segments, l);
      },
      table(t: Table) {
        const { rows, col, cell } = tableColumns(t);
        const norm = (h: string) => h.replace(/[*_:]/g, '').replace(/\s+/g, ' ').trim();
        const voteCol = col((h) => VOTE_COLUMN.test(norm(h)));
        if (voteCol < 0 || rows.length === 0 || rows.length > 500) return false;
        let nameCol = col((h) => NAME_COLUMN.test(norm(h)));
        if (nameCol < 0) nameCol = voteCol === 0 ? 1 : 0;
        const segments: VoteSegment[] = [];
        for (const row of rows) {
          const option = cellOption(cell(row, voteCol));
          const voter = voterName(cell(row, nameCol));
          if (!option || voter === '') return false;
          segments.push({ option, voters: [voter], start: 0, end: 0 });
        }
        return read(segments, t);
      },
      end() {
        sync();
      },
    };
  },
};
