/**
 * What a duty looks like in a charter or terms of reference: a verb phrase
 * ("Handle code of conduct appeals", "To promote joined-up commissioning",
 * "Defining and staffing release roles"), a responsibility sentence ("the TSC
 * is responsible for all technical development", "the facilitator is in charge
 * of …"), or the body's own commitment ("The TSC will define …"). And what a
 * scope *area* looks like instead ("Data: Data refers to …", "Networking: Core
 * connectivity …"): a short term, a colon or dash, and a description.
 *
 * Every test runs on text capped in length, with regexes that cannot backtrack
 * badly (no nested quantifiers over the same characters).
 */

/** Base forms of the verbs charters use for what a body does. */
const DUTY_VERBS = new Set(
  (
    'accept act address adopt advance advise advocate agree align allocate analyse analyze appoint approve arbitrate arrange assess assist ' +
    'attend audit authorise authorize build carry challenge champion charter collaborate collect commission communicate conduct confirm consider ' +
    'consult contribute control convene coordinate co-ordinate create cultivate curate decide define delegate deliver demonstrate design determine develop direct ' +
    'discharge discuss disseminate document drive educate elect empower enable encourage endorse engage enhance ensure enforce escalate establish evaluate ' +
    'evolve examine facilitate foster fulfil fulfill fund gather give govern grant guide handle help hold host identify implement improve inform ' +
    'initiate investigate keep lead liaise maintain make manage mediate mentor monitor nominate operate organise organize oversee own participate ' +
    'plan prepare preside prioritise prioritize produce promote propose protect provide publish raise receive recommend recruit refine report ' +
    'represent request research resolve respond review run scrutinise scrutinize secure select serve set shape share sponsor steward submit ' +
    'supervise support sustain take track triage uphold update validate work write'
  ).split(' '),
);

/** Words ending in -ing that name a thing, not an activity, at the start of a scope item. */
const ING_NOUNS = new Set(
  'accounting building clothing computing engineering funding housing licensing logging marketing meeting meetings monitoring networking onboarding packaging planning routing caching scheduling testing tooling training'.split(' '),
);

const MAX = 600;

/** Plain text of a markdown-ish snippet: links, footnote marks, emphasis and html tags removed. */
export function plainText(raw: string): string {
  return raw
    .slice(0, 4000)
    .replace(/<sup>[^<]{0,80}<\/sup>/gi, '')
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/!?\[([^\]]{0,300})\]\([^)]{0,500}\)/g, '$1')
    .replace(/\[([^\]]{0,300})\]\[[^\]]{0,100}\]/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstWords(text: string, n: number): string[] {
  return text.slice(0, 200).toLowerCase().replace(/^[^a-z]+/, '').split(/[^a-z'’-]+/, n + 1).filter(Boolean).slice(0, n);
}

/**
 * A verb phrase: an imperative from the duty verbs ("Handle …", "Define and
 * evolve …"), "To <verb> …", or a gerund ("Defining and driving …",
 * "Facilitating release retrospectives").
 */
export function isVerbPhrase(text: string): boolean {
  const t = plainText(text).slice(0, MAX);
  const w = firstWords(t, 3);
  if (w.length === 0) return false;
  if (w[0] === 'to' && w[1] && /^[a-z]/.test(w[1]) && !/^(the|a|an|be|this|these|all|any)$/.test(w[1])) return true;
  if (DUTY_VERBS.has(w[0])) return w.length >= 2;
  if (w[0].length >= 6 && w[0].endsWith('ing') && !ING_NOUNS.has(w[0]) && w.length >= 3) {
    // "Testing and validation" names an area; "Defining and driving processes" is an activity.
    if (w[1] === 'and' || w[1] === 'or') return w[2].endsWith('ing');
    return true;
  }
  return false;
}

/** "Data: Data refers to …", "**Prompt Guards** - Define …": a short term, then its description. */
export function areaTerm(text: string): { term: string; description: string } | undefined {
  const t = plainText(text).slice(0, MAX);
  const m = /^([A-Z][^:.;–—]{0,50}?)(?::|\s[-–—]\s)\s*(\S.*)$/.exec(t);
  if (!m) return undefined;
  const term = m[1].trim();
  if (term.split(/\s+/).length > 6) return undefined;
  return { term, description: m[2] };
}

/** "responsible for …", "in charge of …", "oversees …", "accountable for …" with something after it. */
const RESPONSIBILITY = /\b(?:responsible for|in charge of|accountable for|oversees|oversee)\s+[A-Za-z]/i;

/** A sentence that gives someone a duty: "the TSC is responsible for all technical development". */
export function isResponsibility(sentence: string): boolean {
  const t = withoutTerm(plainText(sentence).slice(0, MAX));
  if (!RESPONSIBILITY.test(t) || isAside(t)) return false;
  // "… tooling that they are responsible for", "the party responsible for fixing it": someone else's duty in passing.
  if (/\b(?:that|which|they|party|parties|those|of who)\s+(?:(?:is|are)\s+)?(?:\w+\s+)?responsible\b/i.test(t)) return false;
  // "Responsibility for creating feature documentation belongs to the developers": someone else's duty.
  return !/\b(?:not|never|no longer)\s+(?:\w+\s+)?(?:responsible|in charge)\b/i.test(t);
}

const BODY_NOUNS = /\b(?:Committee|Board|Council|Group|Team|Panel|Forum|Partnership|Commission|Subcommittee|Sub-Committee|Assembly|Cabinet|Trust|Authority|Executive|Chair|Chairperson|Secretary|Secretariat|Facilitator|Liaison)s?$/;

/**
 * "The TSC will define …", "The Board shall establish …", "The TAG Infrastructure
 * will coordinate …": the body (a capitalised name with a body noun or one of
 * its own acronyms) commits to doing something.
 */
export function isBodyCommitment(sentence: string, acronyms: ReadonlySet<string>): boolean {
  const t = withoutTerm(plainText(sentence).slice(0, MAX));
  const m = /^(?:The\s+)?((?:[A-Z][\w&'’.-]{0,30}\s+){1,5}?)(?:will|shall)\s+(?:also\s+|[a-z]{2,20}ly\s+)?([a-z][a-z-]{1,25})\b/.exec(t);
  if (!m) return false;
  // Meeting, electing, voting and following rules are how the body works, not what it is for.
  if (/^(?:be|not|have|need|only|never|continue|meet|elect|vote|follow|use|try|aim|seek)$/.test(m[2])) return false;
  // "The TSC shall hold annual elections …": how its seats are filled.
  if (/^(?:hold|conduct|run|call|convene)\s+(?:\w+\s+)?(?:elections?|meetings?|votes?|ballots?)\b/.test(t.slice(m.index + m[0].length - m[2].length))) return false;
  const subject = m[1].trim();
  if (BODY_NOUNS.test(subject)) return true;
  return subject.split(/\s+/).some((w) => acronyms.has(w));
}

/** "Staying on topic: while …" → "while …": a term before a colon says which item, not who. */
function withoutTerm(t: string): string {
  const m = /^[A-Z][^:.;]{0,50}:\s+(?=\S)/.exec(t);
  return m && m[0].trim().split(/\s+/).length <= 7 ? t.slice(m[0].length) : t;
}

/** "while the facilitator is in charge of …", "e.g. SIG Release is responsible for …": said in passing. */
function isAside(t: string): boolean {
  return /^(?:while|whilst|although|though|if|when|unless|whereas|even|e\.g\.|eg|for example|i\.e\.|such as)\b/i.test(t);
}

/** Acronyms a document's title names its body by: "Technical Steering Committee (TSC) Charter" → TSC. */
export function titleAcronyms(title: string): string[] {
  const out: string[] = [];
  for (const m of title.slice(0, 300).matchAll(/\b([A-Z][A-Za-z]{0,3}[A-Z])\b/g)) out.push(m[1]);
  return out;
}

/** A paragraph that only introduces the list after it: "The CoC Team's responsibilities are to:". */
export function isListIntro(text: string): boolean {
  return /:\s*$/.test(text.slice(-40));
}

/** An intro that names nothing itself: "… responsible for the following:", "… duties are to:". */
export function isBareIntro(text: string): boolean {
  return /(?:\b(?:the following|as follows|these|below|following|are to|is to|to|include|includes|are)|responsible for|in charge of)\s*:\s*$/i.test(text.slice(-60));
}

/**
 * The sentences of a source snippet as offset ranges (relative to it), split
 * after `.`, `!` or `?` followed by a capital; abbreviations (e.g., i.e., etc.)
 * do not end a sentence.
 */
export function sentenceSpans(raw: string): { start: number; end: number }[] {
  const s = raw.slice(0, 20000);
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  const re = /[.!?]["')\]]?\s+(?=[A-Z[*_"“(])/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 6), m.index + 1).toLowerCase();
    if (/(?:\be\.g\.|\bi\.e\.|\betc\.|\bvs\.|\bno\.|\bdr\.|\bmr\.|\bmrs\.|\bst\.|\b[a-z]\.)$/.test(before)) continue;
    const end = m.index + m[0].length;
    spans.push(trimSpan(s, start, end));
    start = end;
  }
  if (start < s.length) spans.push(trimSpan(s, start, s.length));
  return spans.filter((sp) => sp.end > sp.start);
}

function trimSpan(s: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(s[start])) start++;
  while (end > start && /\s/.test(s[end - 1])) end--;
  return { start, end };
}
