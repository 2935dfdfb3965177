/**
 * The timeline model on the shared examples: which entries, in which order,
 * with which LSP ranges (0-based), overdue against a fixed today, uncertain
 * dates as spans and undated entries kept for their own lane.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareFuzzyDates } from '../../src/core/dates/index.js';
import type { GovDocument } from '../../src/core/model.js';
import { parse } from '../../src/core/parse/parse.js';
import { LineIndex } from '../../src/core/text/lines.js';
import { timelineOf, toLspRange, workspaceTimeline } from '../../src/core/timeline/index.js';
import type { TimelineEntry } from '../../src/protocol/requests.js';
import { examplesDir } from '../helpers.js';

function example(name: string): GovDocument {
  const path = join(examplesDir, name);
  return parse(readFileSync(path, 'utf8'), { uri: pathToFileURL(path).href });
}

function inline(text: string, uri = 'file:///work/inline.md'): GovDocument {
  return parse(text, { uri });
}

/** The text an LSP range covers, read back from the document. */
function covered(doc: GovDocument, e: TimelineEntry): string {
  const lines = new LineIndex(doc.text);
  const start = lines.offsetAt(e.range.start.line + 1, e.range.start.character + 1);
  const end = lines.offsetAt(e.range.end.line + 1, e.range.end.character + 1);
  return doc.text.slice(start, end);
}

const TIMELINE = 'valid/gloucestershire-icp-timeline.md';
const MINUTES = 'valid/trafford-hwb-minutes-2020-10-16.md';
const TERMS = 'valid/trafford-hwb-terms-of-reference.md';

describe('core: timeline model', () => {
  describe('timelineOf a timeline', () => {
    const doc = example(TIMELINE);
    const model = timelineOf(doc, '2022-02-10');

    it('has the five milestones, in order, the first 2021-09-21 and done', () => {
      assert.equal(model.title, 'Formation of the Gloucestershire Integrated Care Partnership');
      assert.equal(model.today, '2022-02-10');
      assert.deepEqual(
        model.entries.map((e) => [e.kind, e.date.start, e.status]),
        [
          ['milestone', '2021-09-21', 'done'],
          ['milestone', '2021-11-02', 'done'],
          ['milestone', '2022-01-18', undefined],
          ['milestone', '2022-03-14', undefined],
          ['milestone', '2022-05-18', undefined],
        ],
      );
      assert.match(model.entries[0].title, /^Joint workshop of the Health and Wellbeing Board/);
      assert.equal(model.entries[0].source, model.title);
    });

    it('gives each entry an id, its uri and a 0-based range on its own line', () => {
      model.entries.forEach((e, i) => {
        assert.equal(e.uri, doc.uri);
        assert.equal(e.id, `${doc.uri}#/content/milestones/${i}`);
        // The milestones are the list items on lines 12-16 (1-based).
        assert.deepEqual(e.range, { start: { line: 11 + i, character: 0 }, end: { line: 11 + i, character: e.range.end.character } });
        assert.ok(covered(doc, e).startsWith(`- ${e.date.text} — `), covered(doc, e));
      });
      assert.equal(model.entries[4].range.end.character, '- 2022-05-18 — Full Council ratifies the Constitution Committee decision.'.length);
    });

    it('marks no milestone overdue when none is still marked planned, at risk or delayed (as the overdue rule)', () => {
      assert.ok(model.entries.every((e) => e.overdue === undefined));
    });
  });

  describe('timelineOf minutes', () => {
    const doc = example(MINUTES);

    it('has the meeting date and the action due 2020-12-31, overdue after that day', () => {
      const model = timelineOf(doc, '2021-01-15');
      assert.deepEqual(
        model.entries.map((e) => [e.kind, e.date.text, e.overdue]),
        [
          ['meeting', '2020-10-16', undefined],
          ['action', '2020-12-31', true],
        ],
      );
      const [meeting, action] = model.entries;
      assert.equal(meeting.title, 'Meeting: Health and Wellbeing Board — 16 October 2020');
      assert.deepEqual(meeting.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 16 } });
      assert.equal(covered(doc, meeting), '2020-10-16');
      assert.equal(meeting.id, `${doc.uri}#/meta/date`);
      // The action item's own text is only its owner: the title falls back to the decision it follows.
      assert.equal(action.title, 'Action (Health & Social Care Programme Director): 19.5 That the Measurement Framework is to come to the Board before the end of the year.');
      assert.equal(action.range.start.line, 80);
      assert.match(covered(doc, action), /due 2020-12-31$/);
      assert.equal(action.source, 'Health and Wellbeing Board — 16 October 2020');
    });

    it('is not overdue on the day it is due, nor before', () => {
      assert.equal(timelineOf(doc, '2020-12-31').entries[1].overdue, undefined);
      assert.equal(timelineOf(doc, '2020-11-01').entries[1].overdue, undefined);
    });

    it('leaves out actions without a due date', () => {
      // Two marked actions and three RESOLVED items that direct someone ("be shared with Board Members", "… meet to discuss …").
      assert.equal(doc.data.content.actions?.length, 5);
      assert.equal(timelineOf(doc, '2021-01-15').entries.filter((e) => e.kind === 'action').length, 1);
    });
  });

  describe('timelineOf terms of reference', () => {
    const doc = example(TERMS);

    it('has the review date, overdue once it has passed', () => {
      const before = timelineOf(doc, '2021-06-01');
      assert.deepEqual(before.entries.map((e) => [e.kind, e.date.start, e.overdue]), [['review', '2021-11-25', undefined]]);
      assert.equal(before.entries[0].title, 'Review of Health and Wellbeing Board — Terms of Reference');
      assert.equal(covered(doc, before.entries[0]), '2021-11-25');
      assert.equal(before.entries[0].range.start.line, 10);
      assert.equal(timelineOf(doc, '2022-01-01').entries[0].overdue, true);
    });
  });

  describe('uncertain and unknown dates', () => {
    const doc = inline(
      [
        '---',
        'type: timeline',
        'title: Shadow arrangements',
        '---',
        '',
        '# Shadow arrangements',
        '',
        '- Tbc — Memorandum of understanding signed. [tbc]',
        '- March/April 2021 — Shadow board meetings held. [done]',
        '- Q1 2022 — Recruitment of the independent chair. [delayed]',
        '- 2022/23 — First year of the joint forward plan. [planned]',
        '- late September 2021 — Draft terms of reference circulated. [at risk]',
        '- H2 2021 — Engagement with the districts. [cancelled]',
        '- 2022-02-30 — A date that does not exist.',
        '',
      ].join('\n'),
    );
    const model = timelineOf(doc, '2022-04-10');
    const byText = (text: string) => model.entries.find((e) => e.date.text === text)!;

    it('keeps a range as a span: "March/April 2021" is 1 March to 30 April 2021', () => {
      const e = byText('March/April 2021');
      assert.deepEqual([e.date.precision, e.date.start, e.date.end], ['range', '2021-03-01', '2021-04-30']);
    });

    it('keeps each precision with its interval', () => {
      assert.deepEqual(
        ['Q1 2022', '2022/23', 'late September 2021', 'H2 2021'].map((t) => [byText(t).date.precision, byText(t).date.start, byText(t).date.end]),
        [
          ['quarter', '2022-01-01', '2022-03-31'],
          ['financial-year', '2022-04-01', '2023-03-31'],
          ['part-of-month', '2021-09-21', '2021-09-30'],
          ['half-year', '2021-07-01', '2021-12-31'],
        ],
      );
    });

    it('sorts by date, and keeps Tbc and impossible dates, last, for their own lane', () => {
      assert.deepEqual(
        model.entries.map((e) => e.date.text),
        ['March/April 2021', 'H2 2021', 'late September 2021', 'Q1 2022', '2022/23', 'Tbc', '2022-02-30'],
      );
      const tbc = byText('Tbc');
      assert.deepEqual([tbc.date.precision, tbc.date.start, tbc.date.end, tbc.status, tbc.overdue], ['unknown', undefined, undefined, 'tbc', undefined]);
      assert.equal(tbc.range.start.line, 7);
      assert.ok(byText('2022-02-30').date.invalid);
    });

    it('marks overdue only what is still open and wholly past', () => {
      // Q1 2022 (delayed) ended 31 March; late September 2021 (at risk) is past; done and cancelled are never overdue.
      assert.equal(byText('Q1 2022').overdue, true);
      assert.equal(byText('late September 2021').overdue, true);
      assert.equal(byText('March/April 2021').overdue, undefined);
      assert.equal(byText('H2 2021').overdue, undefined);
      // 2022/23 is planned but has not ended: not overdue on 10 April 2022.
      assert.equal(byText('2022/23').overdue, undefined);
      assert.equal(timelineOf(doc, '2022-03-31').entries.find((e) => e.date.text === 'Q1 2022')!.overdue, undefined);
    });
  });

  describe('workspaceTimeline', () => {
    const docs = [example(TIMELINE), example(MINUTES), example(TERMS), example('invalid/timeline-impossible-date.md')];
    const model = workspaceTimeline(docs, '2021-01-15');

    it('merges every document, sorted with compareFuzzyDates, undated last', () => {
      assert.equal(model.title, 'Workspace timeline');
      assert.equal(model.entries.length, 5 + 2 + 1 + 3);
      for (let i = 1; i < model.entries.length; i++) {
        assert.ok(compareFuzzyDates(model.entries[i - 1].date, model.entries[i].date) <= 0, `${model.entries[i - 1].date.text} before ${model.entries[i].date.text}`);
      }
      assert.deepEqual(model.entries.slice(0, 4).map((e) => [e.kind, e.date.text]), [
        ['meeting', '2020-10-16'],
        ['action', '2020-12-31'],
        ['milestone', '2021-09-21'],
        ['milestone', '2021-11-02'],
      ]);
      assert.equal(model.entries.at(-1)!.date.text, '2022-02-30');
    });

    it('keeps ids unique and each entry with its own document', () => {
      assert.equal(new Set(model.entries.map((e) => e.id)).size, model.entries.length);
      assert.ok(model.entries.every((e) => docs.some((d) => d.uri === e.uri && e.id.startsWith(d.uri + '#'))));
    });
  });

  it('gives nothing for a Markdown file that is not a governance document', () => {
    const doc = inline('---\ndate: 2024-01-01\nreview: 2025-01-01\n---\n\n# Notes\n\n- 2024-03-01 — Something.\n');
    assert.deepEqual(timelineOf(doc, '2026-01-01').entries, []);
  });

  it('toLspRange moves 1-based lines and columns to 0-based', () => {
    assert.deepEqual(
      toLspRange({ start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 5, offset: 40 } }),
      { start: { line: 0, character: 0 }, end: { line: 2, character: 4 } },
    );
  });
});
