/**
 * How wide a label will be, without a DOM to measure it: per-character
 * widths of DejaVu Sans, the widest of the usual sans-serif fonts (Segoe UI,
 * Helvetica and Liberation Sans are narrower), so estimates err on the wide
 * side and labels laid out with them do not overlap. The browser test checks
 * this against real bounding boxes.
 */

/** Widths in em for character classes. */
const NARROW = /[ijlI.,:;'|!`()[\]{}\u2019]/;
const WIDE = /[mwMW@%&]/;
const UPPER = /[A-Z]/;

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x20) return 0.32;
  if (NARROW.test(ch)) return 0.34;
  if (WIDE.test(ch)) return 1.0;
  if (UPPER.test(ch)) return 0.78;
  if (code >= 0x30 && code <= 0x39) return 0.64;
  // CJK, Hangul, full-width forms, emoji: one em or more.
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f300)) {
    return 1.05;
  }
  if (code === 0x2014 || code === 0x2013) return code === 0x2014 ? 1.0 : 0.5;
  return 0.6;
}

/** Estimated width in pixels of `text` at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize;
}

/** `text` cut (at a code point, with an ellipsis) so that it is at most `maxWidth` pixels wide. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  let width = textWidth('…', fontSize);
  let n = 0;
  while (n < chars.length && width + charWidth(chars[n]) * fontSize <= maxWidth) {
    width += charWidth(chars[n]) * fontSize;
    n++;
  }
  return chars.slice(0, n).join('').trimEnd() + '…';
}

/** Runs of white space (line breaks in a title) as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
