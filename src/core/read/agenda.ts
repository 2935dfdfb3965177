/**
 * Reads an agenda as councils and boards publish them: numbered items as
 * headings ("## 5. Local Care Alliance update"), as a numbered list ("5.
 * **Local Care Alliance update** — Report of the Programme Director (Pages
 * 11 - 30)") or as a table (Item | Title | Presenter | Pages), sub-items
 * ("(a) Measurement Framework", "5.1", a nested list), the parts of the
 * meeting ("Part I", "PART II – exempt items"), urgent business, items
 * withdrawn, and the previous minutes it puts for approval ("To approve as a
 * correct record the minutes of the meeting held on 29 January 2021").
 */
import type { Heading, List, ListItem, Paragraph, Table } from 'mdast';
import { parseFuzzyDate } from '../dates/index.js';
import type { AgendaEntry } from '../model.js';
import type { Range } from '../text/range.js';
import { itemLead, itemNumber, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import type { Reader } from './reader.js';

const MAX_ENTRIES = 500;

/** "Part I", "PART 2 – Exempt items", "Part Two (private)". */
const PART = /^part\s+(i{1,3}|[1-3]|one|two|three)\b/i;
/** "5.", "5)", "5(a)", "5.1", "Item 5:" at the start of a heading or line. */
const NUMBERED = /^(?:item\s+)?(\d{1,3}(?:\.\d{1,2})?(?:\s?\([a-z]{1,3}\))?)[.):]?\s+(\S.*)$/i;
/** "(a) …", "a) …", "i. …": a sub-item's own letter. */
const LETTERED = /^\(?([a-z]|[ivx]{1,4})\)\.?\s+(\S.*)$|^([a-z])\.\s+(\S.*)$/;
const PAGES = /\(?\s*\b(?:pages?|pp\.?)\s+(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*\)?/i;
const PRESENTER =
  /(?:^|[—–]\s*|\s-\s+|[.;]\s+|\(\s*)(?:(?:joint\s+)?reports?\s+(?:of|from|by)\s+(?:the\s+)?|presented\s+by\s+(?:the\s+)?|presenters?\s*:\s*|lead(?:\s+officer)?\s*:\s*|introduced\s+by\s+(?:the\s+)?|speaker\s*:\s*)([^().;—–]{3,100}?)(?=\s*(?:$|[().;—–]|\s-\s))/i;
/** A time slot with its leads: "(5m, Host)", "(10 min, Ann, Bo)", "(30 minutes - Lee)". */
const SLOT = /\s*\(\s*\d{1,3}\s*(?:m|mins?|minutes)\b\s*[,;–—-]\s*([^()]{2,100}?)\s*\)/i;
const PREVIOUS = /\bminutes\s+of\s+the\s+(?:last\s+|previous\s+)?meeting\s+(?:of\s+the\s+[^.]{2,60}?\s+)?held\s+on\s+((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})/i;

const ROMAN: Record<string, string> = { i: 'I', ii: 'II', iii: 'III', '1': 'I', '2': 'II', '3': 'III', one: 'I', two: 'II', three: 'III' };

/** `text` with what `match` matched cut out, spaces closed up. */
function without(text: string, match: RegExpExecArray): string {
  return (text.slice(0, match.index) + text.slice(match.index + match[0].length)).replace(/\s+/g, ' ').trim();
}

/** An item's title, presenter and pages from its line: "**Title** — Report of X (Pages 1 - 10)". */
export function agendaEntryOf(text: string, number: string | undefined): AgendaEntry | undefined {
  // A task-list box ("- [ ] Minute 19.5 …") is the item's state, not its title.
  let t = text.replace(/\s+/g, ' ').trim().replace(/^\[[ xX]\]\s+/, '');
  if (t === '') return undefined;
  const entry: AgendaEntry = { title: '' };
  if (number !== undefined) entry.number = number;
  const pages = PAGES.exec(t);
  if (pages) {
    entry.pages = pages[1].replace(/\s*[-–]\s*/, ' - ');
    t = without(t, pages);
  }
  // "(5m, Benjie)", "(15 mins, Curtis, Matt)": the time given to the item and who leads it.
  const slot = SLOT.exec(t);
  if (slot) {
    entry.presenter = slot[1].trim();
    t = without(t, slot);
  }
  const presenter = slot ? null : PRESENTER.exec(t);
  if (presenter) entry.presenter = presenter[1].trim();
  const bold = /^\*\*([^*]{2,200})\*\*/.exec(t);
  const title = bold ? bold[1] : t.split(/\s[—–]\s|\s-\s|:\s|\.\s/)[0];
  entry.title = title.replace(/[*_]/g, '').replace(/[.:;,\s—–-]+$/, '').trim().slice(0, 300);
  if (entry.title === '') return undefined;
  if (/\burgent\s+business\b|\bany\s+other\s+(?:urgent\s+)?business\b/i.test(t)) entry.urgent = true;
  if (/\bwithdrawn\b/i.test(t)) entry.withdrawn = true;
  return entry;
}

export const agenda: Reader = {
  id: 'agenda',
  description:
    'In an agenda: its numbered items and sub-items (headings, numbered lists, tables), with their presenters, the pages of their papers, the part of the meeting (Part I, Part II), urgent business, items withdrawn, and the previous minutes put for approval.',
  applies: (r) => r.agenda,
  create(ctx) {
    const { b } = ctx;
    const entries: AgendaEntry[] = (b.content.agenda = []);
    let part: string | undefined;
    /** The item the headings have opened, for the lines and lists under it. */
    let open: { index: number; depth: number } | undefined;

    const push = (entry: AgendaEntry, range: Range | undefined, parent?: string): number | undefined => {
      if (entries.length >= MAX_ENTRIES || !range) return undefined;
      if (part) entry.part = part;
      if (parent !== undefined) entry.parent = parent;
      b.map(`/content/agenda/${entries.length}`, range);
      entries.push(entry);
      return entries.length - 1;
    };
    const previous = (text: string, range: Range | undefined) => {
      if (b.content.previousMinutes || !/\bminutes\b/i.test(text)) return;
      const m = PREVIOUS.exec(text);
      if (!m || !range) return;
      b.content.previousMinutes = { text: text.slice(0, 400) };
      b.map('/content/previousMinutes', range);
      const d = parseFuzzyDate(m[1]);
      if (d && !d.invalid && d.precision === 'day') {
        b.content.previousMinutes.date = d;
        b.mapWritten('/content/previousMinutes/date', m[1], range);
      }
    };
    /** A sub-item's number under `parent`: "5(a)" from "(a) …", "5.1" when it has its own. */
    const subItem = (text: string, parent: string | undefined): { number?: string; rest: string } => {
      const n = NUMBERED.exec(text);
      if (n) return { number: n[1].replace(/\s/g, ''), rest: n[2] };
      const l = LETTERED.exec(text);
      if (l) return { number: parent !== undefined ? `${parent}(${l[1] ?? l[3]})` : `(${l[1] ?? l[3]})`, rest: l[2] ?? l[4] };
      return { rest: text };
    };
    const readList = (l: List, parent: string | undefined, depth: number) => {
      // "1." on every item is Markdown's lazy numbering: the items are 1, 2, 3… as rendered.
      const written = l.ordered ? l.children.slice(0, MAX_ENTRIES).map((li) => itemNumber(b.text, li)) : [];
      const lazy = written.length > 1 && written.every((n) => n === written[0]);
      l.children.slice(0, MAX_ENTRIES).forEach((li, k) => {
        const lead = itemLead(li);
        if (lead === '') return;
        let number: string | undefined;
        let rest = lead;
        if (l.ordered && parent === undefined) number = String(lazy ? (written[0] ?? 1) + k : (written[k] ?? ''));
        else ({ number, rest } = subItem(lead, parent));
        if (number === '') number = undefined;
        const entry = agendaEntryOf(rest, number);
        if (!entry) return;
        previous(textOf(li), rangeOfNode(li));
        push(entry, rangeOfNode(li), parent);
        for (const child of li.children) if (child.type === 'list' && depth < 2) readList(child, number ?? parent, depth + 1);
      });
    };

    return {
      heading(h: Heading) {
        const text = textOf(h);
        if (h.depth === 1) return;
        const p = PART.exec(text);
        if (p) {
          part = ROMAN[p[1].toLowerCase()];
          open = undefined;
          return;
        }
        // A heading under an item's heading is its sub-item ("### (a) Measurement Framework").
        if (open && h.depth > open.depth) {
          const parentNumber = entries[open.index]?.number;
          const { number, rest } = subItem(text, parentNumber);
          const entry = agendaEntryOf(rest, number);
          if (entry) push(entry, rangeOfNode(h), parentNumber);
          return;
        }
        open = undefined;
        const n = NUMBERED.exec(text);
        if (!n && !/\burgent\s+business\b/i.test(text)) return;
        const entry = agendaEntryOf(n ? n[2] : text, n ? n[1].replace(/\s/g, '') : undefined);
        if (!entry) return;
        const i = push(entry, rangeOfNode(h));
        if (i !== undefined) open = { index: i, depth: h.depth };
      },
      paragraph(p: Paragraph) {
        const text = textOf(p);
        previous(text, rangeOfNode(p));
        const n = NUMBERED.exec(text);
        // "5. Title" written as a paragraph (an escaped list marker, a PDF's text).
        if (!open && n && /^\*\*|^[A-Z]/.test(n[2])) {
          const entry = agendaEntryOf(n[2], n[1].replace(/\s/g, ''));
          if (entry) push(entry, rangeOfNode(p));
          return true;
        }
        if (!open) return false;
        const e = entries[open.index];
        if (!e) return false;
        const pages = PAGES.exec(text);
        if (pages && e.pages === undefined) e.pages = pages[1].replace(/\s*[-–]\s*/, ' - ');
        const presenter = PRESENTER.exec(text);
        if (presenter && e.presenter === undefined) e.presenter = presenter[1].trim();
        if (/\bwithdrawn\b/i.test(text)) e.withdrawn = true;
        return true;
      },
      list(l: List) {
        const items = l.children;
        const numbered = l.ordered || items.some((li) => NUMBERED.test(itemLead(li)) || LETTERED.test(itemLead(li)));
        if (!numbered && !open) return false;
        readList(l, open ? entries[open.index]?.number : undefined, 0);
        return true;
      },
      listItem(_li: ListItem) {
        return false;
      },
      table(t: Table) {
        const { rows, col, cell } = tableColumns(t);
        const norm = (h: string) => h.replace(/[*_:.]/g, '').replace(/\s+/g, ' ').trim();
        const numberCol = col((h) => /^(?:item|no|number|#|ref|item no|agenda item no)$/.test(norm(h)));
        let titleCol = col((h) => /^(?:title|subject|business|agenda item|description|topic|report|paper)$/.test(norm(h)));
        if (titleCol < 0) titleCol = numberCol === 0 ? 1 : 0;
        const presenterCol = col((h) => /^(?:presenter|lead|presented by|by|officer|lead officer|speaker|owner|who|responsible)$/.test(norm(h)));
        const pagesCol = col((h) => /^(?:pages?|page no|pp|papers?)$/.test(norm(h)));
        const partCol = col((h) => /^(?:part)$/.test(norm(h)));
        if (numberCol < 0 && presenterCol < 0 && pagesCol < 0) return false;
        for (const row of rows.slice(0, MAX_ENTRIES)) {
          const raw = cell(row, titleCol);
          const number = numberCol >= 0 ? cell(row, numberCol).replace(/^item\s+/i, '').replace(/[.:]$/, '').trim() || undefined : undefined;
          const entry = agendaEntryOf(raw, number);
          if (!entry) continue;
          const presenter = presenterCol >= 0 ? cell(row, presenterCol).trim() : '';
          if (presenter !== '') entry.presenter = presenter;
          const pages = pagesCol >= 0 ? cell(row, pagesCol).trim() : '';
          if (pages !== '') entry.pages = pages.replace(/^(?:pages?|pp\.?)\s+/i, '').replace(/\s*[-–]\s*/, ' - ');
          const rowPart = partCol >= 0 ? PART.exec(`part ${cell(row, partCol).replace(/^part\s+/i, '')}`) : null;
          const parent = number && /\(|\./.test(number) ? number.replace(/\s?\([a-z]{1,3}\)$|\.\d{1,2}$/i, '') : undefined;
          const saved = part;
          if (rowPart) part = ROMAN[rowPart[1].toLowerCase()];
          previous(raw, rangeOfNode(row));
          push(entry, rangeOfNode(row), parent !== number ? parent : undefined);
          part = saved;
        }
        return true;
      },
    };
  },
};
