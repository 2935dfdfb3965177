/**
 * Reading the body: decisions, actions, attendance, milestones as real authors
 * write them (shared/corpus/real-world/PATTERNS.md), with small excerpts of
 * real files copied in, and a few checks on whole real-world files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GovDocument } from '../../src/core/model.js';
import { quorumNeeded, readQuorum } from '../../src/core/read/phrases/numbers.js';
import { sectionKind } from '../../src/core/read/phrases/sections.js';
import { parse } from '../../src/core/parse/parse.js';
import { summarize } from '../../src/core/workspace/summary.js';
import { resolveConfig } from '../../src/core/config.js';
import { checkDocument } from '../../src/core/rules/run.js';
import { fixturesDir, sharedDir } from '../helpers.js';
import { fixturePath } from './fixtures.js';

const fixture = (name: string) => parse(readFileSync(fixturePath(name), 'utf8'));

function minutes(body: string): GovDocument {
  return parse(`---\ntype: minutes\nid: test-minutes\ndate: 2020-10-16\n---\n\n# Minutes\n\n${body}`);
}

const texts = (doc: GovDocument) => doc.data.content.resolutions!.map((r) => r.text);

describe('extract: decisions', () => {
  it('"Resolved that:" with the clauses listed under it reads each clause', () => {
    const doc = minutes('## 12. Locality Plan Refresh\n\nResolved that:\n\n1. the refreshed Locality Plan be endorsed;\n2. a progress report be brought to the Board in six months.\n');
    assert.deepEqual(texts(doc), ['the refreshed Locality Plan be endorsed;', 'a progress report be brought to the Board in six months.']);
    assert.deepEqual(doc.data.content.resolutions!.map((r) => r.identifier), ['12.1', '12.2']);
  });

  it('"RESOLVED that …" in one paragraph keeps its "That"', () => {
    assert.deepEqual(texts(minutes('RESOLVED that the annual report be received.\n')), ['That the annual report be received.']);
  });
});

describe('extract: decisions in nested bullets and under outcome headings', () => {
  it('finds a labelled decision however deep the bullets go (rust 2024-01-19)', () => {
    const doc = minutes(
      [
        '- Old business',
        '    - **Decide**: [What do we want to do with private meeting notes?](https://github.com/rust-lang/leadership-council/issues/60) Email to current members?',
        '        - Desire to avoid sharing private notes by default with future members',
        '        - Proposal: Email to current members after each meeting.',
        '        - **Decision**: No objections, seems like we can do this.',
        '    - **Decide**: [Ownership and permissions of the Forge](https://github.com/rust-lang/leadership-council/issues/47)',
        '      - "any team that wants access to the Forge can use it" - any objections?',
        '          - Jonathan: What about WGs?',
        '              - **Decision**: Anyone can request & get access.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(texts(doc), ['No objections, seems like we can do this.', 'Anyone can request & get access.']);
    const r = doc.sourceMap.get('/content/resolutions/1')!.range;
    assert.equal(doc.text.slice(r.start.offset, r.end.offset), '- **Decision**: Anyone can request & get access.');
  });

  it('attaches an action nested under a decision bullet to that decision', () => {
    const doc = minutes('- **Decision:** we agree to move forward with developing a process for archiving lessons.\n  - **Action:** Rayna — draft the archiving process, by 30 June 2017\n');
    assert.deepEqual(doc.data.content.actions, [
      { text: 'draft the archiving process', owner: 'Rayna', due: { text: '30 June 2017', precision: 'day', start: '2017-06-30', end: '2017-06-30' }, resolution: 0 },
    ]);
  });

  it('reads the list right under "Conclusion/Resolution" as the decisions of the agenda item above it (tc39)', () => {
    const doc = minutes('## 4.4 `return` on generator/iterator types\n\n## Conclusion/Resolution\n\n- Postpone until tomorrow morning at ~10:30, after István\'s talk at 10:15.\n');
    assert.deepEqual(doc.data.content.resolutions, [
      { text: "Postpone until tomorrow morning at ~10:30, after István's talk at 10:15.", marker: 'Conclusion/Resolution', block: 0, identifier: '4.4', item: '4.4', outcome: 'deferred' },
    ]);
  });

  it('does not read an issue list\'s "Resolved:" status bucket as a decision (k8s sig-release)', () => {
    const doc = minutes('- Flakes\n  - Under investigation:\n    - #95932 kubelet flake on ARM\n  - Resolved:\n    - #95770 fixed by retrying the image pull\n');
    assert.deepEqual(doc.data.content.resolutions, []);
  });

  it('reads a vote with its tally and outcome, and leaves agenda wording about votes alone (ossf)', () => {
    const doc = minutes('* Issues for VOTE (list issue #)\n  * Call for vote on PR 386\n  * 6 yes (+2 offline), 0 no. Passes\n  * **Decide**: whether to vote async\n');
    const r = doc.data.content.resolutions!;
    assert.deepEqual(r.map((x) => [x.text, x.outcome, x.votes]), [['6 yes (+2 offline), 0 no. Passes', 'adopted', { yes: 6, no: 0 }]]);
  });

  it('once a formal record is read, consensus noted in the talk after it is a restatement, not another decision', () => {
    const doc = minutes('**DECISION 65.2**: Not having EIP 615 as part of Istanbul.\n\nHudson: Okay, so I think we have consensus on not having 615 as part of Istanbul.\n');
    assert.deepEqual(texts(doc), ['Not having EIP 615 as part of Istanbul.']);
  });

  it('says a deferral, a noting and a rejection as such', () => {
    const doc = minutes('- Agreed to defer this discussion to the next Steering Council\n- RESOLVED: That the report be noted.\n- DECISION: EIP 1930 will not be included.\n');
    assert.deepEqual(doc.data.content.resolutions!.map((x) => x.outcome), ['deferred', 'noted', 'rejected']);
  });

  it('still reads "- Decisions:" with its clauses nested under it beside "- Actions:"', () => {
    const doc = minutes('- Decisions:\n  - The working group is chartered.\n- Actions:\n  - Action: Joe — open the charter PR\n');
    assert.deepEqual(texts(doc), ['The working group is chartered.']);
  });
});

describe('extract: attendance', () => {
  const names = (doc: GovDocument, key: 'present' | 'inAttendance' | 'apologies') => doc.data.content.attendance![key].map((a) => a.name);

  it('splits role-labelled lines into people with that role; a label with nobody adds nobody (rust)', () => {
    const doc = minutes('## Attendance\n\n- Council members: Mara, TC, Eric Huss, James, Nadrieril (filling in for Oli), Eric Holk\n- Observers: Santiago\n- Observers:\n');
    assert.deepEqual(names(doc, 'present'), ['Mara', 'TC', 'Eric Huss', 'James', 'Nadrieril', 'Eric Holk', 'Santiago']);
    assert.equal(doc.data.content.attendance!.present[0].role, 'Council member');
    assert.equal(doc.data.content.attendance!.present[6].voting, false, 'an observer does not vote');
    assert.equal(summarize(doc).presentVoting!.count, 6);
  });

  it('someone on the Present list noted as not present, or sending regrets, is counted with the apologies', () => {
    const doc = minutes('## Steering Committee Members Attending\n\n- Sue McClatchy (arriving Tuesday afternoon)\n- Kari Jordan (not present)\n- CRob sends regrets (In WDC this week)\n');
    assert.deepEqual(names(doc, 'present'), ['Sue McClatchy']);
    assert.deepEqual(names(doc, 'apologies'), ['Kari Jordan', 'CRob']);
    assert.equal(summarize(doc).presentVoting!.count, 1);
  });

  it('reads initials in brackets as an id, not an organisation; keeps "(LF)" as one', () => {
    const doc = minutes('## Attendees\n\nBrian Terlson (BT), Allen Wirfs-Brock (AWB), Adrianne Marcum (LF)\n');
    assert.deepEqual(doc.data.content.attendance!.present, [{ name: 'Brian Terlson' }, { name: 'Allen Wirfs-Brock' }, { name: 'Adrianne Marcum', affiliation: 'LF' }]);
  });

  it('separates a role from the organisation in one bracket (ossf)', () => {
    const doc = minutes('## Attendees\n\n|  | Name/Affiliation | GH ID |\n| --- | --- | --- |\n| x | Zach Steindler (GitHub,**TAC Chair**) | steiza |\n|   | Daniel Appelquist (Samsung, **TAC**) | torgo |\n');
    assert.deepEqual(doc.data.content.attendance!.present, [{ name: 'Zach Steindler', role: 'TAC Chair', affiliation: 'GitHub' }]);
    const row = doc.sourceMap.get('/content/attendance/present/0')!.range;
    assert.match(doc.text.slice(row.start.offset, row.end.offset), /^\| x \| Zach Steindler/);
  });
});

describe('extract: milestones', () => {
  const timeline = (body: string) => parse(`---\ntype: timeline\nid: test-timeline\ntitle: Test\n---\n\n# Timeline\n\n${body}`);

  it('locates a date in a table on the date itself, not on the cell with its pipe and padding', () => {
    const doc = timeline('| Date | What |\n| --- | --- |\n|   2022-02-30   | Board considers proposals on the development of the ICS |\n');
    const m = doc.messages.find((x) => x.ruleId === 'impossible-date')!;
    assert.equal(doc.text.slice(m.range.start.offset, m.range.end.offset), '2022-02-30');
  });

  it('reads the k8s 1.25 release summary list and timeline table (excerpt): both, in document order', () => {
    const ms = fixture('timeline-k8s-release-excerpt.md').data.content.milestones!;
    // 9 summary bullets, then 7 table rows: the one row the summary restates is too few to call the table a restatement.
    assert.equal(ms.length, 16);
    assert.deepEqual([ms[0].date.start, ms[0].title], ['2022-05-23', 'Week 1 — Release cycle begins']);
    // A bullet that starts with the time in two zones takes the UTC day.
    assert.deepEqual([ms[2].date.start, ms[2].title], ['2022-06-24', 'Week 5 — Enhancements Freeze']);
    assert.deepEqual([ms[8].date.precision, ms[8].title], ['unknown', 'Week 16 — Release Retrospective part 2']);
    assert.deepEqual([ms[9].date.start, ms[9].date.end, ms[9].title], ['2022-05-16', '2022-05-20', 'KubeCon EU']);
  });

  it('gives a milestone the title a reader sees: link text, not Markdown link syntax', () => {
    const doc = timeline(
      '- **Wednesday 27th July 2022**: Week 10 — [Release Retrospective][Retrospective Document] part 1\n- **Thursday 16th June 2022**: Week 4 — [Production Readiness Soft Freeze](https://groups.google.com/g/kubernetes-sig-architecture/c/a6_y81N49aQ)\n\n[Retrospective Document]: https://bit.ly/k8s125-retro\n',
    );
    assert.deepEqual(doc.data.content.milestones!.map((m) => m.title), ['Week 10 — Release Retrospective part 1', 'Week 4 — Production Readiness Soft Freeze']);
  });
});

describe('extract: actions', () => {
  const actions = (body: string) => minutes(body).data.content.actions;

  it('reads a task-list item with its owner in brackets as an action (graphql 2019-09-12)', () => {
    assert.deepEqual(actions('- [ ] [Ivan] Write proposal for how graphQL cats can be integrated into graphql-js\n'), [
      { text: 'Write proposal for how graphQL cats can be integrated into graphql-js', owner: 'Ivan', status: 'open' },
    ]);
  });

  it('reads what became of an action: a ticked box, a Status column, a status the line ends with', () => {
    assert.deepEqual((actions('- [x] [Ivan] Write proposal for the cats\n') ?? []).map((a) => a.status), ['done']);
    assert.deepEqual((actions('- Action: Alex to circulate the glossary (done)\n- Action: Dana to book the room (carried forward)\n- Action: Sam to draft the policy\n') ?? []).map((a) => a.status), ['done', 'carried', undefined]);
    const plan = '## Action log\n\n| Action | Lead | Status |\n|---|---|---|\n| Circulate the glossary | Governance Officer | Complete |\n| Measurement Framework to the Board | Programme Director | Carried forward to February |\n| Review the CDOP changes | Director of Public Health | No longer required |\n';
    assert.deepEqual((actions(plan) ?? []).map((a) => a.status), ['done', 'carried', 'dropped']);
  });

  it('does not read a bare checkbox as an action: it may list the meeting\'s goals (swcarpentry 2017-05-10)', () => {
    assert.deepEqual(actions('- [x] Create space for staff to discuss the strategic plan\n'), []);
  });

  it('reads the owner before a dash and a due date after "due" or "by"', () => {
    assert.deepEqual(actions('- Action: TimSt -- point docs folks at this recording.\n- Action: Governance Officer — circulate the glossary, by 30 November 2020\n'), [
      { text: 'point docs folks at this recording.', owner: 'TimSt' },
      { text: 'circulate the glossary', owner: 'Governance Officer', due: { text: '30 November 2020', precision: 'day', start: '2020-11-30', end: '2020-11-30' } },
    ]);
  });

  it('does not read "AI:" as an action: in tc39 and WebAssembly notes it is a speaker\'s initials', () => {
    assert.deepEqual(actions('AI: I think the proposal needs another round.\n'), []);
  });
});

describe('extract: whole files of the real-world corpus', () => {
  const corpus = (file: string, type: string) => parse(readFileSync(join(sharedDir, 'corpus', 'real-world', file), 'utf8'), { type });

  it('k8s 1.25 release README: 40 milestones from the summary list and the table (9 bullets, 38 rows, less the 7 rows the bullets restate), the first on 23 May 2022, and no ordering warning', () => {
    const doc = corpus('kubernetes__sig-release/releases__release-1.25__README.md', 'timeline');
    const ms = doc.data.content.milestones!;
    assert.equal(ms.length, 40);
    // The dual-zone cells (`01:00 UTC Wednesday 3rd August 2022 / 02:00 BST … / 18:00 PDT Tuesday 2nd August 2022`) take the UTC day.
    assert.ok(ms.some((m) => m.title === 'Week 11 — Code Freeze' && m.date.start === '2022-08-03'));
    assert.ok(!ms.some((m) => m.title === 'v1.25.0 released'), 'the table row the summary restates is not read twice');
    assert.deepEqual([ms[0].date.start, ms[0].title], ['2022-05-23', 'Week 1 — Release cycle begins']);
    const config = resolveConfig({ today: '2026-11-23' });
    assert.deepEqual(checkDocument(doc, config).filter((m) => m.ruleId === 'milestone-order'), []);
  });

  it('tc39 June 2014 notes: the bullets under each "Conclusion/Resolution" heading, under their agenda item', () => {
    const r = corpus('tc39__notes/meetings__2014-06__jun-4.md', 'minutes').data.content.resolutions!;
    assert.equal(r.length, 26);
    assert.deepEqual([r[0].text, r[0].marker], ['Agenda Approved', 'Conclusion/Resolution']);
    assert.ok(r.some((x) => x.item === '4.6' && x.text === 'Reserve only await as a keyword in modules.'));
  });

  it('rust council 2024-01-19: the four "**Decision**:" bullets, however deep', () => {
    const r = corpus('rust-lang__leadership-council/minutes__sync-meeting__2024-01-19.md', 'minutes').data.content.resolutions!;
    assert.deepEqual(r.map((x) => x.text), ['No objections, seems like we can do this.', 'Anyone can request & get access.', 'Infra will own making sure the site works.', 'OK with us doing this.']);
  });

  it('ethereum core devs meeting 65: DECISION 65.1 to 65.6, numbered as written', () => {
    const r = corpus('ethereum__pm/AllCoreDevs-EL-Meetings__Meeting 65.md', 'minutes').data.content.resolutions!;
    assert.deepEqual(r.map((x) => x.identifier), ['65.1', '65.2', '65.3', '65.4', '65.5', '65.6']);
  });

  it('k8s 1.20 release team update: the "Resolved:" issue buckets are not decisions', () => {
    assert.deepEqual(corpus('kubernetes__sig-release/releases__release-1.20__meeting-updates__2020-11-11.md', 'minutes').data.content.resolutions, []);
  });

  it('rust council 2025-01-17: "Council members: …" gives one attendee per name, "Observers:" none', () => {
    const present = corpus('rust-lang__leadership-council/minutes__sync-meeting__2025-01-17.md', 'minutes').data.content.attendance!.present;
    assert.deepEqual(present.map((a) => a.name), ['Mara', 'TC', 'Eric Huss', 'James', 'Mark', 'Oli', 'Eric Holk']);
  });
});

describe('extract: quorum phrasing', () => {
  const needed = (text: string, members: number) => quorumNeeded(readQuorum(text)!, members);

  it('reads the ways terms of reference state a quorum', () => {
    assert.deepEqual(readQuorum('The Board is quorate when five voting members are present.'), { count: 5 });
    assert.deepEqual(readQuorum('Quorum to vote in a meeting is seven (7) members.'), { count: 7 });
    assert.deepEqual(readQuorum('one third of members'), { fraction: { numerator: 1, denominator: 3 } });
    assert.deepEqual(readQuorum('No more than 1/3 of the WG members'), { fraction: { numerator: 1, denominator: 3 } });
    assert.equal(readQuorum('The Board is quorate when enough members are present.'), undefined);
  });

  it('a majority is more than half; "at least 50%" is half (nhscymru: 4 of 8 members is quorate)', () => {
    assert.equal(needed('a simple majority of the members', 8), 5);
    assert.equal(needed('a simple majority of the members', 9), 5);
    assert.equal(needed('When at least 50% of members in attendance, including either the Chair or Deputy Chair', 8), 4);
    assert.equal(needed('When at least 50% of members in attendance', 9), 5);
    assert.equal(needed('one third of members', 17), 6);
    assert.equal(needed('two-thirds supermajority of the members', 7), 5);
  });
});

describe('extract: section headings', () => {
  it('recognises headings as real documents write them', () => {
    const kinds = Object.fromEntries(
      [
        'Members present (voting)',
        'Apologies for absence and substitutions',
        'Membership and quorum',
        'TAC Member Regrets',
        'Steering Committee Members Attending',
        'Attendance (PLEASE ADD YOURSELF):',
        'Section 6. Quorum',
        '3. Functions',
        'Conclusion/Resolution:',
        'Consented Decisions',
        'Chair and Vice-Chair',
        'Out of scope',
      ].map((h) => [h, sectionKind(h) ?? null]),
    );
    assert.deepEqual(kinds, {
      'Members present (voting)': 'present',
      'Apologies for absence and substitutions': 'apologies',
      'Membership and quorum': 'membership',
      'TAC Member Regrets': 'apologies',
      'Steering Committee Members Attending': 'present',
      'Attendance (PLEASE ADD YOURSELF):': 'present',
      'Section 6. Quorum': 'quorum',
      '3. Functions': 'functions',
      'Conclusion/Resolution:': 'resolutions',
      'Consented Decisions': 'resolutions',
      'Chair and Vice-Chair': 'chair',
      'Out of scope': null,
    });
  });
});
