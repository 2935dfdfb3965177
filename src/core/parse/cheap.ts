/**
 * The cheap pass: a line-by-line reading of headings, agenda items, dated list
 * items, one-line decisions and the numbered clauses under a decision marker
 * (`RESOLVED:` then `1.`, `2.`…), linear in the text whatever it contains. Used
 * when the full Markdown parse would take too long (see `too-complex`), so an
 * author still gets an outline, a timeline, the numbering and date checks and
 * the front matter checks.
 */

/** What the cheap pass reads, and what it leaves unchecked, for the `too-complex` message. */
export const CHEAP_READS = 'its front matter, headings, dated list items, decision lines and numbered resolution lists were read';
export const CHEAP_SKIPS = 'tables, paragraphs, attendance, actions, membership and functions were not, so quorum, overdue actions, seats and dates in tables are not checked';
import { leadingDateShape, matchLeadingDate, unreadDateReason } from '../dates/index.js';
import type { BodyReading } from '../read/reader.js';
import type { ModelBuilder } from '../read/builder.js';
import { decisionMarker } from '../read/phrases/markers.js';
import { agendaItem, isDecisionHeading, sectionKind } from '../read/phrases/sections.js';

const MAX_LINE = 10_000;

export function readBodyCheaply(b: ModelBuilder, reading: BodyReading, bodyStartLine: number): void {
  const c = b.content;
  if (reading.agendaItems) c.items = [];
  if (reading.decisions) {
    c.resolutions = [];
    c.actions = [];
  }
  if (reading.milestones) c.milestones = [];
  if (reading.functions) c.functions = [];
  if (reading.membership) c.seats = [];
  if (reading.attendance) c.attendance = { present: [], inAttendance: [], apologies: [] };
  let fence: string | undefined;
  let item: string | undefined;
  let blocks = 0;
  /** A decision marker or heading with nothing after it: the numbered list that follows holds its clauses. */
  let pending: string | undefined;
  /** The clauses being read: their marker, block and indent of their numbers. */
  let clauses: { marker: string; block: number; indent: number } | undefined;
  /**
   * A numbered clause of the decision block being read (or opening one after a marker): read as the
   * full parse reads it, with its number and the range of `N.`, so resolution-numbering checks it.
   * Blank lines and indented lines (continuations, nested lists) keep the block open; other text ends it.
   */
  const clause = (line: number, text: string, offset: number): boolean => {
    const resolutions = c.resolutions!;
    if (/^\s*$/.test(text)) return false;
    const n = /^( {0,12})(\d{1,9})([.)])\s+(.*)$/.exec(text);
    if (n && (clauses === undefined ? pending !== undefined : n[1].length <= clauses.indent + 1)) {
      clauses ??= { marker: pending!, block: blocks++, indent: n[1].length };
      pending = undefined;
      const number = Number(n[2]);
      const i = resolutions.length;
      const rest = n[4].replace(/\*\*|__/g, '').trim().replace(/^(?:resolved\s*)?that\b/i, (m) => m.replace(/^resolved\s*/i, ''));
      resolutions.push({ text: rest, marker: clauses.marker, number, identifier: item ? `${item}.${number}` : String(number), ...(item !== undefined ? { item } : {}), block: clauses.block });
      b.map(`/content/resolutions/${i}`, b.lines.lineRange(line));
      b.map(`/content/resolutions/${i}/number`, b.range(offset + n[1].length, offset + n[1].length + n[2].length + 1));
      return true;
    }
    if (clauses && /^(?: {2,}|\t)/.test(text)) {
      // A continuation line joins its clause, as in the full parse; a nested list is not part of it.
      const last = resolutions.length - 1;
      if (!/^\s+(?:[-*+]|\d{1,9}[.)])\s/.test(text) && resolutions[last].text.length < 4000) {
        resolutions[last].text = `${resolutions[last].text} ${text.replace(/\*\*|__/g, '').trim()}`;
        const start = b.sourceMap.get(`/content/resolutions/${last}`)?.range.start.offset ?? offset;
        b.map(`/content/resolutions/${last}`, b.range(start, b.lines.lineEnd(line)));
      }
      return true;
    }
    clauses = undefined;
    return false;
  };
  for (let line = bodyStartLine; line <= b.lines.lineCount; line++) {
    const text = b.lines.lineText(line);
    if (text.length > MAX_LINE) continue;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (f) {
      if (fence === undefined) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined || text.trim() === '') continue;
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(text);
    const range = b.lines.lineRange(line);
    if (h) {
      const title = h[2].replace(/[*_`]/g, '').trim();
      const kind = sectionKind(title);
      clauses = undefined;
      pending = reading.decisions && isDecisionHeading(title, kind) ? title : undefined;
      const i = c.sections.length;
      c.sections.push(kind ? { title, depth: h[1].length, kind } : { title, depth: h[1].length });
      b.map(`/content/sections/${i}`, range);
      if (h[1].length === 1 && c.title === undefined) {
        c.title = title;
        b.map('/content/title', range);
      }
      const a = reading.agendaItems && h[1].length > 1 ? agendaItem(title) : undefined;
      item = a?.number;
      if (a && c.items) {
        b.map(`/content/items/${c.items.length}`, range);
        c.items.push(a);
      }
      continue;
    }
    const li = /^(\s{0,12}(?:[-*+]|\d{1,9}[.)])\s+)(.*)$/.exec(text);
    const body = li ? li[2] : text.trim();
    const bodyStart = range.start.offset + (li ? li[1].length : text.length - text.trimStart().length);
    if (c.resolutions && clause(line, text, range.start.offset)) continue;
    if (li && c.milestones) {
      const m = matchLeadingDate(body);
      if (m) {
        const title = body.slice(m.length).replace(/^\s*[—–:-]+\s*/, '').replace(/\s*\[[^\]]*\]\s*$/, '').trim();
        const i = c.milestones.length;
        c.milestones.push({ date: m.date, title });
        b.map(`/content/milestones/${i}`, range);
        b.map(`/content/milestones/${i}/date`, b.range(bodyStart, bodyStart + m.length));
        if (m.date.invalid) b.report('impossible-date', 'error', { reason: m.date.invalid, range: b.range(bodyStart, bodyStart + m.length) });
      } else {
        const shape = leadingDateShape(body);
        if (shape) {
          const at = bodyStart + shape.start;
          b.report('unread-date', 'warning', { reason: unreadDateReason(body.slice(shape.start, shape.start + shape.length), 'this milestone is left out of the timeline'), range: b.range(at, at + shape.length) });
        }
      }
    }
    if (c.resolutions) {
      const d = decisionMarker(body.replace(/\*\*|__/g, ''));
      // Any other text ends what a marker opened; a marker alone (`RESOLVED:`) opens a numbered list.
      pending = d && d.rest === '' ? d.marker : undefined;
      if (d && d.rest !== '') {
        const i = c.resolutions.length;
        c.resolutions.push(item !== undefined ? { text: d.rest, marker: d.marker, identifier: item, item, block: blocks++ } : { text: d.rest, marker: d.marker, block: blocks++ });
        b.map(`/content/resolutions/${i}`, range);
      }
    }
  }
}
