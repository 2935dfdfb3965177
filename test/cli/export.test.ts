/**
 * `govmark export`: the seed examples copied into a folder, exported through
 * the real engine (workers, time bound) in each format, to stdout and to
 * --out, with sources relative to the working folder.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { examplesDir } from '../helpers.js';
import { removeTree, runCli, tempTree } from './util.js';

const seed = (f: string) => readFileSync(join(examplesDir, 'valid', f), 'utf8');

describe('govmark export', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = tempTree({
      'hwb/minutes/2020-10-16.md': seed('trafford-hwb-minutes-2020-10-16.md'),
      'hwb/terms.md': seed('trafford-hwb-terms-of-reference.md'),
      'icp/timeline.md': seed('gloucestershire-icp-timeline.md'),
      'notes.md': '# Shopping\n\n- milk\n',
    });
  });
  after(() => removeTree(dir));

  const run = (args: string[]) => runCli(dir, ['export', ...args]);

  it('writes Popolo JSON of the folder, each source a path relative to it with a line', async () => {
    const r = await run(['--format', 'popolo', '--today', '2021-03-01']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { events: { start_date: string; attendees: unknown[]; sources: { url: string }[] }[]; posts: unknown[]; motions: { identifier: string }[] };
    assert.equal(out.events.length, 1);
    assert.equal(out.events[0].start_date, '2020-10-16');
    assert.equal(out.events[0].sources[0].url, 'hwb/minutes/2020-10-16.md#L13');
    assert.equal(out.posts.length, 21);
    assert.equal(out.motions.length, 16);
  });

  it('takes the format from --out and writes the file there; nothing on stdout', async () => {
    const r = await run(['hwb', 'icp', '--out', 'out/board.ics', '--today', '2021-03-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const cal = new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'out', 'board.ics'), 'utf8')));
    const meeting = cal.getAllSubcomponents('vevent').find((e) => String(e.getFirstPropertyValue('summary')).includes('16 October 2020'));
    assert.equal(String(meeting?.getFirstPropertyValue('dtstart')), '2020-10-16T10:00:00');
    assert.equal(cal.getAllSubcomponents('vtodo').length, 5);
  });

  it('writes Akoma Ntoso for one file, and CSV with a row per item', async () => {
    const akn = await run(['--format', 'akn', 'hwb/minutes/2020-10-16.md']);
    assert.equal(akn.code, 0, akn.stderr);
    assert.match(akn.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<akomaNtoso xmlns="http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0"/);
    assert.match(akn.stdout, /<debateReport name="minutes" govmark:source="hwb\/minutes\/2020-10-16\.md#L2">/);
    const csv = await run(['-f', 'csv', 'icp']);
    const lines = csv.stdout.split('\r\n').filter(Boolean);
    assert.equal(lines[0], 'kind,document,id,date,text,owner,due,status,file,line');
    assert.equal(lines.length, 1 + 5);
    assert.ok(lines.every((l, i) => i === 0 || l.endsWith(`,icp/timeline.md,${11 + i}`)), lines.join('\n'));
  });

  it('exits 2 without a format it can tell, or with one it does not know', async () => {
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /option '--format' is required: popolo, akn, ics, csv/);
    const ext = await run(['--out', 'x.txt']);
    assert.equal(ext.code, 2);
    assert.match(ext.stderr, /cannot tell the format from 'x\.txt'/);
    const bad = await run(['--format', 'pdf']);
    assert.equal(bad.code, 2);
  });
});
