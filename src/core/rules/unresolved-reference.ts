import { closest } from '../text/similar.js';
import type { WorkspaceRule } from './rule.js';

export const unresolvedReference: WorkspaceRule = {
  id: 'unresolved-reference',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'A `terms:` or `supersedes:` reference must name the `id` of a document in the workspace.',
  docs: 'Minutes name the terms of reference that govern them (`terms: trafford-hwb-tor`), a resolution the one it replaces (`supersedes:`). A reference to nothing usually is a typo; the quick fix offers the closest known id.',
  check({ summary, index, report }) {
    if (summary.refs.length === 0) return;
    const ids = [...new Set(index.all().flatMap((s) => (s.id !== undefined ? [s.id] : [])))];
    for (const ref of summary.refs) {
      if (index.byId(ref.id).length > 0) continue;
      const suggestion = closest(ref.id, ids);
      report({
        reason: `\`${ref.key}: ${ref.id}\` refers to no document in the workspace${suggestion ? ` (did you mean ${suggestion}?)` : ''}.`,
        range: ref.range,
        actual: ref.id,
        expected: suggestion ? [suggestion] : undefined,
        fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ range: ref.range, newText: suggestion }], preferred: true }] : undefined,
      });
    }
  },
};
