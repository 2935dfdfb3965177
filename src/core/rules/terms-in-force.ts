import { inForceFrom, termsInForceOn } from '../workspace/in-force.js';
import type { WorkspaceRule } from './rule.js';

/**
 * Minutes must name the terms of reference that were in force on the day of
 * the meeting: not terms adopted afterwards, not terms replaced by then.
 */
export const termsInForce: WorkspaceRule = {
  id: 'terms-in-force',
  scope: 'workspace',
  defaultSeverity: 'warning',
  types: ['minutes'],
  description: 'The terms of reference that minutes name must have been in force on the day of the meeting.',
  docs: 'Terms of reference are in force from `effective:` (else `adopted:`) until `expires:`, or until terms that name them in `supersedes:` come into force. Minutes whose `terms:` names terms adopted after the meeting, replaced before it or expired by then were checked against the wrong terms: the warning names the ones in force, which quorum is counted against, and the quick fix names them instead.',
  check({ summary, index, report }) {
    const ref = summary.refs.find((r) => r.key === 'terms');
    if (!ref || summary.date === undefined) return;
    const { terms, named, namedState } = termsInForceOn(index, { date: summary.date, termsId: ref.id });
    if (!named || namedState === undefined || namedState === 'in-force') return;
    const day = summary.date;
    const since = (s: typeof named) => (inForceFrom(s) !== undefined ? ` (in force from ${inForceFrom(s)})` : '');
    const inForce = terms && terms !== named && terms.id !== undefined ? terms : undefined;
    const then = inForce ? `; the terms in force on ${day} were \`${inForce.id}\`${since(inForce)}` : '; no terms of reference in force on that day are known';
    const reason =
      namedState === 'not-yet'
        ? `\`terms: ${ref.id}\` names terms of reference that came into force on ${inForceFrom(named)}, after this meeting on ${day}${then}.`
        : namedState === 'superseded'
          ? `\`terms: ${ref.id}\` names terms of reference that had been replaced before this meeting on ${day}${then}.`
          : `\`terms: ${ref.id}\` names terms of reference that expired on ${named.expires}, before this meeting on ${day}${then}.`;
    report({
      reason,
      range: ref.range,
      actual: ref.id,
      ...(inForce ? { expected: [inForce.id!] } : {}),
      related: [
        ...(named.adoptedRange ? [{ uri: named.uri, range: named.adoptedRange, message: `\`${ref.id}\` adopted ${named.adopted}` }] : []),
        ...(inForce ? [{ uri: inForce.uri, range: inForce.adoptedRange ?? inForce.idRange ?? inForce.anchor, message: `\`${inForce.id}\`: in force on ${day}` }] : []),
      ],
      fixes: inForce ? [{ title: `Name the terms in force on ${day}: '${inForce.id}'`, edits: [{ range: ref.range, newText: inForce.id! }], preferred: true }] : undefined,
    });
  },
};
