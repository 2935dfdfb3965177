/**
 * `govmark new minutes`: the next minutes of a body written from what the
 * repository knows on the day (the Trafford examples: terms of reference in
 * force, the October minutes with their actions), read back by govmark as
 * minutes that give no problem before the author types, and that record a
 * ticked action as done.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { parse } from '../../src/core/parse/parse.js';
import { examplesDir } from '../helpers.js';
import { fakeIO, removeTree, tempTree } from './util.js';

const BODY = 'Trafford Health and Wellbeing Board';

/**
 * Each test of the suite in a folder of its own with the Trafford terms of reference and the
 * October minutes: `run` is govmark run there, `file` a path in it.
 */
function hwbRepository(suite: Mocha.Suite) {
  suite.timeout(60_000);
  let dir = '';
  beforeEach(() => {
    dir = tempTree({
      'hwb/terms-of-reference.md': readFileSync(join(examplesDir, 'valid', 'trafford-hwb-terms-of-reference.md'), 'utf8'),
      'hwb/minutes-2020-10-16.md': readFileSync(join(examplesDir, 'valid', 'trafford-hwb-minutes-2020-10-16.md'), 'utf8'),
    });
  });
  afterEach(() => removeTree(dir));
  return {
    file: (name: string) => join(dir, name),
    async run(command: string, args: string[]) {
      const io = fakeIO([command, ...args], dir);
      const code = await main(io);
      return { code, stdout: io.stdout.text, stderr: io.stderr.text };
    },
  };
}

describe('govmark new minutes', function () {
  const { run, file } = hwbRepository(this);

  it('writes <body>-minutes-<date>.md: the terms in force, the seats to tick, the last minutes to approve, the open actions under matters arising', async () => {
    // The body as typed need not match its case: the file uses the body as the documents write it.
    const r = await run('new', ['minutes', '--body', 'trafford health and wellbeing board', '--date', '2021-03-19']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote trafford-hwb-minutes-2021-03-19\.md .*terms of reference trafford-hwb-tor, the minutes of 2020-10-16, 5 open actions/);
    const text = readFileSync(file('trafford-hwb-minutes-2021-03-19.md'), 'utf8');
    assert.ok(text.startsWith(`---\ntype: minutes\nid: trafford-hwb-minutes-2021-03-19\nbody: ${BODY}\nterms: trafford-hwb-tor\ndate: 2021-03-19\nstatus: draft\n---\n`), text);
    assert.match(text, /<!-- Quorum under trafford-hwb-tor: 5 voting members present\. -->/);
    assert.equal(text.split('\n').filter((l) => l.startsWith('- <!--')).length, 21, 'one line per seat of the terms');
    assert.match(text, /^RESOLVED: That the minutes of the meeting held on 16 October 2020 be agreed as a correct record\.$/m);
    assert.match(text, /^- \[ \] Minute 19\.5 \(16 October 2020\): That the Measurement Framework is to come to the Board before the end of the year — Health & Social Care Programme Director; due 2020-12-31\.$/m);
    assert.equal(text.split('\n').filter((l) => l.startsWith('- [ ] Minute')).length, 5);

    const doc = parse(text, { uri: 'untitled:new.md' });
    assert.equal(doc.type, 'minutes');
    assert.equal(doc.data.content.attendance?.present.length, 0, 'an unfilled seat line is nobody present');
    assert.equal(doc.data.content.previousMinutes?.date?.start, '2020-10-16');
  });

  it('gives no problem on the new minutes before the author types, and a ticked action is done in the register', async () => {
    assert.equal((await run('new', ['minutes', '--body', BODY, '--date', '2021-03-19', '--out', 'hwb/minutes-2021-03-19.md'])).code, 0);
    const v = await run('validate', ['--format', 'json', 'hwb']);
    const report = JSON.parse(v.stdout) as { files: { path: string; messages: { ruleId: string; reason: string }[] }[] };
    const created = report.files.find((f) => f.path.endsWith('minutes-2021-03-19.md'));
    assert.deepEqual(created?.messages ?? [], []);

    const minutesFile = file('hwb/minutes-2021-03-19.md');
    writeFileSync(minutesFile, readFileSync(minutesFile, 'utf8').replace('- [ ] Minute 19.5', '- [x] Minute 19.5'));
    const a = await run('actions', ['--format', 'json', 'hwb']);
    const { actions } = JSON.parse(a.stdout) as { actions: { ref?: string; status: string }[] };
    assert.deepEqual(actions.map((x) => `${x.ref} ${x.status}`), ['19.5 done', '19.6 open', '19.7 open', '19.8 open', '20.3 open']);
  });

  it('never overwrites a file without --force, and says what it needs', async () => {
    assert.equal((await run('new', ['minutes', '--body', BODY, '--date', '2021-03-19'])).code, 0);
    const again = await run('new', ['minutes', '--body', BODY, '--date', '2021-03-19']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /'trafford-hwb-minutes-2021-03-19\.md' exists: choose another --out, or add --force/);
    assert.equal((await run('new', ['minutes', '--body', BODY, '--date', '2021-03-19', '--force'])).code, 0);
    assert.match((await run('new', ['minutes'])).stderr, /option '--body' is needed/);
    assert.match((await run('new', ['notes', '--body', BODY])).stderr, /govmark new writes minutes, agenda, not 'notes'/);
    assert.match((await run('new', ['minutes', '--body', BODY, '--date', '2021-02-30'])).stderr, /option '--date' must be a date written YYYY-MM-DD, not '2021-02-30'/);
  });

  it('prints to stdout with --out -, and writes plain minutes for a body it knows nothing of', async () => {
    const r = await run('new', ['minutes', '--body', 'Parish Council', '--date', '2024-05-01', '--out', '-']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith('---\ntype: minutes\nid: parish-council-minutes-2024-05-01\nbody: Parish Council\ndate: 2024-05-01\nstatus: draft\n---\n'), r.stdout);
    assert.match(r.stdout, /## 2\. Matters arising\n\nNone\./);
  });
});

describe('govmark new agenda', function () {
  const { run, file } = hwbRepository(this);

  it('writes <body>-agenda-<date>.md that govmark reads back as the agenda: standing items, the last minutes to approve, the open actions as sub-items of the action log', async () => {
    const r = await run('new', ['agenda', '--body', BODY, '--date', '2021-03-19']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote trafford-hwb-agenda-2021-03-19\.md .*terms of reference trafford-hwb-tor, the minutes of 2020-10-16, 5 open actions/);
    const text = readFileSync(file('trafford-hwb-agenda-2021-03-19.md'), 'utf8');
    assert.ok(text.startsWith(`---\ntype: agenda\nid: trafford-hwb-agenda-2021-03-19\nbody: ${BODY}\nterms: trafford-hwb-tor\ndate: 2021-03-19\nstatus: draft\n---\n`), text);
    const doc = parse(text, { uri: 'untitled:agenda.md' });
    assert.equal(doc.type, 'agenda');
    assert.deepEqual(doc.messages, []);
    const items = doc.data.content.agenda ?? [];
    assert.deepEqual(
      items.filter((e) => e.parent === undefined).map((e) => `${e.number}. ${e.title}${e.urgent ? ' (urgent)' : ''}`),
      ['1. Apologies for absence', '2. Declarations of interest', '3. Minutes of the previous meeting', '4. Action log', '5. Urgent business (urgent)', '6. Date of next meeting'],
    );
    assert.deepEqual(items.filter((e) => e.parent === '4').map((e) => e.title), ['Minute 19.5 (16 October 2020)', 'Minute 19.6 (16 October 2020)', 'Minute 19.7 (16 October 2020)', 'Minute 19.8 (16 October 2020)', 'Minute 20.3 (16 October 2020)']);
    assert.equal(doc.data.content.previousMinutes?.date?.start, '2020-10-16');
  });

  it('the minutes written after it follow its items and name it, so every item is minuted and nothing is reported', async () => {
    assert.equal((await run('new', ['agenda', '--body', BODY, '--date', '2021-03-19', '--out', 'hwb/agenda-2021-03-19.md'])).code, 0);
    // The clerk adds an item of business to the agenda.
    const agendaFile = file('hwb/agenda-2021-03-19.md');
    writeFileSync(agendaFile, readFileSync(agendaFile, 'utf8').replace('## 5. Urgent business', '## 5. Annual Report of the Director of Public Health — Report of the Director of Public Health (Pages 11 - 30)\n\n## 6. Urgent business').replace('## 6. Date of next meeting', '## 7. Date of next meeting'));
    const r = await run('new', ['minutes', '--body', BODY, '--date', '2021-03-19', '--out', 'hwb/minutes-2021-03-19.md', 'hwb']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /the agenda trafford-hwb-agenda-2021-03-19\)/);
    const text = readFileSync(file('hwb/minutes-2021-03-19.md'), 'utf8');
    assert.match(text, /^agenda: trafford-hwb-agenda-2021-03-19$/m);
    assert.deepEqual(
      text.split('\n').filter((l) => l.startsWith('## ')),
      ['## Present', '## In attendance', '## Apologies', '## 1. Declarations of interest', '## 2. Minutes of the previous meeting', '## 3. Action log', '## 4. Annual Report of the Director of Public Health', '## 5. Urgent business', '## 6. Date of next meeting'],
    );
    assert.equal(text.split('\n').filter((l) => l.startsWith('- [ ] Minute')).length, 5, 'the open actions under the action log');
    const v = await run('validate', ['--format', 'json', 'hwb']);
    const report = JSON.parse(v.stdout) as { files: { path: string; messages: { ruleId: string; reason: string }[] }[] };
    for (const name of ['agenda-2021-03-19.md', 'minutes-2021-03-19.md']) {
      assert.deepEqual(report.files.find((f) => f.path.endsWith(name))?.messages ?? [], [], name);
    }
    // A minute dropped from them is missed against the agenda.
    const minutesFile = file('hwb/minutes-2021-03-19.md');
    writeFileSync(minutesFile, readFileSync(minutesFile, 'utf8').replace('## 4. Annual Report of the Director of Public Health\n', ''));
    const again = JSON.parse((await run('validate', ['--format', 'json', 'hwb'])).stdout) as typeof report;
    assert.deepEqual(again.files.find((f) => f.path.endsWith('minutes-2021-03-19.md'))?.messages.map((m) => m.ruleId), ['agenda-minuted']);
  });
});
