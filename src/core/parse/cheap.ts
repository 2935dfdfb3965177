/**
 * The cheap pass: a line-by-line reading of headings, agenda items, dated list
 * items and one-line decisions, linear in the text whatever it contains. Used
 * when the full Markdown parse would take too long (see `too-complex`), so an
 * author still gets an outline, a timeline and the front matter checks.
 */
import { leadingDateShape, matchLeadingDate, unreadDateReason } from '../dates/index.js';
import type { BodyReading } from '../read/reader.js';
import type { ModelBuilder } from '../read/builder.js';
import { decisionMarker } from '../read/phrases/markers.js';
import { agendaItem, sectionKind } from '../read/phrases/sections.js';

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
  for (let line = bodyStartLine; line <= b.lines.lineCount; line++) {
    const text = b.lines.lineText(line);
    if (text.length > MAX_LINE) continue;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (f) {
      if (fence === undefined) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(text);
    const range = b.lines.lineRange(line);
    if (h) {
      const title = h[2].replace(/[*_`]/g, '').trim();
      const kind = sectionKind(title);
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
      if (d && d.rest !== '') {
        const i = c.resolutions.length;
        c.resolutions.push(item !== undefined ? { text: d.rest, marker: d.marker, identifier: item, item, block: blocks++ } : { text: d.rest, marker: d.marker, block: blocks++ });
        b.map(`/content/resolutions/${i}`, range);
      }
    }
  }
}
