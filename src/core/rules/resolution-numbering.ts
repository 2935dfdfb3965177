import type { Fix } from '../message.js';
import type { Resolution } from '../model.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

/**
 * Clauses of one decision block are numbered 1, 2, 3... as the author wrote
 * them: a skipped or repeated number usually means a clause was lost or
 * pasted twice.
 */
export const resolutionNumbering: DocumentRule = {
  id: 'resolution-numbering',
  scope: 'document',
  defaultSeverity: 'warning',
  types: ['minutes', 'resolution'],
  description: 'Resolution clauses must be numbered consecutively, without gaps or duplicates.',
  docs: 'In\n\n```markdown\nRESOLVED:\n\n1. That the update be noted.\n2. That the Winter Plan be noted.\n4. That the Outbreak Plan be noted.\n```\n\nthe numbering jumps from 2 to 4. The quick fix renumbers the whole list.',
  check({ doc, report }) {
    const resolutions = doc.data.content.resolutions ?? [];
    const blocks = new Map<number, { r: Resolution; i: number }[]>();
    resolutions.forEach((r, i) => {
      if (r.number === undefined) return;
      const list = blocks.get(r.block);
      if (list) list.push({ r, i });
      else blocks.set(r.block, [{ r, i }]);
    });
    for (const clauses of blocks.values()) {
      if (clauses.length < 2) continue;
      const first = clauses[0].r.number!;
      const renumber: Fix = {
        title: `Renumber these resolutions ${first}–${first + clauses.length - 1}`,
        edits: clauses.flatMap(({ i }, k) => {
          const range = rangeOf(doc, `/content/resolutions/${i}/number`);
          if (!range) return [];
          const old = doc.text.slice(range.start.offset, range.end.offset);
          return [{ range, newText: `${first + k}${old.slice(-1)}` }];
        }),
        preferred: true,
      };
      for (let k = 1; k < clauses.length; k++) {
        const prev = clauses[k - 1].r.number!;
        const { r, i } = clauses[k];
        const n = r.number!;
        const range = rangeOf(doc, `/content/resolutions/${i}/number`) ?? rangeOf(doc, `/content/resolutions/${i}`);
        if (!range) continue;
        if (n === prev + 1) continue;
        const reason =
          clauses.slice(0, k).some((c) => c.r.number === n)
            ? `Resolution number ${n} is used twice in this list.`
            : n > prev + 1
              ? `Resolution numbering jumps from ${prev} to ${n}: ${n - prev === 2 ? `number ${prev + 1} is` : `numbers ${prev + 1}–${n - 1} are`} missing.`
              : `Resolution numbering goes back from ${prev} to ${n}.`;
        report({ reason, range, expected: [String(prev + 1)], actual: String(n), fixes: renumber.edits.length ? [renumber] : undefined });
      }
    }
  },
};
