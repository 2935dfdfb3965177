/** Numbers as governance documents write them: "five", "seven (7)", "one third", "50%". */

/** More seats than any board or committee has: a count above it is a slip (`99999999999`), not a membership. */
export const MAX_SEATS = 10_000;

/**
 * A number as written, sign, decimals, thousands and exponent included (`-3`, `2.5`, `1e309`,
 * `1,000`), not part of a word, a date (`2021-22`) or a larger number. Bounded: linear in the text.
 */
const NUMBER_SHAPE = '(?<![\\w.,+\u2212-])[-\u2212+]?\\d{1,400}(?:,\\d{3}){0,100}(?:\\.\\d{1,400})?(?:e[+-]?\\d{1,6})?(?![\\w%]|[.,]\\d)';

/** What a written number says as a count of seats or members: the count, or why it is not one. */
export function countOf(written: string, what = 'members'): { count: number } | { reason: string } {
  const t = written.trim().replace(/\u2212/g, '-');
  const value = Number(t.replace(/,/g, ''));
  const shown = t.length > 24 ? `${t.slice(0, 24)}…` : t;
  // `0x10`, `0b11`, `1_000`: JavaScript would read them, a reader of the document would not.
  if (!/^[-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?$/i.test(t)) return { reason: `\`${shown}\` is not a number of ${what}: write it in plain digits or in words` };
  if (!Number.isFinite(value) || (!/e/i.test(t) && t.replace(/^[-+]/, '').replace(/[,.]/g, '').length > 15)) {
    return { reason: `\`${shown}\` is not a number of ${what}: it is far more than any membership has (at most ${MAX_SEATS})` };
  }
  if (value < 0) return { reason: `\`${shown}\` is not a number of ${what}: a count cannot be negative` };
  if (!Number.isInteger(value)) return { reason: `\`${shown}\` is not a number of ${what}: a count is a whole number` };
  if (value > MAX_SEATS) return { reason: `\`${shown}\` is not a number of ${what}: it is more than any membership has (at most ${MAX_SEATS})` };
  return { count: value };
}

/**
 * The first number written in `text` that cannot be a count (`2.5`, `-3`, `1e309`, `99999999999`),
 * where it is and why: a quorum or seat count so written is reported, never read as a part of it
 * (`2.5 members` as 5).
 */
export function badCount(text: string, what = 'members'): { at: number; length: number; reason: string } | undefined {
  const re = new RegExp(NUMBER_SHAPE, 'gi');
  for (let m = re.exec(text.slice(0, 2000)); m; m = re.exec(text.slice(0, 2000))) {
    const c = countOf(m[0], what);
    if ('reason' in c) return { at: m.index, length: m[0].length, reason: c.reason };
  }
  return undefined;
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, a: 1, an: 1, single: 1,
};

const FRACTIONS: Record<string, [number, number]> = {
  half: [1, 2], third: [1, 3], thirds: [1, 3], quarter: [1, 4], quarters: [1, 4], fourth: [1, 4], fourths: [1, 4],
  fifth: [1, 5], fifths: [1, 5],
};

/** A whole number written as digits or a word. */
export function wordNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d{1,6}$/.test(w)) return Number(w);
  return WORDS[w];
}

export interface QuorumMeaning {
  count?: number;
  fraction?: { numerator: number; denominator: number };
  /** "N - 2", "at most 2 representatives … not present": the whole membership less this many. */
  absentAllowed?: number;
  /** Who must be among them: "the Chair" of "one third, including the Chair". */
  includes?: string;
}

/** "including the Chair", "one of whom must be the Chair or Vice-Chair", "to include at least one councillor". */
const INCLUDES =
  /\b(?:including|to include|which (?:must|shall) include|(?:and )?(?:one )?of whom (?:one )?(?:must|shall) be)\s+((?:the\s+)?(?:chair(?:man|person|woman)?|vice[- ]chair|deputy chair)(?:\s+or\s+(?:the\s+)?(?:vice[- ]chair|deputy chair|chair))?|(?:at least\s+)?one\s+[a-z][a-z -]{2,50}?)(?=\s*(?:[.,;)]|$|\s+and\b|\s+(?:present|from)\b))/i;

/** Who a quorum says must be present, as written ("the Chair", "at least one councillor"), when it says. */
export function quorumIncludes(text: string): string | undefined {
  const m = INCLUDES.exec(text.slice(0, 2000).replace(/[*_]/g, '').replace(/\s+/g, ' '));
  return m ? m[1].trim() : undefined;
}

const NUMBER_WORD = '\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten';

/**
 * Reads a quorum from prose: "five voting members", "5", "seven (7) members",
 * "one third of members", "two-thirds of the voting membership", "50%",
 * "a simple majority".
 */
export function readQuorum(text: string): QuorumMeaning | undefined {
  const meaning = readQuorumCount(text);
  if (!meaning) return undefined;
  const includes = quorumIncludes(text);
  return includes ? { ...meaning, includes } : meaning;
}

function readQuorumCount(text: string): QuorumMeaning | undefined {
  const t = text.slice(0, 2000).toLowerCase().replace(/[*_]/g, '').replace(/\s+/g, ' ');
  // "(i.e., N - 2)", "all but two members", "at most 2 Council representatives (…) are not present".
  const minus = /\bn\s*[-−–]\s*(\d{1,2})\b/.exec(t) ??
    new RegExp(`\\ball but (${NUMBER_WORD})\\b`).exec(t) ??
    new RegExp(`\\bat most (${NUMBER_WORD})\\b[^.;]{0,120}?\\b(?:are |is )?(?:not present|absent)\\b`).exec(t);
  if (minus) {
    const n = wordNumber(minus[1]);
    if (n !== undefined) return { absentAllowed: n };
  }
  const pct = /(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent)/.exec(t);
  if (pct) return { fraction: { numerator: Number(pct[1]), denominator: 100 } };
  const frac = /\b(one|two|three|a|\d)[ -](half|thirds?|quarters?|fourths?|fifths?)\b/.exec(t) ?? /\b(\d)\s*\/\s*(\d)\b/.exec(t);
  if (frac) {
    const num = wordNumber(frac[1]) ?? Number(frac[1]);
    const den = FRACTIONS[frac[2]]?.[1] ?? Number(frac[2]);
    if (num > 0 && den > 0) return { fraction: { numerator: num, denominator: den } };
  }
  if (/\b(?:simple )?majority\b/.test(t)) return { fraction: { numerator: 1, denominator: 2 } };
  // `2.5 members`, `-3`, `99999999999`: no count, and not the `5` of `2.5` either (the caller reports it).
  if (badCount(t)) return undefined;
  const count =
    /\b(\d{1,4})\b(?=[^.]*\bmembers?\b)/.exec(t) ??
    /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b(?:\s*\(\d+\))?/.exec(t) ??
    /^\s*(\d{1,4})\s*$/.exec(t);
  if (count) {
    const n = wordNumber(count[1]);
    if (n !== undefined && n > 0) return { count: n };
  }
  return undefined;
}

/** The number of members a quorum needs out of `members`. A fraction means "at least that share". */
export function quorumNeeded(q: QuorumMeaning, members: number | undefined): number | undefined {
  if (q.count !== undefined) return q.count;
  if (q.absentAllowed !== undefined) return members !== undefined ? Math.max(members - q.absentAllowed, 1) : undefined;
  if (q.fraction && members !== undefined) {
    const { numerator, denominator } = q.fraction;
    // "a majority" (read as 1/2) means more than half; "at least 50%" (50/100) and other shares mean at least that share.
    if (numerator === 1 && denominator === 2) return Math.floor(members / 2) + 1;
    return Math.ceil((members * numerator) / denominator);
  }
  return undefined;
}
