/** Timeline models for the rendering tests: from real documents, and hand-made entries for the edge cases. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FuzzyDate } from '../../src/core/model.js';
import { parse } from '../../src/core/parse/parse.js';
import { timelineOf, workspaceTimeline } from '../../src/core/timeline/index.js';
import type { TimelineEntry, TimelineModel } from '../../src/protocol/requests.js';
import { examplesDir, repoRoot } from '../helpers.js';

/** Source fixtures stay in test/render/fixtures (the compiled tests run from a build folder). */
export const fixturesDir = join(repoRoot, 'test', 'render', 'fixtures');
export const outDir = join(repoRoot, 'test', 'render', '.out');
export const compiledRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function modelOf(path: string, today: string): TimelineModel {
  return timelineOf(parse(readFileSync(path, 'utf8'), { uri: pathToFileURL(path).href }), today);
}

/** Every precision, a Tbc entry, one overdue: the fixture the screenshot shows. */
export function uncertainModel(today = '2022-02-10'): TimelineModel {
  return modelOf(join(fixturesDir, 'uncertain-timeline.md'), today);
}

export function examplesModel(today = '2021-01-15'): TimelineModel {
  const names = ['gloucestershire-icp-timeline.md', 'trafford-hwb-minutes-2020-10-16.md', 'trafford-hwb-terms-of-reference.md'];
  const docs = names.map((n) => {
    const path = join(examplesDir, 'valid', n);
    return parse(readFileSync(path, 'utf8'), { uri: pathToFileURL(path).href });
  });
  return workspaceTimeline(docs, today);
}

/**
 * The seed-shaped examples as one workspace: the valid three and the two
 * invalid timelines that the drawing marks (a milestone out of written order,
 * a date that does not exist).
 */
export const SEED_FILES = [
  'valid/gloucestershire-icp-timeline.md',
  'valid/trafford-hwb-minutes-2020-10-16.md',
  'valid/trafford-hwb-terms-of-reference.md',
  'invalid/timeline-out-of-order.md',
  'invalid/timeline-impossible-date.md',
];

export function seedModel(today = '2021-01-15'): TimelineModel {
  const docs = SEED_FILES.map((n) => {
    const path = join(examplesDir, n);
    return parse(readFileSync(path, 'utf8'), { uri: pathToFileURL(path).href });
  });
  return workspaceTimeline(docs, today);
}

export function date(text: string, precision: FuzzyDate['precision'], start?: string, end = start): FuzzyDate {
  return { text, precision, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

let counter = 0;
export function entry(fields: Partial<TimelineEntry> & Pick<TimelineEntry, 'title' | 'date'>): TimelineEntry {
  const n = counter++;
  return {
    id: `file:///work/plan.md#/content/milestones/${n}`,
    uri: 'file:///work/plan.md',
    range: { start: { line: 10 + n, character: 0 }, end: { line: 10 + n, character: 20 } },
    kind: 'milestone',
    source: 'Plan',
    ...fields,
  };
}

export function model(entries: TimelineEntry[], today = '2022-02-10', title = 'Plan'): TimelineModel {
  return { title, today, entries };
}

/** A title a document could hold: markup that would run if it were not escaped. */
export const XSS_TITLE = '<img src=x onerror=alert(1)>';

/** Every string field of an entry hostile, as a crafted document could make them. */
export function hostileModel(): TimelineModel {
  return model(
    [
      entry({ title: XSS_TITLE, date: date('2022-01-18', 'day', '2022-01-18'), status: 'planned' }),
      entry({
        title: '"><script>alert(2)</script>',
        date: date('Q1 2022 "><svg onload=alert(3)>', 'quarter', '2022-01-01', '2022-03-31'),
        source: "</title><script>alert(4)</script>' onmouseover='alert(5)",
        uri: 'file:///work/x".md?<b>&amp;',
        id: 'file:///work/x".md#/content/milestones/0"><script>alert(6)</script>',
        status: 'delayed',
        overdue: true,
      }),
      entry({ title: 'Tbc <iframe src="javascript:alert(7)">', date: date('Tbc <b>bold</b>', 'unknown') }),
    ],
    '2022-02-10',
    '<script>alert("title")</script> & plan',
  );
}
