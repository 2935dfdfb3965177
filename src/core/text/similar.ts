/** "Did you mean": the closest candidate by edit distance, when close enough. */

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.max(a.length, b.length);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * `editDistance(a, b)` when it is at most `limit`, else `limit + 1`, computed
 * only in the band of cells that can stay within the limit and given up as
 * soon as a whole row exceeds it: a did-you-mean over 50,000 ids costs a few
 * cells per id instead of a whole table.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(Math.max(3 * width, 2 * rows.length));
  // Three rows in one buffer, reused from call to call (no allocation per candidate).
  let prev2 = 0;
  let prev = width;
  let row = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    rows.fill(over, row, row + width);
    rows[row] = i <= limit ? i : over;
    let rowMin = rows[row];
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(rows[prev + j] + 1, rows[row + j - 1] + 1, rows[prev + j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, rows[prev2 + j - 2] + 1);
      v = Math.min(v, over);
      rows[row + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return over;
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  return Math.min(rows[prev + b.length], over);
}

/** From this many candidates on, a search first looks up the strings one edit away (see `withinOne`). */
const LOOKUP_THRESHOLD = 256;

/** The three rows `boundedDistance` works in. */
let rows = new Int32Array(256);

/**
 * Candidates indexed for "did you mean": by their lower-cased length, so a
 * search compares only those of a near length (a word cannot be within k
 * edits of one whose length differs by more than k). Build it once for many
 * searches over the same candidates (every id of a repository).
 */
export class Nearest {
  /** Candidates by lower-cased length: lower-cased, as given, and their place (ties go to the first given). */
  private readonly byLength = new Map<number, [string, string, number][]>();
  /** How many candidates the searches so far have compared. */
  comparisons = 0;

  /** Lower-cased candidate → the first given with it, and its place; for the look-ups of `withinOne`. */
  private readonly byLower = new Map<string, [string, number]>();
  /** Every character of the lower-cased candidates: the only ones an insertion or substitution can lead to. */
  private readonly alphabet = new Set<string>();
  private readonly count: number;

  constructor(candidates: readonly string[]) {
    this.count = candidates.length;
    candidates.forEach((c, at) => {
      const lower = c.toLowerCase();
      const list = this.byLength.get(lower.length);
      if (list) list.push([lower, c, at]);
      else this.byLength.set(lower.length, [[lower, c, at]]);
      if (this.count >= LOOKUP_THRESHOLD && !this.byLower.has(lower)) {
        this.byLower.set(lower, [c, at]);
        for (const ch of lower) this.alphabet.add(ch);
      }
    });
  }

  /**
   * The candidate at distance 0, else the first given at distance 1, found by
   * looking up every string one edit away (deletions, adjacent swaps, and
   * insertions or substitutions of a character some candidate has) instead of
   * comparing with every candidate: a typo costs some hundred look-ups, not a
   * pass over 50,000 ids. The same answer as the full search, which it spares.
   */
  private withinOne(w: string): string | undefined {
    const same = this.byLower.get(w);
    if (same) return same[0];
    let best: [string, number] | undefined;
    const consider = (v: string) => {
      const hit = this.byLower.get(v);
      if (hit && (best === undefined || hit[1] < best[1])) best = hit;
    };
    const letters = [...this.alphabet];
    for (let i = 0; i <= w.length; i++) {
      const head = w.slice(0, i);
      const tail = w.slice(i);
      if (i < w.length) consider(head + w.slice(i + 1));
      if (i + 1 < w.length) consider(head + w[i + 1] + w[i] + w.slice(i + 2));
      for (const ch of letters) {
        consider(head + ch + tail);
        if (i < w.length && ch !== w[i]) consider(head + ch + w.slice(i + 1));
      }
    }
    return best?.[0];
  }

  /** The closest candidate within a third of the word's length (at least 2 edits allowed); the first given on a tie. */
  find(word: string): string | undefined {
    const w = word.toLowerCase();
    if (this.count >= LOOKUP_THRESHOLD) {
      const near = this.withinOne(w);
      if (near !== undefined) return near;
    }
    let best: string | undefined;
    let bestAt = Infinity;
    let bestDistance = Math.max(2, Math.floor(w.length / 3));
    // Nearest lengths first, so that the bound tightens early; a length further off than the best distance cannot win.
    for (let delta = 0; delta <= bestDistance; delta++) {
      for (const len of delta === 0 ? [w.length] : [w.length - delta, w.length + delta]) {
        const bucket = this.byLength.get(len) ?? [];
        this.comparisons += bucket.length;
        for (const [lower, c, at] of bucket) {
          const d = boundedDistance(w, lower, bestDistance);
          if (d < bestDistance || (d === bestDistance && at < bestAt)) {
            best = c;
            bestAt = at;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }
}

/** The closest candidate within a third of the word's length (at least 2 edits allowed). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return new Nearest(candidates).find(word);
}

/** ` (did you mean 'x'?)` when one candidate is close to `word`, else an empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  // A shortened name (ESLint's `warn`) is as likely as a typo.
  const prefixed = word.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(word.toLowerCase())) : [];
  const best = closest(word, candidates) ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  return best !== undefined ? ` (did you mean '${best}'?)` : '';
}
