/**
 * `govmark actions`: the action register across meetings, read from the
 * minutes of a body as a clerk writes them (Trafford's shape: RESOLVED lists
 * with an Action line, matters arising citing the minute), through the real
 * engine (workers, time bound).
 */
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { csvCell } from '../../src/cli/formatters/csv.js';
import { fakeIO, removeTree, runCli, tempTree } from './util.js';

const head = (date: string, status = 'approved', body = 'Trafford Health and Wellbeing Board') => `---
type: minutes
body: ${body}
date: ${date}
status: ${status}
---
`;

const OCTOBER = `${head('2020-10-16')}
# Health and Wellbeing Board — 16 October 2020

## Present

- Councillor J. Slater (Chair)

## 19. Local Care Alliance

RESOLVED:

1. That the report be noted.
2. That the Measurement Framework is to come to the Board before the end of the year.
   - Action: Health & Social Care Programme Director — due 2020-12-31
3. That the presentation on the eight sources of learning be circulated to Board Members.
   - Action: Health & Social Care Programme Director
4. That the glossary of acronyms be shared with Board Members once completed.
   - Action: Governance Officer
`;

const DECEMBER = `${head('2020-12-11')}
# Health and Wellbeing Board — 11 December 2020

## Present

- Councillor J. Slater (Chair)

## 22. Minutes

RESOLVED: That the minutes of the meeting held on 16 October 2020 be agreed as a correct record.

## 23. Matters arising

- Minute 19.2: the Measurement Framework will come to the February meeting; carried forward.
- Minute 19.3: the presentation on the eight sources of learning had been circulated to Board Members.

## 24. Winter Plan

RESOLVED: That the Winter Plan be noted.

- Action: Governance Officer to circulate the Winter Plan to partners by 31 January 2021
`;

const FEBRUARY = `${head('2021-02-12', 'draft')}
# Health and Wellbeing Board — 12 February 2021

## Present

- Councillor J. Slater (Chair)

## 30. Minutes

RESOLVED: That the minutes of the meeting held on 11 December 2020 be agreed as a correct record.

## 31. Matters arising

- Minute 19.2: the Measurement Framework was presented to the Board; completed.
`;

const OTHER = `${head('2020-11-05', 'approved', 'Stockport Schools Forum')}
# Schools Forum — 5 November 2020

## Present

- J. Smith (Chair)

## Decisions

- Action: Clerk to circulate the budget paper by 30 November 2020
`;

interface Row {
  body: string;
  ref?: string;
  text: string;
  owner?: string;
  due?: string;
  status: string;
  overdue?: { since: string; file?: string };
  given: { file: string; line: number; date?: string };
  history: { date?: string; status: string; by?: string; file: string; line?: number }[];
}

describe('govmark actions', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = tempTree({
      'hwb/2020-10-16.md': OCTOBER,
      'hwb/2020-12-11.md': DECEMBER,
      'hwb/2021-02-12.md': FEBRUARY,
      'forum/2020-11-05.md': OTHER,
    });
  });
  after(() => removeTree(dir));

  const run = (args: string[]) => runCli(dir, ['actions', ...args]);
  const json = async (args: string[]) => {
    const r = await run([...args, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as { today: string; actions: Row[]; unapproved: { file: string; date?: string; status: string; nextMeeting?: string }[] };
  };
  const find = (rows: Row[], words: string) => {
    const row = rows.find((r) => r.text.includes(words));
    assert.ok(row, `an action about "${words}" in ${JSON.stringify(rows.map((r) => r.text))}`);
    return row;
  };

  it('follows each action to the next meetings of its body: carried forward, then done; done at once; never spoken of', async () => {
    const { actions } = await json(['--today', '2021-03-01']);
    const framework = find(actions, 'Measurement Framework');
    assert.equal(framework.ref, '19.2');
    assert.equal(framework.owner, 'Health & Social Care Programme Director');
    assert.deepEqual(framework.history.map((h) => [h.date, h.status, h.by]), [['2020-12-11', 'carried', 'ref'], ['2021-02-12', 'done', 'ref']]);
    assert.equal(framework.status, 'done');
    assert.equal(framework.overdue, undefined, 'done at the first meeting after its due date: not left overdue');

    const presentation = find(actions, 'eight sources of learning');
    assert.deepEqual(presentation.history.map((h) => [h.date, h.status]), [['2020-12-11', 'done']]);
    assert.equal(presentation.status, 'done');

    const glossary = find(actions, 'glossary');
    assert.equal(glossary.status, 'open');
    assert.deepEqual(glossary.history.map((h) => h.status), ['not-reported', 'not-reported']);
    assert.deepEqual([glossary.given.file, glossary.given.line, glossary.given.date], ['hwb/2020-10-16.md', 24, '2020-10-16']);
  });

  it('calls an action overdue when a meeting after its due date still had it open, not by today alone', async () => {
    const { actions } = await json(['--today', '2021-01-05']);
    const winter = find(actions, 'Winter Plan');
    // Due 31 January 2021; the meeting of 12 February said nothing of it.
    assert.deepEqual(winter.overdue, { since: '2021-02-12', file: 'hwb/2021-02-12.md' });
    assert.equal(winter.due, '31 January 2021');
    // Due 30 November 2020, no later meeting of the forum: overdue only because today is past it.
    const budget = find(actions, 'budget paper');
    assert.deepEqual(budget.overdue, { since: '2021-01-05' });
    const early = await json(['--today', '2020-11-20']);
    assert.equal(find(early.actions, 'budget paper').overdue, undefined, 'not yet due on 20 November');
  });

  it('--open keeps what is still open; --body keeps one body, however its name is spaced or cased', async () => {
    const open = await json(['--open', '--today', '2021-03-01']);
    assert.deepEqual(open.actions.map((r) => r.text).sort(), [
      'Clerk to circulate the budget paper',
      'Governance Officer to circulate the Winter Plan to partners',
      'That the glossary of acronyms be shared with Board Members once completed.',
    ]);
    const forum = await json(['--body', 'stockport  SCHOOLS forum']);
    assert.deepEqual(forum.actions.map((r) => r.body), ['Stockport Schools Forum']);
  });

  it('lists the draft minutes that no later minutes approve', async () => {
    const { unapproved } = await json([]);
    assert.deepEqual(unapproved.map((u) => [u.file, u.date, u.status]), [['hwb/2021-02-12.md', '2021-02-12', 'draft']]);
  });

  it('prints a table per body with the counts, and says where long text was shortened', async () => {
    const r = await run(['--today', '2021-03-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Trafford Health and Wellbeing Board: 4 actions, 2 open, 1 overdue on 2021-03-01$/m);
    assert.match(r.stdout, /^Stockport Schools Forum: 1 action, 1 open, 1 overdue on 2021-03-01$/m);
    assert.match(r.stdout, /2020-10-16\s+19\.2\s+That the Measurement Framework.*done\s+2021-02-12 done\s+hwb\/2020-10-16\.md:20$/m);
    assert.match(r.stdout, /^Draft minutes not approved by later minutes: 1$/m);
    assert.match(r.stdout, /--format csv or json keeps all of it/);
  });

  it('writes CSV a spreadsheet reads safely: every field of a row, quoted where needed', async () => {
    const r = await run(['--format', 'csv', '--today', '2021-03-01']);
    const lines = r.stdout.split('\r\n').filter(Boolean);
    assert.equal(lines[0], 'body,given,file,line,ref,action,owner,due,status,overdue since,last reported,history');
    assert.equal(lines.length, 1 + 5, 'a header and one row per action');
    assert.ok(lines.some((l) => l.includes('"That the presentation on the eight sources of learning be circulated to Board Members."') || l.includes(',That the presentation on the eight sources of learning be circulated to Board Members.,')));
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('a, b'), '"a, b"');
  });

  it('says so when no minutes hold any action, and exits 0', async () => {
    const empty = tempTree({ 'notes.md': '# Shopping\n\n- milk\n' });
    try {
      const io = fakeIO(['actions'], empty);
      assert.equal(await main(io), 0);
      assert.equal(io.stdout.text, 'No governance documents found.\n');
    } finally {
      removeTree(empty);
    }
  });
});
