/**
 * Decisions written without a formal marker, as minutes record them: votes
 * with a tally ("6 in favour – passes", "VOTE: Unanimous, 9/9 agreed"),
 * consensus calls ("Consensus on stage 1", "we had consensus and blessing
 * to …"), a body's own verb ("TAC agreed to merge …", "Approved EIP2"),
 * "it was agreed …", and what each decision's outcome and tally were.
 *
 * Every pattern runs on a capped slice of one paragraph or list item, with
 * no nested quantifiers, so the cost stays linear.
 */

export type Outcome = 'adopted' | 'rejected' | 'deferred' | 'noted';

/** A vote's counts as written (Popolo VoteEvent counts: yes, no, abstain). */
export interface Votes {
  yes?: number;
  no?: number;
  abstain?: number;
  unanimous?: boolean;
}

/** How much of a paragraph the phrase patterns look at. */
const MAX = 1200;

const DEFERRED =
  /\b(?:defer(?:s|red|ral)?|postpone[ds]?|tabled|table (?:the |further )?(?:discussion|item|issue|proposal)|punted|rescheduled|adjourned|to be continued|revisit(?:ed|ing)?|(?:discussed|considered|taken up) again|(?:will be|to be) (?:revisited|discussed) (?:later|at|in|next))\b/;
const REJECTED =
  /\b(?:not (?:agreed|approved|adopted|accepted|advancing|advanced|included|carried|supported)|no consensus|did not (?:seek|reach|get|achieve|pass)|(?:was|were|is|been) (?:rejected|declined|refused|defeated|denied)|(?:motion|amendment|vote|proposal) (?:was )?(?:fails|failed|lost|fell|defeated)|will not (?:be included|go forward|proceed)|remains at stage)\b/;
/** A status word after the subject ("Move to Slack: Rejected", "Motion 2 — lost"), or alone in a Decision cell. */
const STATUS_REJECTED = /(?:^|[:–—]\s*|\s-\s+)(?:rejected|declined|defeated|lost|fell|failed|not carried|not approved|refused|withdrawn)\s*[.!]?\s*$/;
const NOTED = /\b(?:be|been|was|were|is|are) noted\b|^(?:noted|acknowledged|received)\b/;

/** What became of a decision, from its wording: noted, deferred, rejected, or (by default) adopted. */
export function outcomeOf(text: string): Outcome {
  const t = text.slice(0, MAX).toLowerCase();
  if (REJECTED.test(t) || STATUS_REJECTED.test(t) || MOTION_THAT_LOST.test(t)) return 'rejected';
  if (DEFERRED.test(t)) return 'deferred';
  if (NOTED.test(t)) return 'noted';
  return 'adopted';
}

/** The tally of a vote as written: "7 yes, 0 no", "6 in favour", "9/9", "6 of 9 … approved", "unanimously". */
export function votesOf(text: string): Votes | undefined {
  const t = text.slice(0, MAX).toLowerCase();
  const v: Votes = {};
  const yes =
    /\b(\d{1,4})\s*(?:votes?\s+)?(?:in favou?r|yes|ayes?|votes? for)\b/.exec(t) ??
    // "6 for, 1 against": "for" as a count only where a list of counts goes on.
    /\b(\d{1,4})\s+for\s*(?=[,;)]|\s+and\s+\d|\s*[-–—]?\s*\d{1,4}\s+against)/.exec(t) ??
    /\b(\d{1,4})\s+(?:of|out of)\s+\d{1,4}\b[^.]{0,40}\b(?:approved|voted|in favou?r|yes)\b/.exec(t) ??
    /\bwith\s+(\d{1,4})\s+votes\b/.exec(t);
  // "carried by 7 votes to 2", "lost by 3 votes to 5"
  const to = /\bby\s+(\d{1,4})\s+votes?\s+to\s+(\d{1,4})\b/.exec(t);
  // "(For 6, Against 2, Abstentions 1)": a count after each label, once the For count is written so.
  const forN = /(?:^|[\s(\[,;:])(?:for|in favou?r|yes|ayes?)\s*[:=]?\s*(\d{1,3})(?=\s*(?:[,;)\]]|$|\s+(?:and\s+)?(?:against|no|nays?|opposed|abstain\w*|abstentions?)\b))/.exec(t);
  if (!yes && to) {
    v.yes = Number(to[1]);
    v.no = Number(to[2]);
  } else if (!yes && forN) {
    v.yes = Number(forN[1]);
    const againstN = /(?:^|[\s(\[,;:])(?:against|no|nays?|opposed)\s*[:=]?\s*(\d{1,3})(?![\d/])/.exec(t.slice(forN.index));
    if (againstN) v.no = Number(againstN[1]);
    const abstainN = /(?:^|[\s(\[,;:])(?:abstain\w*|abstentions?)\s*[:=]?\s*(\d{1,3})(?![\d/])/.exec(t.slice(forN.index));
    if (abstainN) v.abstain = Number(abstainN[1]);
  }
  const frac = /(?:^|[\s(,])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/.exec(t);
  if (yes) v.yes = Number(yes[1]);
  else if (v.yes !== undefined) {
    // read above
  } else if (frac && Number(frac[1]) <= Number(frac[2]) && Number(frac[2]) > 0) v.yes = Number(frac[1]);
  const no = /\b(\d{1,4})\s*(?:votes?\s+)?(?:no|nays?|against|opposed)\b/.exec(t);
  if (no && v.no === undefined) v.no = Number(no[1]);
  const abstain = /\b(\d{1,4})\s*(?:abstentions?|abstain(?:ed|ing|s)?)\b/.exec(t);
  if (abstain && v.abstain === undefined) v.abstain = Number(abstain[1]);
  if (/\bunanimous(?:ly)?\b/.test(t) || (frac && !yes && !to && !forN && frac[1] === frac[2])) v.unanimous = true;
  return Object.keys(v).length > 0 ? v : undefined;
}

export interface OutcomeStatement {
  /** The words that say a decision was taken, as written ("passes", "Consensus on", "TAC agreed"). */
  marker: string;
  /** The decision's text (the whole paragraph or item, speaker prefix removed). */
  text: string;
  /**
   * `discussion`: consensus noted in the flow of talk ("I think we have
   * consensus on …"), which restates the record when a document keeps one;
   * `record`: every other shape.
   */
  kind: 'record' | 'discussion';
}

const SPEAKER = /^[A-Z][\w.'-]{0,20}(?:\s[A-Z][\w.'-]{0,20}){0,2}\s*:\s+/;
const VOTE_EVIDENCE =
  /\b\d{1,4}\s*(?:votes?\s+)?(?:in favou?r|yes|ayes?)\b|(?:^|[\s(,])\d{1,2}\s*\/\s*\d{1,2}(?![\d/])|\bunanimous(?:ly)?\b|\bvot(?:e|ed|es)\b|\bmotion\b|\bpoll\b|\b\d{1,4}\s+(?:of|out of)\s+\d{1,4}\b|\b\d{1,2}\s+(?:[a-z]{2,5}\s+)?(?:members|approvals?)\b/i;
const VOTE_OUTCOME = /\b(?:pass(?:es|ed)|carried|approved|agreed|adopted|accepted|merged|landed|fail(?:s|ed)|rejected|defeated)\b/i;
const VOTE_OUTCOMES = new RegExp(VOTE_OUTCOME.source, 'gi');
/** "if it passes", "once approved", "needs 6 votes before it is approved": a condition, not an outcome. */
const CONDITIONAL = /\b(?:if|once|when|until|unless|before|whether|need|needs|needed|requires?)\b[^.]{0,60}\b(?:pass(?:es|ed)|approved|agreed|adopted|accepted|merged)\b/i;
/** "consensus layer", "consensus client": the technical sense, not a decision. */
const NOT_AGREEMENT = '(?!\\s+(?:layer|clients?|issues?|bugs?|specs?|mechanisms?|rules?|algorithms?|failures?|changes?|nodes?|engines?|protocols?|level|side|code|tests?|call)\\b)';
const CONSENSUS_START = /^(?:consensus\s+(?:on|to|for|reached|was reached|that|and)\b|consensus\s*$)/i;
const CONSENSUS_HAD = new RegExp(
  '\\b(?:we|there|the (?:group|committee|board|council|tac|tsc))\\s+(?:(?:now|then|also)\\s+)?(?:have|had|has|reached|got|achieved|was|is)\\s+(?:enough of a\\s+|a\\s+|rough\\s+|broad\\s+|full\\s+)?consensus\\b' +
    NOT_AGREEMENT +
    '|\\b(?:reached|reach|got|achieved)\\s+consensus\\b' +
    NOT_AGREEMENT +
    '|\\bconsensus (?:was|has been) reached\\b',
  'i',
);
const NEGATION = /\b(?:no|not|never|without|if|whether|do|does|did)\b|n't\b/i;
const VERB_START = /^(?:unanimously\s+)?(approved|adopted|accepted|ratified|endorsed)\b\s*(\S?)/i;
/** "Agreed to defer …", "Decided that …", "Agreed the terms of reference"; not "Agreed 2nd part … is more difficult" (an opinion). */
const AGREED_START = /^((?:unanimously\s+)?(?:agreed|decided|resolved)(?:,?\s+(?:unanimously|in principle),?)?\s+(?:to|that|on|upon|the|a|an|this|these|both|all)\b)/i;
const AGREEMENT = /^((?:general\s+|broad\s+)?agreement\s+(?:to|on|that|was reached|reached)\b)/i;
const APPOINTED =
  /\b((?:confirmed|appointed|elected|re-?elected)\s+(?:as|for|to)\s+(?:the\s+)?(?:roles?|positions?|posts?|offices?|chair|vice[- ]?chair|co-?chairs?|director|secretary|treasurer|convenor|convener)\b)/i;
const LATER_VERB = /(?:^|[.;]\s+)((?:decided|agreed|approved|resolved)\s+(?:to|that)\b)/i;
const BODY_NOUN = '(?:board|committee|council|group|panel|members|team|meeting|working group|steering committee|steering council)';
const BODY_ACRONYM = '(?:TAC|TSC|TOC|CPC|SC|GB|WG|SIG|TAG|TG\\d{0,2}|ExeCom|PMC|IESG)';
const SUBJECT_VERB = new RegExp(
  `^((?:the\\s+)?(?:(?:[A-Z][\\w&.'-]*\\s+){0,3}${BODY_NOUN}|${BODY_ACRONYM}(?:\\s+members)?|all|everyone|we)\\s+(?:(?:have|has|had|then|also|unanimously|formally|all)\\s+){0,2}(?:agreed|decided|resolved|approved|voted|accepted|accepts|approves|adopted|endorsed|ratified|agrees|decides)\\b)`,
  'i',
);
const TAKEN = /\b(?:it (?:was|has been) (?:agreed|decided|resolved|determined)|the decision (?:has been|was) (?:taken|made))\b/i;
const NO_OBJECTION = /^((?:no objections?|hearing no objections?|without objection)\b[^?]{0,40}?\b(?:agreed|approved|adopted|carried|so ordered))\b/i;
const BARE = /^((?:(?:the\s+)?(?:pr|it|this)\s+)?(?:was\s+|has been\s+)?(?:merged|landed))\b[.!]*$/i;
const MOTION_LOST = /^(?:the\s+)?(?:(?:substantive|original|amended)\s+)?((?:motion|amendment|resolution|proposal)\s+(?:was\s+)?(?:not carried|lost|fell|failed|defeated|was defeated|was rejected|rejected))\b/i;
/** "The motion that the scheme be approved was not carried", "The amendment to … fell": the motion named, then its fate. */
const MOTION_THAT_LOST = /^(?:the\s+)?(?:(?:substantive|original|amended)\s+)?(?:motion|amendment|proposal)\s+(?:that|to|for|on)\b[^.;:?]{1,200}?\b((?:was|were)\s+(?:not carried|lost|defeated|rejected)|fell|failed)\b/i;
const ALL_PLUS_ONE = /^((?:all|everyone)\s*[-–—:]\s*\+1)(?:\s|$)/i;

/**
 * Reads a decision taken but not marked as one: a vote with an outcome, a
 * consensus call, a body's own verb, "it was agreed", "No objections,
 * agreed", a bare "Merged". Questions and conditions are not decisions.
 * Agenda wording ("Issues for VOTE", "Call for vote") has no outcome and is left out.
 */
export function outcomeStatement(text: string): OutcomeStatement | undefined {
  return readOutcome(text);
}

/**
 * Notes typed as one paragraph of speaker lines ("JS: …", "MB - …", "All: +1
 * to land"): each line is its own statement, so each is read alone.
 */
export function isSpeakerLines(lines: string[]): boolean {
  let n = 0;
  for (const l of lines.slice(0, 80)) if (SPEAKER.test(l.trim()) || SPEAKER_DASH.test(l.trim())) n++;
  return lines.length >= 2 && n >= 2;
}

const SPEAKER_DASH = /^[A-Z][\w.'-]{0,20}(?:\s[A-Z][\w.'-]{0,20}){0,2}\s*[-–—]\s+/;

/** Words one of the shapes needs: a cheap test that spares most lines the full set. */
const ANY_SIGNAL =
  /consensus|agree|decid|decision|resolv|determin|approv|adopt|accept|ratif|endors|vot|pass|carried|merged|landed|fail|reject|defeat|objection|\+1|confirmed|appointed|elected|motion|amendment|poll|unanimous/i;

function readOutcome(text: string): OutcomeStatement | undefined {
  const full = text.trim();
  if (full === '' || full.length > MAX * 2) return undefined;
  const t = full.slice(0, MAX);
  if (!ANY_SIGNAL.test(t)) return undefined;
  const body = t.replace(SPEAKER, '');
  const sentence = firstSentence(body);
  if (/\?\s*$/.test(sentence)) return undefined;
  const out = (marker: string, kind: OutcomeStatement['kind'] = 'record'): OutcomeStatement => ({ marker: marker.trim(), text: body, kind });

  // "The motion was not carried", "The amendment fell": a vote recorded as lost is a decision, rejected.
  const lost = MOTION_LOST.exec(body) ?? MOTION_THAT_LOST.exec(body);
  if (lost && t.length <= 320) return out(lost[1]);
  // A tally and its result in one short statement; a long discussion paragraph that mentions both is not a vote record.
  if (t.length <= 320) {
    const vote = VOTE_EVIDENCE.exec(t);
    // The first outcome word that is not what the motion proposed ("that the scheme *be approved* was carried").
    let result: RegExpExecArray | null = null;
    for (const m of t.matchAll(VOTE_OUTCOMES)) {
      if (!/\b(?:to be|will be|be|to|not|n't|never)\s+$/i.test(t.slice(Math.max(0, m.index - 12), m.index))) {
        result = m as RegExpExecArray;
        break;
      }
    }
    if (vote && result && !CONDITIONAL.test(t) && !/\?/.test(t.slice(0, result.index))) return out(result[0]);
  }

  if (CONSENSUS_START.test(body)) return out(/^consensus\s*\S*/i.exec(body)![0]);
  for (const s of sentences(body)) {
    if (/\?\s*$/.test(s)) continue;
    const c = CONSENSUS_HAD.exec(s);
    if (c && !NEGATION.test(s.slice(0, c.index + c[0].length).replace(/\bconsensus\b.*$/i, ''))) return out(c[0], 'discussion');
  }
  const verb = VERB_START.exec(body);
  if (verb && !/[,.!?;:]/.test(verb[2]) && body.length > verb[0].length + 2) return out(verb[1]);
  const agreed = AGREED_START.exec(body) ?? AGREEMENT.exec(body);
  if (agreed) return out(agreed[1]);
  const sv = SUBJECT_VERB.exec(body);
  // "We agreed to …" opens a record; "we decided before that …" inside a speaker's turn recalls one.
  // A speaker's "We agreed on the charter, and I think …" is talk about a decision, not its record.
  const spoken = body !== t;
  if (sv && !(/^we\b/.test(body) || /^we\s+\w+\s+(?:before|earlier|previously|last)\b/i.test(body) || (spoken && /^we\b/i.test(body)))) return out(sv[1]);
  const taken = TAKEN.exec(body);
  if (taken) return out(taken[0]);
  const later = LATER_VERB.exec(body);
  if (later && later.index > 0) return out(later[1]);
  const appointed = APPOINTED.exec(body);
  if (appointed) return out(appointed[1]);
  const m = NO_OBJECTION.exec(body) ?? BARE.exec(body) ?? ALL_PLUS_ONE.exec(t);
  if (m) return out(m[1]);
  return undefined;
}

function firstSentence(t: string): string {
  const m = /[.!?](?:\s|$)/.exec(t);
  return m ? t.slice(0, m.index + 1) : t;
}

/** The sentences of a capped text (at most 12). */
function sentences(t: string): string[] {
  return t.split(/(?<=[.!?;…])\s+/).slice(0, 12);
}

/**
 * "Following this review, the Secretary of State has concluded:", "The
 * Board resolved as follows:": a sentence that introduces the decisions
 * written after it (as a list or as paragraphs).
 */
export function isDecisionLeadIn(text: string): boolean {
  const t = text.trim();
  if (t.length > 300) return false;
  return /\b(?:concluded|decided|resolved|agreed|determined)(?:\s+(?:as follows|the following|that))?\s*:$/i.test(t);
}

/** "There are just four rules …:", "The Board agreed the following." : a sentence that introduces a list. */
export function isListLeadIn(text: string): boolean {
  const t = text.trim();
  return t.length <= 400 && (/:$/.test(t) || /\b(?:as follows|the following)[.:]?$/i.test(t));
}

/**
 * "Glossop—The decision has been taken to …", "Frimley: no changes will be
 * made": one of several decisions written as paragraphs after a lead-in,
 * each opened by the name of what it is about.
 */
export function isLabelledParagraph(text: string): boolean {
  return /^[^—–:.]{2,60}?\s*[—–:]\s*\S/.test(text.trim());
}

/** `**Status:** Satisfactory`: a review's outcome. Returns the status as written. */
export function reviewStatus(text: string): string | undefined {
  const m = /^(?:overall\s+|review\s+|assessment\s+)?status\s*:\s*(\S.{0,80})$/i.exec(text.trim());
  return m ? m[1].trim() : undefined;
}

/** The outcome a review status says: "Satisfactory", "Approved" → adopted; "Unsatisfactory" → rejected. */
export function statusOutcome(status: string): Outcome | undefined {
  const s = status.toLowerCase();
  if (/\b(?:un(?:satisfactory|acceptable)|not (?:satisfactory|approved|accepted)|rejected|declined|fail(?:ed)?)\b/.test(s)) return 'rejected';
  if (/\b(?:deferred|postponed|on hold|pending|in progress|needs? (?:work|changes))\b/.test(s)) return 'deferred';
  if (/\b(?:satisfactory|approved|accepted|adopted|passed?|complete[d]?|done)\b/.test(s)) return 'adopted';
  return undefined;
}

/**
 * "We will disable CD for …", "To help prevent this, we will write …": a
 * firm commitment of an accepted proposal, read only in its decision or
 * consequences sections. "We will not …" is a scoping note, not a decision.
 */
export function isCommitment(text: string): boolean {
  const s = firstSentence(text.trim().slice(0, MAX));
  return (
    /\bwe will\s+(?!not\b|no longer\b|be\b|have\b|also need\b|need\b|still\b|probably\b|likely\b|try\b|see\b|get\b|lose\b|want\b)\w/i.test(s) &&
    !/\?\s*$/.test(s)
  );
}

/**
 * A table column whose cells are outcomes: "Advanced to" (tc39 stage
 * advancements), "Decision", "Outcome", "Resolution". The other cells of a
 * row say what the outcome is about.
 */
export function outcomeColumn(header: string): 'advance' | 'outcome' | undefined {
  const h = header.trim().toLowerCase();
  if (/^(?:advanced|advances|moved|promoted|progressed)(?: to)?$/.test(h)) return 'advance';
  if (/^(?:decision|decisions|outcome|resolution|resolved|result)$/.test(h)) return 'outcome';
  return undefined;
}
