/**
 * `govmark export --format popolo` in the core: what a Popolo consumer reads
 * from Trafford's minutes and terms of reference, validated against the
 * repository's JSON Schema 2020-12 port of Popolo (schemas/popolo/).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { exportPopolo, toPopolo, type PopoloExport } from '../../src/core/export/popolo.js';
import { repoRoot } from '../helpers.js';
import { board, doc, HOSTILE } from './export-inputs.js';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'popolo', 'popolo.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('export: Popolo JSON', () => {
  const out = JSON.parse(exportPopolo(board())) as PopoloExport;

  it('validates against the Popolo port, and the port rejects what Popolo rejects', () => {
    assert.ok(validate(out), JSON.stringify(validate.errors, null, 2));
    const broken = structuredClone(out);
    (broken.vote_events[0].counts[0] as { value: unknown }).value = 'six';
    delete (broken.motions[0].sources[0] as { url?: string }).url;
    assert.equal(validate(broken), false, 'a count that is not a number and a source without a url are invalid');
    const paths = (validate.errors ?? []).map((e) => e.instancePath).sort();
    assert.deepEqual(paths, ['/motions/0/sources/0', '/vote_events/0/counts/0/value']);
  });

  it('has the Board as an organization under the Council it answers to, and the nominating bodies', () => {
    const board = out.organizations.find((o) => o.name === 'Trafford Health and Wellbeing Board');
    assert.ok(board);
    const council = out.organizations.find((o) => o.id === board.parent_id);
    assert.equal(council?.name, 'Trafford Council');
    assert.ok(out.organizations.some((o) => o.name === 'Healthwatch Trafford'));
  });

  it('turns each seat of the terms of reference into posts of the Board, in force from the adoption date', () => {
    const ccg = out.posts.filter((p) => p.label.startsWith('CCG representatives'));
    assert.equal(ccg.length, 3, 'a seat of count 3 is three posts');
    assert.equal(new Set(ccg.map((p) => p.id)).size, 3);
    // 17 seat lines: fourteen of one seat, one of three, two of two.
    assert.equal(out.posts.length, 14 + 3 + 2 + 2);
    for (const p of out.posts) {
      assert.equal(p.start_date, '2020-11-25', p.label);
      assert.match(p.sources[0].url, /^valid\/trafford-hwb-terms-of-reference\.md#L(4[1-9]|5[0-7])$/);
    }
  });

  it('lists each meeting as an event with its date, body and attendees, and the members present as memberships', () => {
    const october = out.events.find((e) => e.start_date === '2020-10-16');
    assert.ok(october);
    assert.equal(october.organization_id, 'organization/trafford-health-and-wellbeing-board');
    assert.equal(october.location, 'Virtual meeting');
    assert.equal(october.attendees.length, 12 + 4, 'twelve present and four in attendance; apologies did not attend');
    assert.ok(october.attendees.some((a) => a.name === 'J. Slater' && a.honorific_prefix === 'Councillor'));
    assert.ok(!october.attendees.some((a) => a.name === 'J. Harding'), 'sent apologies');
    const slater = out.memberships.filter((m) => m.person_id === 'person/j-slater');
    assert.equal(slater.length, 1, 'one membership for two meetings');
    assert.equal(slater[0].role, 'Chair');
    assert.deepEqual(slater[0].sources.map((s) => s.url), ['valid/trafford-hwb-minutes-2020-10-16.md#L17', 'minutes/2020-12-11.md#L13']);
    assert.ok(!out.memberships.some((m) => m.person_id === 'person/alexander-murray'), 'in attendance, not a member');
  });

  it('writes every decision as a motion with its identifier, date and result, and the recorded vote with its counts', () => {
    const october = out.motions.filter((m) => m.legislative_session_id === 'event/trafford-hwb-2020-10-16');
    assert.equal(october.length, 16);
    const winter = october.find((m) => m.identifier === '18.2');
    assert.equal(winter?.text, 'That the Winter Plan be noted.');
    assert.equal(winter?.date, '2020-10-16');
    assert.equal(winter?.result, 'pass');
    assert.deepEqual(winter?.sources, [{ url: 'valid/trafford-hwb-minutes-2020-10-16.md#L67', note: 'RESOLVED: 18.2' }]);
    assert.equal(out.vote_events.length, 1);
    const vote = out.vote_events[0];
    assert.deepEqual(vote.counts, [{ option: 'yes', value: 6 }, { option: 'no', value: 1 }, { option: 'abstain', value: 1 }]);
    assert.equal(vote.result, 'pass');
    assert.equal(out.motions.find((m) => m.id === vote.motion_id)?.identifier, '24');
    assert.equal(vote.sources[0].url, 'minutes/2020-12-11.md#L31');
  });

  it('writes a recorded vote as Popolo votes, each voter the person the attendance names', () => {
    const text = [
      '---', 'type: minutes', 'body: Planning Committee', 'date: 2024-03-14', '---', '',
      '# Planning Committee — 14 March 2024', '', '## Present', '',
      '- Councillor A. Smith (Chair)', '- Councillor B. Jones', '- Councillor C. Patel', '',
      '## 5. Land at Mill Lane', '',
      'RESOLVED: That planning permission be granted.', '',
      'For: Councillors Smith and Patel (2). Against: Councillor Jones (1).', '',
    ].join('\n');
    const popolo = toPopolo({ documents: [doc('planning.md', text)], today: '2024-03-15' });
    assert.ok(validate(popolo), JSON.stringify(validate.errors, null, 2));
    const [vote] = popolo.vote_events;
    assert.deepEqual(vote.counts, [{ option: 'yes', value: 2 }, { option: 'no', value: 1 }]);
    const name = (id: string) => popolo.persons.find((p) => p.id === id)?.name;
    assert.deepEqual(vote.votes?.map((v) => `${name(v.voter_id)} ${v.option}`), ['A. Smith yes', 'C. Patel yes', 'B. Jones no']);
    assert.equal(popolo.persons.length, 3, 'voters are the people present, not new persons');
  });

  it('marks rejected decisions as failed, and keeps ids unique when minutes repeat an identifier', () => {
    const text = '---\ntype: minutes\nbody: Board\ndate: 2024-03-02\n---\n\n# Board — 2 March 2024\n\n## 4. Amendment to the budget\n\nThe motion was not carried.\n\nThe amendment fell.\n';
    const { motions } = toPopolo({ documents: [doc('m.md', text)], today: '2024-03-03' });
    assert.deepEqual(motions.map((m) => [m.identifier, m.result]), [['4', 'fail'], ['4', 'fail']]);
    assert.equal(new Set(motions.map((m) => m.id)).size, 2);
  });

  it('gives every item of every collection a source with a file and a line', () => {
    const hostile = JSON.parse(exportPopolo({ documents: [...board().documents, doc('odd #1/notes?.md', HOSTILE)], today: '2021-03-01' })) as PopoloExport;
    assert.ok(validate(hostile), JSON.stringify(validate.errors));
    for (const [name, items] of Object.entries(hostile)) {
      for (const item of items as { id: string; sources: { url: string }[] }[]) {
        assert.ok(item.sources.length > 0, `${name} ${item.id}`);
        for (const s of item.sources) assert.match(s.url, /^[^#?]+#L\d+$/, `${name} ${item.id}`);
      }
    }
    assert.ok(hostile.events.some((e) => e.sources[0].url === 'odd%20%231/notes%3F.md#L8'), 'a path with # and ? stays one relative URL');
  });
});
