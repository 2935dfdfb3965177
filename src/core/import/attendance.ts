/**
 * Who was there, in minutes: the paragraphs under a Present, In attendance
 * or Apologies heading, split into one person per list item at commas,
 * semicolons and "and" (not inside brackets); "Apologies for absence were
 * received from …" read the same way; a two-column table of name and role
 * as "name, role" items. A piece that does not read as a name is a place to
 * review.
 */
import type { Block } from './blocks.js';
import { inline } from './markdown.js';
import type { Recogniser, RenderContext } from './recogniser.js';

const PRESENT = /^(?:present|members present|attendees|attending|attendance)$/i;
const IN_ATTENDANCE = /^(?:in attendance|also present|also in attendance|officers present|officers in attendance)$/i;
const APOLOGIES = /^(?:apologies|apologies for absence|apologies received|absent)$/i;

export function attendanceKind(section: string | undefined): 'present' | 'inAttendance' | 'apologies' | undefined {
  const s = (section ?? '').replace(/[:.]$/, '').trim();
  if (PRESENT.test(s)) return 'present';
  if (IN_ATTENDANCE.test(s)) return 'inAttendance';
  if (APOLOGIES.test(s)) return 'apologies';
  return undefined;
}

/** Splits at commas, semicolons and " and ", outside brackets. */
export function splitNames(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur);
      cur = '';
      continue;
    }
    if (depth === 0 && text.startsWith(' and ', k)) {
      out.push(cur);
      cur = '';
      k += 4;
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim().replace(/\.$/, '').trim()).filter((s) => s !== '');
}

const LEAD = /^(?:apologies(?:\s+for\s+absence)?\s+(?:were|was)\s+received\s+from|apologies\s+from|also\s+present:?)\s+/i;
/** A person as minutes write one: capitals start, few words, no verb-like sentence. */
const NAME = /^(?:\p{Lu}|Dr\.?|Cllr)[\p{L}.'’\- ]*(?:\s*\([^)]*\))?$/u;

/** One person the import found: counted, and kept with their place for the report. */
function record(ctx: RenderContext, kind: 'present' | 'inAttendance' | 'apologies', place: { name: string; page: number; line: number }): void {
  if (kind === 'apologies') {
    ctx.counts.apologies++;
    ctx.found.apologies.push(place);
  } else {
    ctx.counts.attendees++;
    ctx.found.attendees.push(place);
  }
}

export const attendance: Recogniser = {
  id: 'attendance',
  kinds: ['minutes'],
  take(blocks, i, ctx) {
    const b = blocks[i];
    // "Present: Cllr A. Smith (Chair), Dr B. Jones": the label as a heading, the names as its list.
    const labelled = b.type === 'paragraph' ? /^([\p{L} ]{4,40}?)\s*:\s+(\S.*)$/u.exec(b.text) : null;
    const labelKind = labelled ? attendanceKind(labelled[1]) : undefined;
    if (labelled && labelKind) {
      ctx.out.push(`## ${inline(labelled[1])}`, '');
      for (const name of splitNames(labelled[2])) {
        if (!NAME.test(name.split(',')[0].trim())) ctx.unsure('import/not-a-name', `'${name}' read as a person`, b.at, name);
        ctx.out.push(`- ${inline(name)}`);
        record(ctx, labelKind, { name, page: b.at.page, line: b.at.line });
      }
      ctx.out.push('');
      // What follows is no longer under the label.
      ctx.section = undefined;
      return 1;
    }
    const kind = attendanceKind(ctx.section);
    if (!kind) {
      // "Apologies for absence were received from …" under another heading: govmark reads the sentence as it is.
      if (b.type !== 'paragraph' || !LEAD.test(b.text) || !/^apologies/i.test(b.text)) return 0;
      ctx.plain(b);
      for (const name of splitNames(b.text.replace(LEAD, ''))) record(ctx, 'apologies', { name, page: b.at.page, line: b.at.line });
      return 1;
    }
    const people: Array<{ name: string; lead?: string; block: Block }> = [];
    let j = i;
    for (; j < blocks.length; j++) {
      const c = blocks[j];
      if (c.type === 'paragraph') {
        // "Apologies for absence were received from" stays, as the list's lead-in: nothing written is dropped.
        const lead = LEAD.exec(c.text);
        if (lead) people.push({ name: '', lead: lead[0].trim().replace(/:?$/, ':'), block: c });
        for (const name of splitNames(c.text.replace(LEAD, ''))) people.push({ name, block: c });
      }
      else if (c.type === 'item') for (const name of splitNames(c.text)) people.push({ name, block: c });
      else if (c.type === 'table') {
        const rows = [c.table.header, ...c.table.rows];
        rows.forEach((r, k) => {
          const cells = r.filter((x) => x !== '');
          const at = c.lines[k === 0 ? 0 : c.table.rowLines[k - 1]];
          if (cells.length > 0) people.push({ name: cells.join(', '), block: { ...c, at } });
        });
      } else break;
    }
    if (people.length === 0) return 0;
    for (const p of people) {
      if (p.lead) {
        if (ctx.out.length > 0 && ctx.out[ctx.out.length - 1] !== '') ctx.out.push('');
        ctx.out.push(inline(p.lead), '');
        continue;
      }
      const first = p.name.split(',')[0].trim();
      if (!NAME.test(first) || first.split(/\s+/).length > 6) ctx.unsure('import/not-a-name', `'${p.name}' read as a person`, p.block.at, p.name);
      ctx.out.push(`- ${inline(p.name)}`);
      record(ctx, kind, { name: p.name, page: p.block.at.page, line: p.block.at.line });
    }
    ctx.out.push('');
    return j - i;
  },
};
