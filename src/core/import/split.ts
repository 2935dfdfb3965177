/**
 * Splitting an agenda pack into its documents. A document starts at the top
 * of a page whose first lines name its kind in a title ("AGENDA", "TERMS OF
 * REFERENCE", "MEMBERSHIP OF …", "MINUTES", "ACTION PLAN", "MEETING
 * SCHEDULE"), or whose first lines carry a Present heading (minutes, which
 * often have no title but the body and the date). A numbered line is a
 * section of the document it is in, never a new document; a page that does
 * not start one goes on with the document before it. Without page breaks
 * (some Word files), a capitals kind title alone on its line starts one.
 */
import { isAllCaps } from './headings.js';
import { markerOf } from './numbering.js';
import type { ImportKind } from './report.js';
import type { SourceLine } from './source.js';

/** How many filled lines at a page's top may hold the title. */
const TOP = 6;
/** How far down a page's top a Present heading still marks minutes. */
const PRESENT_TOP = 12;

const TITLES: Array<[ImportKind, RegExp]> = [
  ['terms-of-reference', /\bterms\s+of\s+reference\b|\bconstitution\b|\bcharter\b/i],
  ['action-plan', /\baction\s+plan\b|\baction\s+log\b/i],
  ['schedule', /\b(?:meetings?\s+(?:schedule|dates|timetable|calendar)|(?:schedule|dates|calendar|programme)\s+of\s+(?:future\s+)?meetings|timeline|timetable|forward\s+plan|work\s+programme)\b/i],
  ['minutes', /^minutes\b/i],
  ['agenda', /^agenda\b|\bagenda$/i],
  ['membership', /^membership\b/i],
];

const PRESENT = /^(?:present|members present|attendees|attendance)\s*:?$/i;

export interface DocumentSpan {
  kind: ImportKind;
  /** Lines of the document, furniture already blank. */
  lines: SourceLine[];
  /** The line that named the kind, if any. */
  title?: SourceLine;
}

/** A short line that reads as a title: no sentence end, at most 14 words, not numbered. */
function titleKind(text: string): ImportKind | undefined {
  const t = text.trim();
  if (t === '' || t.split(/\s+/).length > 14 || /[.;,]$/.test(t)) return undefined;
  const m = markerOf(t);
  if (m && m.style !== 'bullet') return undefined;
  for (const [kind, re] of TITLES) if (re.test(t)) return kind;
  return undefined;
}

function pageStart(lines: readonly SourceLine[], from: number): { kind: ImportKind; title?: SourceLine } | undefined {
  const page = lines[from].page;
  let filled = 0;
  for (let i = from; i < lines.length && lines[i].page === page && filled < PRESENT_TOP; i++) {
    const t = lines[i].text.trim();
    if (t === '') continue;
    // A page that opens by finishing a sentence goes on with the document before.
    if (filled === 0 && /^\p{Ll}/u.test(t)) return undefined;
    filled++;
    if (filled <= TOP) {
      const kind = titleKind(t);
      if (kind) return { kind, title: lines[i] };
    }
    if (PRESENT.test(t)) return { kind: 'minutes' };
  }
  return undefined;
}

export function splitDocuments(lines: readonly SourceLine[], pageCount: number): DocumentSpan[] {
  const starts: Array<{ at: number; kind: ImportKind; title?: SourceLine }> = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i === 0 || lines[i - 1].page !== lines[i].page;
    if (pageCount > 1 && first) {
      const s = pageStart(lines, i);
      if (s) starts.push({ at: i, ...s });
    } else if (pageCount === 1) {
      const top = i === 0 ? pageStart(lines, 0) : undefined;
      if (top) {
        starts.push({ at: 0, ...top });
        continue;
      }
      const t = lines[i].text.trim();
      const kind = isAllCaps(t) && (i === 0 || lines[i - 1].text.trim() === '') ? titleKind(t) : undefined;
      if (kind) starts.push({ at: i, kind, title: lines[i] });
    }
  }
  if (starts.length === 0) return [{ kind: 'document', lines: [...lines] }];
  // A cover before the first document belongs to it (an agenda's notice of meeting).
  starts[0].at = 0;
  return starts.map((s, k) => ({ kind: s.kind, lines: lines.slice(s.at, k + 1 < starts.length ? starts[k + 1].at : lines.length), ...(s.title ? { title: s.title } : {}) }));
}
