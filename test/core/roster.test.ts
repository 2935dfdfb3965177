/**
 * Attendance against the roster: names compared as a clerk would ("Cllr Jane
 * Slater" is "Councillor J. Slater", "J. Slater" is not "K. Slater"), members
 * counted once, substitutes for the member they sit for.
 */
import assert from 'node:assert/strict';
import { nameKey, samePerson } from '../../src/core/read/phrases/people.js';
import { matchRoster } from '../../src/core/workspace/roster.js';
import type { DocumentSummary } from '../../src/core/workspace/summary.js';

const same = (a: string, b: string) => samePerson(nameKey(a)!, nameKey(b)!);
const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };
const summary = (extra: Partial<DocumentSummary>): DocumentSummary => ({ uri: 'file:///x.md', refs: [], anchor: range, ...extra });

describe('roster: people present against the membership', () => {
  it('tells one person from another by surname and initials, honorifics and notes aside', () => {
    assert.equal(same('Councillor J. Slater (Chair)', 'Cllr Jane Slater'), true);
    assert.equal(same('Dr. S. Johnston', 'Sarah Johnston'), true);
    assert.equal(same('J Slater', 'K. Slater'), false);
    assert.equal(same('Hemingway', 'Dr Ann Hemingway'), true, 'a surname alone agrees with any initials');
    assert.equal(same('Eleanor Roaf', 'E. Roaf, Director of Public Health'), true);
    assert.equal(same('José Núñez', 'J. Nunez'), true, 'accents do not tell people apart');
    assert.equal(same('J. Slater', 'J. Slaters'), false);
    assert.equal(nameKey('Cllr'), undefined);
  });

  it('counts members present once each, a substitute for the member, and anyone else as not a member', () => {
    const terms = summary({ roster: { members: ['Councillor Jane Slater', 'Joanne Harding', 'Eleanor Roaf', 'J. Smith', 'K. Smith'], complete: true } });
    const minutes = summary({
      presentVoting: {
        count: 6,
        range,
        names: ['J. Slater', 'Jane Slater', 'E. Roaf', 'M. Whetton', 'Tom Maloney', 'Smith'],
        substituteFor: [undefined, undefined, undefined, 'Councillor J. Harding', undefined, undefined],
      },
    });
    const m = matchRoster(terms, minutes)!;
    // Slater listed twice is one member; Whetton sits for Harding; "Smith" is one of the two Smiths.
    assert.equal(m.members, 4);
    assert.deepEqual(m.substitutes, [3]);
    assert.deepEqual(m.notMembers, [4]);
  });

  it('says nothing when the roster does not name every voting seat', () => {
    const terms = summary({ roster: { members: ['Councillor A. Hall'], complete: false } });
    const minutes = summary({ presentVoting: { count: 2, range, names: ['A. Hall', 'B. Lewis'] } });
    assert.equal(matchRoster(terms, minutes), undefined);
  });
});
