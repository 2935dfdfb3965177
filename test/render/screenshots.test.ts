/**
 * The timeline screenshots the docs show (scripts/timeline-screenshots.mjs), taken again
 * into test/render/.out/timeline/ to look at: the seed-shaped examples, lanes by body, at
 * 1400, 900 and 480 px in the light and dark themes. In every one each label is readable —
 * whole, inside the drawing, overlapping no other text — the page needs no sideways scroll,
 * the out-of-order mark is drawn, and the PNG stays small.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers.js';
import { compiledRoot, outDir, seedModel } from './models.js';

interface Shot {
  file: string;
  width: number;
  theme: string;
  bytes: number;
  texts: number;
  labels: string[];
  lanes: string[];
  problemMarks: number;
  outOfOrderMarks: number;
  outside: string[];
  overlaps: [string, string][];
  scrollWidth: number;
  clientWidth: number;
}

describe('render: timeline screenshots at three widths, light and dark', function () {
  this.timeout(10 * 60 * 1000);
  let shots: Shot[];
  let today: string;

  before(async () => {
    const script = (await import(pathToFileURL(join(repoRoot, 'scripts', 'timeline-screenshots.mjs')).href)) as {
      takeTimelineScreenshots(o: { outDir: string; compiled: string }): Promise<Shot[]>;
      TODAY: string;
    };
    today = script.TODAY;
    shots = await script.takeTimelineScreenshots({ outDir: join(outDir, 'timeline'), compiled: compiledRoot });
  });

  it('takes six shots, each a small PNG in the ignored folder', () => {
    assert.deepEqual(shots.map((s) => `${s.width}-${s.theme}`).sort(), ['1400-dark', '1400-light', '480-dark', '480-light', '900-dark', '900-light']);
    for (const s of shots) {
      assert.ok(existsSync(s.file), s.file);
      assert.ok(s.file.startsWith(join(repoRoot, 'test', 'render', '.out')), s.file);
      assert.ok(s.bytes < 150 * 1024, `${s.file}: ${s.bytes} bytes`);
    }
  });

  it('every label is whole, inside the drawing, and overlaps no other text; no sideways scroll', () => {
    const model = seedModel(today);
    const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
    for (const s of shots) {
      const where = `${s.width}px ${s.theme}`;
      assert.deepEqual(s.outside, [], `${where}: text outside the drawing`);
      assert.deepEqual(s.overlaps, [], `${where}: texts overlapping`);
      assert.ok(s.scrollWidth <= s.clientWidth, `${where}: page ${s.scrollWidth}px wide in ${s.clientWidth}px`);
      assert.equal(s.labels.length, model.entries.length, where);
      for (const e of model.entries) assert.ok(s.labels.some((l) => squash(l).includes(squash(e.title))), `${where}: ${e.title}`);
    }
  });

  it('draws a lane per body and the problem marks, the out-of-order one among them', () => {
    for (const s of shots) {
      assert.deepEqual([...s.lanes].sort(), ['Gloucestershire Health and Wellbeing Board', 'Trafford Health and Wellbeing Board']);
      assert.equal(s.outOfOrderMarks, 1, `${s.width}px ${s.theme}`);
      assert.ok(s.problemMarks >= 2);
    }
  });
});
