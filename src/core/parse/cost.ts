/**
 * What in a document makes the full reading costly, found by one linear scan,
 * so that a document read only in part (the cheap pass) is told which limit it
 * met: its size, its YAML front matter, Markdown nested very deeply, or
 * emphasis and brackets the parser has to pair up. The host knows only that
 * its time or memory bound was hit; this says why, in the author's terms.
 */
import type { FrontMatterBlock } from './frontmatter.js';
import type { LineIndex } from '../text/lines.js';

/** Past this, a document is large whatever it holds. */
export const LARGE_DOCUMENT = 2 * 1024 * 1024;
/** Past this, the front matter is more than a header. */
export const LARGE_FRONT_MATTER = 256 * 1024;
/** What counts as costly: for explaining a bound that was met, and (higher) for predicting one before parsing. */
export interface CostLimits {
  /** Indentation columns or `>` markers on one line. */
  depth: number;
  /** Emphasis, link and code marks in one paragraph. */
  marks: number;
  /**
   * The marks of each paragraph, squared, summed over the body: pairing them
   * up costs the parser about that (a paragraph of 4,000 takes half a second,
   * a hundred of them a minute).
   */
  markWork: number;
  /** Rows of one table. */
  tableRows: number;
  /** Headings, list items and table rows in the whole body. */
  blocks: number;
  /** Past this size, a document is large whatever it holds. */
  bytes: number;
  /** Past this size, the front matter is more than a header. */
  frontMatter: number;
}

/** Explaining a time or memory bound the full reading met: the first thing past these is named. */
export const EXPLAIN_LIMITS: CostLimits = { depth: 64, marks: 1000, markWork: 4_000_000, tableRows: 2000, blocks: 20_000, bytes: LARGE_DOCUMENT, frontMatter: LARGE_FRONT_MATTER };

/**
 * Predicting, before the body is parsed (its front matter already read, so not counted), that the full reading would stall (`riskOf`):
 * well past anything in real governance papers (on 170 real files the most
 * are 24 columns of nesting, 632 marks in a paragraph and 400,000 of mark
 * work in a document, 610 rows in a table, 4,000 blocks), and below what makes the parser take seconds (a paragraph of
 * 5,000 unclosed `<!--`, 10,000 table rows, 100,000 headings).
 */
export const RISK_LIMITS: CostLimits = { depth: 64, marks: 4000, markWork: 20_000_000, tableRows: 5000, blocks: 50_000, bytes: 4 * 1024 * 1024, frontMatter: Infinity };

export interface Cost {
  /** What the limit met was, for the message: "its YAML front matter is 300 KB". */
  cause: string;
  /** What the author can do about it. */
  advice: string;
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}

/**
 * The first thing, by the order of these checks, that makes the document
 * costly past `limits`; undefined when none is found. One linear scan.
 */
export function costOf(text: string, lines: LineIndex, block: FrontMatterBlock | undefined, limits: CostLimits = EXPLAIN_LIMITS): Cost | undefined {
  const yaml = block ? block.contentEnd - block.contentStart : 0;
  if (yaml > limits.frontMatter) {
    return { cause: `its YAML front matter is ${size(yaml)} (Markdown nesting and emphasis are not the problem)`, advice: 'Move long lists out of the front matter into the body or another file' };
  }
  let marks = 0;
  let marksLine = 0;
  let work = 0;
  let most = 0;
  let mostLine = 0;
  let total = 0;
  /** A paragraph ends: its marks are paired up, at a cost of about their square. */
  const endParagraph = (): Cost | undefined => {
    work += marks * marks;
    total += marks;
    if (marks > most) [most, mostLine] = [marks, marksLine];
    marks = 0;
    if (work <= limits.markWork) return undefined;
    return {
      cause: `its paragraphs hold more emphasis, link or code marks (\`*\`, \`_\`, \`[\`, backticks) than the parser can pair up in time (${total.toLocaleString('en-GB')} so far, ${most.toLocaleString('en-GB')} in the paragraph from line ${mostLine})`,
      advice: 'Close or escape unmatched `*`, `_` and `[`, or break the paragraphs up',
    };
  };
  let blocks = 0;
  let rows = 0;
  let rowsLine = 0;
  for (let line = block ? lines.point(block.end).line : 1; line <= lines.lineCount; line++) {
    const start = lines.lineStarts[line - 1];
    const end = lines.lineEnd(line);
    let depth = 0;
    let i = start;
    for (; i < end && depth <= limits.depth; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 62) depth++;
      else if (c === 9) depth += 4;
      else break;
    }
    if (depth > limits.depth) {
      return { cause: `its Markdown is nested more than ${limits.depth} levels deep (indentation or \`>\` quotes, line ${line})`, advice: 'Flatten the nested lists or quotes' };
    }
    if (i === end) {
      const cost = endParagraph(); // a blank line ends the paragraph
      if (cost) return cost;
      rows = 0;
      continue;
    }
    // A list item, heading or table row starts inline content of its own: marks never pair across it.
    const opens = startsBlock(text, i, end);
    if (opens) {
      const cost = endParagraph();
      if (cost) return cost;
      if (++blocks > limits.blocks) {
        return { cause: `it has more than ${limits.blocks.toLocaleString('en-GB')} headings, list items and table rows`, advice: 'Split it into smaller files (one per meeting or per year)' };
      }
      if (text.charCodeAt(i) === 124) {
        if (rows++ === 0) rowsLine = line;
        if (rows > limits.tableRows) {
          return { cause: `a table (from line ${rowsLine}) has more than ${limits.tableRows.toLocaleString('en-GB')} rows`, advice: 'Move the table into a data file (CSV) or split it' };
        }
      } else rows = 0;
    }
    for (let k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      // * _ [ ] ` <: what emphasis, links, code spans and HTML are made of
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 60) {
        if (marks++ === 0) marksLine = line;
        if (marks > limits.marks) {
          return { cause: `a paragraph (from line ${marksLine}) has more than ${limits.marks.toLocaleString('en-GB')} emphasis, link or code marks (\`*\`, \`_\`, \`[\`, backticks) for the parser to pair up`, advice: 'Close or escape unmatched `*`, `_` and `[`, or break the paragraph up' };
        }
      }
    }
  }
  const cost = endParagraph();
  if (cost) return cost;
  if (text.length > limits.bytes) {
    return { cause: `it is ${size(text.length)} long`, advice: 'Split it into smaller files (one per meeting or per year)' };
  }
  return undefined;
}

/**
 * Whether the full reading of the document would likely stall, decided by one
 * linear scan before parsing (see `RISK_LIMITS`): such a document is read by
 * the cheap pass at once, instead of after paying the time bound in full.
 */
export function riskOf(text: string, lines: LineIndex, block: FrontMatterBlock | undefined): Cost | undefined {
  return costOf(text, lines, block, RISK_LIMITS);
}

/** Whether the line's text from `i` opens a list item, a heading or a table row. */
function startsBlock(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  const next = i + 1 < end ? text.charCodeAt(i + 1) : 32;
  if ((c === 45 || c === 42 || c === 43) && (next === 32 || next === 9)) return true; // - * +
  if (c === 35 || c === 124) return true; // # |
  let k = i;
  while (k < end && k - i < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  if (k > i && k < end && (text.charCodeAt(k) === 46 || text.charCodeAt(k) === 41)) {
    const after = k + 1 < end ? text.charCodeAt(k + 1) : 32;
    return after === 32 || after === 9;
  }
  return false;
}
