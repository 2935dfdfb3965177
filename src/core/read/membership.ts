/**
 * Reads the membership of a body (Popolo posts) and its quorum.
 *
 * Seats come from:
 * - the lists and tables of a Membership (Composition…) section, or of any
 *   section of a document whose title says it is a membership paper;
 * - a list introduced as the membership ("… shall also comprise of:",
 *   "The five primary members are:"), wherever it is;
 * - a composition sentence ("The Steering Committee is composed of seven (7)
 *   members", "a body comprised of 9 individuals"); when a breakdown of the
 *   same total follows, the total is not a seat of its own;
 * - member classes ("TSC members can be either regular members or voting
 *   members", "must have at least four voting members");
 * - party tables (one column per political group; the Total row is not a seat)
 *   and a "No. of Members" cell that names its officers ("5 (plus *Director of
 *   Public Health …)");
 * - standing delegations ("Package Distribution Metadata PEPs: Paul Moore").
 *
 * Counts are read as written ("Three (3) community members", "Third Sector (2
 * representatives)", "(3 representatives: Chair, …)"); `*` marks a statutory
 * seat. Notes on the membership (a Notes list: nomination, rotation, terms, the
 * `*` legend) are `membershipNotes`, not seats, and a sentence-like list item
 * is never a seat.
 *
 * The quorum is the first rule stated in a Quorum section, or else the first
 * sentence anywhere that speaks of quorum and states one ("The TAC must have
 * quorum (majority of members present)", "N - 2").
 */
import type { List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import type { Seat } from '../model.js';
import type { Range } from '../text/range.js';
import { delegation } from './functions.js';
import { plainText, sentenceSpans } from './phrases/duties.js';
import { badCount, countOf, readQuorum, wordNumber } from './phrases/numbers.js';
import { cellContentRange, isYes, itemLead, normaliseHeading, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import { looksLikePerson, splitHonorific } from './phrases/people.js';
import { metaText, type ReadContext, type Reader } from './reader.js';

interface PendingSeat {
  seat: Seat;
  range: Range | undefined;
  /** A total stated before (or after) its breakdown ("composed of five (5) primary members"). */
  total?: boolean;
}

const NUM = '\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';
const COMPOSITION = new RegExp(
  `\\b(?:composed|comprised|made up|consists?|consisting|constituted)\\s+of\\s+(?:up to\\s+|at least\\s+|no more than\\s+)?(${NUM})\\s*(?:\\(\\d{1,3}\\)\\s*)?((?:[a-z-]+\\s+){0,3}?)(members|individuals|people|persons|representatives|seats|voting members)\\b`,
  'i',
);
const CLASSES = /\b(?:members?\s+(?:can|may|will|shall)\s+be\s+either|(?:two|2)\s+(?:classes|kinds|types)\s+of\s+members?:?)\s+([a-z-]{3,20})\s+members?\s+or\s+([a-z-]{3,20})\s+members?\b/i;
const VERBISH = /\b(?:is|are|was|were|will|shall|must|may|can|should|would|be|been|has|have|had|denotes|rotate|rotates|serve|serves)\b/i;
const SEAT_INTRO = /\b(?:comprise[sd]?(?: of)?|comprising|composed of|consists? of|consisting of|made up of|members (?:are|will be|shall be))\s*[^.:]{0,60}:\s*$/i;
/** The intro must be about the members: "The project is comprised of the following types of subgroups:" is not. */
const MEMBER_WORDS = /\b(?:members?|membership|representatives?|seats?|positions?)\b/i;

export const membership: Reader = {
  id: 'membership',
  description: 'Seats of the body (Popolo posts) from membership sections, lists, composition sentences and party tables; membership notes; the quorum.',
  applies: (r) => r.membership,
  create(ctx) {
    const { b } = ctx;
    b.content.seats = [];
    const pending: PendingSeat[] = [];
    const notes: { text: string; number?: number; range: Range | undefined }[] = [];
    let membershipDoc = /\bmembership\b/i.test(metaText(ctx, 'title'));
    let titled = false;
    let quorumFromSection = false;
    let intro: { text: string; endLine: number } | undefined;
    /** Member classes read from prose, to give "at least four voting members" its class. */
    const classes = new Map<string, PendingSeat>();

    const inMembership = (): boolean => {
      const s = ctx.section;
      if (s?.kind === 'membership') return true;
      return membershipDoc && (s === undefined || s.kind === undefined) && !isNotesHeading(s?.title ?? '');
    };
    const inNotes = (): boolean => {
      const t = ctx.section?.title ?? '';
      return isNotesHeading(t) && (membershipDoc || /\bmember/i.test(t));
    };
    const push = (seat: Seat, node: Nodes | undefined, range?: Range, total?: boolean): PendingSeat => {
      const p: PendingSeat = { seat, range: range ?? (node ? rangeOfNode(node) : undefined), total };
      pending.push(p);
      return p;
    };

    const readQuorumIn = (p: Paragraph): void => {
      const s = p.position?.start.offset;
      const e = p.position?.end.offset;
      if (s === undefined || e === undefined) return;
      const inSection = ctx.section?.kind === 'quorum';
      if (inSection && quorumFromSection) return;
      if (!inSection && b.content.quorum !== undefined) return;
      if (inSection) {
        const text = textOf(p);
        const q = readQuorum(text);
        if (q) {
          b.content.quorum = { text, source: 'section', ...q };
          b.map('/content/quorum', rangeOfNode(p));
          quorumFromSection = true;
        } else reportBadCount(ctx, text, s, e);
        return;
      }
      const raw = b.text.slice(s, Math.min(e, s + 20000));
      if (!/\bquor(?:um|ate)\b/i.test(raw)) return;
      for (const sp of sentenceSpans(raw)) {
        const sentence = plainText(raw.slice(sp.start, sp.end));
        if (!/\bquor(?:um|ate)\b/i.test(sentence)) continue;
        const q = readQuorum(sentence);
        if (!q) {
          if (reportBadCount(ctx, sentence, s + sp.start, s + sp.end)) return;
          continue;
        }
        b.content.quorum = { text: sentence, source: 'body', ...q };
        b.map('/content/quorum', b.range(s + sp.start, s + sp.end));
        return;
      }
    };

    const readComposition = (p: Paragraph): void => {
      const s = p.position?.start.offset;
      const e = p.position?.end.offset;
      if (s === undefined || e === undefined) return;
      const raw = b.text.slice(s, Math.min(e, s + 20000));
      for (const sp of sentenceSpans(raw)) {
        const sentence = plainText(raw.slice(sp.start, sp.end));
        const range = b.range(s + sp.start, s + sp.end);
        const c = COMPOSITION.exec(sentence);
        if (c) {
          const count = wordNumber(c[1]);
          if (count !== undefined) {
            const label = capitalise(`${c[2]}${c[3]}`.trim());
            const seat: Seat = { label, count };
            if (/\bup to\b|\bat least\b|\bno more than\b/i.test(c[0])) seat.variable = true;
            push(seat, undefined, range, true);
          }
        }
        const k = CLASSES.exec(sentence);
        if (k) {
          for (const name of [k[1], k[2]]) {
            const seat: Seat = { label: `${capitalise(name)} members`, count: 0, variable: true };
            if (/^(?:regular|non-?voting|observer|associate|honorary|emeritus)$/i.test(name)) seat.voting = false;
            if (/^voting$/i.test(name)) seat.voting = true;
            classes.set(name.toLowerCase(), push(seat, undefined, range));
          }
        }
        // "The TSC must have at least four voting members."
        const least = new RegExp(`\\bat least (${NUM}) ([a-z-]{3,20}) members?\\b`, 'i').exec(sentence);
        if (least) {
          const cls = classes.get(least[2].toLowerCase());
          const n = wordNumber(least[1]);
          if (cls && n !== undefined && cls.seat.count === 0) cls.seat.count = n;
        }
      }
    };

    const seatList = (list: List, organization: string | undefined, depth: number): void => {
      for (const item of list.children) {
        const lead = itemLead(item);
        const nested = item.children.find((n): n is List => n.type === 'list');
        if (nested && depth < 3) {
          // "- Trafford Council" with its seats nested under it.
          seatList(nested, lead.replace(/[:]+$/, ''), depth + 1);
          continue;
        }
        const seat = readSeat(lead, organization);
        // `- 2.5 community members`, `- -3 councillors`: a count that cannot be one, reported at the number.
        const bad = /^\W{0,4}[-\u2212+]?\d/.test(lead) ? badCount(lead.slice(0, 40), 'seats') : undefined;
        if (bad && bad.at <= 4) {
          const r = rangeOfNode(item);
          if (r) reportBadCount(ctx, lead, r.start.offset, r.end.offset, 'seats', 'so the item is counted as one seat');
        }
        if (seat && !startsWithCode(item)) push(seat, item);
      }
    };

    return {
      heading(h) {
        intro = undefined;
        // The document's title ("Membership of Committees 2020/21"), not a later "# Community membership" chapter.
        if (h.depth === 1 && !titled) {
          titled = true;
          if (/\bmembership\b/i.test(textOf(h))) membershipDoc = true;
        }
      },
      paragraph(p) {
        intro = { text: textOf(p), endLine: p.position?.end.line ?? 0 };
        readQuorumIn(p);
        readComposition(p);
        return false;
      },
      list(list) {
        const introText = intro && list.position && list.position.start.line - intro.endLine <= 2 ? intro.text : undefined;
        intro = undefined;
        if (inNotes()) {
          for (const item of list.children) {
            const number = list.ordered ? itemNumberOf(b.text, item) : undefined;
            notes.push({ text: itemLead(item), number, range: rangeOfNode(item) });
          }
          return true;
        }
        const leads = list.children.map(itemLead);
        // "Standing PEP Delegations:" then "- Package Distribution Metadata PEPs: Paul Moore".
        if (introText && /\bdelegat(?:ions?|es|ed)\b[^:]{0,80}:\s*$/i.test(introText) && leads.length > 0 && leads.every((l) => delegation(l) !== undefined)) {
          const kind = introText.replace(/:\s*$/, '').replace(/\s*delegations?$/i, '').trim();
          list.children.forEach((item, i) => {
            const d = delegation(leads[i])!;
            push({ label: `${kind} delegate for ${d.area}`, count: 1, holder: d.holder }, item);
          });
          return true;
        }
        if (!inMembership() && !(introText && SEAT_INTRO.test(introText) && MEMBER_WORDS.test(introText))) return false;
        seatList(list, undefined, 0);
        return true;
      },
      table(t) {
        if (!inMembership()) return false;
        if (partyTable(t, push) || officersCell(t, push)) return true;
        const { rows, col, cell } = tableColumns(t);
        // "| Seat | Member |": the seat in one column, who holds it in another (the roster quorum is counted against).
        const post = col(/^(seat|post|role|position|title|representative)/);
        const named = col(/^(name|member|members|holder|current (?:member|holder)|person|appointee|nominee|councillor|held by)\b/);
        const holderCol = post >= 0 && named >= 0 && named !== post ? named : -1;
        const label = holderCol >= 0 ? post : Math.max(col(/^(seat|post|role|member|members|position|title|name|representative)/), 0);
        const org = col(/organi[sz]ation|nominat|body|on behalf|agency|sector/);
        const count = col(/^(count|number|no\.?|seats|places|#)$/);
        const statutory = col(/statutory/);
        const voting = col(/voting|vote/);
        for (const row of rows) {
          const seat: Seat = { label: cell(row, label), count: 1 };
          if (seat.label === '' || /^total\b/i.test(seat.label)) continue;
          if (org >= 0 && cell(row, org)) seat.organization = cell(row, org);
          if (count >= 0) {
            const written = cell(row, count);
            const n = /^\s*[-\u2212+]?\d/.test(written) ? countOf(written, 'seats') : undefined;
            // `-3`, `2.5`, `99999999999` seats: reported at the cell; the row still counts as one seat.
            if (n && 'reason' in n) {
              const r = cellContentRange(row.children[count]);
              if (r) b.report('seat-count', 'error', { reason: `${n.reason}, so the row is counted as one seat.`, range: r });
            }
            const word = n === undefined ? wordNumber(written) : undefined;
            // Text in the Count column that is no number at all (`Infinity`, `a lot`): said, not counted as one in silence.
            if (n === undefined && word === undefined && !/^\s*(?:[-\u2013\u2014]|n\/?a|tbc|tbd|vacant)?\s*$/i.test(written)) {
              const r = cellContentRange(row.children[count]);
              if (r) b.report('seat-count', 'error', { reason: `\`${written.trim().slice(0, 24)}\` is not a number of seats: write it in digits or in words, so the row is counted as one seat.`, range: r });
            }
            seat.count = n && 'count' in n ? n.count : (word ?? 1);
          }
          if (statutory >= 0) seat.statutory = isYes(cell(row, statutory));
          if (voting >= 0) seat.voting = isYes(cell(row, voting));
          if (holderCol >= 0) holderOf(seat, cell(row, holderCol));
          push(seat, row);
        }
        return true;
      },
      end() {
        // A total followed by its breakdown ("five (5) primary members" = 1 + 1 + 3) would count them twice.
        const parts = pending.filter((p) => !p.total);
        const kept = pending.filter((p) => !p.total || !breakdownOf(p, parts));
        const seats = b.content.seats!;
        for (const p of kept) {
          b.map(`/content/seats/${seats.length}`, p.range);
          seats.push(p.seat);
        }
        if (notes.length > 0) {
          b.content.membershipNotes = [];
          notes.forEach((n, i) => {
            b.content.membershipNotes!.push(n.number !== undefined ? { number: n.number, text: n.text } : { text: n.text });
            b.map(`/content/membershipNotes/${i}`, n.range);
          });
        }
      },
    };
  },
};

/** Whether the seats `parts` break the total `p` down: some run of them adds up to its count. */
function breakdownOf(p: PendingSeat, parts: PendingSeat[]): boolean {
  const target = p.seat.count;
  // Runs of consecutive seats read from one list or table (bounded: a membership has few seats).
  const n = Math.min(parts.length, 200);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i; j < n && s < target; j++) {
      s += parts[j].seat.count;
      if (s === target && j > i) return true;
    }
  }
  return false;
}

function isNotesHeading(title: string): boolean {
  return /\bnotes?\b/i.test(normaliseHeading(title));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function startsWithCode(item: ListItem): boolean {
  const p = item.children[0];
  return p?.type === 'paragraph' && p.children[0]?.type === 'inlineCode';
}

function itemNumberOf(text: string, item: ListItem): number | undefined {
  const o = item.position?.start.offset;
  if (o === undefined) return undefined;
  const m = /^[ \t>]*(\d{1,9})[.)]/.exec(text.slice(o, o + 16));
  return m ? Number(m[1]) : undefined;
}

/** The bracketed part with any counts and lists of roles removed, to test whether the rest reads as a sentence. */
function outsideBrackets(t: string): string {
  return t.replace(/\([^()]{0,300}\)/g, ' ');
}

/**
 * Reports the first number in `text` (read from the document between `from` and `to`) that cannot be a
 * count of members, at that number where it is written; true when there was one.
 */
function reportBadCount(ctx: ReadContext, text: string, from: number, to: number, what = 'members', consequence = 'so it is not read'): boolean {
  const bad = badCount(text, what);
  if (!bad) return false;
  const written = text.slice(bad.at, bad.at + bad.length);
  const at = ctx.b.text.slice(from, to).indexOf(written);
  const range = at < 0 ? ctx.b.range(from, to) : ctx.b.range(from + at, from + at + written.length);
  ctx.b.report('seat-count', 'error', { reason: `${bad.reason}, ${consequence}.`, range });
  return true;
}

/**
 * "Two representatives of X (non-voting)", "Three (3) community members",
 * "Third Sector (2 representatives)", "\*Director of Public Health" → a seat.
 * A sentence ("Members are appointed for two years.") is not one.
 */
export function readSeat(text: string, organization: string | undefined): Seat | undefined {
  const starred = /^\s*\\?\*(?!\*)/.test(text);
  let t = plainText(text).trim();
  if (t === '' || t.length > 220) return undefined;
  if (/[=≥≤]|\d\s*[/x×*]\s*\d/.test(t)) return undefined;
  if (VERBISH.test(outsideBrackets(t))) return undefined;
  if (/[.!?]$/.test(t) && t.split(/\s+/).length > 10) return undefined;
  // "\*Director of Public Health": the `*` legend marks a statutory seat.
  const statutory = starred ? true : undefined;
  let count = 1;
  let label = t;
  const n = /^(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?![.,]\d)\s*(?:\(\d+\)\s*)?(?:x\s+)?/i.exec(t);
  if (n) {
    count = wordNumber(n[1]) ?? 1;
    label = t.slice(n[0].length);
  } else {
    // "Third Sector (2 representatives)", "NHS Trafford CCG (3 representatives: Chair, …)", "Chief Executive Officers (2): (…)".
    const b = /\((\d{1,3})(?:\s+(?:representatives?|members?|places?|seats?|nominees?|councillors?))?\s*(\)|:)/i.exec(t);
    if (b) {
      count = Number(b[1]);
      // A bracket that only counts is dropped from the label; one that names the roles stays.
      if (b[2] === ')') label = `${t.slice(0, b.index)} ${t.slice(b.index + b[0].length).replace(/^\s*:\s*/, '')}`.replace(/\s+/g, ' ').trim();
    }
  }
  label = label.replace(/^the\s+(?=\S)/i, '');
  const seat: Seat = { label: label.replace(/\s*\(non[- ]?voting\)|\s*\(statutory\)/gi, '').trim() || t, count };
  const org = /\s+[—–]\s+(.+)$/.exec(seat.label);
  if (org) {
    seat.organization = org[1];
    seat.label = seat.label.slice(0, org.index);
  } else if (organization) seat.organization = organization;
  if (/\bnon[- ]?voting\b|\bobserver\b|\badvisory\b/i.test(t)) seat.voting = false;
  if (/\bstatutory\b/i.test(t)) seat.statutory = !/\bnon[- ]?statutory\b/i.test(t);
  else if (statutory) seat.statutory = true;
  if (count === 1) namedHolder(seat);
  return seat;
}

/**
 * A seat that names its member: "Councillor J. Slater (Chair)", "Executive
 * Member for Health: Cllr J. Slater", "Director of Public Health — Dr E. Roaf".
 * Only a name written with an honorific or initials is taken for a person, so
 * "Director of Public Health" or "Executive Member" never is.
 */
function namedHolder(seat: Seat): void {
  if (seat.organization && isNamedPerson(seat.organization)) {
    seat.holder = seat.organization.replace(/\s*\([^()]*\)\s*$/, '');
    delete seat.organization;
    return;
  }
  const colon = /^(.{3,80}?):\s+(.+)$/.exec(seat.label);
  if (colon && isNamedPerson(colon[2])) {
    seat.holder = colon[2].replace(/\s*\([^()]*\)\s*$/, '');
    return;
  }
  if (isNamedPerson(seat.label)) seat.holder = seat.label.replace(/\s*\([^()]*\)\s*$/, '');
}

function isNamedPerson(text: string): boolean {
  const bare = text.replace(/\s*\([^()]*\)\s*$/, '').trim();
  const { honorific, name } = splitHonorific(bare);
  if (!looksLikePerson(name) || name.split(/\s+/).length > 4) return false;
  return honorific !== undefined || /^\p{Lu}\.?\s+\p{Lu}/u.test(name) || /^\p{Lu}\.\p{Lu}\.?\s/u.test(name);
}

/**
 * A party table: one column per political group ("Labour Group | Conservative
 * Group"), a cell per position; "Councillors:" rows label, the Total row sums.
 */
function partyTable(t: Table, push: (seat: Seat, node: Nodes | undefined) => unknown): boolean {
  const { headers, rows, cell } = tableColumns(t);
  const named = headers.filter((h) => h !== '');
  if (named.length < 2 || !named.every((h) => /\b(?:group|party)\b/.test(h) && h.length < 60)) return false;
  const heads = t.children[0].children.map((c) => textOf(c).replace(/\s+(?:group|party group|party)$/i, '').trim());
  for (const row of rows) {
    const first = cell(row, 0);
    if (/^total\b/i.test(first)) continue;
    row.children.forEach((_c, i) => {
      const text = cell(row, i).trim();
      if (text === '' || /:\s*$/.test(text) || /^[\d\s]+$/.test(text)) return;
      const seat = readSeat(text, heads[i] || undefined);
      if (seat) push(seat, row);
    });
  }
  return true;
}

/**
 * "| Health and Wellbeing Board | 5 (plus \*Corporate Director of Children
 * Services, …, \*Director of Public Health and 16 External Partners) |": the
 * officers named in the cell are seats; the numbers are totals counted elsewhere.
 */
function officersCell(t: Table, push: (seat: Seat, node: Nodes | undefined) => unknown): boolean {
  const { rows, col, cell } = tableColumns(t);
  const count = col(/\b(?:no\.?|number) of (?:members|seats|places)\b/);
  if (count < 0) return false;
  let found = false;
  for (const row of rows) {
    const m = /\(plus\s+([^()]{1,600})\)/i.exec(cell(row, count));
    if (!m) continue;
    const names = m[1].split(/\s*,\s*|\s+and\s+/).map((s) => s.trim()).filter(Boolean);
    for (const name of names) {
      if (/^\d/.test(name)) continue;
      const seat = readSeat(name, undefined);
      if (seat) {
        push(seat, row);
        found = true;
      }
    }
  }
  return found;
}

export type { ReadContext };

/** "Vacant", "vacancy", "to be appointed", "TBC", "-": nobody holds the seat. */
const VACANT = /^(?:[-\u2013\u2014]|vacant|vacancy|to be (?:appointed|confirmed|nominated)|awaiting (?:appointment|nomination)|tbc|tba|tbd)\.?$/i;

/** The holder cell of a seat: a name, or the seat left empty. */
function holderOf(seat: Seat, written: string): void {
  const text = written.replace(/[*_]/g, '').trim();
  if (text === '') return;
  if (VACANT.test(text)) {
    seat.vacant = true;
    return;
  }
  if (text.length <= 80) seat.holder = text;
}
