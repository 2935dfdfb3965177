import { quorumNeeded } from '../read/phrases/numbers.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

export const quorumExceedsSeats: DocumentRule = {
  id: 'quorum-exceeds-seats',
  scope: 'document',
  defaultSeverity: 'error',
  types: ['terms-of-reference'],
  description: 'The quorum must not be larger than the number of voting seats.',
  docs: 'A quorum of 12 on a board with 9 voting seats can never be met: no meeting could take a decision.',
  check({ doc, report }) {
    const { quorum, seats } = doc.data.content;
    if (!quorum || !seats || seats.length === 0) return;
    const voting = seats.filter((s) => s.voting !== false).reduce((n, s) => n + s.count, 0);
    const needed = quorumNeeded(quorum, voting);
    const range = rangeOf(doc, '/content/quorum');
    if (needed === undefined || !range || needed <= voting) return;
    report({
      reason: `The quorum of ${needed} is larger than the ${voting} voting seat${voting === 1 ? '' : 's'} in the membership: it can never be met.`,
      range,
      related: rangeOf(doc, '/content/seats/0') ? [{ uri: doc.uri, range: rangeOf(doc, '/content/seats/0')!, message: 'Membership' }] : undefined,
    });
  },
};

export const quorumMissing: DocumentRule = {
  id: 'quorum-missing',
  scope: 'document',
  defaultSeverity: 'warning',
  types: ['terms-of-reference'],
  description: 'Terms of reference should state a quorum.',
  docs: 'State it in the front matter (`quorum: 5`) or in a `## Quorum` section ("The Board is quorate when five voting members are present", "one third of members"). Without it, minutes cannot be checked for quorum.',
  check({ doc, report }) {
    if (doc.data.content.quorum) return;
    // `quorum: 2.5` is stated, only not as a count: the schema or seat-count says so at the value.
    const stated = doc.data.meta.quorum;
    if (stated !== undefined && stated !== null && stated !== '') return;
    const section = doc.data.content.sections.findIndex((s) => s.kind === 'quorum');
    // Read only in part (too-complex says so): the Quorum section's text was not read, so it is not called empty.
    if (section >= 0 && !doc.complete) return;
    const range = section >= 0 ? rangeOf(doc, `/content/sections/${section}`) : doc.frontMatterRange;
    if (!range) return;
    report({
      reason: section >= 0
        ? 'The Quorum section does not say how many members make a quorum (e.g. "five voting members" or "one third of members").'
        : 'These terms of reference do not state a quorum: add `quorum:` to the front matter or a `## Quorum` section.',
      range,
    });
  },
};
