/** People on attendance lists: "Councillor J. Slater (Chair)", "Johna Wareing, Manchester NHS FT". */
import type { Attendee } from '../../model.js';

const ROLE = /\b(chair|chairman|chairperson|chairwoman|vice[- ]chair|deputy chair|co-chair|secretary|clerk|minutes|facilitator|voting member|non[- ]?voting|observer|invited|guest|substitute|deputi[sz]ing|member|lead|ex officio|host|presenter|scribe|note[- ]?taker|moderator|speaker)\b/i;
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

/**
 * Titles written before a name (Popolo `honorific_prefix`), kept apart so that
 * "Councillor J. Slater" and "J. Slater" are one person.
 */
const HONORIFICS = 'councillor|cllr|dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|rev|revd|lord|lady|baroness|baron|alderman|mayor';
const HONORIFIC = new RegExp(`^((?:(?:${HONORIFICS})\\.?\\s+)+)(?=\\S)`, 'i');
const HONORIFIC_ALONE = new RegExp(`^(?:${HONORIFICS})\\.?$`, 'i');

/** "Councillor J. Slater" → { honorific: "Councillor", name: "J. Slater" }. */
export function splitHonorific(name: string): { honorific?: string; name: string } {
  const m = HONORIFIC.exec(name);
  if (!m || m[0].length >= name.length) return { name };
  return { honorific: m[1].trim(), name: name.slice(m[0].length).trim() };
}

/** Words that name a body or an agenda line, never a person ("OpenJS Foundation Board of Directors"). */
const NOT_A_PERSON = /\b(?:foundation|council|committee|board|directors|maintainers|group|groups|team|teams|members|project|projects|working|association|department|agenda|meeting|update|updates|review|vote|quorum|minutes|notes|welcome|introductions|announcements|business|items?|tbd|none|n\/a|everyone|all|others?)\b/i;
/** Lower-case words inside a name: "Antoine du Hamel", "Ludwig van Beethoven". */
const PARTICLE = /^(?:de|da|di|do|del|della|der|den|des|du|dos|das|le|la|van|von|ten|ter|zu|bin|binti|al|el|y|e|st\.?)$/;
const PRONOUN = /^(?:i|we|they|he|she|you|it|someone|somebody|nobody|everybody|folks|people)$/i;

/**
 * Whether text reads as one person's name: a few capitalised words (or
 * particles, initials, a single handle), no digits, no body or agenda words.
 */
export function looksLikePerson(name: string): boolean {
  const n = name.trim();
  if (n.length < 2 || n.length > 60 || /\d/.test(n) || NOT_A_PERSON.test(n)) return false;
  const words = n.split(/\s+/).map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '')).filter((w) => w !== '');
  if (words.length === 0 || words.length > 6) return false;
  if (words.length === 1) return !PRONOUN.test(words[0]) && /^[\p{L}@][\p{L}\p{M}'’._-]*$/u.test(words[0]);
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && i < words.length - 1 && PARTICLE.test(w)));
}

export function readAttendeeEntry(raw: string): AttendeeEntry | undefined {
  // "Councillor J. Slater (in the Chair)." — a sentence's full stop after the notes.
  let text = raw.replace(/\s+/g, ' ').trim().replace(/\)\s*[.;]$/, ')');
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
  // "Marlow Warnicke - SchedMD", "Alan Parry - (Yellow Dog)": the organisation after a dash.
  const dash = /^(.+?)\s+[-–—]\s*(.*)$/.exec(text);
  if (dash && looksLikePerson(splitHonorific(dash[1]).name) && !/^[\p{Ll}]/u.test(dash[2])) {
    text = dash[1];
    if (dash[2] !== '') affiliation = affiliation ? `${dash[2]}; ${affiliation}` : dash[2];
  }
  const comma = /^([^,]+),\s*(.+)$/.exec(text);
  if (comma && !/^(dr|mr|mrs|ms|prof|cllr)\.?$/i.test(comma[1])) {
    text = comma[1];
    affiliation = affiliation ?? comma[2];
  }
  const written = text.replace(/\s+@[\w-]+$/, '').replace(/[*_]/g, '').trim();
  const { honorific, name } = splitHonorific(written);
  if (name === '') return undefined;
  if (role && NON_VOTING.test(role)) voting = false;
  // "(in the Chair)" is the Chair.
  if (role && /^in the chair$/i.test(role)) role = 'Chair';
  const attendee: Attendee = { name };
  if (honorific) attendee.honorificPrefix = honorific;
  if (role) attendee.role = role.replace(/^\w/, (c) => c.toUpperCase());
  if (affiliation) attendee.affiliation = affiliation;
  if (voting !== undefined) attendee.voting = voting;
  // "(substitute for Councillor A. Lane)", "(for Cllr B. Fox)", ", deputising for Dr C. Dee": who they sit for.
  const sub = SUBSTITUTE.exec(`${role ?? ''}; ${affiliation ?? ''}`);
  if (sub) attendee.substituteFor = sub[1].trim();
  return { attendee, absent };
}

/** The member a substitute sits for, after "substitute for", "deputising for", "sub for" or a bare "for" before a name. */
const SUBSTITUTE =
  /(?:^|[;,]\s*)(?:(?:as\s+)?(?:a\s+)?(?:substitute|substituting|sub|deputising|deputizing|deputy|attending|standing in|in place)\s+(?:for|of)\s+|for\s+(?=(?:councillor|cllr|dr|mr|mrs|ms|prof|[A-Z]\.)\s?))((?:[A-Z][\w.'-]*\s?){1,5})/i;

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

/**
 * "Apologies for absence were received from Councillor J. Harding, M. Bailey
 * and J. McGregor", "Regrets from …": the lead-in, and the names after it.
 */
const APOLOGIES_LEAD = /^(?:apologies|regrets)(?:\s+for\s+absence)?(?:\s+(?:were|was|have been|had been))?(?:\s+(?:received|given|sent|noted|tendered))?\s*(?:from|by|:)\s*/i;

/** The names of an apologies lead-in sentence, or undefined when the text is not one. */
export function readApologiesLeadIn(raw: string): AttendeeEntry[] | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length > 1000) return undefined;
  const m = APOLOGIES_LEAD.exec(text);
  if (!m) return undefined;
  // "Apologies from Belinda Weaver who now cannot attend." — the names end where the sentence goes on.
  const rest = text.slice(m[0].length).replace(/\s+(?:who|as|because|since|due to)\b.*$/i, '').replace(/[.;]\s*$/, '');
  return namesOf(rest).map((e) => ({ ...e, absent: true }));
}

/** Several people written in a row ("A, B and C") or one; only entries that read as people. */
export function namesOf(text: string): AttendeeEntry[] {
  const parts = splitNames(text);
  const entries = (parts.length > 1 ? parts : [text]).map(readAttendeeEntry).filter((a): a is AttendeeEntry => a !== undefined);
  return entries.filter((e) => looksLikePerson(e.attendee.name));
}

/** "CRob sends regrets", "Daniel can't join today", "Ann and Bob are unable to attend". */
const REGRETS_SENTENCE = /^(.{1,120}?)\s+(?:(?:sends?|sent|gave|has sent|have sent)\s+(?:(?:his|her|their)\s+)?(?:regrets|apologies)|(?:can(?:no|'|’)?t|can not|could(?:n't|n’t| not)|(?:is|are|was|were) (?:unable|not able) to|will not|won't|won’t)\s+(?:join|attend|make it|be (?:here|present|there))|(?:is|are|was|were) (?:absent|away|out) (?:today|this week))\b/i;

/**
 * The people a sentence says are absent, anywhere in the minutes (a note under
 * "Determine quorum"): "We have TAC quorum. Daniel can't join today."
 */
export function readRegrets(raw: string): AttendeeEntry[] {
  const text = raw.replace(/\s+/g, ' ').trim().slice(0, 600);
  const out: AttendeeEntry[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const m = REGRETS_SENTENCE.exec(sentence.trim());
    if (!m) continue;
    const subject = m[1].replace(/^(?:and|also|but|however,?)\s+/i, '');
    const names = splitNames(subject).map((p) => p.trim());
    if (names.length === 0 || !names.every(looksLikePerson)) continue;
    for (const n of names) {
      const e = readAttendeeEntry(n);
      if (e) out.push({ attendee: e.attendee, absent: true });
    }
  }
  return out;
}

/**
 * A person's name as a roster compares it: the surname (last word, lower case,
 * accents and punctuation kept apart) and the initials of the given names.
 * "Councillor J. Slater", "Cllr Jane Slater" and "J Slater" are one person;
 * "Hemingway" alone is the surname with no initials.
 */
export interface NameKey {
  surname: string;
  initials: string;
}

/** The key of a written name, after its honorific; undefined when it has no word to compare. */
export function nameKey(written: string): NameKey | undefined {
  const { name } = splitHonorific(written.replace(/\s*\([^()]*\)\s*/g, ' ').replace(/,.*$/, '').trim());
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[\s.]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, ''))
    .filter((w) => w !== '');
  if (words.length === 0 || (words.length === 1 && HONORIFIC_ALONE.test(words[0]))) return undefined;
  const surname = words[words.length - 1].toLowerCase().replace(/’/g, "'");
  if (surname.length < 2) return undefined;
  const initials = words
    .slice(0, -1)
    .filter((w) => !PARTICLE.test(w))
    .map((w) => w[0].toLowerCase())
    .join('');
  return { surname, initials };
}

/**
 * Whether two written names can be one person: the same surname, and initials
 * that agree as far as both are written ("J. Slater" and "Jane Slater"; not
 * "J. Slater" and "K. Slater"; "Slater" alone agrees with either).
 */
export function samePerson(a: NameKey, b: NameKey): boolean {
  if (a.surname !== b.surname) return false;
  if (a.initials === '' || b.initials === '') return true;
  return a.initials.startsWith(b.initials) || b.initials.startsWith(a.initials);
}
