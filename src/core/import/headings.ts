/**
 * Headings from layout: a line in capitals ("COVID 19 OUTBREAK PLAN",
 * "18. MINUTES"), or a short numbered line in title case standing alone
 * ("2. Functions", with blank lines round it). Decision markers
 * ("RESOLVED:") are capitals too but never headings.
 */
const DECISION_MARKER = /^(?:resolved|agreed|decided|recommended|recommendations?|decision)\b/i;

/** Most of the letters are capitals, and there are enough of them to say so. */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.85;
}

/** A capitals line that is a heading: not too long, not a sentence, not a decision marker. */
export function isCapsHeading(text: string): boolean {
  const t = text.trim();
  if (t.length > 120 || t.split(/\s+/).length > 16) return false;
  if (DECISION_MARKER.test(t)) return false;
  return isAllCaps(t);
}

const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'its', 'their']);

/** "Functions", "Terms of Reference", "Chair and Vice-Chair": every word but small ones starts with a capital. */
export function isTitleCase(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words.length > 8 || /[.;,!?]$/.test(text.trim())) return false;
  return words.every((w, i) => (i > 0 && SMALL.has(w.toLowerCase())) || /^[\p{Lu}\d&(#'"]/u.test(w));
}

/** "HEALTH AND WELLBEING BOARD" → "Health and Wellbeing Board", for front matter values (the body keeps what was written). */
export function titleCase(text: string): string {
  if (!isAllCaps(text)) return text.trim();
  return text
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.replace(/^(\p{Ll})/u, (c) => c.toUpperCase()).replace(/([-/(])(\p{Ll})/gu, (_, a: string, c: string) => a + c.toUpperCase())))
    .join(' ')
    // Initialisms without a vowel ("NHS", "CCG") stay in capitals.
    .replace(/\b\p{Lu}[^\s aeiouy]{1,4}\b/gu, (w) => (/^[\p{L}]+$/u.test(w) && !/[aeiouy]/i.test(w) ? w.toUpperCase() : w));
}
