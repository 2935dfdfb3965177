/**
 * The Governance tree's "In force" row per body: the terms of reference in
 * force today, the newer set once it supersedes the older one.
 */
import assert from 'node:assert/strict';
import { inForceNodes } from '../../src/server/documents-tree.js';
import { Workspace } from '../../src/core/workspace/workspace.js';
import { resolveConfig } from '../../src/core/config.js';

const terms = (id: string, adopted: string, extra = '') => `---
type: terms-of-reference
id: ${id}
body: Glossop Partnership Board
adopted: ${adopted}
quorum: 3
${extra}---

# Glossop Partnership Board: Terms of Reference ${adopted.slice(0, 4)}

## Membership

| Seat | Member | Voting |
| --- | --- | --- |
| Chair | Councillor A. Hall | yes |
| Derbyshire County Council representative | B. Lewis | yes |
| CCG representative | Vacant | yes |
| Secretary | C. Patel | no |
`;

describe('Governance tree: terms in force per body', () => {
  it('shows the terms in force on the day, the newer ones once they supersede the older', () => {
    const ws = new Workspace(resolveConfig({ today: '2026-01-01' }));
    ws.set('file:///tor-2020.md', terms('gpb-tor-2020', '2020-04-01'));
    ws.set('file:///tor-2022.md', terms('gpb-tor-2022', '2022-04-01', 'supersedes: gpb-tor-2020\n'));
    const [now] = inForceNodes(ws.index(), '2026-01-01');
    assert.deepEqual([now.body, now.id, now.from, now.quorum, now.votingSeats, now.conflicting], ['Glossop Partnership Board', 'gpb-tor-2022', '2022-04-01', '3', 3, undefined]);
    assert.equal(now.title, 'Glossop Partnership Board: Terms of Reference 2022');
    const [then] = inForceNodes(ws.index(), '2021-06-01');
    assert.equal(then.id, 'gpb-tor-2020');
    assert.deepEqual(inForceNodes(ws.index(), '2019-01-01'), [], 'nothing in force before the first adoption');
  });
});
