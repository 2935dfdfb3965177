/**
 * Which terms of reference were in force on a date: `termsInForceOn`, and
 * `Workspace.asAt(date, body)` built on it, over seed-shaped documents (the
 * Trafford board's 2020/21 terms superseded by the 2021/22 ones).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../src/core/workspace/workspace.js';
import { termsInForceOn } from '../../src/core/workspace/in-force.js';
import { fixturesDir } from '../helpers.js';

const related = join(fixturesDir, 'rules', 'terms-in-force', 'related');
const BODY = 'Trafford Health and Wellbeing Board';

function workspace(): Workspace {
  const ws = new Workspace();
  ws.set('file:///tor-2020.md', readFileSync(join(related, 'tor-2020.md'), 'utf8'));
  ws.set('file:///tor-2021.md', readFileSync(join(related, 'tor-2021.md'), 'utf8'));
  for (const [name, date] of [['a', '2021-03-19'], ['b', '2021-07-16'], ['c', '2022-01-20']]) {
    ws.set(`file:///minutes-${name}.md`, `---\ntype: minutes\nid: m-${name}\nbody: ${BODY}\ndate: ${date}\n---\n\n# Board — ${date}\n`);
  }
  return ws;
}

describe('terms in force on a date', () => {
  it('follows supersedes both ways from the terms named, and finds them by body when none are named', () => {
    const index = workspace().index();
    const id = (q: Parameters<typeof termsInForceOn>[1]) => termsInForceOn(index, q).terms?.id;
    assert.equal(id({ date: '2021-03-19', termsId: 'hwb-tor-2021' }), 'hwb-tor-2020', 'named before adoption: the ones they replaced');
    assert.equal(id({ date: '2021-07-16', termsId: 'hwb-tor-2020' }), 'hwb-tor-2021', 'named after replacement: the newer ones');
    assert.equal(id({ date: '2021-03-19', body: BODY }), 'hwb-tor-2020');
    assert.equal(id({ date: '2021-05-26', body: BODY }), 'hwb-tor-2021', 'in force from the day of adoption');
    assert.equal(id({ date: '2020-01-01', body: BODY }), undefined, 'before any terms: none, not a guess');
    assert.equal(id({ date: '2021-03-19', body: 'Another Board' }), undefined);
    assert.equal(termsInForceOn(index, { date: '2021-07-16', termsId: 'hwb-tor-2020' }).namedState, 'superseded');
    assert.equal(termsInForceOn(index, { date: '2021-03-19', termsId: 'hwb-tor-2021' }).namedState, 'not-yet');
  });

  it('Workspace.asAt answers with the terms, their seats and the meetings so far', () => {
    const ws = workspace();
    const at = ws.asAt('2021-08-01', BODY);
    assert.equal(at.terms?.id, 'hwb-tor-2021');
    assert.deepEqual(at.seats.map((s) => `${s.label} ${s.count}`), ['Councillors 4', 'Director of Public Health 1']);
    assert.deepEqual(at.meetings.map((m) => m.date), ['2021-03-19', '2021-07-16']);
    assert.equal(ws.asAt('2021-01-10', BODY).terms?.id, 'hwb-tor-2020');
    assert.throws(() => ws.asAt('March 2021', BODY), /ISO day/);
    assert.throws(() => ws.asAt('2021-01-10', ''), /name of a body/);
  });

  it('Workspace.asAt lists the actions open on the day: given by then, not yet reported done or dropped', () => {
    const dir = join(fixturesDir, 'rules', 'action-not-reported');
    const ws = new Workspace();
    ws.set('file:///hwb/2020-10-16.md', readFileSync(join(dir, 'related', 'hwb-minutes-2020-10-16.md'), 'utf8'));
    ws.set('file:///hwb/2020-12-11.md', readFileSync(join(dir, 'one-left-out.md'), 'utf8'));
    const open = (date: string) => ws.asAt(date, BODY).openActions.map((a) => `${a.ref}${a.overdue ? ` overdue ${a.overdue.since}` : ''}`);
    assert.deepEqual(open('2020-10-01'), [], 'before the meeting that gave them');
    assert.deepEqual(open('2020-11-01'), ['19.2', '19.3', '19.4']);
    // 11 December: 19.3 reported circulated; 19.2 carried forward (due 31 December); 19.4 not spoken of.
    assert.deepEqual(open('2020-12-11'), ['19.2', '19.4']);
    assert.deepEqual(open('2021-01-10'), ['19.2 overdue 2021-01-10', '19.4'], 'past its due date with no meeting since');
  });
});
