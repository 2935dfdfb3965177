import { boundedDistance } from '../text/similar.js';
import type { WorkspaceIndex } from '../workspace/summary.js';
import type { WorkspaceRule } from './rule.js';

interface Suggester {
  /** Ids by length: lower-cased, as written, and their place in the index (ties go to the first declared, as `closest` gives them). */
  byLength: Map<number, [string, string, number][]>;
  /** Suggestions already made, by the id that was not found. */
  made: Map<string, string | undefined>;
  /** Comparisons left: a repository with thousands of different broken references stops getting suggestions rather than taking minutes. */
  budget: number;
}

/** A quarter of a second of comparisons on this machine: some 200 different broken references among 10,000 ids each get their suggestion. */
const SUGGESTION_BUDGET = 2_000_000;

const SUGGESTERS = new WeakMap<WorkspaceIndex, Suggester>();

/**
 * The closest id to a missing one, as `closest` finds it, but over the ids of
 * a near length only and once per missing id: a repository with many broken
 * references stays linear in its documents.
 */
function suggestion(missing: string, index: WorkspaceIndex): string | undefined {
  let s = SUGGESTERS.get(index);
  if (!s) {
    s = { byLength: new Map(), made: new Map(), budget: SUGGESTION_BUDGET };
    index.ids().forEach((id, at) => {
      const list = s!.byLength.get(id.length);
      if (list) list.push([id.toLowerCase(), id, at]);
      else s!.byLength.set(id.length, [[id.toLowerCase(), id, at]]);
    });
    SUGGESTERS.set(index, s);
  }
  if (s.made.has(missing)) return s.made.get(missing);
  if (s.budget <= 0) return undefined;
  const w = missing.toLowerCase();
  const allowed = Math.max(2, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestAt = Infinity;
  let bestDistance = allowed;
  // Nearest lengths first, so that the bound tightens early; a length further off than the best distance cannot win.
  for (let delta = 0; delta <= bestDistance; delta++) {
    for (const len of delta === 0 ? [w.length] : [w.length - delta, w.length + delta]) {
      const bucket = s.byLength.get(len) ?? [];
      s.budget -= bucket.length;
      for (const [lower, id, at] of bucket) {
        const d = boundedDistance(w, lower, bestDistance);
        if (d < bestDistance || (d === bestDistance && at < bestAt)) {
          best = id;
          bestAt = at;
          bestDistance = d;
        }
      }
    }
  }
  s.made.set(missing, best);
  return best;
}

export const unresolvedReference: WorkspaceRule = {
  id: 'unresolved-reference',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'A `terms:` or `supersedes:` reference must name the `id` of a document in the workspace.',
  docs: 'Minutes name the terms of reference that govern them (`terms: trafford-hwb-tor`), a resolution the one it replaces (`supersedes:`). A reference to nothing usually is a typo; the quick fix offers the closest known id. (A repository with thousands of different broken references gets suggestions for the first few hundred only, so that the check stays fast; the references are reported all the same.)',
  check({ summary, index, report }) {
    if (summary.refs.length === 0) return;
    for (const ref of summary.refs) {
      if (index.byId(ref.id).length > 0) continue;
      const suggested = suggestion(ref.id, index);
      report({
        reason: `\`${ref.key}: ${ref.id}\` refers to no document in the workspace${suggested ? ` (did you mean ${suggested}?)` : ''}.`,
        range: ref.range,
        actual: ref.id,
        expected: suggested ? [suggested] : undefined,
        fixes: suggested ? [{ title: `Change to '${suggested}'`, edits: [{ range: ref.range, newText: suggested }], preferred: true }] : undefined,
      });
    }
  },
};
