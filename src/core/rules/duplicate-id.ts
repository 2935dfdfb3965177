import type { WorkspaceRule } from './rule.js';

export const duplicateId: WorkspaceRule = {
  id: 'duplicate-id',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'Each document `id` must be unique across the workspace.',
  docs: 'Other documents refer to a document by its `id` (`terms: trafford-hwb-tor`); two documents with one id make those references ambiguous.',
  check({ summary, index, report }) {
    if (summary.id === undefined || !summary.idRange) return;
    const others = index.byId(summary.id).filter((s) => s.uri !== summary.uri);
    if (others.length === 0) return;
    report({
      reason: `The id \`${summary.id}\` is also used by ${others.length === 1 ? 'another document' : `${others.length} other documents`}.`,
      range: summary.idRange,
      related: others.map((o) => ({ uri: o.uri, range: o.idRange ?? o.anchor, message: `Also declares id \`${summary.id}\`` })),
    });
  },
};
