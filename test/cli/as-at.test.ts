/**
 * `govmark as-at`: what governed a body on a day, over files on disk: the
 * terms in force (2020/21 terms superseded by 2021/22 ones), their quorum and
 * named members, the meetings up to the day and the actions still open.
 */
import assert from 'node:assert/strict';
import { removeTree, runCli, tempTree } from './util.js';

const BODY = 'Trafford Health and Wellbeing Board';

/** Front matter of the body's terms of reference, `fields` on top of what both sets share. */
const termsFront = (fields: Record<string, string | number>) =>
  ['---', 'type: terms-of-reference', `body: ${BODY}`, ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', ''].join('\n');

const TERMS_2020 = `${termsFront({ id: 'hwb-tor-2020-21', period: '2020/21', adopted: '2020-11-25', review: '2021-11-25', quorum: 5 })}
# Health and Wellbeing Board: Terms of Reference 2020/21

## Membership

| Seat | Organisation | Count | Voting |
| --- | --- | ---: | --- |
| Executive Members | Trafford Council | 3 | yes |
| Director of Public Health | Trafford Council | 1 | yes |
| CCG representatives | NHS Trafford CCG | 3 | yes |
`;

const TERMS_2021 = `${termsFront({ id: 'hwb-tor-2021-22', period: '2021/22', adopted: '2021-05-25', supersedes: 'hwb-tor-2020-21', review: '2022-05-25', expires: '2022-05-24', quorum: 3 })}
# Health and Wellbeing Board: Terms of Reference 2021/22

## Membership

Board membership as agreed at the Annual Council Meeting on 25 May 2021.

| Seat | Member | Statutory | Voting |
| --- | --- | --- | --- |
| Executive Member for Health, Wellbeing and Equalities | Councillor Jane Slater | yes | yes |
| Director of Public Health | Eleanor Roaf | yes | yes |
| Chair of Healthwatch | Vacant | yes | yes |
`;

const minutes = (date: string, action: string) => `---
type: minutes
body: ${BODY}
date: ${date}
status: approved
---

# Health and Wellbeing Board — ${date}

## Present

- Councillor J. Slater (Chair)
- E. Roaf

## 1. Business

- Action: ${action}
`;

describe('govmark as-at', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = tempTree({
      'tor/2020-21.md': TERMS_2020,
      'tor/2021-22.md': TERMS_2021,
      'minutes/2021-03-19.md': minutes('2021-03-19', 'Eleanor Roaf to circulate the outbreak plan by 30 April 2021'),
      'minutes/2021-07-16.md': minutes('2021-07-16', 'Governance Officer to publish the membership by 31 December 2021'),
      'other/forum.md': `---\ntype: minutes\nbody: Stockport Schools Forum\ndate: 2021-01-05\n---\n\n# Schools Forum\n\n## Present\n\n- J. Smith\n`,
    });
  });
  after(() => removeTree(dir));

  const run = (args: string[]) => runCli(dir, ['as-at', ...args]);

  it('names the terms in force on the day, their quorum and who holds each seat', async () => {
    const r = await run(['--date', '2021-09-01', '--body', BODY, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.terms.id, 'hwb-tor-2021-22');
    assert.equal(j.terms.file, 'tor/2021-22.md');
    assert.equal(j.quorum.needed, 3);
    assert.deepEqual(
      j.seats.map((s: { seat: string; holder?: string; vacant?: boolean }) => [s.seat, s.holder ?? (s.vacant ? 'vacant' : '')]),
      [
        ['Executive Member for Health, Wellbeing and Equalities', 'Councillor Jane Slater'],
        ['Director of Public Health', 'Eleanor Roaf'],
        ['Chair of Healthwatch', 'vacant'],
      ],
    );
    assert.deepEqual(j.meetings.map((m: { date: string }) => m.date), ['2021-03-19', '2021-07-16']);
    // Both actions open on the day; the first was due in April, so overdue.
    assert.deepEqual(j.openActions.map((a: { owner?: string; overdueSince?: string }) => [a.owner, a.overdueSince !== undefined]), [['Eleanor Roaf', true], ['Governance Officer', false]]);
  });

  it('takes the terms they superseded for a day before the new ones came into force', async () => {
    const r = await run(['--date', '2021-03-19', '--body', BODY]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Terms of reference in force: hwb-tor-2020-21 \(tor\/2020-21\.md:\d+\), in force from 2020-11-25$/m);
    assert.match(r.stdout, /^Membership: 3 seats, 7 voting places$/m);
    assert.match(r.stdout, /^Meetings up to the day: 1, the last on 2021-03-19 \(minutes\/2021-03-19\.md:8, approved\)$/m);
  });

  it('says why no terms were in force, instead of printing nothing', async () => {
    const r = await run(['--date', '2020-06-01', '--body', 'trafford  health and wellbeing BOARD']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No terms of reference in force: the earliest terms of reference of this body came into force on 2020-11-25\./);
  });

  it('says the terms expired when the last ones had, not that several were in force', async () => {
    const r = await run(['--date', '2023-01-01', '--body', BODY]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No terms of reference in force: the terms of reference of this body expired on 2022-05-24 and none in force after them were found\./);
  });

  it('asks for the body when the documents have several, naming them, and for a real date', async () => {
    const noBody = await run(['--date', '2021-09-01']);
    assert.equal(noBody.code, 2);
    assert.match(noBody.stderr, /'--body' is required: the documents belong to 2 bodies \('Stockport Schools Forum', 'Trafford Health and Wellbeing Board'\)/);
    const badDate = await run(['--date', '2021-02-30', '--body', BODY]);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /'--date' must be a date written YYYY-MM-DD, not '2021-02-30'/);
    const noDate = await run(['--body', BODY]);
    assert.equal(noDate.code, 2);
    assert.match(noDate.stderr, /'--date' is required/);
  });
});
