/**
 * Tasks given to someone, as minute-takers write them without a form
 * (shared/corpus/real-world/PATTERNS.md §4): "JB to poke voting CPC reps",
 * "Marcela, Mike and Crob will work this asynchronous", "CRob: I'll work on
 * baseline", "Alex: Send reminder of SIG attendance assignments", "AI Dims:
 * Chase down SIG Cloudprovider", several on one line ("MD will work on a
 * draft proposal. EA will make an issue …"), and outcomes written under an
 * "Actions:" label ("PR landed"), which are not tasks.
 *
 * Every regex here runs on one line or sentence of bounded length and has no
 * nested quantifiers.
 */

/** One task read from a line: where it starts and ends in the text it was read from. */
export interface TaskClause {
  text: string;
  /** The owner as written ("Dana, Arnaud, and Sarah"). */
  owner?: string;
  /** The owners one by one, when there are several. */
  owners?: string[];
  /** The due date text, unparsed. */
  due?: string;
  /** Where it stands, when a Status column says. */
  status?: import('../../model.js').ActionStatus;
  start: number;
  end: number;
}

/** Whether a single-word name is known in the document as a person (a speaker label, an attendee). */
export type NameTest = (name: string) => boolean;

const MAX = 2000;

/** Capitalised words that start sentences or label lines and are never owners. */
const NOT_NAMES = new Set(
  (
    'the this that these those it its we i you they he she there here who what when where why how which each all some most many any one ' +
    'next last first our their his her my your also and but so or if then now still just only maybe please everyone anyone someone nobody ' +
    'people folks need needs time plan going want link links talk looking try trying used thanks thank move propose reasons reason approach ' +
    'board leads expect hoping hope working way prior planned related rsvp note notes proposal agenda summary update updates question answer ' +
    'discussion decision decisions action actions outcome result results status background context topic topics conclusion resolution ' +
    'goal goals issue issues pr prs option options example slides recording attendees present regrets date time host facilitator scribe ' +
    'moderator chair minutes item items follow followup nothing enough desire consent unable kick wants benefit good great nice easy hard ' +
    'dangerous changes experiments checklist script remember suggestion agreed decided considered discussed noted reminder deadline ' +
    'opportunity august september october november december january february march april may june july monday tuesday wednesday thursday friday ' +
    'today tomorrow yesterday tbd n/a q a feedback review reviews comment comments more new old other another several both either neither ' +
    'versions version announcements announcement spec node tide switch switching graduated continue continues committed ' +
    'for with from in on at by to of as after before per via re yes no ok okay best suggested suggest timeline governance ongoing uses shoutout ' +
    'url urls ci signal release releases docs doc'
  ).split(' '),
);

/** Group nouns an owner may end with: "TAC members", "AI/ML WG leaders", "SIG Volunteers". */
const GROUP = /^(?:members|leads|leaders|chairs|co-chairs|maintainers|editors|team|folks|volunteers|reps|representatives|staff)$/i;

/** Verbs a task is written with, imperative ("Send reminder …") or after "to"/"will". */
const TASK_VERBS = new Set(
  (
    'add ask assign bring check chase circulate close collect confirm connect contact continue coordinate create document draft email ' +
    'engage ensure file find finalise finalize fix follow get identify implement investigate invite land look make merge move ' +
    'organise organize own ping poke post prepare present propose provide publish push put raise reach reply report request research ' +
    'respond review re-share reshare schedule send set share start begin submit summarise summarize sync take talk test track update upload write work ' +
    'figure open clarify define drive handle write-up arrange book build capture compile consider discuss explore gather inform ' +
    'keep lead liaise list notify plan record reconcile remove resolve revise run see setup sort tell verify encourage incorporate freeze ' +
    'provision try wrangle assemble tweet convert solicit distill package assess log replace'
  ).split(' '),
);

/** Verbs a speaker uses about the meeting itself ("I will move on", "I'll take that as a yes"), not work to do. */
const SPEECH_VERBS = new Set('talk move run take discuss ask present consider see start keep get help try do say note go show'.split(' '));

/** "Send reminder …": a capitalised task verb opening the text (not "Write-only does not …"). */
export function imperativeVerb(body: string): string | undefined {
  const v = /^([A-Z][a-z]+)(?=\s)/.exec(body);
  return v && TASK_VERBS.has(v[1].toLowerCase()) ? v[1] : undefined;
}

/** Whether a line reads "Owner: Imperative …" ("Alex: Send reminder …"): the shape of a task list. */
export function isImperativeLine(text: string): boolean {
  return imperativeOwner(text) !== undefined;
}

/** The owner of a line that reads "Owner: Imperative …", if it does. */
export function imperativeOwner(text: string): string | undefined {
  const sp = SPEAKER.exec(text.slice(0, 200));
  if (!sp || NOT_NAMES.has(sp[1].split(/\s+/)[0].toLowerCase())) return undefined;
  return imperativeVerb(text.slice(sp[0].length)) !== undefined && !/\?\s*$/.test(text) ? sp[1] : undefined;
}

/**
 * For a run of "Owner: Imperative …" lines: when at least two owners are
 * known people, the run is a task list, and its other owners ("SchedMD:
 * Continue GPU/DRA integration work", a company) need only look like names.
 */
export function taskListTest(lines: readonly string[], strong: NameTest): (line: number) => NameTest {
  // Runs of consecutive "Owner: Imperative" lines; a run with two known owners is a task list.
  const lenient = new Set<number>();
  let run: number[] = [];
  let known = 0;
  const close = () => {
    if (known >= 2) for (const i of run) lenient.add(i);
    run = [];
    known = 0;
  };
  lines.forEach((l, i) => {
    const o = imperativeOwner(l);
    if (o === undefined) return close();
    run.push(i);
    if (ownersAreNames(o, strong)) known++;
  });
  close();
  return (i) => (lenient.has(i) ? () => true : strong);
}

/** What "X will …" may not be followed by to be a task: a state or a forecast, not work. */
const NOT_AFTER_WILL = new Set('be not never always still likely probably now also only just soon need have has want get'.split(' '));

/** One owner token: a capitalised name, initials, `@handle` or `[Name]` (Google-Docs escapes allowed). */
const TOKEN = String.raw`[A-Z][\w'’.-]{0,30}`;
/** A name: `@handle`, `[Name]`, or one to three capitalised words, optionally "from IBM" or a group noun ("members"). */
const NAME = String.raw`(?:@[\w-]{1,39}|\\?\[[A-Z][\w'’. -]{0,30}\\?\]|${TOKEN}(?: ${TOKEN}){0,2}(?: [a-z]{2,12}(?: ${TOKEN})?)?)`;
const OWNERS = String.raw`${NAME}(?:(?:\s*,\s*(?:and\s+)?|\s*/\s*|\s+&\s+|\s+and\s+)${NAME}){0,7}`;

/** "Mara owns the action item", "Jacques, Arnaud, Zach volunteer.", "Bob, Zach, Ryan and Jennifer express interest." */
const OWNS = new RegExp(String.raw`^(${OWNERS})\s+(?:owns the action(?: item)?|takes? (?:the|this) action(?: item)?|volunteer(?:s|ed)?\s*[.!]?\s*$|express(?:es|ed)? interest\b)`);

/** "JB to poke …", "Dana and Bennett to begin …", "Zach will send …", "Alex can bring …". */
const ASSIGNED = new RegExp(String.raw`^(${OWNERS})(?:\s+\\?-)?\s+(to|will|shall|is to|are to)\s+([a-z][\w-]*)`);
/** "Macela: to work on this", "Yesenia: will re-share", "CRob: I'll work on …", "Alex: Send reminder …". */
const SPEAKER = new RegExp(String.raw`^(${OWNERS})\s*(?:\\?-|:)\s+`);

/** Splits an owner phrase into its owners: "Dana, Arnaud, and Sarah" → three. */
export function splitOwners(owner: string): string[] {
  const out: string[] = [];
  for (const part of owner.split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
    // "Naomi/Adrianne", "Sarah & Aaron" are two; "AI/WG leaders", "Health & Social Care Programme Director" one.
    const two = /^(\S+)\s*(?:\/|\s&\s)\s*(\S+)$/.exec(part.trim());
    if (two) out.push(two[1], two[2]);
    else out.push(part);
  }
  return out.map((s) => s.replace(/^@|^\\?\[|\\?\]$/g, '').trim()).filter((s) => s !== '');
}

/** Whether an owner phrase names people: every owner a name, and at least one known, initials, `@handle` or bracketed. */
export function ownersAreNames(owner: string, known: NameTest, lenient = false): boolean {
  const raw = owner.split(/\s*,\s*(?:and\s+)?|\s*\/\s*|\s+&\s+|\s+and\s+/).filter((s) => s !== '');
  if (raw.length === 0) return false;
  let evidence = false;
  for (const r of raw) {
    const words = r.trim().split(/\s+/);
    const first = words[0].replace(/^@|^\\?\[|\\?\]$/g, '');
    if (NOT_NAMES.has(first.toLowerCase()) && !(lenient && known(first))) return false;
    // "Asking folks to …", "Planned to remove …": a verb, not a name.
    if (/(?:ing|ed)$/.test(first) && !known(first)) return false;
    const last = words[words.length - 1];
    // "Brandon from IBM": a name and where they are from; "TAC members": a group.
    const lower = words.filter((w) => /^[a-z]/.test(w));
    if (lower.length > 1) return false;
    if (lower.length === 1 && !(GROUP.test(last) || (words.length === 3 && words[1] === 'from'))) return false;
    if (/^@|^\\?\[/.test(r.trim())) evidence = true;
    else if (words.length === 3 && words[1] === 'from') evidence = true;
    else if (/^[A-Z]{2,5}$/.test(first)) evidence = true;
    else if (GROUP.test(last) && words.length > 1) evidence = true;
    else if (known(first) || known(words.join(' '))) evidence = true;
  }
  return evidence;
}

/** Cuts a trailing "by 2020-12-31" / "due Friday 3/27" off a task, when it is a date. */
export function cutDue(body: string, isDate: (s: string) => boolean): { body: string; due?: string } {
  const d = /(?:^|[,;(]\s*|\s+)(?:due(?:\s+by)?|by|deadline)\s*:?\s+([^,;()]{3,40}?)\s*\)?[.!]?$/i.exec(body);
  if (d && isDate(d[1].trim())) return { body: body.slice(0, d.index).trim(), due: d[1].trim() };
  return { body };
}

/** Where sentences start in `text`: 0 and after ". ", "? ", "! ", "; " (not after "e.g.", "etc."). */
/** A turn longer than this is a speech, not a note of the meeting (characters). */
const LONG_TURN = 300;

function sentenceStarts(text: string): number[] {
  const out = [0];
  const re = /[.?!;](?:\s+|\s*\\?-\s+)(?=\S)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 5), m.index + 1).toLowerCase();
    if (/(?:e\.g\.|i\.e\.|etc\.|vs\.|\bno\.|\bst\.|\bdr\.|\bmr\.|\bms\.)$/.test(before)) continue;
    // "Dr. S. Johnston", "v1.2": a dot inside a name or number.
    if (/\b[A-Z]\.$/.test(text.slice(Math.max(0, m.index - 2), m.index + 1))) continue;
    out.push(m.index + m[0].length);
  }
  return out;
}

/** Where the sentence starting at `start` ends. */
function sentenceEnd(text: string, start: number, starts: number[]): number {
  const next = starts.find((s) => s > start);
  return next === undefined ? text.length : next;
}

function clean(s: string): string {
  return s.replace(/\\([-\\[\]!#+*_.()])/g, '$1').replace(/\s+/g, ' ').trim();
}

function ownersOf(owner: string): Pick<TaskClause, 'owner' | 'owners'> {
  const o = clean(owner).replace(/^\[|\]$/g, '');
  const list = splitOwners(clean(owner));
  return list.length > 1 ? { owner: o, owners: list } : { owner: list[0] ?? o };
}

/**
 * A clause that assigns a task, read at the start of `s`: "JB to poke …",
 * "Zach will send …". Undefined when the subject is no known name or the verb
 * is a state ("will be").
 */
function assignedAt(s: string, known: NameTest, lenient: boolean): { owner: string; verb: string } | undefined {
  const m = ASSIGNED.exec(s.slice(0, 400));
  if (!m) return undefined;
  const owner = m[1].replace(/\s+\\?-$/, '');
  const verb = m[3].toLowerCase();
  if (!TASK_VERBS.has(verb) || (/^(?:will|shall)$/.test(m[2]) && NOT_AFTER_WILL.has(verb))) return undefined;
  if (!ownersAreNames(owner, known, lenient)) return undefined;
  return { owner, verb };
}

/**
 * The tasks assigned in one line or paragraph of minutes written without a
 * marker: each sentence (or clause after ", and ") that starts "X to …",
 * "X will …", and a speaker's own commitment ("CRob: I'll work on …",
 * "Yesenia: will re-share …"). Lines that are questions are not tasks.
 */
export interface AssignOptions {
  /** After an action marker: any capitalised subject is an owner ("All to review issue #205"). */
  lenient?: boolean;
  /** Whether "Owner: Imperative …" counts without a first-person or "to"/"will" verb (a run of such lines). */
  imperative?: boolean;
  /** Names known as people beyond a speaker label (attendees, speakers seen twice): for imperatives. */
  strong?: NameTest;
}

export function assignedTasks(text: string, known: NameTest, isDate: (s: string) => boolean, opts: AssignOptions = {}): TaskClause[] {
  const lenient = opts.lenient ?? false;
  if (text.length > MAX) return [];
  const out: TaskClause[] = [];
  let rest = 0;
  let speaker: string | undefined;
  let dashed = false;
  const sp = SPEAKER.exec(text.slice(0, 200));
  if (sp && ownersAreNames(sp[1], (n) => known(n) || true) && !NOT_NAMES.has(sp[1].split(/\s+/)[0].toLowerCase())) {
    speaker = sp[1];
    rest = sp[0].length;
    dashed = /-\s*$/.test(sp[0]);
  }
  const starts = sentenceStarts(text).filter((s) => s >= rest);
  if (!starts.includes(rest)) starts.unshift(rest);
  const sentences = starts.length;
  // "…, and greg will get …", ", Mihai will work on", "… \- Arnaud to work on.": a clause after a comma or a dash.
  const commas = new Set<number>();
  for (const m of text.matchAll(/,\s+(?:and\s+)?(?=\S)|\s\\?[-–—]\s+(?=[A-Z@[])/g)) {
    if (m.index! < rest) continue;
    starts.push(m.index! + m[0].length);
    if (/^,\s+and\s/.test(m[0])) commas.add(m.index! + m[0].length);
  }
  starts.sort((a, b) => a - b);
  const ends = sentenceStarts(text);
  // A long turn of a verbatim transcript is talk: its "I will …" past the opening sentences is what the speaker
  // will say or do in the argument ("I will write a busy loop myself"), not a task taken on.
  const talk = text.length > LONG_TURN || sentences >= 4;
  for (const s of starts) {
    const sentence = text.slice(s, sentenceEnd(text, s, ends));
    const a = assignedAt(sentence, known, lenient);
    // After ", and", "X to …" continues a list of names ("between Electric Coin Company, and EF to implement …"); "X will …" is a clause.
    if (a && !(commas.has(s) && /^\S+(?:\s+\S+){0,3}?\s+to\s/.test(sentence) && !/\bwill\b/.test(sentence.slice(0, 40)))) {
      const { body, due } = cutDue(clean(sentence).replace(/[.;]$/, ''), isDate);
      out.push({ text: body, ...ownersOf(a.owner), due, start: s, end: s + sentence.length });
      continue;
    }
    const o = OWNS.exec(sentence.slice(0, 400));
    if (o && ownersAreNames(o[1], known, lenient)) {
      out.push({ text: clean(sentence).replace(/[.;]$/, ''), ...ownersOf(o[1]), start: s, end: s + sentence.length });
      continue;
    }
    if (!speaker) continue;
    // "Riaan \- send these approvals …": a name, a dash and a task verb.
    const dv = dashed && s === rest ? /^([a-z]+)\s/.exec(sentence) : null;
    if (dv && TASK_VERBS.has(dv[1]) && !SPEECH_VERBS.has(dv[1])) {
      const { body, due } = cutDue(clean(sentence).replace(/[.;]$/, ''), isDate);
      out.push({ text: body, ...ownersOf(speaker), due, start: s, end: s + sentence.length });
      continue;
    }
    if (talk && ends.filter((e) => e <= s).length > 2) continue;
    // "So to recap, the action on me is to move the PR into a proposal repo": the speaker names their own action.
    const mine = /\b(?:the|my) (?:action(?: item)?|AI|task) (?:(?:is )?(?:on|for) me )?is to ([a-z][\w-]*)\s+(.{3,300})$/.exec(sentence);
    if (mine && TASK_VERBS.has(mine[1])) {
      const { body, due } = cutDue(clean(`${mine[1]} ${mine[2]}`).replace(/[.;]$/, ''), isDate);
      out.push({ text: body, ...ownersOf(speaker), due, start: s, end: s + sentence.length });
      continue;
    }
    // The speaker's own commitment: "I'll create an issue", "will put the PR", "to work on this" (right after the name).
    const c = /^(?:I['’]ll|I will|[Ww]ill|[Tt]o)\s+(?:also\s+|definitely\s+|be happy to\s+)?([a-z][\w-]*)/.exec(sentence);
    // "I'll take it on", "I'll take the action": taking work, though "take" is also the chair's ("I'll take that as a yes").
    const takes = c !== null && c[1] === 'take' && /^\S+\s+take\s+(?:it|this|that|the action|ownership)(?:\s+on\b|\s+item\b|\b(?=\s+(?:of|to)\b))/.test(sentence);
    if (takes) {
      const { body, due } = cutDue(clean(sentence).replace(/[.;]$/, ''), isDate);
      out.push({ text: body, ...ownersOf(speaker), due, start: s, end: s + sentence.length });
      continue;
    }
    // "to …" only right after the name ("Macela: to work on this"; "Michael Lieberman - To create …" after a dash).
    if (c && /^to\b/i.test(sentence) && (s !== rest || (/^T/.test(sentence) && !dashed))) continue;
    if (c && TASK_VERBS.has(c[1]) && !SPEECH_VERBS.has(c[1]) && !/\?\s*$/.test(sentence)) {
      const { body, due } = cutDue(clean(sentence).replace(/[.;]$/, ''), isDate);
      out.push({ text: body, ...ownersOf(speaker), due, start: s, end: s + sentence.length });
    }
  }
  // "AI/WG leaders: Please create a PR to add …": a request addressed to someone is a task for them, even alone.
  if (speaker && out.length === 0) {
    const body = text.slice(rest);
    const please = /^Please\s+([a-z][\w-]*)\s/.exec(body);
    // Only when the label is who is asked ("AI/WG leaders", "Maintainers"): "Benjie: Please check …" is Benjie asking others.
    const addressed = GROUP.test(speaker.split(/\s+/).pop() ?? '');
    if (please && addressed && TASK_VERBS.has(please[1]) && !SPEECH_VERBS.has(please[1]) && !/\?\s*$/.test(body) && ownersAreNames(speaker, () => true)) {
      const { body: t, due } = cutDue(clean(body.slice('Please '.length)), isDate);
      out.push({ text: t, ...ownersOf(speaker), due, start: rest, end: text.length });
      return out;
    }
  }
  // "Alex: Send reminder of SIG attendance assignments": a speaker and an imperative task verb.
  if (speaker && out.length === 0 && opts.imperative) {
    const body = text.slice(rest);
    const v = imperativeVerb(body);
    if (v && !/\?\s*$/.test(body) && ownersAreNames(speaker, opts.strong ?? known)) {
      const { body: t, due } = cutDue(clean(body), isDate);
      out.push({ text: t, ...ownersOf(speaker), due, start: rest, end: text.length });
    }
  }
  return dedupe(out);
}

function dedupe(tasks: TaskClause[]): TaskClause[] {
  const out: TaskClause[] = [];
  for (const t of tasks) if (!out.some((o) => t.start >= o.start && t.start < o.end)) out.push(t);
  return out;
}

/**
 * An item of an Actions section: "Ryan: Figure out video recording meetings",
 * "Ryan will own team repo merge.", "Email the terms of reference …". A
 * question ("Jack: What is our absent policy?") is not a task.
 */
export function sectionTask(text: string, known: NameTest, isDate: (s: string) => boolean): TaskClause | undefined {
  const t = text.trim();
  if (t === '' || t.length > MAX || /\?\s*$/.test(t)) return undefined;
  // In an Actions section any capitalised subject is an owner ("Mark will own RFC repo merge.").
  const a = assignedTasks(t, (n) => known(n) || /^[A-Z]/.test(n), isDate, { lenient: true });
  if (a.length === 1 && a[0].start === 0) return { ...a[0], text: a[0].text };
  if (a.length > 1) return undefined;
  const sp = SPEAKER.exec(t.slice(0, 200));
  if (sp && !NOT_NAMES.has(sp[1].split(/\s+/)[0].toLowerCase()) && sp[1].split(/\s+/).length <= 4) {
    const body = t.slice(sp[0].length);
    if (/^(?:I\b|I['’]m|we\b|what|why|how|is|are|do|does|can|could|should)/i.test(body)) return undefined;
    const { body: b, due } = cutDue(clean(body), isDate);
    return { text: b, ...ownersOf(sp[1]), due, start: 0, end: t.length };
  }
  // A bare task in the section: it must start with a verb.
  const v = /^([A-Z]?[a-z]+)\b/.exec(t);
  if (v && TASK_VERBS.has(v[1].toLowerCase())) {
    const { body, due } = cutDue(clean(t), isDate);
    return { text: body, due, start: 0, end: t.length };
  }
  return undefined;
}

/**
 * The tasks in what follows an "Action:" marker. Each sentence that assigns a
 * task is one ("JB to encourage …. All to encourage …. All to review …");
 * with none, the whole text is one task unless it reports an outcome
 * ("PR landed", "Joe Sepi and Kris Borchers confirmed for the roles").
 */
export function markedTasks(body: string, known: NameTest, isDate: (s: string) => boolean): TaskClause[] | 'outcome' | 'whole' {
  if (body.length > MAX) return 'whole';
  // After a marker any capitalised subject is an owner ("All to review issue #205").
  const anyone: NameTest = (n) => known(n) || /^[A-Z]/.test(n);
  const tasks = assignedTasks(body, anyone, isDate, { lenient: true });
  if (tasks.length > 0) return tasks;
  const first = body.slice(0, sentenceEnd(body, 0, sentenceStarts(body)));
  return isOutcome(first) ? 'outcome' : 'whole';
}

/** "PR landed", "Joe Sepi and Kris Borchers confirmed for the roles", "None": what happened, not what to do. */
export function isOutcome(sentence: string): boolean {
  const s = sentence.trim();
  if (/^(?:none|n\/a|no actions?|nothing)\b\.?$/i.test(s)) return true;
  // "review and get it merged if approved …": a task that starts with its verb.
  if (/^[a-z]/.test(s) || TASK_VERBS.has(s.split(/\s+/)[0].toLowerCase())) return false;
  const words = s.split(/\s+/).slice(0, 8);
  const i = words.findIndex((w) => /^(?:landed|merged|confirmed|approved|completed|done|closed|accepted|adopted|published|released|shipped|passed|elected|appointed|agreed|finished|resolved)[.,]?$/i.test(w));
  if (i < 1) return false;
  // "… confirmed to attend" is still a task to come; "X to be confirmed" too.
  return !words.slice(0, i + 2).some((w) => /^(?:to|will|should|must|needs?|if|when|once|after|until|unless)$/i.test(w));
}

/**
 * A numbered RESOLVED item that directs someone to do something: "That the
 * glossary of acronyms be shared with Board Members once completed", "That
 * the Measurement Framework is to come to the Board …", "That the Health &
 * Social Care Programme Director share that information …". Noting,
 * agreeing, approving are decisions only.
 */
export function resolvedDirective(text: string): { owner?: string } | undefined {
  const t = text.trim().slice(0, 600);
  const m = /^[Tt]hat\s+(.{3,160}?)\s+(?:(?:be|is to be|are to be|should be|will be)\s+(circulated|shared|sent|distributed|brought|presented|submitted|reported|prepared|drafted|published|emailed|forwarded|arranged|scheduled|provided|produced|developed|written)|(?:is|are) to\s+([a-z]+)|(share|circulate|send|write|report|bring|present|provide|prepare|arrange|contact|meet|liaise|draft|update|investigate|produce|develop|publish|submit))\b/.exec(
    t,
  );
  if (!m) return undefined;
  const subject = m[1];
  if (m[4]) {
    // The subjunctive needs a named role before the verb: "That the … Director share".
    if (!/\b[A-Z][\w&'’-]*$/.test(subject) || /^(?:the board|board)$/i.test(subject)) return undefined;
    return { owner: subject.replace(/^the\s+/i, '') };
  }
  if (m[3]) {
    if (/^(?:be|note|receive|approve|agree|endorse|accept|adopt|ratify|continue)$/i.test(m[3])) return undefined;
    // "That the Chair … and the Director of Public Health are to meet": the subject is who acts.
    if (/^(?:meet|report|liaise|discuss|work|write|contact|provide|prepare|produce|share|circulate|send|present|bring|arrange|draft|update)$/i.test(m[3]))
      return /^(?:the\s+)?[A-Z]/.test(subject) && m[0].match(/\bare to\b/i) ? { owner: subject.replace(/^the\s+/i, '') } : {};
    if (m[3] === 'come' || m[3] === 'return' || m[3] === 'go') return {};
    return undefined;
  }
  return {};
}

/**
 * Speaker labels in the source text, lower case, with how often each is used: "CRob: …", "- Ryan: …",
 * "**Hudson:** …", "JS- this seems …". Read line by line from the raw text
 * (no tree walk), so names the minutes use for people are known wherever a
 * task names them.
 */
export function speakerNames(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let start = 0;
  let n = 0;
  while (start < text.length && n < 200_000) {
    n++;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 120));
    start = end + 1;
    const m = /^[\s>]*(?:[*+-]\s+|\d{1,3}[.)]\s+)?(?:\*\*)?\\?\[?([A-Z][\w'’.-]{1,24}(?: [A-Z][\w'’.-]{1,24}){0,2})\\?\]?(?:\*\*)?\s*(?::|\\?-|—)(?:\*\*)?\s+\S/.exec(line);
    if (!m) continue;
    const name = m[1];
    const first = name.split(' ')[0].toLowerCase();
    if (NOT_NAMES.has(first)) continue;
    out.set(name.toLowerCase(), (out.get(name.toLowerCase()) ?? 0) + 1);
    if (first !== name.toLowerCase()) out.set(first, (out.get(first) ?? 0) + 1);
  }
  return out;
}

/** `AI:`, `AI Dims:`, `AI to Phil`, `AI: Aaron see if …`: the k8s "action item" prefix (not "AI / ML WG", "AI workload"). */
export function aiMarker(text: string): { owner?: string; rest: string } | undefined {
  const t = text.slice(0, MAX);
  const m = /^AI\s*:\s*/.exec(t);
  // "AI: I think the proposal needs another round.": a speaker's initials (tc39, WebAssembly).
  if (m && /^(?:I|I['’]\w+|we|we['’]\w+|yes|no|so|well|yeah|okay|ok|thanks|thank|my|it|that|this|there|just|sure|right)\b/i.test(t.slice(m[0].length))) return undefined;
  if (m) return { rest: t.slice(m[0].length).trim() };
  const n = /^AI\s+((?:[A-Z][\w'’.]*)(?:\s*[/ ]\s*[A-Z][\w'’.]*){0,3})\s*(?::|\s-|\s+to\b)\s*/.exec(t);
  if (n && !/^(?:ML|WG|About|Infra|Followup|Follow)\b/.test(n[1])) return { owner: n[1], rest: t.slice(n[0].length).trim() };
  const o = /^AI\s+to\s+([A-Z][\w'’.]*)\s*$/.exec(t);
  if (o) return { owner: o[1], rest: '' };
  return undefined;
}

/** "TAC Homework - …", "**TAC Homework for 6Feb Call**:": work given to a group to do before the next meeting. */
export function homeworkMarker(text: string): { owner?: string; rest: string } | undefined {
  const m = /^((?:[A-Z][\w/]*\s+){0,3})homework\b[^:\\-]{0,30}?(?:\s*:|\s*\\?-)\s*/i.exec(text.slice(0, 300));
  if (!m) return undefined;
  const owner = m[1].trim();
  const first = owner.split(/\s+/)[0].toLowerCase();
  if (first !== '' && (NOT_NAMES.has(first) || TASK_VERBS.has(first))) return undefined;
  return { owner: owner === '' ? undefined : owner, rest: text.slice(m[0].length).trim() };
}

/** Names given only as `@handles` ("@Arnaud, @Bob, @Daniel"): a list of reviewers or assignees. */
export function handleList(text: string): string[] | undefined {
  const t = text.trim();
  if (t.length > 400 || !/^@/.test(t)) return undefined;
  if (!/^@[\w-]+(?:\s*,?\s*@[\w-]+)+\s*$/.test(t)) return undefined;
  return t.split(/[\s,]+/).filter((s) => s !== '').map((s) => s.slice(1));
}
