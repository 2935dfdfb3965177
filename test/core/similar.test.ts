/** "Did you mean": the bounded edit distance the suggestions use agrees with the full one. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { boundedDistance, closest, editDistance } from '../../src/core/text/similar.js';

describe('edit distance for suggestions', () => {
  it('boundedDistance is editDistance within the limit, and limit + 1 beyond it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '-'), maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '-'), maxLength: 12 }), fc.integer({ min: 0, max: 5 }), (a, b, limit) => {
        const full = editDistance(a, b);
        assert.equal(boundedDistance(a, b, limit), full <= limit ? full : limit + 1);
      }),
      { numRuns: 5000 },
    );
  });

  it('suggests the closest id, the first declared on a tie, and nothing when none is close', () => {
    assert.equal(closest('trafford-hwb-tr', ['trafford-hwb-tor', 'trafford-hwb-tor-2021']), 'trafford-hwb-tor');
    assert.equal(closest('hwb-tor-202', ['hwb-tor-2020', 'hwb-tor-2021']), 'hwb-tor-2020');
    assert.equal(closest('scrutiny', ['trafford-hwb-tor']), undefined);
  });
});
