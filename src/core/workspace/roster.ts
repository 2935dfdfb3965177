/**
 * Attendance against the roster: which of the people listed as present at a
 * meeting are members of the body under the terms (or membership) in force,
 * by name ("Councillor J. Slater" is "Cllr Jane Slater"), initials and the
 * member a substitute sits for. Someone present who is not a member counts as
 * in attendance for quorum, as a clerk would count them.
 */
import { nameKey, samePerson } from '../read/phrases/people.js';
import type { DocumentSummary } from './summary.js';

/** How the voting people present compare with the roster. */
export interface RosterMatch {
  /** Members of the roster present (or represented by a substitute), each counted once. */
  members: number;
  /** Indexes (into `presentVoting.names`) of the people who are not on the roster. */
  notMembers: number[];
  /** Indexes of the people who sit for a member ("substitute for …") and count for them. */
  substitutes: number[];
}

/**
 * The roster match of minutes against terms, or undefined when it cannot be
 * told: the terms name no holder for some voting seat (a person present may
 * hold that seat), or the minutes' list of who was present is not known name
 * by name.
 */
export function matchRoster(terms: DocumentSummary, minutes: DocumentSummary): RosterMatch | undefined {
  const roster = terms.roster;
  const present = minutes.presentVoting;
  if (!roster?.complete || !present?.names) return undefined;
  const keys = roster.members.map(nameKey);
  const used = new Set<number>();
  const find = (written: string | undefined): number => {
    const k = written === undefined ? undefined : nameKey(written);
    if (!k) return -1;
    // The first member not yet counted with this name: two "J. Smith"s on the roster count twice.
    let fallback = -1;
    for (let i = 0; i < keys.length; i++) {
      const m = keys[i];
      if (!m || !samePerson(k, m)) continue;
      if (!used.has(i)) return i;
      fallback = i;
    }
    return fallback;
  };
  const notMembers: number[] = [];
  const substitutes: number[] = [];
  present.names.forEach((name, i) => {
    const own = find(name);
    if (own >= 0) {
      used.add(own);
      return;
    }
    const forWhom = find(present.substituteFor?.[i]);
    if (forWhom >= 0 && !used.has(forWhom)) {
      used.add(forWhom);
      substitutes.push(i);
      return;
    }
    notMembers.push(i);
  });
  return { members: used.size, notMembers, substitutes };
}

/** "J. Slater, D. Eaton and 2 others": names for a message, a few at most. */
export function listNames(names: readonly string[], max = 4): string {
  if (names.length <= max) return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} other${names.length - max === 1 ? '' : 's'}`;
}

