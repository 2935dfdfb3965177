/**
 * List and item numbering as papers write it: "18.", "4.2", "(1)", "(a)",
 * "(iv)", "7(a)", "1)", "a.", and bullets. The number is kept as written
 * (without brackets and the final point), so "7(a)" stays item 7(a).
 */
export interface Marker {
  /** The marker as written: "(1)", "18.", "•". */
  written: string;
  /** The number it gives: "1", "18", "7(a)", "a"; undefined for a bullet. */
  number?: string;
  /** What kind of numbering: digits, letters, roman numerals or a bullet. */
  style: 'digits' | 'letters' | 'roman' | 'bullet';
  /** The text after the marker. */
  rest: string;
}

const PATTERNS: Array<{ re: RegExp; style: Marker['style'] | 'letters-or-roman'; number: (m: RegExpExecArray) => string | undefined }> = [
  { re: /^((\d{1,3})\s?\(([a-z]{1,4})\))\s+(.*)$/, style: 'digits', number: (m) => `${m[2]}(${m[3]})` },
  { re: /^((\d{1,3}(?:\.\d{1,3})+)\.?)\s+(.*)$/, style: 'digits', number: (m) => m[2] },
  { re: /^((\d{1,3})[.)])(?:\s+(.*))?$/, style: 'digits', number: (m) => m[2] },
  { re: /^(\((\d{1,3})\))\s*(.*)$/, style: 'digits', number: (m) => m[2] },
  { re: /^(\(([a-z]{1,4})\))\s*(.*)$/, style: 'letters-or-roman', number: (m) => m[2] },
  { re: /^(([a-z])[.)])\s+(.*)$/, style: 'letters', number: (m) => m[2] },
  { re: /^([•·▪◦●■□➢►\-–*])\s+(.*)$/, style: 'bullet', number: () => undefined },
];

const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/;

/** The marker a line starts with, if any (the line trimmed first). */
export function markerOf(line: string): Marker | undefined {
  const text = line.trim();
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const number = p.number(m);
    const rest = (m[m.length - 1] ?? '').trim();
    // "16 October" is no marker; neither is "2020." alone nor "1. " with a year after a date.
    if (p.style === 'digits' && number !== undefined && /^\d{4}$/.test(number)) continue;
    let style: Marker['style'];
    if (p.style === 'letters-or-roman') style = number !== undefined && ROMAN.test(number) ? 'roman' : 'letters';
    else style = p.style;
    return { written: m[1], ...(number !== undefined ? { number } : {}), style, rest };
  }
  return undefined;
}
