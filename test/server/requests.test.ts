/**
 * The custom requests the extension uses (src/protocol/requests.ts), over
 * LSP: the timeline of a document and of the workspace, the documents for the
 * tree view, validate workspace, new document.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from '../../src/core/parse/parse.js';
import { analyse } from '../../src/core/workspace/workspace.js';
import type { DocumentsResult, NewDocumentResult, TimelineModel, ValidateWorkspaceResult } from '../../src/protocol/requests.js';
import { exampleWorkspace, TestClient, startOnExamples } from './client.js';

type Rng = { start: { line: number; character: number }; end: { line: number; character: number } };
const r = (range: Rng) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

describe('server: custom requests', function () {
  this.timeout(60_000);
  const ws = exampleWorkspace();
  let client: TestClient;

  before(async () => {
    client = await startOnExamples(ws.dir);
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  describe('govmark/timeline', () => {
    it('gives the milestones of one document, with their ranges', async () => {
      const uri = ws.uri('valid/gloucestershire-icp-timeline.md');
      const model = await client.request<TimelineModel>('govmark/timeline', { scope: 'document', uri });
      assert.equal(model.today, '2026-11-23');
      assert.equal(model.title, 'Formation of the Gloucestershire Integrated Care Partnership');
      assert.deepEqual(
        model.entries.map((e) => `${e.kind} ${e.date.text} ${e.status ?? '-'} ${r(e.range)}`),
        [
          'milestone 2021-09-21 done 11:0-11:139',
          'milestone 2021-11-02 done 12:0-12:147',
          'milestone 2022-01-18 - 13:0-13:137',
          'milestone 2022-03-14 - 14:0-14:199',
          'milestone 2022-05-18 - 15:0-15:73',
        ],
      );
    });

    it('follows the editor’s text of an open document', async () => {
      const uri = ws.uri('valid/gloucestershire-icp-timeline.md');
      const text = readFileSync(ws.path('valid/gloucestershire-icp-timeline.md'), 'utf8');
      client.open(uri, text + '- Q3 2022 — Review of the partnership [planned]\n');
      const model = await client.request<TimelineModel>('govmark/timeline', { scope: 'document', uri });
      const last = model.entries[model.entries.length - 1];
      // Planned for Q3 2022 in a plan of 2021-22 with no status, seen in 2026: a historical record, so not overdue.
      assert.deepEqual(
        [last.title, last.date.start, last.date.end, last.status, last.overdue, last.outcomeNotRecorded],
        ['Review of the partnership', '2022-07-01', '2022-09-30', 'planned', undefined, true],
      );
    });

    it('gathers every timeline, meeting date, action due date and review date of the workspace', async () => {
      const model = await client.request<TimelineModel>('govmark/timeline', { scope: 'workspace' });
      const kinds = new Set(model.entries.map((e) => e.kind));
      assert.deepEqual([...kinds].sort(), ['action', 'meeting', 'milestone', 'review']);
      const meeting = model.entries.find((e) => e.kind === 'meeting' && e.uri === ws.uri('valid/trafford-hwb-minutes-2020-10-16.md'))!;
      assert.equal(meeting.date.text, '2020-10-16');
      assert.equal(r(meeting.range), '4:6-4:16');
      const action = model.entries.find((e) => e.kind === 'action' && e.date.text === '2020-12-31')!;
      // Due 2020 in minutes of 2020, seen in 2026: the outcome is not recorded, it is not overdue.
      assert.deepEqual([action.overdue, action.outcomeNotRecorded], [undefined, true]);
      assert.equal(r(action.range), '80:3-80:69');
    });

    it('answers an incomplete request with an empty model, not an error', async () => {
      const model = await client.request<TimelineModel>('govmark/timeline', { scope: 'document' });
      assert.deepEqual(model.entries, []);
      const unknown = await client.request<TimelineModel>('govmark/timeline', { scope: 'document', uri: ws.uri('nowhere.md') });
      assert.deepEqual(unknown.entries, []);
    });
  });

  describe('govmark/documents', () => {
    it('lists every governance document with its problems, resolutions, actions and milestones', async () => {
      const result = await client.request<DocumentsResult>('govmark/documents', {});
      assert.equal(result.today, '2026-11-23');
      const names = result.documents.map((d) => d.uri.slice(d.uri.lastIndexOf('/') + 1));
      assert.ok(names.includes('trafford-hwb-terms-of-reference.md'));
      assert.ok(!names.includes('unknown-type.md'), 'a document of unknown type is not in the tree');
      const minutes = result.documents.find((d) => d.uri === ws.uri('valid/trafford-hwb-minutes-2020-10-16.md'))!;
      assert.deepEqual([minutes.type, minutes.id, minutes.body, minutes.date, minutes.title], [
        'minutes',
        'trafford-hwb-2020-10-16',
        'Trafford Health and Wellbeing Board',
        '2020-10-16',
        'Health and Wellbeing Board — 16 October 2020',
      ]);
      assert.equal(r(minutes.range), '12:0-12:46');
      assert.deepEqual(minutes.problems, { errors: 0, warnings: 0 });
      assert.equal(minutes.resolutions.length, 16);
      assert.deepEqual(minutes.resolutions[2].identifier, '18.2');
      assert.equal(r(minutes.resolutions[2].range), '66:0-66:33');
      assert.deepEqual(minutes.actions.map((a) => [a.owner, a.due?.text, a.overdue]), [
        // Due 2020 in minutes of 2020, seen in 2026: a historical record, not overdue (core/overdue.ts).
        ['Health & Social Care Programme Director', '2020-12-31', undefined],
        // "- Action: Health & Social Care Programme Director" under 19.6: the decision is the task, the post its owner.
        ['Health & Social Care Programme Director', undefined, undefined],
        // RESOLVED items that direct someone ("That the glossary … be shared", "That X meet to discuss …") are actions too.
        [undefined, undefined, undefined],
        ['Health & Social Care Programme Director', undefined, undefined],
        ['Chair of the Trafford Strategic Safeguarding Partnership and the Director of Public Health', undefined, undefined],
      ]);
      const gap = result.documents.find((d) => d.uri === ws.uri('invalid/minutes-resolution-gap.md'))!;
      assert.deepEqual(gap.problems, { errors: 0, warnings: 1 });
      const timeline = result.documents.find((d) => d.uri === ws.uri('valid/gloucestershire-icp-timeline.md'))!;
      assert.equal(timeline.milestones.length >= 5, true);
    });

    it('gives the action register per body: the actions of 16 October still open after the later meetings', async () => {
      const result = await client.request<DocumentsResult>('govmark/documents', {});
      const hwb = result.register?.find((b) => b.body === 'Trafford Health and Wellbeing Board');
      assert.ok(hwb, `a register for the board in ${JSON.stringify(result.register?.map((b) => b.name))}`);
      // The minutes of 29 January 2021 (the next meeting in the examples) report on none of them.
      assert.deepEqual(hwb.counts, { actions: 5, open: 5, overdue: 1, done: 0, dropped: 0 });
      const framework = hwb.open.find((a) => a.ref === '19.5')!;
      assert.deepEqual([framework.due, framework.given, framework.overdueSince, framework.last], ['2020-12-31', '2020-10-16', '2021-01-29', '2021-03-19: not reported']);
      assert.equal(framework.uri, ws.uri('valid/trafford-hwb-minutes-2020-10-16.md'));
      assert.equal(r(framework.range), '80:3-80:69');
    });
  });

  describe('govmark/documents: terms in force', () => {
    it('gives each body the terms of reference in force today, or says that several are and none supersedes the others', async () => {
      const result = await client.request<DocumentsResult>('govmark/documents', {});
      const hwb = result.inForce?.find((t) => t.body === 'Trafford Health and Wellbeing Board');
      assert.ok(hwb, `terms in force for the board in ${JSON.stringify(result.inForce)}`);
      // The examples hold three sets of the board's terms adopted the same day (two of them invalid on purpose), none superseding the others: said, not one picked.
      assert.deepEqual(hwb.conflicting, ['trafford-hwb-tor-no-members', 'trafford-hwb-tor-bad-review', 'trafford-hwb-tor']);
      assert.equal(hwb.uri, ws.uri('invalid/tor-missing-membership.md'));
    });
  });

  describe('govmark/validateWorkspace', () => {
    it('validates every file, publishes diagnostics for the closed ones too, and counts', async () => {
      const since = client.published.length;
      const result = await client.request<ValidateWorkspaceResult>('govmark/validateWorkspace', {});
      assert.equal(result.files, 12);
      assert.ok(result.errors >= 6 && result.warnings >= 5, JSON.stringify(result));
      const closed = ws.uri('invalid/timeline-impossible-date.md');
      const p = client.published.slice(since).find((x) => x.uri === closed)!;
      assert.ok(p, 'published for a file never opened');
      assert.equal(p.version, undefined);
      assert.deepEqual(p.diagnostics.map((d) => `${r(d.range)} ${d.code}`), ['10:2-10:12 impossible-date']);
    });
  });

  describe('govmark/newDocument', () => {
    it('pre-fills minutes from the terms of reference and the last meeting: body, terms, date, a Present list of the seats, the quorum, the minutes to approve, the open actions', async () => {
      const result = await client.request<NewDocumentResult>('govmark/newDocument', { type: 'minutes', terms: 'trafford-hwb-tor', date: '2021-06-18' });
      assert.equal(result.fileName, 'trafford-hwb-minutes-2021-06-18.md');
      const { text } = result;
      assert.ok(text.startsWith('---\ntype: minutes\nid: trafford-hwb-minutes-2021-06-18\nbody: Trafford Health and Wellbeing Board\nterms: trafford-hwb-tor\ndate: 2021-06-18\nstatus: draft\n---\n'), text);
      assert.match(text, /^# Trafford Health and Wellbeing Board — 18 June 2021$/m);
      assert.match(text, /<!-- Quorum under trafford-hwb-tor: 5 voting members present\. -->/);
      assert.match(text, /^- <!-- Executive Member for Health, Wellbeing and Equalities, Trafford Council -->$/m);
      // One line per seat: 21 seats.
      assert.equal(text.split('\n').filter((l) => l.startsWith('- <!--')).length, 21);
      // The last minutes before the day (19 March 2021 in the examples), and the actions still open then, as `govmark new minutes` writes them.
      assert.match(text, /^RESOLVED: That the minutes of the meeting held on 19 March 2021 be agreed as a correct record\.$/m);
      assert.match(text, /^- \[ \] Minute 19\.5 \(16 October 2020\): That the Measurement Framework/m);

      // It reads as minutes; the unfilled seat lines count nobody as present.
      const doc = parse(text, { uri: 'untitled:new.md' });
      assert.equal(doc.type, 'minutes');
      assert.deepEqual(doc.messages, []);
      assert.equal(doc.data.content.attendance?.present.length, 0);
    });

    it('gives a template for every type, named <body>-<kind>-<date>.md from what was entered, with no problem before the author types but a quorum to state', async () => {
      for (const type of ['terms-of-reference', 'resolution', 'timeline', 'minutes', 'agenda']) {
        for (const body of [undefined, 'Planning Committee']) {
          // A day to come: a planned milestone on a past day would rightly be overdue.
          const { text, fileName } = await client.request<NewDocumentResult>('govmark/newDocument', { type, date: '2030-06-18', ...(body ? { body } : {}) });
          const kind = type === 'minutes' || type === 'agenda' ? `${body ? 'planning-committee' : 'meeting'}-${type}` : `${body ? 'planning-committee-' : ''}${type}`;
          assert.equal(fileName, `${kind}-2030-06-18.md`);
          const { doc, messages } = analyse(text, { uri: `untitled:${fileName}` });
          assert.equal(doc.type, type, text);
          if (body) assert.equal(doc.data.meta.body, body);
          // Terms of reference without a quorum cannot be checked: that one applies from the start.
          assert.deepEqual([...doc.messages, ...messages].map((m) => m.ruleId), type === 'terms-of-reference' ? ['quorum-missing'] : [], `${type} ${body}: ${text}`);
        }
      }
    });

    it('writes the body\'s next agenda, and minutes that follow the agenda of the day', async () => {
      const agenda = await client.request<NewDocumentResult>('govmark/newDocument', { type: 'agenda', terms: 'trafford-hwb-tor', date: '2021-06-18' });
      assert.equal(agenda.fileName, 'trafford-hwb-agenda-2021-06-18.md');
      const doc = parse(agenda.text, { uri: 'untitled:agenda.md' });
      assert.equal(doc.type, 'agenda');
      assert.deepEqual(doc.messages, []);
      assert.equal(doc.data.content.previousMinutes?.date?.start, '2021-03-19');
      assert.ok((doc.data.content.agenda ?? []).some((e) => e.parent === '4' && /^Minute 19\.5/.test(e.title)), agenda.text);
    });
  });
});
