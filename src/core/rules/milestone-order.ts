import { compareFuzzyDates, definitelyBefore } from '../dates/index.js';
import type { Fix } from '../message.js';
import type { GovDocument, Milestone } from '../model.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

/**
 * Milestones are listed in chronological order. Fuzzy-aware: "March/April
 * 2021" after "April 2021" is fine (they overlap); only a milestone that ends
 * before an earlier-listed one starts is out of order.
 */
export const milestoneOrder: DocumentRule = {
  id: 'milestone-order',
  scope: 'document',
  defaultSeverity: 'warning',
  types: ['timeline'],
  description: 'Timeline milestones must be listed in chronological order.',
  docs: 'A milestone dated 2022-01-18 listed after one dated 2022-03-14 is reported. Uncertain dates count as the span they name, so overlapping spans are never out of order; `Tbc` milestones are not ordered. The quick fix sorts the list.',
  check({ doc, report }) {
    const ms = doc.data.content.milestones ?? [];
    let latest: { m: Milestone; i: number } | undefined;
    const fix = sortFix(doc, ms);
    ms.forEach((m, i) => {
      if (!m.date.start || m.date.invalid) return;
      if (latest && definitelyBefore(m.date, latest.m.date)) {
        const range = rangeOf(doc, `/content/milestones/${i}/date`) ?? rangeOf(doc, `/content/milestones/${i}`);
        const at = rangeOf(doc, `/content/milestones/${latest.i}`);
        if (range) {
          report({
            reason: `Milestone dated ${m.date.text} comes after one dated ${latest.m.date.text}${at ? ` (line ${at.start.line})` : ''}: the timeline is out of chronological order.`,
            range,
            related: at ? [{ uri: doc.uri, range: at, message: `The later milestone, dated ${latest.m.date.text}` }] : undefined,
            fixes: fix ? [fix] : undefined,
          });
        }
      }
      if (!latest || compareFuzzyDates(m.date, latest.m.date) > 0) latest = { m, i };
    });
  },
};

/** Sorting is offered when the milestones are the consecutive items of one list. */
function sortFix(doc: GovDocument, ms: Milestone[]): Fix | undefined {
  if (ms.length < 2) return undefined;
  const ranges = ms.map((_, i) => rangeOf(doc, `/content/milestones/${i}`));
  if (ranges.some((r) => !r) || ms.some((m) => m.group !== ms[0].group)) return undefined;
  const seps: string[] = [];
  for (let i = 1; i < ranges.length; i++) seps.push(doc.text.slice(ranges[i - 1]!.end.offset, ranges[i]!.start.offset));
  if (seps.some((s) => s !== seps[0] || !/^\r?\n$/.test(s))) return undefined;
  const items = ms.map((m, i) => ({ m, text: doc.text.slice(ranges[i]!.start.offset, ranges[i]!.end.offset) }));
  const sorted = [...items].sort((a, b) => compareFuzzyDates(a.m.date, b.m.date));
  const range = { start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
  return { title: 'Sort the timeline chronologically', edits: [{ range, newText: sorted.map((s) => s.text).join(seps[0]) }], preferred: true };
}
