/**
 * Where a value a reader took from the text is written in it. Readers read the
 * plain text of Markdown nodes (emphasis and code markers dropped, whitespace
 * collapsed), so a value is looked for verbatim first, then with inline markup
 * (`*`, `_`, `~`, backticks) allowed between its characters and any run of
 * whitespace (a line break, a blockquote's `>`) where it has a space. A value
 * not written either way (an entity, a link, words the reader put together)
 * has no span: its source map entry falls back to the enclosing one.
 */

/** Longest value looked for with markup allowed: past it, verbatim only. */
const MAX_TOLERANT = 4000;

/**
 * The offsets `[start, end)` of `value` as written in `text` between `from`
 * and `to`, the first occurrence or, with `last`, the last one.
 */
export function writtenSpan(text: string, from: number, to: number, value: string, last = false): [number, number] | undefined {
  if (value === '' || from < 0 || to > text.length || from >= to) return undefined;
  // Verbatim, without copying the window out of the text.
  const at = last ? text.lastIndexOf(value, to - value.length) : text.indexOf(value, from);
  if (at >= from && at + value.length <= to) return [at, at + value.length];
  // A value with markup characters of its own is only found verbatim: the pattern below would be ambiguous
  // (and could backtrack at length over a run of them).
  if (value.length > MAX_TOLERANT || /[*_~`\\[\]>]/.test(value)) return undefined;
  return tolerantSpan(text, from, to, value.trim(), last);
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000;
/** `*`, `_`, `~`, backtick, `[`, `]` and the backslash of an escape (`\-`). */
const isMark = (c: number) => c === 42 || c === 95 || c === 126 || c === 96 || c === 91 || c === 93 || c === 92;

/**
 * The value found with inline markup skipped and any run of whitespace, `>` and markup read as
 * one space, in one linear pass (a regular expression with markup allowed between every two
 * characters took milliseconds per search over a long section, most of them for values not
 * written there at all). The window is folded into a plain string, with the offset each of its
 * characters came from; the value (whitespace runs as one space) is then looked up in it. The
 * span runs from the value's first character as written to its last.
 */
function tolerantSpan(text: string, from: number, to: number, value: string, last: boolean): [number, number] | undefined {
  const wanted = value.replace(/\s+/g, ' ');
  if (wanted === '') return undefined;
  let folded = '';
  const origin: number[] = [];
  let pendingSpace = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 93 /* ] */ && text.charCodeAt(i + 1) === 40 /* ( */) {
      // a link's target, `](url)`: markup as a whole when it holds no space or parenthesis
      let j = i + 2;
      while (j < to && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 40 && text.charCodeAt(j) !== 41) j++;
      if (j < to && text.charCodeAt(j) === 41) {
        i = j;
        continue;
      }
    }
    if (isMark(c)) continue;
    if (isSpace(c) || c === 62 /* > */) {
      pendingSpace = folded.length > 0;
      continue;
    }
    if (pendingSpace) {
      folded += ' ';
      origin.push(i);
      pendingSpace = false;
    }
    folded += text[i];
    origin.push(i);
  }
  const at = last ? folded.lastIndexOf(wanted) : folded.indexOf(wanted);
  if (at < 0) return undefined;
  return [origin[at], origin[at + wanted.length - 1] + 1];
}
