/**
 * The timeline page in a real browser (headless Chromium, Debian's, driven by
 * playwright-core): the milestones are drawn and laid out without overlap,
 * document strings stay text, the Content-Security-Policy blocks a script
 * that got in anyway, and a screenshot is left in test/render/.out/ to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { renderTimelineHtml, type HtmlOptions } from '../../src/render/html.js';
import { renderTimelineSvgDocument } from '../../src/render/svg.js';
import type { TimelineModel } from '../../src/protocol/requests.js';
import { launch, type Browser } from './chromium.js';
import { examplesModel, hostileModel, outDir, uncertainModel, XSS_TITLE } from './models.js';

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
  console: string[];
}

/** What the webview's own script would do: reveal the line of a clicked entry. */
const WEBVIEW_SCRIPT = `
window.__scriptRan = true;
document.addEventListener('click', (event) => {
  const g = event.target.closest('g.entry');
  if (g) window.__revealed = { uri: g.dataset.uri, line: Number(g.dataset.line) };
});
`;

/** Records CSP violations from the first byte, before any page script could. */
const RECORD_VIOLATIONS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
}, true);
`;

describe('render: the timeline in headless Chromium', function () {
  this.timeout(120000);
  let browser: Browser;
  let dir: string;

  before(async function () {
    // Installing chromium (when missing, as root in CI) takes a minute or two.
    this.timeout(15 * 60 * 1000);
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), 'govmark-render-'));
    writeFileSync(join(dir, 'timeline.js'), WEBVIEW_SCRIPT);
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const webview = (): HtmlOptions => ({ mode: 'webview', nonce: 'dGVzdC1ub25jZS0xMjM0NQ==', cspSource: 'file:', scriptUri: 'timeline.js' });

  /** Loads `html` from a file:// URL (so the page's relative script resolves), recording what happens. */
  async function open(html: string, name: string, page?: Page): Promise<Opened> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const p = page ?? (await browser.context.newPage());
    const opened: Opened = { page: p, dialogs: [], errors: [], console: [] };
    await p.addInitScript(RECORD_VIOLATIONS);
    p.on('dialog', (d) => {
      opened.dialogs.push(d.message());
      void d.dismiss();
    });
    p.on('pageerror', (e) => opened.errors.push(e.message));
    p.on('console', (m) => opened.console.push(`${m.type()}: ${m.text()}`));
    await p.goto(pathToFileURL(file).href);
    await p.waitForLoadState('load');
    // Give a late handler (an image's onerror) its chance to run.
    await p.waitForTimeout(200);
    return opened;
  }

  async function violations(page: Page): Promise<{ directive: string; blocked: string }[]> {
    return page.evaluate(() => (window as unknown as { __violations: { directive: string; blocked: string }[] }).__violations);
  }

  describe('the milestones are drawn', () => {
    let opened: Opened;
    const model = uncertainModel();
    before(async () => {
      opened = await open(renderTimelineHtml(model, { mode: 'standalone' }), 'uncertain.html');
    });
    after(async () => opened?.page.close());

    it('one entry per milestone, with its date and title as text', async () => {
      const labels = await opened.page.$$eval('svg g.entry', (gs) => gs.map((g) => ({ id: g.getAttribute('data-id'), label: g.querySelector('text.label')!.textContent })));
      assert.equal(labels.length, model.entries.length);
      const byId = new Map(labels.map((l) => [l.id, l.label]));
      assert.equal(byId.get(model.entries[0].id), 'March/April 2021 Shadow board meetings held.');
      assert.equal(byId.get(model.entries[1].id), '21 Sep 2021 Joint workshop agrees the outcomes and the activities.');
      // A label cut to fit keeps its date and its overdue mark; the tooltip has it all.
      assert.match(byId.get(model.entries.find((e) => e.overdue)!.id)!, /^18 Jan 2022 Board considers the proposals for the Integrated Care P.*(…)? overdue$/);
      assert.equal(byId.get(model.entries.at(-1)!.id), 'Tbc Memorandum of understanding with the neighbouring system.');
    });

    it('points for days, bars for the rest, one in the Tbc lane; bars as wide as their time', async () => {
      const counts = await opened.page.evaluate(() => ({
        point: document.querySelectorAll('g.entry.point').length,
        span: document.querySelectorAll('g.entry.span').length,
        undated: document.querySelectorAll('.undated-lane g.entry.undated').length,
      }));
      assert.deepEqual(counts, { point: 3, span: 8, undated: 1 });
      const widths = await opened.page.$$eval('g.entry.span', (gs) =>
        Object.fromEntries(gs.map((g) => [g.getAttribute('data-start') + '/' + g.getAttribute('data-end'), (g.querySelector('.mark') as SVGGraphicsElement).getBBox().width])),
      );
      const q1 = widths['2022-01-01/2022-03-31'];
      const march = widths['2022-03-01/2022-03-31'];
      assert.ok(Math.abs(q1 / march - 90 / 31) < 0.02, `Q1 ${q1}px, March ${march}px`);
    });

    it('styles apply under the policy (nonce), with the fallback colours by status', async () => {
      assert.deepEqual(await violations(opened.page), []);
      const look = await opened.page.evaluate(() => {
        const css = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          done: css('g.entry.st-done.point .mark').fill,
          overdueStroke: css('g.entry.overdue .mark').stroke,
          overdueTag: css('g.entry.overdue .overdue-tag').fill,
          dateWeight: css('g.entry .date').fontWeight,
          cancelled: css('g.entry.st-cancelled .title').textDecorationLine,
        };
      });
      assert.deepEqual(look, { done: 'rgb(56, 138, 52)', overdueStroke: 'rgb(229, 20, 0)', overdueTag: 'rgb(229, 20, 0)', dateWeight: '600', cancelled: 'line-through' });
      assert.deepEqual(opened.errors, []);
      assert.deepEqual(opened.console, []);
    });

    it('no two labels or marks overlap, and the estimates cover the real text', async () => {
      const boxes = await opened.page.$$eval('g.entry', (gs) =>
        gs.flatMap((g, i) =>
          Array.from(g.querySelectorAll('.mark, .label')).map((el) => {
            const b = (el as SVGGraphicsElement).getBBox();
            return { entry: i, what: el.getAttribute('class')!, x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height, inside: el.classList.contains('inside') };
          }),
        ),
      );
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          if (a.entry === b.entry) continue;
          const overlap = a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
          assert.ok(!overlap, `entry ${a.entry} ${a.what} overlaps entry ${b.entry} ${b.what}`);
        }
      }
      const width = await opened.page.$eval('svg.govmark-timeline', (s) => Number(s.getAttribute('width')));
      for (const b of boxes) assert.ok(b.x0 >= 0 && b.x1 <= width, `${b.what} of entry ${b.entry} inside the drawing`);
    });

    it('draws the today line across the rows', async () => {
      const line = await opened.page.$eval('line.today-line', (l) => {
        const b = (l as SVGGraphicsElement).getBBox();
        return { date: l.getAttribute('data-date'), box: { x: b.x, y: b.y, height: b.height } };
      });
      assert.equal(line.date, '2022-02-10');
      assert.ok(line.box.height > 100, JSON.stringify(line.box));
    });

    it('leaves screenshots to look at, light and dark', async () => {
      mkdirSync(outDir, { recursive: true });
      const png = join(outDir, 'timeline.png');
      await opened.page.screenshot({ path: png, fullPage: true });
      assert.ok(statSync(png).size > 20000);

      const dark = await browser.context.newPage();
      await dark.emulateMedia({ colorScheme: 'dark' });
      const d = await open(renderTimelineHtml(model, { mode: 'standalone' }), 'uncertain-dark.html', dark);
      const bg = await d.page.$eval('svg .bg', (r) => getComputedStyle(r).fill);
      assert.equal(bg, 'rgb(13, 17, 23)');
      await d.page.screenshot({ path: join(outDir, 'timeline-dark.png'), fullPage: true });
      await d.page.close();

      const ws = await open(renderTimelineHtml(examplesModel(), { mode: 'standalone' }), 'examples.html');
      assert.equal(await ws.page.$$eval('g.entry', (gs) => gs.length), 8);
      await ws.page.screenshot({ path: join(outDir, 'timeline-examples.png'), fullPage: true });
      await ws.page.close();
    });
  });

  describe('document strings stay text', () => {
    for (const mode of ['standalone', 'webview'] as const) {
      it(`a milestone titled ${XSS_TITLE} shows as text and runs nothing (${mode})`, async () => {
        const model: TimelineModel = hostileModel();
        const opened = await open(renderTimelineHtml(model, mode === 'webview' ? webview() : { mode }), `hostile-${mode}.html`);
        const { page } = opened;
        assert.deepEqual(opened.dialogs, []);
        assert.deepEqual(opened.errors, []);
        const found = await page.evaluate(() => ({
          elements: document.querySelectorAll('img, iframe, b, svg svg, script:not([src])').length,
          scripts: Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src')),
          label: document.querySelector('g.entry[data-status="planned"] text.label')!.textContent,
          tooltip: document.querySelector('g.entry[data-status="planned"] > title')!.textContent,
          cell: Array.from(document.querySelectorAll('td')).find((td) => td.textContent!.includes('onerror'))?.textContent,
          h1: document.querySelector('h1')!.textContent,
          uri: document.querySelector('g.entry[data-status="delayed"]')!.getAttribute('data-uri'),
          handlers: Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        }));
        assert.equal(found.elements, 0, 'no element made from a document string');
        assert.deepEqual(found.scripts, mode === 'webview' ? ['timeline.js'] : []);
        assert.deepEqual(found.handlers, []);
        assert.equal(found.label, `18 Jan 2022 ${XSS_TITLE}`);
        assert.ok(found.tooltip.startsWith(XSS_TITLE + '\n'));
        assert.equal(found.cell, XSS_TITLE);
        assert.equal(found.h1, '<script>alert("title")</script> & plan');
        assert.equal(found.uri, 'file:///work/x".md?<b>&amp;');
        assert.deepEqual(await violations(page), [], 'nothing even tried to run');
        await page.close();
      });
    }
  });

  describe('the policy blocks a script that escaping let through', () => {
    // As if a document string reached the page unescaped: the escaper is
    // bypassed on purpose, and the CSP is all that stands in the way.
    const INJECTED = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned2 = 1">';
    const inject = (html: string) => html.replace('<h1>', `<h1>${INJECTED}`);

    for (const mode of ['standalone', 'webview'] as const) {
      it(`${mode}: the inline script and the inline handler do not run, and violations are reported`, async () => {
        const html = inject(renderTimelineHtml(uncertainModel(), mode === 'webview' ? webview() : { mode }));
        assert.ok(html.includes(INJECTED));
        const opened = await open(html, `injected-${mode}.html`);
        const state = await opened.page.evaluate(() => {
          const w = window as unknown as Record<string, unknown>;
          return { pwned: w.__pwned, pwned2: w.__pwned2, scriptRan: w.__scriptRan ?? false };
        });
        assert.deepEqual(state, { pwned: undefined, pwned2: undefined, scriptRan: mode === 'webview' });
        const seen = await violations(opened.page);
        assert.ok(seen.some((v) => v.directive === 'script-src-elem' && v.blocked === 'inline'), JSON.stringify(seen));
        // The image either is not loaded at all (standalone: img-src allows data: only) or its onerror handler is blocked.
        const handler = mode === 'webview' ? 'script-src-attr' : 'img-src';
        assert.ok(seen.some((v) => v.directive === handler), JSON.stringify(seen));
        assert.deepEqual(opened.dialogs, []);
        await opened.page.close();
      });
    }

    it('webview: the nonce-bearing script from scriptUri runs and reveals the clicked entry', async () => {
      const model = uncertainModel();
      const opened = await open(renderTimelineHtml(model, webview()), 'webview.html');
      const target = model.entries.find((e) => e.date.text === 'Q1 2022')!;
      await opened.page.click(`g.entry[data-start="2022-01-01"][data-end="2022-03-31"] .mark`);
      const revealed = await opened.page.evaluate(() => (window as unknown as { __revealed: unknown }).__revealed);
      assert.deepEqual(revealed, { uri: target.uri, line: target.range.start.line });
      assert.deepEqual(await violations(opened.page), []);
      await opened.page.close();
    });
  });

  describe('the standalone SVG file', () => {
    it('opens on its own, styled, with every entry', async () => {
      const opened = await open(renderTimelineSvgDocument(uncertainModel()), 'timeline.svg');
      const found = await opened.page.evaluate(() => ({
        root: document.documentElement.localName,
        parseErrors: document.getElementsByTagName('parsererror').length,
        entries: document.querySelectorAll('g.entry').length,
        done: getComputedStyle(document.querySelector('g.entry.st-done .mark')!).fill,
      }));
      assert.deepEqual(found, { root: 'svg', parseErrors: 0, entries: 12, done: 'rgb(56, 138, 52)' });
      await opened.page.screenshot({ path: join(outDir, 'timeline-svg.png') });
      await opened.page.close();
    });

    it('stays well-formed XML with hostile strings and characters XML forbids', async () => {
      const model = hostileModel();
      model.entries[0].title += ' \u0000\u0007 \uD800';
      const page = await browser.context.newPage();
      const result = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
        return {
          parseErrors: doc.getElementsByTagName('parsererror').length,
          foreign: doc.querySelectorAll('script, img, iframe, b').length,
          entries: doc.querySelectorAll('g.entry').length,
        };
      }, renderTimelineSvgDocument(model));
      assert.deepEqual(result, { parseErrors: 0, foreign: 0, entries: 3 });
      await page.close();
    });
  });
});
