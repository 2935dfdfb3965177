#!/usr/bin/env node
/**
 * Screenshots of the timeline of the seed-shaped examples (/work/shared/examples: the valid
 * documents and the two invalid timelines the drawing marks), lanes by body, at three panel
 * widths in the light and the dark theme, taken in headless Chromium from the standalone HTML
 * page the CLI writes. Each shot is also measured: every text inside the drawing, no two texts
 * overlapping. test/render/screenshots.test.ts runs the same function into test/render/.out/.
 *
 * usage (after `npx tsc -p .`): node scripts/timeline-screenshots.mjs [--out DIR] [--today YYYY-MM-DD]
 * default DIR: docs/images/timeline (the PNGs the docs show; kept out of the npm package).
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { palettePng } from './png-palette.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const WIDTHS = [1400, 900, 480];
export const THEMES = ['light', 'dark'];
/** A day after every date of the seeds: past milestones of historical records read "outcome not recorded". */
export const TODAY = '2026-12-01';

/** What one shot is checked for, measured in the page. */
function measure() {
  const svg = document.querySelector('#timeline svg');
  const frame = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter((t) => !t.classList.contains('bang') && (t.textContent ?? '').trim() !== '');
  const boxes = texts.map((t) => {
    const r = t.getBoundingClientRect();
    const entry = t.closest('g.entry');
    return { text: (t.textContent ?? '').replace(/\s+/g, ' ').trim(), cls: t.getAttribute('class') ?? '', x: r.x, y: r.y, w: r.width, h: r.height, entry: entry?.getAttribute('data-id') ?? '' };
  });
  const outside = boxes.filter((b) => b.x < frame.x - 0.5 || b.y < frame.y - 0.5 || b.x + b.w > frame.x + frame.width + 0.5 || b.y + b.h > frame.y + frame.height + 0.5);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      // 1 px of slack: glyph boxes of adjacent lines touch.
      if (a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1) overlaps.push([a.text, b.text]);
    }
  }
  return {
    texts: boxes.length,
    labels: boxes.filter((b) => b.cls.startsWith('label')).map((b) => b.text),
    lanes: boxes.filter((b) => b.cls === 'lane-name').map((b) => b.text),
    problemMarks: svg.querySelectorAll('g.problem-mark').length,
    outOfOrderMarks: svg.querySelectorAll('g.problem-mark[data-rule="milestone-order"]').length,
    outside: outside.map((b) => b.text),
    overlaps: overlaps.map(([a, b]) => [a.slice(0, 80), b.slice(0, 80)]),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  };
}

/**
 * Takes the shots into `outDir`. `compiled` is the build folder (dist/ by default) whose
 * renderer, core and test helpers are used; returns each file with its measurements.
 */
export async function takeTimelineScreenshots({ outDir, compiled = join(root, 'dist'), today = TODAY, widths = WIDTHS, themes = THEMES } = {}) {
  const load = (p) => import(pathToFileURL(join(compiled, p)).href);
  const { renderTimelineHtml } = await load('src/render/html.js');
  const { seedModel } = await load('test/render/models.js');
  const { launch } = await load('test/render/chromium.js');
  const model = seedModel(today);
  mkdirSync(outDir, { recursive: true });
  const shots = [];
  for (const theme of themes) {
    const browser = await launch({ colorScheme: theme });
    try {
      for (const width of widths) {
        const page = await browser.context.newPage();
        // Short: the full-page shot is as tall as the page, not the viewport.
        await page.setViewportSize({ width, height: 300 });
        // The page's padding is 20 px a side: the drawing gets the rest, as in a panel that wide.
        const html = renderTimelineHtml(model, { mode: 'standalone', width: width - 40, groupBy: 'body' });
        await page.setContent(html, { waitUntil: 'load' });
        const file = join(outDir, `timeline-${width}-${theme}.png`);
        // The whole page (its padding framing the drawing), its colours reduced to a palette to keep the file small.
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        palettePng(file);
        const checks = await page.evaluate(measure);
        shots.push({ file, width, theme, bytes: statSync(file).size, ...checks });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
  return shots;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const outDir = resolve(option('--out') ?? join(root, 'docs', 'images', 'timeline'));
  const shots = await takeTimelineScreenshots({ outDir, today: option('--today') ?? TODAY });
  let bad = 0;
  for (const s of shots) {
    const problems = [...s.outside.map((t) => `outside: ${t}`), ...s.overlaps.map(([a, b]) => `overlap: ${a} / ${b}`)];
    bad += problems.length;
    console.log(`${s.file}: ${Math.round(s.bytes / 1024)} KB, ${s.texts} texts, ${s.lanes.length} lanes, ${s.problemMarks} problem marks${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
  }
  process.exitCode = bad > 0 ? 1 : 0;
}
