/**
 * Which kind of governance document a Markdown file is, when nothing says so
 * (no `type:` in front matter, no config glob, no `--type`): read as a person
 * would, from its path, its title and headings, and what its lines are made
 * of. Every point scored is kept as evidence, so the decision is never a
 * silent guess: `inspect`, hover and the outline show why, and `govmark init`
 * lists the files it was unsure about.
 *
 * A line scan, linear in the text and independent of the Markdown parser (so
 * it is cheap enough to run on every file of a repository before anything is
 * parsed). Fenced code is skipped.
 */
import type { BuiltinType as AnyBuiltinType } from '../model.js';

/**
 * The kinds recognised from a document's text: every built-in type. An
 * agenda is told from minutes by what it is before the meeting: its path
 * (`agendas/`, `…-agenda.md`), a title that says Agenda and not minutes or
 * notes, and items to come ("To approve as a correct record the minutes
 * of…", "(Pages 11 - 30)", "Report of the Director"); a "## Agenda" heading
 * inside minutes still speaks for the minutes.
 */
export type InferredType = AnyBuiltinType;

/** One clue to a document's kind (a path segment, a heading, a phrase) and its weight. */
export interface KindEvidence {
  /** What was seen, in the user's words: "heading 'Attendees' (line 5)". */
  reason: string;
  /** The kind it speaks for. */
  kind: InferredType;
  /** How much it counts (negative: speaks against). */
  weight: number;
  /** 1-based line it was seen on, when it is on one. */
  line?: number;
}

/** How a document that declares no type was recognised: the score of each kind and the evidence for it. */
export interface KindInference {
  /** The kind recognised, when the evidence is clear. */
  type?: InferredType;
  /** `sure`: clear evidence; `unsure`: some evidence, not enough or split between kinds (left alone, listed by init); `none`: nothing governance-like. */
  confidence: 'sure' | 'unsure' | 'none';
  /** Score per kind. */
  scores: Record<InferredType, number>;
  /** The kind with the highest score, recognised or not (what init reports for unsure files). */
  best?: InferredType;
  /** The evidence for the best kind, strongest first. */
  evidence: KindEvidence[];
}

/** A kind is recognised at this score, when it leads the next by `MARGIN`. */
const THRESHOLD = 6;
const MARGIN = 2;
/** Lines looked at: enough for any real document's structure, bounded for pathological input. */
const MAX_LINES = 20_000;
const MAX_LINE = 2_000;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A date written somewhere in a short text: ISO, "6th Feb 2024", "February 21, 2019", "2 November 2021". */
const DATE_IN = new RegExp(`\\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b`, 'i');
/** A line that starts with a date (a schedule entry): "2024-05-01 –", "**March 2022**:", "| 14 Feb 2025 |", "Monday, December 2". */
const DATED_ENTRY = new RegExp(
  `^(?:[-*+]|\\d+[.)])?\\s*(?:\\|\\s*)?(?:\\*\\*|__)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:\\d{4}-\\d{1,2}(?:-\\d{1,2})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?\\b|\\d{4})|q[1-4]\\s+\\d{4}|(?:early|mid|late)[- ]${MONTH}|tb[cd]\\b)`,
  'i',
);

interface Signal {
  kind: InferredType;
  weight: number;
  test: RegExp;
  /** How to say it was seen. */
  what: string;
}

/** Headings (normalised: lower case, no numbering, emphasis or trailing colon) and what they speak for. */
const HEADINGS: Signal[] = [
  // minutes
  { kind: 'minutes', weight: 4, test: /^(?:attendees|attendance|present|members present|participants|in attendance|also present|attending|who'?s here|roll call)\b/, what: 'an attendance heading' },
  { kind: 'minutes', weight: 3, test: /^(?:apologies|apologies for absence|regrets|absent)\b/, what: 'an apologies heading' },
  { kind: 'minutes', weight: 3, test: /\b(?:recap|meeting recap|summary of (?:the )?meeting)\b|\b(?:council|committee|board|sc|tsc|tac|steering)\b.{0,30}\bupdates?\b/, what: 'a meeting recap or council update title' },
  { kind: 'minutes', weight: 2, test: /^(?:action items?|actions?|next steps|decisions and actions|decisions & action items)$/, what: 'an actions heading' },
  { kind: 'minutes', weight: 2, test: /^(?:agenda|discussion|notes)$/, what: 'an agenda or notes heading' },
  { kind: 'minutes', weight: 2, test: /\b(?:meeting|call|sync|standup|plenary)\b/, what: 'a meeting heading' },
  // terms of reference / charters
  { kind: 'terms-of-reference', weight: 5, test: /\bterms of reference\b|\bcharter\b(?! and code)/, what: 'a charter or terms-of-reference heading' },
  { kind: 'terms-of-reference', weight: 3, test: /^(?:membership|composition|members|quorum|quoracy|voting|decision[- ]making|elections?|term(?: length)?|terms|eligibility|roles?(?: and \w+)*|responsibilities|duties|functions|remit|delegated responsibilities)\b/, what: 'a governance-structure heading' },
  { kind: 'terms-of-reference', weight: 1, test: /^governance$/, what: 'a governance heading' },
  { kind: 'terms-of-reference', weight: 2, test: /^(?:mission|purpose|scope|in scope|out of scope|goals|deliverables|stakeholders|principles|values)\b/, what: 'a mission or scope heading' },
  // decision records
  { kind: 'resolution', weight: 5, test: /^(?:decision outcome|considered options|context and problem statement|decision drivers|consequences|pros and cons of the options)\b/, what: 'a decision-record heading' },
  { kind: 'resolution', weight: 3, test: /^(?:proposal|proposed standard|problem|summary|motivation|decision|status|resolution|resolutions|rationale|alternatives considered)$/, what: 'an RFC or proposal heading' },
  // timelines
  { kind: 'timeline', weight: 4, test: /\b(?:timeline|schedule|roadmap|key dates|timetable|milestones|release cycle|important dates)\b/, what: 'a timeline heading' },
];

/** Path conventions: folder and file names. */
const PATHS: Signal[] = [
  { kind: 'minutes', weight: 4, test: /(?:^|\/)(?:minutes|meeting[-_ ]?notes|meetings|sync-meeting|[^/]*meetings?)\/(?:.*\/)?[^/]+$/i, what: 'a meetings or minutes folder' },
  { kind: 'minutes', weight: 2, test: /(?:^|\/)notes\/(?:.*\/)?[^/]+$/i, what: 'a notes folder' },
  { kind: 'minutes', weight: 3, test: /(?:^|\/)[^/]*(?:minutes|meeting[-_ ]notes|meeting(?!s)|call[-_ ]?\d+)[^/]*\.m(?:d|arkdown)$/i, what: 'a minutes or meeting file name' },
  { kind: 'minutes', weight: 2, test: /(?:^|\/)\d{4}-\d{2}(?:-\d{2})?[^/]*\.m(?:d|arkdown)$/i, what: 'a dated file name' },
  { kind: 'terms-of-reference', weight: 6, test: /(?:^|\/)[^/]*(?:charter|terms[-_ ]of[-_ ]reference|governance|constitution|bylaws)[^/]*\.m(?:d|arkdown)$|(?:^|\/)tor\.m(?:d|arkdown)$/i, what: 'a charter or governance file name' },
  { kind: 'terms-of-reference', weight: 3, test: /(?:^|\/)[^/]*(?:process|procedures?|polic(?:y|ies)|delegations?|lifecycle|standing[-_ ]orders|rules[-_ ]of[-_ ]procedure)[^/]*\.m(?:d|arkdown)$/i, what: 'a process or procedure file name' },
  { kind: 'terms-of-reference', weight: 2, test: /(?:^|\/)(?:process|processes|procedures|policies|roles|committees|charters?|governance)\/(?:.*\/)?[^/]+$/i, what: 'a governance or process folder' },
  { kind: 'resolution', weight: 6, test: /(?:^|\/)(?:decisions|adr|adrs|rfcs?|resolutions|decision-records)\/(?:.*\/)?[^/]+$/i, what: 'a decisions or RFC folder' },
  { kind: 'resolution', weight: 5, test: /(?:^|\/)(?:rfc|adr|resolution|decision)[-_ ]?\d+[^/]*\.m(?:d|arkdown)$|(?:^|\/)\d{3,4}-(?!\d{1,2}[-_,.])[a-z][^/]*\.m(?:d|arkdown)$/i, what: 'a numbered RFC, ADR or decision file name' },
  { kind: 'timeline', weight: 4, test: /(?:^|\/)[^/]*(?:timeline|schedule|roadmap|milestones|dates)[^/]*\.m(?:d|arkdown)$/i, what: 'a timeline or schedule file name' },
  { kind: 'timeline', weight: 2, test: /(?:^|\/)(?:releases?|elections?)\/(?:.*\/)?[^/]+$/i, what: 'a releases or elections folder' },
  { kind: 'agenda', weight: 8, test: /(?:^|\/)agendas?\/(?:.*\/)?[^/]+$/i, what: 'an agendas folder' },
  { kind: 'agenda', weight: 6, test: /(?:^|\/)[^/]*agenda(?![-_ ]?(?:and|&)[-_ ]?(?:minutes|notes))[^/]*\.m(?:d|arkdown)$/i, what: 'an agenda file name' },
];

/** Paths of documents that are about governance but none of its records: landing pages, tables of contents, project files. */
const NOT_A_RECORD: { test: RegExp; what: string; weight: number }[] = [
  { test: /(?:^|\/)(?:toc|contents|table[-_]of[-_]contents|sidebar|_sidebar|summary)\.m(?:d|arkdown)$/i, what: 'a table of contents', weight: 100 },
  { test: /^(?:readme|index)\.m(?:d|arkdown)$/i, what: "the repository's README (a landing page)", weight: 4 },
  { test: /(?:^|\/)(?:contributing|changelog|changes|history|security|code[-_]of[-_]conduct|license|licence|support|maintainers|owners|authors)\.m(?:d|arkdown)$/i, what: 'a project file (contributing, changelog, licence…)', weight: 100 },
];

const CODE_DOC_HEADING = /^(?:install|installation|installing|usage|api|api reference|getting started|quick ?start|building|build|development|running tests|testing|configuration options|examples?|cli usage)$/;

/** Lines that are markers of a kind wherever they are. */
const LINES: (Signal & { max: number })[] = [
  { kind: 'minutes', weight: 3, max: 3, test: /^(?:[-*+]\s*)?(?:\*\*|__)?(?:attendees|present|attendance|participants|in attendance|apologies|regrets)(?:\*\*|__)?\s*:/i, what: 'an attendance line' },
  { kind: 'minutes', weight: 2, max: 3, test: /^(?:[-*+]\s*)?(?:\*\*|__)?(?:resolved|agreed|action(?: item)?s?|ai|decision|decisions)(?:\s+\d+(?:\.\d+)*)?(?:\*\*|__)?\s*[:—–]|^(?:[-*+]\s*)?\*\*(?:resolved|action(?: item)?|decision)\*\*/i, what: 'a decision or action marker' },
  { kind: 'minutes', weight: 1, max: 4, test: /^(?:[-*+]\s*)?(?:\w+(?:\s+\w+)?)\s+(?:to|will)\s+(?:send|review|follow up|share|update|open|create|draft|circulate|look into|reach out|check|write|add|schedule)\b/i, what: 'an action given to someone' },
  { kind: 'minutes', weight: 1, max: 6, test: /\b(?:it was (?:decided|agreed|resolved)|(?:the )?(?:group|council|committee|board|team|members|tsc|tac|sc) (?:discussed|agreed|decided|approved|accepted|rejected|voted|met with|reviewed)|(?:we|they) (?:discussed|agreed|decided) (?:to|that|on|the))\b/i, what: 'a record of what was discussed or decided' },
  { kind: 'minutes', weight: 1, max: 3, test: /^(?:[-*+]\s*)?(?:\*\*|__)?(?:date|time|meeting date(?:\/time)?|location|chair|facilitator|note[- ]?taker|scribe|recording)(?:\*\*|__)?\s*:/i, what: 'a meeting header line' },
  { kind: 'agenda', weight: 3, max: 1, test: /^(?:[-*+]\s*|\d+[.)]\s*)?(?:\*\*|__)?to (?:approve|confirm|agree|sign)\b.{0,60}\bminutes\b.{0,80}\b(?:correct|accurate|true) record\b/i, what: 'the last minutes put for approval' },
  { kind: 'agenda', weight: 2, max: 3, test: /\((?:pages?|pp\.?)\s+\d{1,4}(?:\s*[-–]\s*\d{1,4})?\)/i, what: "the pages of an item's papers" },
  { kind: 'agenda', weight: 1, max: 3, test: /^(?:[-*+]\s*|\d+[.)]\s*)?(?:\*\*|__)?to (?:receive|consider|note|approve|agree)\b(?! the minutes)/i, what: 'an item of business to come ("To receive…", "To consider…")' },
  { kind: 'resolution', weight: 4, max: 1, test: /^(?:[-*+]\s*)?(?:\*\*|__)?(?:chosen option|status)(?:\*\*|__)?\s*:\s*\S/i, what: 'a decision outcome or status line' },
  { kind: 'terms-of-reference', weight: 2, max: 2, test: /\bquorum\b.{0,80}\b(?:is|shall be|will be|of|requires?)\b/i, what: 'a quorum rule' },
  { kind: 'terms-of-reference', weight: 1, max: 3, test: /\b(?:shall|must) (?:be|consist|comprise|have|meet|elect|appoint|serve)\b|\bterms? of (?:office|service)\b|\b(?:is|are) (?:composed|comprised) of\b/i, what: 'a rule of constitution ("shall consist of", "term of office")' },
];

export interface InferInput {
  /** The document text (without front matter, or with: it is skipped). */
  text: string;
  /** The file's path, `/`-separated, relative to the repository when known. */
  path?: string;
}

export function inferKind(input: InferInput): KindInference {
  const evidence: KindEvidence[] = [];
  const add = (kind: InferredType, weight: number, reason: string, line?: number) => evidence.push(line !== undefined ? { kind, weight, reason, line } : { kind, weight, reason });
  // Mirrors and exports often flatten a tree into one folder, joining the folders with `__`
  // (`meetings__2024__2024-01-09.md`): read those as the folders they were.
  const path = (input.path ?? '').replace(/\\/g, '/').replace(/__/g, '/');

  for (const s of PATHS) if (s.test.test(path)) add(s.kind, s.weight, `${s.what} (${shortPath(path)})`);
  let notARecord = 0;
  let notWhy: string | undefined;
  for (const n of NOT_A_RECORD) {
    if (n.test.test(path) && n.weight > notARecord) {
      notARecord = n.weight;
      notWhy = n.what;
    }
  }

  const lines = scanLines(input.text);
  const seenHeading = new Set<string>();
  const lineHits = new Map<string, number>();
  let entries = 0;
  let datedEntries = 0;
  let datedHeadings = 0;
  let headings = 0;
  let titleSeen = false;
  /** "Install", "Usage", "API": the headings of a library's documentation, which no governance record has. */
  const codeDocHeadings = new Set<string>();
  for (const { text, line, heading } of lines) {
    if (heading !== undefined) {
      headings++;
      const h = normalise(heading.text);
      if (DATED_ENTRY.test(h) || (DATE_IN.test(h) && h.length < 60)) datedHeadings++;
      if (!titleSeen && heading.depth <= 2) {
        titleSeen = true;
        // "Minutes of the Board", "Meeting notes": as the title only; a "## Minutes" section of a procedure is about minutes.
        if (/\bminutes\b(?! of the (?:previous|last))|\bmeeting notes\b|\bnotes from\b|\bmeeting summary\b/.test(h)) add('minutes', 5, `a minutes title '${clip(heading.text)}'`, line);
        // "Agenda — 7 March 2024", "Board Agenda": the meeting to come, unless its notes are written into it.
        const agendaTitle = /\bagenda\b/.test(h) && !/\b(?:minutes|notes|recap|summary|record)\b/.test(h);
        if (agendaTitle) add('agenda', 5, `an agenda title '${clip(heading.text)}'`, line);
        else if (DATE_IN.test(h) && /\b(?:meeting|minutes|notes|call|sync|agenda)\b/.test(h)) add('minutes', 4, `a dated meeting title '${clip(heading.text)}'`, line);
        else if (DATE_IN.test(h) && heading.depth === 1 && h.length < 40) add('minutes', 2, `a date as the title '${clip(heading.text)}'`, line);
      }
      if (CODE_DOC_HEADING.test(h)) codeDocHeadings.add(h);
      for (const s of HEADINGS) {
        if (!s.test.test(h)) continue;
        const key = s.what;
        if (seenHeading.has(key)) {
          // The same kind of heading again (a weekly archive's many Attendees) adds a little, not as much.
          const n = lineHits.get('h:' + key) ?? 0;
          if (n < 3) add(s.kind, 1, `${s.what} again '${clip(heading.text)}'`, line);
          lineHits.set('h:' + key, n + 1);
          continue;
        }
        seenHeading.add(key);
        add(s.kind, s.weight, `${s.what} '${clip(heading.text)}'`, line);
      }
      continue;
    }
    const t = text.trim();
    const isEntry = /^(?:[-*+]|\d+[.)])\s+\S/.test(t) || /^\|.*\|/.test(t);
    if (isEntry && !/^\|[\s:|-]+\|?$/.test(t)) {
      entries++;
      // A row of links to past meetings' notes and recordings is an index, not a schedule entry.
      const links = t.length < 2000 ? (t.match(/\]\(/g) ?? []).length : 0;
      if (links < 2 && (DATED_ENTRY.test(t) || (t.length < 400 && DATE_IN.test(t)))) datedEntries++;
    } else if (!isEntry && t.length > 0 && t.length < 300 && DATED_ENTRY.test(t)) {
      entries++;
      datedEntries++;
    }
    for (const s of LINES) {
      // A marker seen as often as it counts is not tested again: the scan stays one pass of cheap lines.
      const n = lineHits.get(s.what) ?? 0;
      if (n >= s.max || !s.test.test(t)) continue;
      lineHits.set(s.what, n + 1);
      add(s.kind, s.weight, `${s.what} '${clip(t)}'`, line);
    }
  }
  // A document that is mostly dated entries is a timeline.
  if (datedEntries >= 3) {
    const density = datedEntries / Math.max(entries, 1);
    const weight = Math.min(10, 1 + Math.floor(datedEntries / 2)) * (density >= 0.25 ? 1 : density >= 0.1 ? 0.5 : 0.25);
    if (weight >= 1) add('timeline', Math.floor(weight), `${datedEntries} of ${entries} list items, table rows and short lines are dated`);
  }
  else if (datedHeadings >= 3 && datedHeadings >= headings * 0.3) add('timeline', 4, `${datedHeadings} of ${headings} headings are dates`);

  const scores: Record<InferredType, number> = { 'terms-of-reference': 0, minutes: 0, resolution: 0, timeline: 0, agenda: 0 };
  for (const e of evidence) scores[e.kind] += e.weight;
  if (codeDocHeadings.size >= 2 && 100 > notARecord) {
    notARecord = 100;
    notWhy = `code documentation (headings ${[...codeDocHeadings].slice(0, 3).map((h) => `'${h}'`).join(', ')})`;
  }
  const ranked = (Object.keys(scores) as InferredType[]).sort((a, b) => scores[b] - scores[a]);
  const [best, second] = ranked;
  const top = scores[best];
  const lead = top - scores[second];
  if (notARecord > 0 && notWhy) {
    for (const k of ranked) scores[k] -= notARecord;
    evidence.push({ kind: best, weight: -notARecord, reason: notWhy });
  }
  const mine = evidence.filter((e) => e.kind === best).sort((a, b) => b.weight - a.weight);
  const net = scores[best];
  if (top <= 0) return { confidence: 'none', scores, evidence: [] };
  if (net >= THRESHOLD && lead >= MARGIN) return { type: best, best, confidence: 'sure', scores, evidence: mine };
  return { best, confidence: net >= THRESHOLD / 2 ? 'unsure' : 'none', scores, evidence: mine };
}

interface ScannedLine {
  text: string;
  line: number;
  heading?: { depth: number; text: string };
}

/** The lines outside fenced code, HTML comment blocks and front matter, with ATX headings recognised. */
function scanLines(text: string): ScannedLine[] {
  const out: ScannedLine[] = [];
  let fence: string | undefined;
  let comment = false;
  let line = 0;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let inFrontMatter = text.startsWith('---', at);
  while (at <= text.length && line < MAX_LINES) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(at, Math.min(end, at + MAX_LINE)).replace(/\r$/, '');
    at = end + 1;
    if (inFrontMatter) {
      if (line > 1 && /^(?:---|\.\.\.)\s*$/.test(raw)) inFrontMatter = false;
      continue;
    }
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      if (fence === undefined) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    // An HTML comment block (instructions to contributors, a template's hints) is not the document's text.
    if (comment) {
      if (raw.includes('-->')) comment = false;
      continue;
    }
    if (/^ {0,3}<!--/.test(raw) && !raw.includes('-->', raw.indexOf('<!--') + 4)) {
      comment = true;
      continue;
    }
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(raw);
    if (h) out.push({ text: raw, line, heading: { depth: h[1].length, text: h[2] } });
    else out.push({ text: raw, line });
    if (end >= text.length) break;
  }
  return out;
}

function normalise(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/^(?:section\s+)?\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/[:#\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function clip(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > 60 ? t.slice(0, 57) + '…' : t;
}

function shortPath(p: string): string {
  const parts = p.split('/');
  return parts.length > 3 ? '…/' + parts.slice(-3).join('/') : p;
}

/** The evidence as one line a user reads: "minutes: an attendance heading 'Attendees' (line 5); …". */
export function describeEvidence(inference: KindInference, max = 3): string {
  return inference.evidence
    .filter((e) => e.weight > 0)
    .slice(0, max)
    .map((e) => (e.line !== undefined ? `${e.reason} (line ${e.line})` : e.reason))
    .join('; ');
}

/**
 * The path to recognise a file's kind from when only its URI is known: the last
 * two segments (`minutes/2024-01-09.md`), since folders above the workspace say
 * nothing about the file.
 */
export function kindPathOfUri(uri: string): string {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?/i, '').replace(/[?#].*$/, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: the path as written.
  }
  return decoded.split('/').filter((p) => p !== '').slice(-2).join('/');
}
