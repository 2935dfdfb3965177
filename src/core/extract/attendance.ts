/** People on attendance lists: "Councillor J. Slater (Chair)", "Johna Wareing, Manchester NHS FT". */
import type { Attendee } from '../model.js';

const ROLE = /\b(chair|chairman|chairperson|chairwoman|vice[- ]chair|deputy chair|co-chair|secretary|clerk|minutes|facilitator|voting member|non[- ]?voting|observer|invited|guest|substitute|deputi[sz]ing|member|lead|ex officio)\b/i;
const NON_VOTING = /\b(non[- ]?voting|observer|invited|guest|advisory|ex officio \(non-voting\)|not a member|in attendance)\b/i;

export function readAttendee(raw: string): Attendee | undefined {
  let text = raw.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 300) return undefined;
  let role: string | undefined;
  let affiliation: string | undefined;
  let voting: boolean | undefined;
  // " - nonvoting" suffix (swcarpentry)
  const suffix = /\s+[-–—]\s*(non[- ]?voting|observer|chair)\s*$/i.exec(text);
  if (suffix) {
    role = suffix[1];
    text = text.slice(0, suffix.index);
  }
  // Trailing parenthesised notes: roles or affiliations.
  for (let m = /\s*\(([^()]*)\)\s*$/.exec(text); m; m = /\s*\(([^()]*)\)\s*$/.exec(text)) {
    const note = m[1].trim();
    if (ROLE.test(note)) role = role ? `${note}; ${role}` : note;
    else if (!/^@/.test(note)) affiliation = affiliation ?? note;
    text = text.slice(0, m.index);
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
  return attendee;
}

/** "A, B and C" → attendees, for attendance written as a paragraph. */
export function readAttendeeParagraph(text: string): Attendee[] {
  const parts = text.split(/\s*(?:,|;|\band\b)\s*(?![^()]*\))/).filter((p) => p.trim() !== '');
  if (parts.length < 2) return [];
  return parts.map(readAttendee).filter((a): a is Attendee => a !== undefined);
}
