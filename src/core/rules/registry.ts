/**
 * The explicit list of rules. It also generates the config file's JSON Schema
 * and docs/rules/*.md (scripts/gen-docs.mjs), so a rule exists in one place.
 */
import { schemaRule } from '../schemas/index.js';
import { duplicateId } from './duplicate-id.js';
import { encoding } from './encoding.js';
import { milestoneOrder } from './milestone-order.js';
import { overdue } from './overdue.js';
import { PARSE_RULES } from './parse-rules.js';
import { quorumExceedsSeats, quorumMissing } from './quorum.js';
import { quorumNotMet } from './quorum-not-met.js';
import { requiredSections } from './required-sections.js';
import { resolutionNumbering } from './resolution-numbering.js';
import { reviewBeforeAdoption } from './review-before-adoption.js';
import { unresolvedReference } from './unresolved-reference.js';
import { termsInForce } from './terms-in-force.js';
import { supersession } from './supersession.js';
import { voteCount } from './vote-count.js';
import { voteMajority } from './vote-majority.js';
import { actionNotReported } from './action-not-reported.js';
import { minutesApproval } from './minutes-approval.js';
import { agendaMinuted } from './agenda-minuted.js';
import { statutorySeatVacant } from './statutory-seat-vacant.js';
import { attendeeNotMember } from './attendee-not-member.js';
import type { DocumentRule, ParseRule, Rule, WorkspaceRule } from './rule.js';

/** Every rule govmark has, in the order the documentation lists them. */
export const allRules: readonly Rule[] = [
  ...PARSE_RULES,
  schemaRule,
  encoding,
  requiredSections,
  resolutionNumbering,
  voteCount,
  voteMajority,
  milestoneOrder,
  reviewBeforeAdoption,
  quorumMissing,
  quorumExceedsSeats,
  statutorySeatVacant,
  overdue,
  duplicateId,
  unresolvedReference,
  quorumNotMet,
  attendeeNotMember,
  termsInForce,
  supersession,
  actionNotReported,
  minutesApproval,
  agendaMinuted,
];

const byId = new Map(allRules.map((r) => [r.id, r]));

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

const documentList = allRules.filter((r): r is DocumentRule => r.scope === 'document');
const workspaceList = allRules.filter((r): r is WorkspaceRule => r.scope === 'workspace');

export function documentRules(): readonly DocumentRule[] {
  return documentList;
}

export function workspaceRules(): readonly WorkspaceRule[] {
  return workspaceList;
}

export function parseRules(): ParseRule[] {
  return allRules.filter((r): r is ParseRule => r.scope === 'parse');
}
