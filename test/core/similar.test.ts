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

  it('among many candidates (looked up one edit away first) gives what a comparison with every candidate gives', () => {
    // The answer by definition: the least distance within a third of the word's length (at least 2), the first given on a tie.
    const reference = (word: string, candidates: readonly string[]) => {
      const w = word.toLowerCase();
      let best: string | undefined;
      let bestDistance = Math.max(2, Math.floor(w.length / 3)) + 1;
      for (const c of candidates) {
        const d = editDistance(w, c.toLowerCase());
        if (d < bestDistance) [best, bestDistance] = [c, d];
      }
      return best;
    };
    const unit = fc.constantFrom('a', 'b', 'c', 'A', '-', '1', '2');
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit, minLength: 1, maxLength: 7 }), { minLength: 300, maxLength: 400 }), fc.string({ unit, maxLength: 8 }), (candidates, word) => {
        assert.equal(closest(word, candidates), reference(word, candidates));
      }),
      { numRuns: 200 },
    );
    // Ids of a repository and the usual typos: a letter added, lost, swapped or changed, a case.
    const ids = Array.from({ length: 2_000 }, (_, i) => `b${i % 400}-${i < 400 ? 'tor' : 'minutes'}-${2020 + (i % 5)}`);
    for (const typo of ['b7-tor-20222', 'b7-tr-2022', 'b7-otr-2022', 'b7-tox-2022', 'B7-TOR-2022', 'b7-minute-2021', 'b-minutes-2020', 'b71-tor-2021x', 'nothing-like-it']) {
      assert.equal(closest(typo, ids), reference(typo, ids), typo);
    }
  });
});
