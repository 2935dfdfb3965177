/**
 * How votes are written down, and how bodies say they decide.
 *
 * Recorded votes, as council minutes and foundations' notes keep them:
 * "For: Councillors A. Smith, B. Jones and C. Patel (3)", "Against (1): Cllr
 * D. Evans", "Abstained: none", "+1: Alice, Bob", one per line or run
 * together in one paragraph. Voting rules, as terms of reference state them:
 * "decisions shall be taken by a simple majority of members present and
 * voting", "a two-thirds supermajority of the TSC", "by consensus",
 * `majority: two-thirds` in the front matter.
 *
 * Every pattern runs on a capped slice of one paragraph, with no nested
 * quantifiers, so the cost stays linear.
 */
import type { NamedVote, ResolutionVotes, VotingRule } from '../../model.js';

/** How much of a paragraph is looked at. */
const MAX = 4000;

type Option = NamedVote['option'];

/** A vote label as minutes write it, before a colon: "For", "In favour", "Against", "Abstentions", "+1". */
const LABEL_WORDS =
  '(?:votes?\\s+)?(?:for|in\\s+favou?r|yes|ayes?|aye|\\+1|against|no|nays?|noes|opposed|-1|−1|abstain(?:ed|ing|s)?|abstentions?|absent|did\\s+not\\s+vote|not\\s+voting)';
/**
 * A label opening a segment: at the start, after a line break, `;`, `.` or
 * `(`, or after a space when it is capitalised ("… and C. Patel Against: …",
 * as a paragraph's soft breaks are read). "0:" only at the start of a line.
 */
const LABEL = new RegExp(
  `(?:^|(?<=[\\n;.(]\\s{0,3})|(?<=\\s)(?=[A-Z+\\-−]))(${LABEL_WORDS}|(?<=^|\\n)0)\\s*(?:\\((\\d{1,3})\\))?\\s*:`,
  'gi',
);

function optionOf(label: string): Option {
  const l = label.toLowerCase().replace(/^votes?\s+/, '');
  if (/^(?:for|in\s+favou?r|yes|ayes?|aye|\+1)$/.test(l)) return 'yes';
  if (/^(?:against|no|nays?|noes|opposed|-1|−1)$/.test(l)) return 'no';
  if (/^(?:absent|did\s+not\s+vote|not\s+voting)$/.test(l)) return 'absent';
  return 'abstain';
}

/** Honorifics written before a list of names or a name: "Councillors", "Cllrs", "Cllr", "Dr". */
const HONORIFIC = /^(?:councillors?|cllrs?\.?|aldermen|alderman|mrs?\.?|ms\.?|miss|dr\.?|prof(?:essor)?\.?|sir|dame|lord|lady|the\s+rt\.?\s+hon\.?)\s+/i;

/** One option of a recorded vote: who, and how many when the count is written. */
export interface VoteSegment {
  option: Option;
  /** The count written with it ("For (3):", "For: 3", "… C. Patel (3)"), when written. */
  count?: number;
  voters: string[];
  /** Offsets of the segment in the text given. */
  start: number;
  end: number;
}

/**
 * The options of a recorded vote, when `text` is one: "For: Councillors A, B
 * and C (3); Against: Cllr D; Abstained: none". Undefined when it is not (no
 * label, or what follows a label is prose rather than names or a count).
 */
export function recordedVote(text: string): VoteSegment[] | undefined {
  const t = text.slice(0, MAX);
  // Every label ends with a colon: a text without one (most paragraphs) has none, and the
  // pattern, with its look-behinds at every position, need not run.
  if (!t.includes(':')) return undefined;
  // After a plain space a label must be capitalised ("… C. Patel Against: …"), not "asked for: a report".
  const labels = [...t.matchAll(LABEL)].filter((m) => {
    const at = m.index!;
    return at === 0 || /[\n;.(]\s{0,3}$/.test(t.slice(Math.max(0, at - 4), at)) || /^[A-Z+\-−0]/.test(m[1]);
  });
  if (labels.length === 0) return undefined;
  const out: VoteSegment[] = [];
  for (let i = 0; i < labels.length && out.length < 8; i++) {
    const m = labels[i];
    const start = m.index!;
    const end = i + 1 < labels.length ? labels[i + 1].index! : t.length;
    const seg = segment(optionOf(m[1]), m[2], t.slice(start + m[0].length, end));
    if (!seg) return undefined;
    out.push({ ...seg, start, end });
  }
  // One label alone ("For: information", "Yes: we go ahead") is a vote only with its count ("For: 6").
  if (out.length === 1 && out[0].count === undefined) return undefined;
  return out;
}

function segment(option: Option, labelCount: string | undefined, body: string): Omit<VoteSegment, 'start' | 'end'> | undefined {
  let rest = body.replace(/\s+/g, ' ').trim().replace(/[.;,]+$/, '').trim();
  let count = labelCount !== undefined ? Number(labelCount) : undefined;
  // "… C. Patel (3)", "3 – Cllrs A, B and C", "6"
  const trailing = /\s*\((\d{1,3})\)$/.exec(rest);
  if (trailing) {
    count ??= Number(trailing[1]);
    rest = rest.slice(0, trailing.index).trim();
  }
  const leading = /^(\d{1,3})(?:\s*(?:[-–—:]|votes?\b)\s*|$)/.exec(rest);
  if (leading) {
    count ??= Number(leading[1]);
    rest = rest.slice(leading[0].length).trim();
  }
  if (rest === '' || /^(?:none|nil|nobody|no one|n\/a|-|–|—|0)$/i.test(rest)) {
    if (count === undefined && rest === '') return undefined;
    return { option, count: count ?? 0, voters: [] };
  }
  const voters = namesOf(rest);
  if (!voters) return undefined;
  return count !== undefined ? { option, count, voters } : { option, voters };
}

/** "Councillors A. Smith, B. Jones and C. Patel" → the names; undefined when it reads as prose. */
function namesOf(list: string): string[] | undefined {
  const plural = HONORIFIC.exec(list);
  const body = plural && /s\.?\s+$|^(?:aldermen)\s/i.test(plural[0]) ? list.slice(plural[0].length) : list;
  const parts = body.split(/\s*(?:,|;|\band\b|&)\s*/i).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 200) return undefined;
  const names: string[] = [];
  for (const raw of parts) {
    const name = raw.replace(/^@/, '').replace(/\s*\([^)]{0,60}\)$/, '').trim();
    // A name is a few words with a letter, no sentence punctuation: "A. Smith", "Cllr D. Evans", "benjie".
    if (name === '' || name.length > 80 || !/\p{L}/u.test(name) || /[!?:]/.test(name)) return undefined;
    if (name.split(/\s+/).length > 5) return undefined;
    if (/^(?:the|that|this|it|we|they|there|was|were|is|to|be|which|who)\b/i.test(name)) return undefined;
    names.push(voterName(name));
  }
  return names;
}

/** A voter's name as a cell or list gives it, without honorific: "Councillor A. Smith" → "A. Smith". */
export function voterName(raw: string): string {
  const name = raw.replace(/^@/, '').replace(/\s+/g, ' ').trim();
  return name.replace(HONORIFIC, '').trim() || name;
}

/** The named votes and per-option counts of a recorded vote's segments. */
export function namedVotes(segments: readonly VoteSegment[]): {
  named: NamedVote[];
  counts: Partial<Record<Option, number>>;
} {
  const named: NamedVote[] = [];
  const counts: Partial<Record<Option, number>> = {};
  for (const s of segments) {
    for (const voter of s.voters) named.push({ voter, option: s.option });
    counts[s.option] = (counts[s.option] ?? 0) + (s.count ?? s.voters.length);
  }
  return { named, counts };
}

/** A surname-level key for a person's name: "Councillor J. Slater", "Slater", "Jo Slater" → "slater". */
export function personKey(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/,.*$/, '')
    .replace(HONORIFIC, '')
    .toLowerCase()
    .split(/[\s.]+/)
    .filter((w) => w.length > 1 && !/^(?:cllr|councillor|mr|mrs|ms|dr|prof|mbe|obe|cbe|jp|qc|kc)$/.test(w));
  return words[words.length - 1] ?? name.toLowerCase().trim();
}

/**
 * A decision's votes with a recorded vote added: the counts it lacks taken
 * from the vote's options, its names after any already known (at most 500).
 */
export function withRecordedVote(votes: ResolutionVotes | undefined, segments: readonly VoteSegment[]): ResolutionVotes {
  const { named, counts } = namedVotes(segments);
  const v: ResolutionVotes = { ...votes };
  for (const k of ['yes', 'no', 'abstain', 'absent'] as const) if (v[k] === undefined && counts[k] !== undefined) v[k] = counts[k];
  if (named.length) v.named = [...(v.named ?? []), ...named].slice(0, 500);
  return v;
}

/** A tally in words, as messages give it: "5 for, 4 against, 1 abstaining". */
export function tallyText(v: Pick<ResolutionVotes, 'yes' | 'no' | 'abstain'>): string {
  return [v.yes !== undefined ? `${v.yes} for` : '', v.no !== undefined ? `${v.no} against` : '', v.abstain !== undefined ? `${v.abstain} abstaining` : '']
    .filter(Boolean)
    .join(', ');
}

// ---------------------------------------------------------------------------
// Voting rules

/** A threshold as written: "simple majority", "two-thirds majority", "a 2/3 vote", "supermajority (60%)", "unanimous", "consensus". */
const THRESHOLD =
  /\b(?:(two[- ]thirds?|2\/3|three[- ]quarters?|3\/4|three[- ]fifths?|3\/5|(\d{2,3})\s?(?:%|per ?cent))(?:\s*\([^)]{0,12}\))?\s+(?:super[- ]?majority|majority|votes?|of)|(?:simple|absolute|bare|ordinary)\s+majority|super[- ]?majority(?:\s*\((\d{2})\s?%\))?|majority|unanim(?:ous(?:ly)?|ity)|(?:lazy\s+)?consensus)/gi;

/** Words that say the sentence is about taking decisions by vote. */
const DECIDING = /\b(?:decisions?|decide[ds]?|vot(?:e|es|ed|ing)|resolutions?|motions?|approv(?:e|ed|al)|carried|pass(?:es|ed)?|adopt(?:ed|ion)?|agree(?:d|ment)?|determined|taken)\b/i;

const PURPOSE: [RegExp, NonNullable<VotingRule['purpose']>][] = [
  [/\b(?:amend(?:ed|ing|ments?)?|chang(?:e|es|ing)\s+(?:to\s+)?(?:these|this|the)|revis(?:e|ion)|dissol(?:ve|ution))\b/i, 'amendment'],
  [/\b(?:remov(?:e|ed|al|ing)|dismiss(?:al)?|expel(?:led)?|expulsion|recall|suspen(?:d|sion)|vote of no confidence)\b/i, 'removal'],
  [/\b(?:elect(?:ed|ion|ions|ing)?|appoint(?:ed|ment|ing)?|nominat(?:e|ed|ion))\b/i, 'election'],
];

/** What a decision is about, for a voting rule that applies only to some (amending the terms, removing a member, elections). */
export function decisionPurpose(text: string): VotingRule['purpose'] | undefined {
  const t = text.slice(0, 600);
  for (const [re, purpose] of PURPOSE) if (re.test(t)) return purpose;
  return undefined;
}

/** Where a sentence turns to another case: "…, except that …", "; changes to …", "… but removal requires …". */
const CLAUSE_BREAK = /;|,?\s+(?:except(?:\s+that)?|save\s+that|but|whereas|while|unless|however)\b|\.\s+/gi;

/**
 * The voting rules a sentence of terms of reference states: "Decisions shall
 * be made by a simple majority of members present and voting, except that
 * changes to these terms require a two-thirds majority of the voting
 * members" → a simple majority of the votes cast, and a two-thirds majority
 * of the membership for amendments. A majority that defines a quorum ("a
 * quorum is a majority of members") is not a voting rule.
 */
export function votingRulesOf(sentence: string, source: VotingRule['source']): VotingRule[] {
  const t = sentence.slice(0, 1200).replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
  if (source === 'body' && (!DECIDING.test(t) || /^\W*(?:a\s+|the\s+)?quor(?:um|ate)\b/i.test(t))) return [];
  const text = t.length > 400 ? t.slice(0, 399) + '…' : t;
  const breaks = [0, ...[...t.matchAll(CLAUSE_BREAK)].map((m) => m.index! + m[0].length), t.length];
  const out: VotingRule[] = [];
  for (const m of t.matchAll(THRESHOLD)) {
    const at = m.index!;
    // "must have quorum (majority of members present)", "… constitute a quorum": the majority is a quorum's.
    const q = /\bquor(?:um|ate)\b(?![\s\S]*\bquor(?:um|ate)\b)/i.exec(t.slice(0, at));
    if (q && !/[);]|\band\b/.test(t.slice(q.index + q[0].length, at)) && at - q.index < 40) continue;
    if (/\bquor(?:um|ate)\b/i.test(t.slice(at, at + m[0].length + 60))) continue;
    const rule = thresholdOf(m[0].toLowerCase(), m);
    if (!rule) continue;
    const before = t.slice(Math.max(0, at - 40), at).toLowerCase();
    const after = t.slice(at + m[0].length, at + m[0].length + 120).toLowerCase();
    // Consensus as the way decisions are made ("by consensus", "a consensus-seeking model"), not "when consensus is not reached".
    if (rule.rule === 'consensus' && source === 'body') {
      if (/\b(?:if|when|unless|not|no|cannot|without|against the|absence of|fail(?:s|ing)? to reach)\s+(?:\w+\s+){0,2}$/.test(before) || /^\s+(?:is|was|has|cannot|can't|could)\s+(?:not|never)\b|^\s+(?:cannot|can't)\b/.test(after)) continue;
      if (!/\b(?:by|through|via|uses?|follows?|on|reach(?:es|ed)?|seeks?|seek(?:ing)?|of)\s+(?:\w+\s+){0,2}$/.test(before) && !/^[\s-]+(?:seeking|decision|model|based|of|among|amongst)\b/.test(after)) continue;
    }
    // "90% of the active weight": a share of something other than votes or members is not a voting rule.
    if ((m[2] || m[1]) && !/majority|vote/.test(m[0].toLowerCase()) && !/^\s*(?:the\s+|all\s+)?(?:votes|members|voting|those|directors|representatives|\w+\s+members)\b/.test(after)) continue;
    const r: VotingRule = { text, ...rule, of: baseOf(after), source };
    // What the rule is for, from its own clause: "changes to these terms require …".
    let from = 0;
    let to = t.length;
    for (const b of breaks) {
      if (b <= at) from = b;
      else if (b < to) to = b;
    }
    const purpose = decisionPurpose(t.slice(from, to));
    if (purpose) r.purpose = purpose;
    if (!out.some((o) => o.rule === r.rule && o.of === r.of && o.purpose === r.purpose)) out.push(r);
    if (out.length >= 4) break;
  }
  return out;
}

/** The first voting rule a sentence states (see `votingRulesOf`). */
export function votingRuleOf(sentence: string, source: VotingRule['source']): VotingRule | undefined {
  return votingRulesOf(sentence, source)[0];
}

function thresholdOf(word: string, m: RegExpMatchArray): Pick<VotingRule, 'rule' | 'fraction'> | undefined {
  if (/^unanim/.test(word)) return { rule: 'unanimous' };
  if (/consensus/.test(word)) return { rule: 'consensus' };
  const pct = m[2] ?? m[3];
  if (pct) return Number(pct) > 0 && Number(pct) <= 100 ? { rule: 'fraction', fraction: { numerator: Number(pct), denominator: 100 } } : undefined;
  const share = (m[1] ?? '').toLowerCase();
  if (/two|2\/3/.test(share)) return { rule: 'fraction', fraction: { numerator: 2, denominator: 3 } };
  if (/three[- ]quarters?|3\/4/.test(share)) return { rule: 'fraction', fraction: { numerator: 3, denominator: 4 } };
  if (/three[- ]fifths?|3\/5/.test(share)) return { rule: 'fraction', fraction: { numerator: 3, denominator: 5 } };
  if (/super[- ]?majority/.test(word)) return { rule: 'fraction', fraction: { numerator: 2, denominator: 3 } };
  if (/majority/.test(word)) return { rule: 'majority' };
  return undefined;
}

/** What the share is of, from the words after the threshold: "of members present and voting", "of the voting members", "of votes cast". */
function baseOf(after: string): VotingRule['of'] {
  const a = after.replace(/^\s*\([^)]{0,20}\)/, '').replace(/^[\s,(]+/, '').slice(0, 100);
  if (/\bvotes?\s+cast\b|\bpresent\s+and\s+voting\b|\b(?:those|members|persons)\s+voting\b|\bballots?\b/.test(a.slice(0, 70)) || /^(?:vote\s+)?of\s+(?:the\s+)?votes\b/.test(a)) return 'cast';
  if (/^(?:vote\s+)?(?:of\s+)?[^.;]{0,40}?\b(?:present|attending|in attendance)\b/.test(a)) return 'present';
  if (/^(?:vote\s+)?of\s+(?:all\s+)?(?:the\s+|its\s+)?(?:whole\s+|entire\s+|full\s+)?(?:voting\s+)?[a-z]{2,14}\b/.test(a)) return 'members';
  return 'cast';
}

/**
 * The votes for needed out of a tally under `rule`, and whether the tally
 * reaches it: undefined when the tally does not say enough (a share of the
 * votes cast with no count against).
 */
export function majorityReached(
  rule: Pick<VotingRule, 'rule' | 'fraction' | 'of'>,
  votes: { yes?: number; no?: number; abstain?: number; unanimous?: boolean },
  present: number | undefined,
  members: number | undefined,
): { reached: boolean; needed?: number; base?: number } | undefined {
  const { yes, no } = votes;
  if (rule.rule === 'unanimous' || rule.rule === 'consensus') {
    if (no !== undefined) return { reached: no === 0 };
    return votes.unanimous ? { reached: true } : undefined;
  }
  if (yes === undefined) return undefined;
  const base = rule.of === 'cast' ? (no !== undefined ? yes + no : undefined) : rule.of === 'present' ? present : members;
  if (base === undefined || base <= 0) return undefined;
  const needed =
    rule.rule === 'majority' ? Math.floor(base / 2) + 1 : Math.ceil((base * rule.fraction!.numerator) / rule.fraction!.denominator - 1e-9);
  return { reached: yes >= needed, needed, base };
}

/** "a two-thirds majority of votes cast", "a simple majority of the members present", "unanimity": a voting rule in words. */
export function describeRule(rule: Pick<VotingRule, 'rule' | 'fraction' | 'of'>): string {
  const of = rule.of === 'cast' ? 'of the votes cast' : rule.of === 'present' ? 'of the voting members present' : 'of the whole voting membership';
  if (rule.rule === 'unanimous') return 'a unanimous vote';
  if (rule.rule === 'consensus') return 'consensus (no objection)';
  if (rule.rule === 'majority') return `a simple majority ${of}`;
  const { numerator: n, denominator: d } = rule.fraction!;
  const share = d === 100 ? `${n}%` : d === 3 && n === 2 ? 'two-thirds' : d === 4 && n === 3 ? 'three-quarters' : d === 5 && n === 3 ? 'three-fifths' : `${n}/${d}`;
  return `a ${share} majority ${of}`;
}
