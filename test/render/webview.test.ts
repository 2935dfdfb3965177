/**
 * The preview's own script (src/webview/main.ts, bundled as build-ext does)
 * on the webview page in headless Chromium, with a stand-in for VS Code's
 * `acquireVsCodeApi` that records what the page posts: keyboard-only use,
 * accessible names, zoom and pan (the axis re-laid out, not scaled), lanes,
 * filters, problem marks that reveal their diagnostic, and labels that do not
 * overlap when wrapped.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { renderTimelineHtml } from '../../src/render/html.js';
import type { TimelineModel } from '../../src/protocol/requests.js';
import { repoRoot } from '../helpers.js';
import { launch, type Browser } from './chromium.js';
import { outDir, seedModel } from './models.js';

/** VS Code's webview API as the page sees it: posted messages and the state are kept on `window`. */
const FAKE_VSCODE = `
window.__posted = [];
window.__state = undefined;
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective), true);
window.acquireVsCodeApi = () => ({
  postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
  getState: () => window.__state,
  setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
});
`;

interface Posted {
  type: string;
  [key: string]: unknown;
}

describe('render: the preview script in headless Chromium', function () {
  this.timeout(120000);
  let browser: Browser;
  let dir: string;
  const model = seedModel();

  before(async function () {
    this.timeout(15 * 60 * 1000);
    dir = mkdtempSync(join(tmpdir(), 'govmark-webview-'));
    // The same bundle as scripts/build-ext.mjs writes to dist/webview.js.
    await esbuild.build({
      absWorkingDir: repoRoot,
      entryPoints: [join(repoRoot, 'src', 'webview', 'main.ts')],
      outfile: join(dir, 'webview.js'),
      bundle: true,
      platform: 'browser',
      target: 'es2020',
      format: 'iife',
      resolveExtensions: ['.ts', '.js'],
      logLevel: 'warning',
    });
    copyFileSync(join(repoRoot, 'media', 'preview.css'), join(dir, 'preview.css'));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The webview page (as the extension makes it), the script loaded, a model sent, the first render done. */
  async function open(m: TimelineModel, options: { width?: number; groupBy?: string } = {}): Promise<{ page: Page; errors: string[] }> {
    const html = renderTimelineHtml(m, { mode: 'webview', nonce: 'dGVzdC1ub25jZS0xMjM0NQ==', cspSource: 'file:', scriptUri: 'webview.js', styleUri: 'preview.css', interactive: true });
    const name = `page-${Math.random().toString(36).slice(2)}.html`;
    writeFileSync(join(dir, name), html);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: options.width ?? 1000, height: 800 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.addInitScript(FAKE_VSCODE);
    await page.goto(pathToFileURL(join(dir, name)).href);
    await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((p) => p.type === 'ready'));
    await page.evaluate(([mm, g]) => window.postMessage({ type: 'model', model: mm, scope: 'workspace', groupBy: g }, '*'), [m, options.groupBy ?? 'none'] as const);
    await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((p) => p.type === 'rendered'));
    return { page, errors };
  }

  const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
  const lastOf = async (page: Page, type: string) => (await posted(page)).filter((p) => p.type === type).at(-1);
  const axisLabels = (page: Page) => page.$$eval('svg .axis-label', (ts) => ts.map((t) => t.textContent ?? ''));

  it('keyboard only: Tab reaches the toolbar buttons, every entry and the problem mark; Enter reveals the line of each', async () => {
    const { page, errors } = await open(model);
    const reached: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const el = document.activeElement!;
          return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
        }),
      );
    }
    for (const name of ['This document', 'Whole workspace', 'Zoom out', 'Zoom in', 'Fit', 'Export SVG', 'Export HTML']) assert.ok(reached.includes(name), `Tab reaches ${name}: ${reached.join(' | ')}`);
    for (const e of model.entries) assert.ok(reached.some((r) => r.includes(e.title)), `Tab reaches ${e.title}`);
    assert.ok(reached.some((r) => r.startsWith('Warning on line')), 'Tab reaches the problem mark');

    // Enter on an entry: its own line.
    const target = model.entries.find((e) => e.kind === 'review')!;
    await page.focus(`g.entry[data-id="${target.id}"]`);
    await page.keyboard.press('Enter');
    assert.deepEqual(await lastOf(page, 'reveal'), { type: 'reveal', uri: target.uri, range: { start: target.range.start, end: target.range.start } });

    // Enter on the problem mark: the diagnostic's range, not the entry's.
    const wrong = model.entries.find((e) => e.problems?.some((p) => p.ruleId === 'milestone-order'))!;
    const problem = wrong.problems!.find((p) => p.ruleId === 'milestone-order')!;
    await page.focus(`g.problem-mark[data-rule="milestone-order"]`);
    await page.keyboard.press('Enter');
    assert.deepEqual(await lastOf(page, 'reveal'), { type: 'reveal', uri: wrong.uri, range: { start: problem.range.start, end: problem.range.end } });
    // Space does the same; a click too.
    await page.keyboard.press(' ');
    assert.equal((await posted(page)).filter((p) => p.type === 'reveal').length, 3);
    await page.click('g.problem-mark[data-rule="impossible-date"]');
    const impossible = model.entries.find((e) => e.problems?.some((p) => p.ruleId === 'impossible-date'))!.problems![0];
    assert.deepEqual((await lastOf(page, 'reveal'))!.range, { start: impossible.range.start, end: impossible.range.end });
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    await page.close();
  });

  it('accessible names: entries carry their full label text, problem marks their diagnostic, the zoom buttons their names', async () => {
    const { page } = await open(model);
    for (const name of ['Zoom in', 'Zoom out', 'Fit']) assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
    assert.equal(await page.getByRole('combobox', { name: 'Lanes' }).count(), 1);
    const names = await page.$$eval('svg g.entry', (gs) => gs.map((g) => ({ name: g.getAttribute('aria-label') ?? '', role: g.getAttribute('role'), label: g.querySelector('text.label')!.textContent ?? '' })));
    assert.equal(names.length, model.entries.length);
    for (const e of model.entries) {
      const n = names.find((x) => x.name.includes(`: ${e.title}.`));
      assert.ok(n, `an entry named with the whole title: ${e.title}`);
      assert.equal(n.role, 'button');
      // What the label shows is the whole title too, wrapped, not cut.
      assert.ok(n.label.replace(/\s+/g, ' ').includes(e.title.replace(/\s+/g, ' ')), `label whole: ${n.label}`);
    }
    const marks = await page.$$eval('svg g.problem-mark[role="button"]', (gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    assert.equal(marks.length, 2);
    assert.ok(marks.every((m) => /^(Warning|Error) on line \d+: .+\. For: .+/.test(m)), marks.join('\n'));
    // The accessibility tree exposes the name (not only the attribute).
    const wrong = model.entries.find((e) => e.problems?.length)!;
    assert.equal(await page.getByRole('button', { name: wrong.title }).count() >= 1, true);
    await page.close();
  });

  it('+ zooms in (the axis turns from months to days), arrows pan, 0 fits again; the buttons and Ctrl+wheel do the same', async () => {
    const { page } = await open(model);
    await page.focus('#govmark-lanes');
    await page.keyboard.press('Tab'); // onto Zoom out: keys work from the toolbar
    const whole = await axisLabels(page);
    assert.ok(whole.some((t) => /^(Jan|Q1|20\d\d)$/.test(t)), whole.join(' '));
    const status = () => page.textContent('.view-status');
    assert.equal(await status(), 'Showing the whole period');
    for (let i = 0; i < 8; i++) await page.keyboard.press('+');
    const zoomed = await axisLabels(page);
    assert.ok(zoomed.length >= 7 && zoomed.every((t) => /^\d{1,2}$/.test(t)), `day numbers when zoomed in: ${zoomed.join(' ')}`);
    assert.match((await status())!, /^Showing \d+ \w+ \d{4} – \d+ \w+ \d{4} · (\d+ earlier)?(, )?(\d+ later)? not shown$/);
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, 'webview-zoomed.png'), fullPage: true });
    const state = await page.evaluate(() => (window as unknown as { __state: { view?: { start: number; end: number } } }).__state);
    assert.ok(state.view && state.view.end - state.view.start < 31, 'the view is kept for the serializer');

    await page.keyboard.press('ArrowRight');
    const panned = await page.evaluate(() => (window as unknown as { __state: { view: { start: number } } }).__state.view.start);
    assert.ok(panned > state.view.start, 'ArrowRight shows later days');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.ok((await page.evaluate(() => (window as unknown as { __state: { view: { start: number } } }).__state.view.start)) < panned);

    await page.keyboard.press('0');
    assert.deepEqual(await axisLabels(page), whole);
    assert.equal(await status(), 'Showing the whole period');

    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const byButton = await axisLabels(page);
    assert.notDeepEqual(byButton, whole);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    assert.deepEqual(await axisLabels(page), whole);

    // Ctrl + wheel over the drawing, at its left quarter: zooms in there.
    const box = (await page.locator('#timeline svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + 60);
    await page.keyboard.down('Control');
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    const wheeled = await page.evaluate(() => (window as unknown as { __state: { view?: { start: number; end: number } } }).__state.view);
    assert.ok(wheeled, 'Ctrl+wheel zoomed');

    // Drag to the right: earlier days come into view, and the drag reveals nothing.
    const reveals = (await posted(page)).filter((p) => p.type === 'reveal').length;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(50);
    const dragged = await page.evaluate(() => (window as unknown as { __state: { view: { start: number } } }).__state.view);
    assert.ok(dragged.start < wheeled.start, `dragged from ${wheeled.start} to ${dragged.start}`);
    assert.equal((await posted(page)).filter((p) => p.type === 'reveal').length, reveals);
    await page.close();
  });

  it('zooming from the keyboard keeps the focused entry in view and focused', async () => {
    const { page } = await open(model);
    const target = model.entries.find((e) => e.kind === 'meeting')!; // the earliest day: far from the middle
    await page.focus(`g.entry[data-id="${target.id}"]`);
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    assert.equal(await page.locator(`g.entry[data-id="${target.id}"]`).count(), 1, 'still drawn');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), target.id);
    assert.ok((await page.locator('svg g.entry:not(.undated)').count()) < model.entries.length - 1, 'zoomed');
    await page.close();
  });

  it('the Lanes control draws a lane per body, tells the extension, and keeps it in the state', async () => {
    const { page } = await open(model);
    assert.equal(await page.locator('svg text.lane-name').count(), 0);
    await page.selectOption('#govmark-lanes', 'body');
    const lanes = await page.$$eval('svg text.lane-name', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual([...lanes].sort(), ['Gloucestershire Health and Wellbeing Board', 'Trafford Health and Wellbeing Board']);
    assert.deepEqual(await lastOf(page, 'setGroupBy'), { type: 'setGroupBy', groupBy: 'body' });
    assert.equal((await lastOf(page, 'rendered'))!.groupBy, 'body');
    assert.equal(await page.evaluate(() => (window as unknown as { __state: { groupBy: string } }).__state.groupBy), 'body');
    // Every dated entry inside the band of its body's lane (the undated lane is below them all).
    const placed = await page.$$eval('svg g.entry:not(.undated)', (gs) => gs.map((g) => ({ body: g.getAttribute('data-body'), y: (g.querySelector('.mark') as SVGGraphicsElement).getBoundingClientRect().y })));
    const bands = await page.$$eval('svg rect.swimlane', (rs) => rs.map((r) => r.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    const names = await page.$$eval('svg text.lane-name', (ts) => ts.map((t) => t.textContent ?? ''));
    assert.ok(placed.length >= model.entries.length - 1);
    for (const p of placed) {
      const i = names.indexOf(p.body ?? '');
      assert.ok(i >= 0 && p.y >= bands[i].top && p.y <= bands[i].bottom, `${p.body} at ${p.y}`);
    }
    // The extension's choice (a new setting) wins for later models.
    await page.evaluate((mm) => window.postMessage({ type: 'model', model: mm, scope: 'workspace', groupBy: 'document' }, '*'), model);
    await page.waitForFunction(() => document.querySelectorAll('svg text.lane-name').length === 5);
    assert.equal(await page.inputValue('#govmark-lanes'), 'document');
    await page.close();
  });

  it('filters by status and by body: unticked entries are not drawn, the summary says how many are hidden', async () => {
    const { page } = await open(model);
    await page.click('details.filters summary');
    const trafford = page.getByRole('checkbox', { name: /^Trafford Health and Wellbeing Board \(\d+\)$/ });
    assert.equal(await trafford.count(), 1);
    await trafford.uncheck();
    const bodies = await page.$$eval('svg g.entry', (gs) => [...new Set(gs.map((g) => g.getAttribute('data-body')))]);
    assert.deepEqual(bodies, ['Gloucestershire Health and Wellbeing Board']);
    const hidden = model.entries.filter((e) => e.body?.startsWith('Trafford')).length;
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, 'webview-filtered.png'), fullPage: true });
    assert.match((await page.textContent('.summary'))!, new RegExp(` · ${hidden} hidden by the filter$`));
    assert.equal(await page.textContent('details.filters summary'), `Filter (${hidden} hidden)`);
    // Export takes the filter with it, so the file shows what the panel shows.
    await page.getByRole('button', { name: 'Export SVG' }).click();
    assert.deepEqual(await lastOf(page, 'export'), { type: 'export', format: 'svg', hiddenStatuses: [], hiddenBodies: ['trafford health and wellbeing board'] });
    const none = page.getByRole('checkbox', { name: /^No status given/ });
    await none.uncheck();
    assert.ok((await page.locator('svg g.entry').count()) < model.entries.length - hidden);
    assert.ok(await page.$$eval('svg g.entry', (gs) => gs.every((g) => g.classList.contains('st-none') === false)));
    await trafford.check();
    await none.check();
    assert.equal(await page.locator('svg g.entry').count(), model.entries.length);
    await page.close();
  });

  it('offers no filter where there is nothing to choose between: one body, one status', async () => {
    const one = { ...model, entries: model.entries.filter((e) => e.body?.startsWith('Trafford') && e.kind !== 'meeting') };
    assert.ok(one.entries.length >= 2 && new Set(one.entries.map((e) => e.status ?? 'none')).size === 1);
    const { page } = await open(one);
    assert.equal(await page.locator('details.filters').isVisible(), false);
    await page.evaluate((mm) => window.postMessage({ type: 'model', model: mm, scope: 'workspace' }, '*'), model);
    await page.waitForFunction(() => !(document.querySelector('details.filters') as HTMLElement).hidden);
    await page.close();
  });

  for (const width of [1000, 480]) {
    it(`at ${width} px, grouped by body: wrapped labels never overlap each other, the marks, or leave the drawing`, async () => {
      const { page } = await open(model, { width, groupBy: 'body' });
      const boxes = await page.$$eval('svg g.entry', (gs) =>
        gs.flatMap((g, i) => {
          const r = (el: Element) => el.getBoundingClientRect();
          const label = r(g.querySelector('text.label')!);
          const mark = r(g.querySelector('.mark')!);
          return [
            { i, what: 'label', x: label.x, y: label.y, w: label.width, h: label.height, lines: g.querySelectorAll('text.label > tspan.line').length },
            { i, what: 'mark', x: mark.x, y: mark.y, w: mark.width, h: mark.height, lines: 1 },
          ];
        }),
      );
      const svg = (await page.locator('#timeline svg').boundingBox())!;
      assert.ok(boxes.some((b) => b.what === 'label' && b.lines > 1), 'some labels wrap at this width');
      for (const b of boxes) {
        if (b.what !== 'label') continue;
        assert.ok(b.x >= svg.x - 0.5 && b.x + b.w <= svg.x + svg.width + 0.5, `label ${b.i} inside the drawing`);
      }
      const overlap = (a: (typeof boxes)[number], b: (typeof boxes)[number]) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          // A label inside its own bar is meant to sit on it.
          if (a.i === b.i) continue;
          assert.ok(!overlap(a, b), `${a.what} ${a.i} and ${b.what} ${b.i} overlap at ${width}px`);
        }
      }
      await page.close();
    });
  }
});
