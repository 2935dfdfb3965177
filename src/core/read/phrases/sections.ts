/**
 * Recognising sections by heading, case-insensitively and with synonyms.
 * One table, so docs, completion of section skeletons and rules agree.
 */
import { normaliseHeading } from './text.js';

export interface SectionKind {
  kind: string;
  /** The heading a skeleton inserts. */
  heading: string;
  synonyms: string[];
}

export const SECTION_KINDS: SectionKind[] = [
  { kind: 'functions', heading: 'Functions', synonyms: ['functions', 'purpose', 'role', 'roles', 'role and functions', 'roles and responsibilities', 'responsibilities', 'duties', 'remit', 'scope', 'purpose and functions', 'objectives'] },
  { kind: 'membership', heading: 'Membership', synonyms: ['membership', 'members', 'composition', 'board membership', 'committee membership', 'membership and attendance'] },
  { kind: 'chair', heading: 'Chair', synonyms: ['chair', 'chairing', 'chairperson', 'chair and vice-chair', 'chair and vice chair', 'chairmanship'] },
  { kind: 'quorum', heading: 'Quorum', synonyms: ['quorum', 'quoracy', 'quorum and voting'] },
  { kind: 'meetings', heading: 'Meetings', synonyms: ['meetings', 'frequency of meetings', 'meeting frequency', 'frequency'] },
  { kind: 'voting', heading: 'Voting', synonyms: ['voting', 'decision making', 'decision-making', 'decisions'] },
  { kind: 'review', heading: 'Review', synonyms: ['review', 'review of terms of reference', 'review of these terms of reference'] },
  { kind: 'present', heading: 'Present', synonyms: ['present', 'members present', 'attendees', 'attending', 'attendance', 'in the chair', 'voting members present'] },
  { kind: 'in-attendance', heading: 'In attendance', synonyms: ['in attendance', 'also present', 'also in attendance', 'officers present', 'officers in attendance', 'observers', 'guests'] },
  { kind: 'apologies', heading: 'Apologies', synonyms: ['apologies', 'apologies for absence', 'regrets', 'absent', 'not attending', 'apologies received'] },
  { kind: 'actions', heading: 'Actions', synonyms: ['actions', 'action items', 'action log', 'actions arising', 'actions required', 'action points', 'next steps', 'ais', 'to do', 'todo', 'to-do', 'follow-ups', 'follow ups', 'action items as a result of this meeting', 'actions agreed', 'outstanding actions'] },
  { kind: 'resolutions', heading: 'Resolutions', synonyms: ['resolutions', 'resolved', 'decisions made', 'decision', 'decision outcome', 'consented decisions', 'resolution', 'conclusion', 'conclusions', 'conclusion/resolution', 'conclusion / resolution', 'decisions and actions', 'decisions & action items'] },
  { kind: 'milestones', heading: 'Milestones', synonyms: ['milestones', 'timeline', 'schedule', 'key dates', 'timetable', 'roadmap'] },
];

const bySynonym = new Map<string, string>();
for (const k of SECTION_KINDS) for (const s of k.synonyms) bySynonym.set(s, k.kind);

export function sectionKind(title: string): string | undefined {
  const n = normaliseHeading(title);
  const direct = bySynonym.get(n);
  if (direct) return direct;
  // "Members present (voting)", "Apologies for absence and substitutions"
  const firstWords = n.split(/\s*[(—–:-]\s*/)[0];
  // "Apologies for absence and substitutions", "Membership and quorum": the first of two.
  const beforeAnd = firstWords.split(/\s+(?:and|&)\s+/)[0];
  return bySynonym.get(firstWords) ?? bySynonym.get(beforeAnd) ?? attendanceByLastWords(firstWords);
}

/** "Steering Committee Members Attending", "TAC Member Regrets": who was there, said at the end. */
function attendanceByLastWords(n: string): string | undefined {
  if (/\b(?:not attending|absent|regrets|apologies)$/.test(n)) return 'apologies';
  if (/\bin attendance$/.test(n)) return 'in-attendance';
  if (/\bmembers? (?:attending|present)$|\b(?:attendees|attendance)$/.test(n)) return 'present';
  return undefined;
}

export function sectionHeading(kind: string): string {
  return SECTION_KINDS.find((k) => k.kind === kind)?.heading ?? kind;
}

/** Section kinds a built-in type must have (a rule checks; custom types declare their own). */
export const REQUIRED_SECTIONS: Record<string, string[]> = {
  'terms-of-reference': ['functions', 'membership'],
  minutes: [],
  resolution: [],
  timeline: [],
};

/** "18. COVID 19 Outbreak Plan", "Item 4: Finance", "4.2 Budget" → agenda item number and title. */
export function agendaItem(title: string): { number: string; title: string } | undefined {
  const m = /^(?:item\s+)?(\d{1,4}(?:\.\d{1,3})*)[.):]?\s+(\S.*)$/i.exec(title.trim());
  if (!m) return undefined;
  return { number: m[1], title: m[2].trim() };
}

/** "### Consented Decisions", "#### Conclusion/Resolution": a heading whose list holds decisions. */
export function isDecisionHeading(title: string, kind: string | undefined): boolean {
  return kind === 'resolutions' || isOutcomeHeading(normaliseHeading(title));
}

/**
 * "Decisions", "Speaker's summary of key points / Conclusion", "Outcome",
 * "Proposed Standard" (the rules an RFC adopts): headings of a section that
 * records what was decided, beside the `resolutions` synonyms.
 */
function isOutcomeHeading(n: string): boolean {
  if (n.length > 120) return false;
  return (
    /^(?:decisions|outcomes?|(?:proposed |agreed |adopted )?standards?)$/.test(n) ||
    /[/&]\s*(?:conclusions?|resolutions?|decisions?(?: made)?|outcomes?)$/.test(n)
  );
}
