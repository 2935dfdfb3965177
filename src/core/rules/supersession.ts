import { inForceFrom, supersededBy, supersedersOf } from '../workspace/in-force.js';
import type { DocumentSummary, WorkspaceIndex } from '../workspace/summary.js';
import type { WorkspaceRule } from './rule.js';

/** The first `supersedes` chain from `start` that comes back to it, as ids. */
function cycleFrom(start: DocumentSummary, index: WorkspaceIndex): string[] | undefined {
  const path: DocumentSummary[] = [start];
  const onPath = new Set([start.uri]);
  const visited = new Set<string>();
  const walk = (doc: DocumentSummary): string[] | undefined => {
    for (const next of supersededBy(doc, index)) {
      if (next.uri === start.uri) return [...path, next].map((s) => s.id ?? s.uri);
      if (onPath.has(next.uri) || visited.has(next.uri)) continue;
      visited.add(next.uri);
      onPath.add(next.uri);
      path.push(next);
      const found = walk(next);
      if (found) return found;
      path.pop();
      onPath.delete(next.uri);
    }
    return undefined;
  };
  return walk(start);
}

/**
 * `supersedes:` chains must make sense: no document replaces itself through a
 * chain, nothing replaces a document adopted after it, and `status:` agrees.
 */
export const supersession: WorkspaceRule = {
  id: 'supersession',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description: 'Chains of `supersedes:` must be consistent: no cycles, nothing superseding a later document, and `status:` agreeing with the chain.',
  docs: 'A document that names another in `supersedes:` replaces it from the day it comes into force (`effective:`, else `adopted:`). A chain that comes back to where it started has no document in force; a document that supersedes one adopted after it has the order the wrong way round (usually a typo in a date or an id); terms whose `status:` is `superseded` while nothing supersedes them, or `adopted` while newer terms in force have replaced them, say something the repository does not. Which terms were in force on a date is what quorum and `terms-in-force` are checked against, so these are worth getting right.',
  check({ summary, index, today, report }) {
    const cycle = cycleFrom(summary, index);
    const firstRef = summary.refs.find((r) => r.key === 'supersedes');
    if (cycle && firstRef) {
      report({ severity: 'error', reason: `\`supersedes\` goes round in a circle: ${cycle.map((id) => `\`${id}\``).join(' → ')}. One of these must be the original.`, range: firstRef.range });
    }
    for (const ref of summary.refs.filter((r) => r.key === 'supersedes')) {
      for (const older of index.byId(ref.id).filter((s) => s.uri !== summary.uri)) {
        const mine = inForceFrom(summary);
        const theirs = inForceFrom(older);
        if (mine !== undefined && theirs !== undefined && theirs > mine) {
          report({
            reason: `This document (in force from ${mine}) supersedes \`${ref.id}\`, which came into force later (${theirs}): a document can only replace an earlier one.`,
            range: ref.range,
            related: [{ uri: older.uri, range: older.adoptedRange ?? older.anchor, message: `\`${ref.id}\` in force from ${theirs}` }],
          });
        }
      }
    }
    if (summary.status === 'superseded' && supersedersOf(summary, index).length === 0) {
      report({
        reason: `\`status: superseded\`, but no document in the workspace names ${summary.id !== undefined ? `\`${summary.id}\`` : 'this one'} in its \`supersedes:\`. Add \`supersedes: ${summary.id ?? '<id>'}\` to the terms that replaced it.`,
        range: summary.statusRange ?? summary.anchor,
      });
    }
    if (summary.status === 'adopted') {
      const replacing = supersedersOf(summary, index).filter((s) => inForceFrom(s) !== undefined && inForceFrom(s)! <= today && s.status !== 'draft' && s.status !== 'proposed');
      if (replacing.length > 0) {
        const by = replacing[0];
        report({
          severity: 'info',
          reason: `\`status: adopted\`, but \`${by.id ?? by.uri}\` superseded it on ${inForceFrom(by)}: the status would be \`superseded\`.`,
          range: summary.statusRange ?? summary.anchor,
          related: [{ uri: by.uri, range: by.adoptedRange ?? by.anchor, message: `in force from ${inForceFrom(by)}` }],
          ...(summary.statusRange ? { fixes: [{ title: 'Mark as superseded', edits: [{ range: summary.statusRange, newText: 'superseded' }], preferred: true }] } : {}),
        });
      }
    }
  },
};
