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
/** Indentation columns or `>` markers on one line. */
const DEEP_NESTING = 64;
/** Emphasis, link and code marks in one paragraph. */
const MANY_MARKS = 1000;

export interface Cost {
  /** What the limit met was, for the message: "its YAML front matter is 300 KB". */
  cause: string;
  /** What the author can do about it. */
  advice: string;
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}

/** The first thing, by the order of these checks, that makes the document costly; undefined when none is known. */
export function costOf(text: string, lines: LineIndex, block: FrontMatterBlock | undefined): Cost | undefined {
  const yaml = block ? block.contentEnd - block.contentStart : 0;
  if (yaml > LARGE_FRONT_MATTER) {
    return { cause: `its YAML front matter is ${size(yaml)} (Markdown nesting and emphasis are not the problem)`, advice: 'Move long lists out of the front matter into the body or another file' };
  }
  let marks = 0;
  let marksLine = 0;
  for (let line = block ? lines.point(block.end).line : 1; line <= lines.lineCount; line++) {
    const start = lines.lineStarts[line - 1];
    const end = lines.lineEnd(line);
    let depth = 0;
    let i = start;
    for (; i < end && depth <= DEEP_NESTING; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 62) depth++;
      else if (c === 9) depth += 4;
      else break;
    }
    if (depth > DEEP_NESTING) {
      return { cause: `its Markdown is nested more than ${DEEP_NESTING} levels deep (indentation or \`>\` quotes, line ${line})`, advice: 'Flatten the nested lists or quotes' };
    }
    if (i === end) {
      marks = 0; // a blank line ends the paragraph
      continue;
    }
    // A list item, heading or table row starts inline content of its own: marks never pair across it.
    if (startsBlock(text, i, end)) marks = 0;
    for (let k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      // * _ [ ] ` <: what emphasis, links, code spans and HTML are made of
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 60) {
        if (marks++ === 0) marksLine = line;
        if (marks > MANY_MARKS) {
          return { cause: `a paragraph (from line ${marksLine}) has more than ${MANY_MARKS} emphasis, link or code marks (\`*\`, \`_\`, \`[\`, backticks) for the parser to pair up`, advice: 'Close or escape unmatched `*`, `_` and `[`, or break the paragraph up' };
        }
      }
    }
  }
  if (text.length > LARGE_DOCUMENT) {
    return { cause: `it is ${size(text.length)} long`, advice: 'Split it into smaller files (one per meeting or per year)' };
  }
  return undefined;
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
