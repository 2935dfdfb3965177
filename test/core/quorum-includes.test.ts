/**
 * A quorum that must include someone ("one third, including the Chair"):
 * read from the words of terms of reference, and matched against the roles,
 * honorifics and organisations written beside the names of those present.
 */
import assert from 'node:assert/strict';
import { quorumIncludes, readQuorum } from '../../src/core/read/phrases/numbers.js';
import { includedPresent } from '../../src/core/rules/quorum-not-met.js';

describe('quorum that must include someone', () => {
  it('reads who must be present from the way terms of reference say it', () => {
    assert.deepEqual(readQuorum('One third of the members of the Council, including the Chair or Vice-Chair.'), { fraction: { numerator: 1, denominator: 3 }, includes: 'the Chair or Vice-Chair' });
    assert.equal(quorumIncludes('Five members, one of whom must be the Chair.'), 'the Chair');
    assert.equal(quorumIncludes('The Board will be quorate when one third of members are present, including one elected member.'), 'one elected member');
    assert.equal(quorumIncludes('three voting members, to include at least one councillor and one officer'), 'at least one councillor');
    assert.equal(quorumIncludes('Five voting members.'), undefined);
  });

  it('finds the Chair, a vice-chair when allowed, or a councillor among those present, and nobody else', () => {
    assert.equal(includedPresent('the Chair', ['councillor chair']), true);
    assert.equal(includedPresent('the Chair', ['councillor vice-chair']), false, 'a vice-chair is not the Chair unless the quorum allows either');
    assert.equal(includedPresent('the Chair or Vice-Chair', ['councillor vice-chair']), true);
    assert.equal(includedPresent('the Chair', ['councillor vice-chair, in the chair']), true);
    assert.equal(includedPresent('the Chair', ['', 'councillor']), false);
    assert.equal(includedPresent('one elected member', ['dr', 'councillor']), true);
    assert.equal(includedPresent('at least one councillor', ['dr', 'nhs trafford']), false);
  });
});
