/**
 * Every reader of the body, in the order the walk offers them a node: the
 * first that reads a paragraph, list, item or table has it (headings go to
 * all). Decisions come before the section readers so that a `RESOLVED:` list
 * is a decision list wherever it sits. Meetings come right after the sections
 * so that the readers after them know which meeting a node belongs to; the
 * reports reader only observes (it claims nothing), so it comes before the
 * readers that claim what it also reads; so does the voting rules reader of
 * terms of reference. The votes reader claims the vote blocks it reads
 * before the decisions reader could take "Against: …" for a decision.
 */
import { actions } from './actions.js';
import { agenda } from './agenda.js';
import { attendance } from './attendance.js';
import { decisions } from './decisions.js';
import { functions } from './functions.js';
import { meetings } from './meetings.js';
import { membership } from './membership.js';
import { milestones } from './milestones.js';
import type { Reader } from './reader.js';
import { reports } from './reports.js';
import { sections } from './sections.js';
import { votes } from './votes.js';
import { votingRules } from './voting-rules.js';

export const READERS: readonly Reader[] = [sections, meetings, reports, votingRules, votes, decisions, actions, functions, membership, attendance, milestones, agenda];
