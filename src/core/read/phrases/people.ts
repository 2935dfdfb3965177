/** People on attendance lists: "Councillor J. Slater (Chair)", "Johna Wareing, Manchester NHS FT". */
import type { Attendee } from '../../model.js';

const ROLE = /\b(chair|chairman|chairperson|chairwoman|vice[- ]chair|deputy chair|co-chair|secretary|clerk|minutes|facilitator|voting member|non[- ]?voting|observer|invited|guest|substitute|deputi[sz]ing|member|lead|ex officio)\b/i;
const NON_VOTING = /\b(non[- ]?voting|observer|invited|guest|advisory|ex officio \(non-voting\)|not a member|in attendance)\b/i;
/** A note saying the person was not there: "Kari Jordan (not present)". */
const ABSENT_NOTE = /^(?:not present|absent|apologies|sent apologies|gave apologies|regrets|sent regrets|not attending|did not attend)$/i;
/** "CRob sends regrets (In WDC this week)". */
const SENDS_REGRETS = /\s+(?:sends?|sent|gave|has sent|with)\s+(?:(?:his|her|their)\s+)?(?:regrets|apologies)\b.*$/i;

/** A person as read from one entry, and whether the entry says they were absent. */
export interface AttendeeEntry {
  attendee: Attendee;
  absent: boolean;
}

/**
 * "(BT)" after "Brian Terlson", "(AWB)" after "Allen Wirfs-Brock": the person's
 * initials, which notes use as an id, not an organisation like "(LF)".
 */
function isInitials(note: string, name: string): boolean {
  if (!/^[A-Z]{2,4}$/.test(note)) return false;
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]);
  return initials.length >= 2 && initials[0] === note[0] && initials.slice(1).includes(note[1]);
}

export function readAttendeeEntry(raw: string): AttendeeEntry | undefined {
  let text = raw.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 300) return undefined;
  let absent = false;
  const regrets = SENDS_REGRETS.exec(text);
  if (regrets) {
    absent = true;
    text = text.slice(0, regrets.index);
  }
  let role: string | undefined;
  let affiliation: string | undefined;
  let voting: boolean | undefined;
  // " - nonvoting" suffix (swcarpentry)
  const suffix = /\s+[-–—]\s*(non[- ]?voting|observer|chair)\s*$/i.exec(text);
  if (suffix) {
    role = suffix[1];
    text = text.slice(0, suffix.index);
  }
  // Trailing parenthesised notes: roles, affiliations, initials, absence.
  const notes: string[] = [];
  for (let m = /\s*\(([^()]*)\)\s*$/.exec(text); m; m = /\s*\(([^()]*)\)\s*$/.exec(text)) {
    notes.unshift(m[1].trim());
    text = text.slice(0, m.index);
  }
  for (const note of notes) {
    if (ABSENT_NOTE.test(note)) {
      absent = true;
      continue;
    }
    if (/^@/.test(note) || isInitials(note, text)) continue;
    // "GitHub, TAC Chair": the parts that name a role are the role, the rest the organisation.
    const parts = note.split(/\s*,\s*/).filter((p) => p !== '');
    const roles = parts.filter((p) => ROLE.test(p));
    const others = parts.filter((p) => !ROLE.test(p));
    if (roles.length > 0) role = role ? `${roles.join(', ')}; ${role}` : roles.join(', ');
    if (others.length > 0) affiliation = affiliation ?? others.join(', ');
  }
  const comma = /^([^,]+),\s*(.+)$/.exec(text);
  if (comma && !/^(dr|mr|mrs|ms|prof|cllr)\.?$/i.test(comma[1])) {
    text = comma[1];
    affiliation = affiliation ?? comma[2];
  }
  const name = text.replace(/\s+@[\w-]+$/, '').replace(/[*_]/g, '').trim();
  if (name === '') return undefined;
  if (role && NON_VOTING.test(role)) voting = false;
  const attendee: Attendee = { name };
  if (role) attendee.role = role.replace(/^\w/, (c) => c.toUpperCase());
  if (affiliation) attendee.affiliation = affiliation;
  if (voting !== undefined) attendee.voting = voting;
  return { attendee, absent };
}

export function readAttendee(raw: string): Attendee | undefined {
  return readAttendeeEntry(raw)?.attendee;
}

/** Splits at commas, semicolons and "and" outside parentheses. */
function splitNames(text: string): string[] {
  return text.split(/\s*(?:,|;|\band\b)\s*(?![^()]*\))/).filter((p) => p.trim() !== '');
}

/** "A, B and C" → attendees, for attendance written as a paragraph. */
export function readAttendeeParagraph(text: string): AttendeeEntry[] {
  const parts = splitNames(text);
  if (parts.length < 2) return [];
  return parts.map(readAttendeeEntry).filter((a): a is AttendeeEntry => a !== undefined);
}

/** "Council members" → "Council member": the role of each person listed under the label. */
function roleOfLabel(label: string): string {
  return label.replace(/\b(member|observer|guest|representative|officer|director|councillor|trustee)s$/i, '$1');
}

/**
 * One line of an attendance list: a person, or a role label with the people
 * who held it ("Council members: Mara, TC, Eric Huss", "Minutes: Mark",
 * "Observers:" with nobody), or initials used as an id ("NCH: Neil Chue Hong").
 */
export function readAttendanceLine(raw: string): AttendeeEntry[] {
  const text = raw.replace(/\s+/g, ' ').trim();
  const labelled = /^([A-Za-z][A-Za-z .&/-]{0,40}?)\s*:\s*(.*)$/.exec(text);
  if (!labelled) {
    const one = readAttendeeEntry(text);
    return one ? [one] : [];
  }
  const [, label, rest] = labelled;
  if (/^[A-Z]{2,4}$/.test(label)) {
    const one = readAttendeeEntry(rest);
    return one ? [one] : [];
  }
  if (rest === '') return [];
  const role = roleOfLabel(label);
  return splitNames(rest).flatMap((part) => {
    const e = readAttendeeEntry(part);
    if (!e) return [];
    const a = e.attendee;
    a.role = a.role ? `${role}; ${a.role}` : role;
    if (NON_VOTING.test(role)) a.voting = false;
    return [e];
  });
}
