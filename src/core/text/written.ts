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
  const window = text.slice(from, to);
  const at = last ? window.lastIndexOf(value) : window.indexOf(value);
  if (at >= 0) return [from + at, from + at + value.length];
  // A value with markup characters of its own is only found verbatim: the pattern below would be ambiguous
  // (and could backtrack at length over a run of them).
  if (value.length > MAX_TOLERANT || /[*_~`\\[\]>]/.test(value)) return undefined;
  const markup = String.raw`(?:[*_~${'`'}[\\]|\]\([^()\s]*\)|\])*`;
  const space = String.raw`(?:\s|[>*_~${'`'}[\]]|\]\([^()\s]*\))+`;
  const pattern = [...value.trim()].map((c) => (/\s/.test(c) ? space : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join(markup);
  const re = new RegExp(pattern, 'g');
  let found: [number, number] | undefined;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    found = [from + m.index, from + m.index + m[0].length];
    if (!last) break;
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}
