import { Nearest } from '../text/similar.js';
import type { WorkspaceIndex } from '../workspace/summary.js';
import type { WorkspaceRule } from './rule.js';

/** A quarter of a second of comparisons on this machine: some 200 different broken references among 10,000 ids each get their suggestion. */
const SUGGESTION_BUDGET = 2_000_000;

/** Per index: its ids for "did you mean", and the suggestions made, by the id that was not found. */
const SUGGESTERS = new WeakMap<WorkspaceIndex, { nearest: Nearest; made: Map<string, string | undefined> }>();

/**
 * The closest id to a missing one (as `closest` finds it), built once per
 * index and asked once per missing id; past the budget of comparisons, a
 * repository with thousands of different broken references gets no more
 * suggestions rather than taking minutes (the references are still reported).
 */
function suggestion(missing: string, index: WorkspaceIndex): string | undefined {
  let s = SUGGESTERS.get(index);
  if (!s) SUGGESTERS.set(index, (s = { nearest: new Nearest(index.ids()), made: new Map() }));
  if (s.made.has(missing)) return s.made.get(missing);
  if (s.nearest.comparisons >= SUGGESTION_BUDGET) return undefined;
  const best = s.nearest.find(missing);
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
