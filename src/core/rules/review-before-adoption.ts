import { definitelyBefore, parseFrontMatterDate } from '../dates/index.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

/** The adoption date of terms of reference, whether written `adopted: DATE` or `adopted: { date: DATE }`. */
export function adoptionPointer(meta: Record<string, unknown>): string | undefined {
  const a = meta.adopted;
  if (typeof a === 'string') return '/meta/adopted';
  if (a && typeof a === 'object' && typeof (a as Record<string, unknown>).date === 'string') return '/meta/adopted/date';
  return undefined;
}

export function adoptionDate(meta: Record<string, unknown>): string | undefined {
  const a = meta.adopted;
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object') {
    const d = (a as Record<string, unknown>).date;
    if (typeof d === 'string') return d;
  }
  return undefined;
}

export const reviewBeforeAdoption: DocumentRule = {
  id: 'review-before-adoption',
  scope: 'document',
  defaultSeverity: 'error',
  types: ['terms-of-reference'],
  description: 'The review date of terms of reference must not be before their adoption.',
  docs: '`review: 2019-11-25` with `adopted: { date: 2020-11-25 }` is almost always a typo in the year.',
  check({ doc, report }) {
    const meta = doc.data.meta;
    const review = typeof meta.review === 'string' ? parseFrontMatterDate(meta.review) : undefined;
    const adoptedText = adoptionDate(meta);
    const adopted = adoptedText ? parseFrontMatterDate(adoptedText) : undefined;
    if (!review || !adopted || review.invalid || adopted.invalid) return;
    if (!definitelyBefore(review, adopted)) return;
    const range = rangeOf(doc, '/meta/review');
    const at = rangeOf(doc, adoptionPointer(meta) ?? '/meta/adopted');
    if (!range) return;
    report({
      reason: `The review date ${review.text} is before adoption on ${adopted.text}.`,
      range,
      related: at ? [{ uri: doc.uri, range: at, message: 'Adopted here' }] : undefined,
    });
  },
};
