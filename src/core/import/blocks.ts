/**
 * From lines to blocks: headings, paragraphs rejoined from their wrapped
 * lines (and across page breaks), numbered or bulleted items with their
 * continuation lines, and tables. Every block keeps the source place of its
 * first line; a join the importer is not sure of is noted on the block.
 */
import { isAllCaps, isCapsHeading, isTitleCase } from './headings.js';
import { markerOf, type Marker } from './numbering.js';
import type { SourceLine } from './source.js';
import { isRowCandidate, parseTable, spansOf, type ParsedTable } from './tables.js';

export type Block =
  | { type: 'heading'; text: string; number?: string; /** a right-hand cell on the heading line ("1 - 8") */ aside?: string; at: SourceLine; caps: boolean }
  | { type: 'paragraph'; text: string; at: SourceLine; joinedAt?: SourceLine; caps: boolean }
  | { type: 'item'; marker: Marker; text: string; at: SourceLine; indent: number; joinedAt?: SourceLine }
  | { type: 'table'; table: ParsedTable; at: SourceLine; lines: SourceLine[] };

const ENDS_SENTENCE = /[.:;!?)"”’]$/;
/** "Present: …", "Apologies: …", "Date: …": a line that says what it is starts a paragraph of its own. */
const LABEL_LINE = /^(?:present|members present|in attendance|also present|attendees|apologies(?: for absence)?|absent|date|time|venue|place|location|chair)\s*:/i;
const indentOf = (s: string) => s.length - s.trimStart().length;

/** The heading a line is, if it is one: capitals, with or without a number and a right-hand cell. */
function headingOf(raw: string, prevBlank: boolean, nextBlank: boolean): { text: string; number?: string; aside?: string; caps: boolean } | undefined {
  const spans = spansOf(raw).filter((s) => s.text !== '');
  if (spans.length === 0 || spans.length > 3) return undefined;
  let text = spans.map((s) => s.text).join(' ');
  let aside: string | undefined;
  // "MINUTES        1 - 8": the right-hand cell is kept apart (an agenda's pages).
  if (spans.length >= 2 && /^\d{1,4}(?:\s*[-–]\s*\d{1,4})?$/.test(spans[spans.length - 1].text)) {
    aside = spans[spans.length - 1].text;
    text = spans.slice(0, -1).map((s) => s.text).join(' ');
  }
  const m = markerOf(text);
  const body = m && m.style !== 'bullet' ? m.rest : text;
  if (body === '') return undefined;
  if (isCapsHeading(body)) return { text: body, ...(m && m.style !== 'bullet' ? { number: m.number } : {}), ...(aside ? { aside } : {}), caps: true };
  if (m && m.style === 'digits' && prevBlank && nextBlank && isTitleCase(body) && !/\d{4}$/.test(body)) return { text: body, number: m.number, ...(aside ? { aside } : {}), caps: false };
  return undefined;
}

export function toBlocks(lines: readonly SourceLine[]): Block[] {
  const blocks: Block[] = [];
  /** The paragraph or item still taking lines. */
  let open: (Block & { type: 'paragraph' | 'item' }) | undefined;
  const blank = (i: number) => i < 0 || i >= lines.length || lines[i].text.trim() === '';
  /** The page of the last line with text (the page break lies between it and the next one). */
  let lastPage: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const raw = line.text;
    if (raw.trim() === '') {
      // A blank line ends a paragraph, unless it is at the page's end or top and the text goes on (checked at the next line).
      if (open && !pageEndsAfter(lines, i) && lastPage === line.page) open = undefined;
      continue;
    }
    const crossesPage = lastPage !== undefined && lastPage !== line.page;
    lastPage = line.page;
    // A table: two or more rows of cells in a row.
    if (isRowCandidate(raw) && i + 1 < lines.length && isRowCandidate(lines[i + 1].text) && !headingRun(lines, i)) {
      const run: SourceLine[] = [line];
      let j = i + 1;
      const tabbed = raw.includes('\t');
      const secondColumn = tabbed ? Infinity : (spansOf(raw)[1]?.start ?? Infinity);
      while (j < lines.length && lines[j].text.trim() !== '' && (isRowCandidate(lines[j].text) || indentOf(lines[j].text) >= secondColumn - 2)) run.push(lines[j++]);
      blocks.push({ type: 'table', table: parseTable(run.map((l) => l.text)), at: line, lines: run });
      open = undefined;
      i = j - 1;
      continue;
    }
    const heading = headingOf(raw, blank(i - 1), blank(i + 1));
    if (heading) {
      blocks.push({ type: 'heading', ...heading, at: line });
      open = undefined;
      continue;
    }
    const text = raw.trim();
    const marker = markerOf(text);
    if (marker) {
      open = { type: 'item', marker, text: marker.rest, at: line, indent: indentOf(raw) };
      blocks.push(open);
      continue;
    }
    // A line that goes on from the one before: same paragraph (or item).
    if (open && !LABEL_LINE.test(text) && (!crossesPage ? !blank(i - 1) : true)) {
      const last = open.text;
      const continues = !crossesPage || !ENDS_SENTENCE.test(last);
      if (continues && !(isAllCaps(text) && !isAllCaps(last))) {
        if (crossesPage && !/^[\p{Ll}\d(,;]/u.test(text)) open.joinedAt = line;
        open.text = last.endsWith('-') && /^\p{Ll}/u.test(text) ? last + text : `${last} ${text}`;
        continue;
      }
    }
    open = { type: 'paragraph', text, at: line, caps: isAllCaps(text) };
    blocks.push(open);
    // "Date:  Friday 16 October 2020" and other labelled lines stand alone.
    if (/^[\p{L} ]{2,30}:\s/u.test(text) && /:\s{2,}|\t/.test(raw)) {
      open.text = text.replace(/:\s+/, ': ');
      open = undefined;
    }
  }
  return blocks;
}

/** Only blank lines from here to the page's end, and the next page's text follows. */
function pageEndsAfter(lines: readonly SourceLine[], i: number): boolean {
  const page = lines[i].page;
  for (let j = i; j < lines.length; j++) {
    if (lines[j].page !== page) return true;
    if (lines[j].text.trim() !== '') return false;
  }
  return false;
}

/** Numbered capitals lines one under another ("3. DECLARATIONS", "4. QUESTIONS") are headings, not a table. */
function headingRun(lines: readonly SourceLine[], i: number): boolean {
  const first = headingOf(lines[i].text, true, true);
  return first !== undefined && first.number !== undefined;
}
