import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

export const statutorySeatVacant: DocumentRule = {
  id: 'statutory-seat-vacant',
  scope: 'document',
  defaultSeverity: 'warning',
  types: ['terms-of-reference'],
  description: 'A statutory seat of the membership must be filled.',
  docs: 'A seat the law requires (marked statutory, or `*` in the membership) that the membership says is vacant ("Vacant", "to be appointed", "TBC", "-" in the Member column) is reported at its row: the body is not constituted as the statute says until it is filled. Seats that are not statutory may stay vacant and are not reported; a Member cell left empty is not read as vacant.',
  check({ doc, report }) {
    (doc.data.content.seats ?? []).forEach((seat, i) => {
      if (!seat.vacant || seat.statutory !== true) return;
      const range = rangeOf(doc, `/content/seats/${i}`);
      if (!range) return;
      report({
        reason: `The statutory seat "${seat.label}"${seat.organization ? ` (${seat.organization})` : ''} is vacant: the membership does not name who holds it.`,
        range,
      });
    });
  },
};
