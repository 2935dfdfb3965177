/**
 * Reads the functions of a body: what it (or a role it defines) does.
 *
 * - the items of a list under a functions heading (Functions, Terms of
 *   Reference, Responsibilities, Duties, Remit, Scope, "Responsibilities of the
 *   TSC"), numbered as written, and the verb-phrase items nested in them;
 *   a scope list of *areas* ("Data: Data refers to …") or of bare noun phrases
 *   is not a list of functions;
 * - a list of duties under a role heading ("### Chair") or after an intro that
 *   says so ("The Board will:"), and a list of "To …" clauses anywhere;
 * - sentences anywhere that give a duty ("the TSC is responsible for …",
 *   "the facilitator is in charge of …") or state the body's own commitment
 *   ("The TSC will define …"), each from its own line;
 * - a "To <verb> …" mission paragraph under a Mission or functions heading;
 * - standing delegations ("Standing PEP Delegations:" then "- Area: Person").
 */
import type { List, ListItem, Paragraph } from 'mdast';
import {
  areaTerm,
  isBodyCommitment,
  isBareIntro,
  isListIntro,
  isResponsibility,
  isVerbPhrase,
  plainText,
  sentenceSpans,
  titleAcronyms,
} from './phrases/duties.js';
import { itemLead, itemMarkerRange, itemNumber, normaliseHeading, rangeOfNode, textOf } from './phrases/text.js';
import { metaText, type ReadContext, type Reader } from './reader.js';

/** How deep nested duty lists are read ("Ensuring quality releases" › "Defining release roles"). */
const MAX_DUTY_DEPTH = 3;

type Context = 'functions' | 'mission' | 'role' | 'membership' | undefined;

function headingContext(title: string, kind: string | undefined): Context {
  const n = normaliseHeading(title);
  if (/\bout of scope\b|\bnon[- ]goals?\b/.test(n)) return undefined;
  if (kind === 'membership') return 'membership';
  if (/^(?:mission|mission statement|our mission|vision and mission|mission and vision)$/.test(n)) return 'mission';
  if (kind === 'functions' || /\b(?:responsibilities|duties|functions|terms of reference)\b/.test(n) || n === 'in scope') return 'functions';
  if (kind === 'chair' || /^(?:the )?(?:chair|vice[- ]chair|deputy chair|chairperson|secretary|treasurer|clerk|convenor|facilitator|scribe|leads?|liaisons?|officers?)s?$/.test(n)) return 'role';
  return undefined;
}

export const functions: Reader = {
  id: 'functions',
  description: 'Functions (duties) of the body: duty lists under a functions or role heading, "To …" lists, responsibility and commitment sentences, standing delegations.',
  applies: (r) => r.functions,
  create(ctx) {
    const { b } = ctx;
    b.content.functions = [];
    const acronyms = new Set<string>(titleAcronyms(metaText(ctx, 'title')));
    let context: Context;
    /** The last paragraph read and where it ended: a list right after it is introduced by it. */
    let intro: { text: string; endLine: number } | undefined;

    const add = (text: string, range: ReturnType<typeof rangeOfNode>, number?: number, numberRange?: ReturnType<typeof rangeOfNode>): void => {
      const fns = b.content.functions!;
      const i = fns.length;
      fns.push(number !== undefined ? { number, text } : { text });
      b.map(`/content/functions/${i}`, range);
      if (number !== undefined) b.map(`/content/functions/${i}/number`, numberRange);
    };

    /** The sentences of a node that give a duty or state a commitment, each from its own start. */
    const dutySentences = (node: Paragraph, mission: boolean): void => {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      if (s === undefined || e === undefined) return;
      const raw = b.text.slice(s, Math.min(e, s + 20000));
      for (const sp of sentenceSpans(raw)) {
        const sentence = raw.slice(sp.start, sp.end);
        const plain = plainText(sentence);
        // "To properly solve the node drain, we must first …" is a purpose clause, not a mission.
        const missionLine = mission && /^To [a-z]/.test(plain) && isVerbPhrase(plain) && !/^To [^,]{0,80}, (?:we|i|you|they|it|this|the|our)\b/i.test(plain);
        const duty = isResponsibility(plain) || isBodyCommitment(plain, acronyms) || missionLine;
        if (!duty || plain.length < 12) continue;
        // "The Librarians are responsible for the following:" introduces the list after it; it says nothing itself.
        if (isListIntro(plain) && isBareIntro(plain)) continue;
        add(plain.replace(/\s*:$/, ''), b.range(s + sp.start, s + sp.end));
      }
    };

    const addItem = (item: ListItem, list: List): void => {
      const number = list.ordered ? itemNumber(b.text, item) : undefined;
      add(itemLead(item), rangeOfNode(item), number, number !== undefined ? itemMarkerRange(b.text, item, (s, e) => b.range(s, e)) : undefined);
    };

    /** Verb-phrase items nested under a function ("Ensuring quality releases" › "Defining … roles"); noun lists ("Code branches") are its detail. */
    const nestedDuties = (item: ListItem, depth: number): void => {
      if (depth > MAX_DUTY_DEPTH) return;
      for (const child of item.children) {
        if (child.type !== 'list') continue;
        for (const sub of child.children) {
          const lead = itemLead(sub);
          if (isVerbPhrase(lead) || isResponsibility(lead)) addItem(sub, child);
          nestedDuties(sub, depth + 1);
        }
      }
    };

    return {
      heading(h) {
        context = headingContext(textOf(h), ctx.section?.kind);
        intro = undefined;
        if (h.depth === 1 && acronyms.size === 0) for (const a of titleAcronyms(textOf(h))) acronyms.add(a);
      },
      paragraph(p) {
        const text = textOf(p);
        intro = { text, endLine: p.position?.end.line ?? 0 };
        if (context === 'membership') return false;
        dutySentences(p, context === 'mission' || context === 'functions');
        return false;
      },
      list(list) {
        if (context === 'membership') return false;
        const introText = intro && list.position && list.position.start.line - intro.endLine <= 2 ? intro.text : undefined;
        intro = undefined;
        const leads = list.children.map(itemLead);
        const kinds = leads.map(classify);
        const n = leads.length;
        const count = (k: ItemKind) => kinds.filter((x) => x === k).length;
        const duties = count('verb') + count('duty');

        // "Standing PEP Delegations:" then "- Package Distribution Metadata PEPs: Paul Moore".
        if (introText && /\bdelegat(?:ions?|es|ed)\b[^:]{0,80}:\s*$/i.test(introText) && n > 0 && leads.every((l) => delegation(l) !== undefined)) {
          const label = introText.replace(/:\s*$/, '').replace(/s$/, '').trim();
          list.children.forEach((item, i) => {
            const d = delegation(leads[i])!;
            add(`${label}: ${d.area} (${d.holder})`, rangeOfNode(item));
          });
          // Not claimed: each delegate also holds a seat (the membership reader reads the same list).
          return false;
        }

        const introSaysDuties = introText !== undefined && /\b(?:responsib\w*|duties|functions|terms of reference|including|will|shall|are to|is to)\b[^.]{0,40}:\s*$/i.test(introText);
        const introSaysAreas = introText !== undefined && /\b(?:topics|areas|sub-?domains|domains|technologies|includes?|covers?)\b[^.]{0,60}:\s*$/i.test(introText) && !introSaysDuties;
        let take = false;
        if (context === 'functions') {
          if (count('area') * 2 >= n || introSaysAreas) take = false;
          else take = duties * 2 >= n || introSaysDuties;
        } else if (context === 'role' || introSaysDuties) {
          take = n >= 2 && duties * 3 >= n * 2;
        }
        // "1. To provide strong leadership …" anywhere: a numbered list of what the body does.
        if (!take && n >= 2 && leads.filter((l) => /^To [a-z]/.test(plainText(l)) && isVerbPhrase(l)).length * 3 >= n * 2) take = true;
        if (!take) return false;
        list.children.forEach((item, i) => {
          if (kinds[i] === 'area' || leads[i] === '') return;
          addItem(item, list);
          nestedDuties(item, 1);
        });
        return true;
      },
      listItem(item) {
        if (context === 'membership') return false;
        // "**Facilitator**: the facilitator is in charge of …", "- The Board will …": a duty wherever its list is.
        const lead = itemLead(item);
        const plain = plainText(lead);
        if (plain.length >= 12 && (isResponsibility(plain) || isBodyCommitment(plain, acronyms))) {
          add(plain, rangeOfNode(item));
          return true;
        }
        return false;
      },
    };
  },
};

type ItemKind = 'verb' | 'duty' | 'area' | 'noun';

const ROLE_TERM = /\b(?:chair|chairs|chairperson|vice[- ]chair|secretary|treasurer|clerk|convenor|facilitator|scribe|scribes|lead|leads|liaison|officer|coordinator|manager|members?|director)(?:\(s\))?$/i;

function classify(lead: string): ItemKind {
  const plain = plainText(lead);
  if (isResponsibility(plain)) return 'duty';
  const area = areaTerm(plain);
  // "Chair: run the meetings" gives a role its duty; "Prompt Guards - Define …" names a feature, "Data: …" an area.
  if (area) return ROLE_TERM.test(area.term) && isVerbPhrase(area.description) ? 'verb' : 'area';
  return isVerbPhrase(plain) ? 'verb' : 'noun';
}

/** "Package Distribution Metadata PEPs: Paul Moore" → the area and the person it is delegated to. */
export function delegation(lead: string): { area: string; holder: string } | undefined {
  const m = /^([^:]{2,120}):\s*([A-Z][\w'’.-]{0,30}(?:\s+[A-Z][\w'’.-]{0,30}){1,3})$/.exec(plainText(lead));
  return m ? { area: m[1].trim(), holder: m[2].trim() } : undefined;
}

export type { ReadContext };
