/**
 * Step B: the workbench as a user sees it, with govmark installed from the .vsix. Drives
 * code-server's page with headless chromium and reads the results from the page itself:
 * the status bar item, the Problems panel, the Outline, the Governance tree and the
 * timeline webview's iframe. Ends with a screenshot of the extension at work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchBrowser } from './code-server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns something truthy (errors count as not yet). */
async function poll(fn, ms = 30_000) {
  const end = Date.now() + ms;
  let value;
  while (Date.now() < end) {
    try {
      value = await fn();
      if (value) return value;
    } catch {}
    await sleep(250);
  }
  return value;
}

async function palette(page, text) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
}

async function runCommand(page, label) {
  await palette(page, `>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Quick Open: the file by name, in the active editor group. */
async function openFile(page, name) {
  await palette(page, name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 45_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
}

/** The frame of the timeline webview (webviews are iframes inside iframes). */
async function timelineFrame(page) {
  for (const frame of page.frames()) {
    if (await frame.$('svg.govmark-timeline').catch(() => null)) return frame;
  }
  return undefined;
}

export async function runUiCheck(server, { folder, screenshot }) {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok: !!ok, detail: typeof detail === 'string' ? detail : JSON.stringify(detail)?.slice(0, 300) });
  const udd = mkdtempSync(join(tmpdir(), 'govmark-e2e-chrome-'));
  const context = await launchBrowser(chromium, udd, { width: 1600, height: 1000 });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  let step = 'opening the workbench';
  page.on('pageerror', (e) => console.log(`  [pageerror] ${e.message}`));
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });

    // (1) the installed extension activates on a governance document: its status bar item
    step = '(1) the installed extension activates on a governance document';
    await openFile(page, 'minutes-resolution-gap.md');
    const status = await poll(async () => {
      const text = await page.locator('.statusbar-item', { hasText: 'govmark' }).first().innerText({ timeout: 500 });
      return /Minutes/.test(text) && text;
    }, 60_000);
    check('the installed .vsix activates: status bar shows the document type and problems', status, status);
    // The icon is the worst severity's: a warning here (one resolution-numbering warning), an error on a file with an error.
    const icons = async () => page.locator('.statusbar-item', { hasText: 'govmark' }).first().evaluate((el) => [...el.querySelectorAll('.codicon')].map((c) => [...c.classList].find((k) => k.startsWith('codicon-') && k !== 'codicon-law')).filter(Boolean).join(' '));
    const warningIcon = await poll(async () => ((await icons()) === 'codicon-warning' ? 'codicon-warning' : undefined), 15_000);
    check('status bar: a warning icon for a document whose worst problem is a warning', warningIcon, warningIcon ?? (await icons().catch(() => '')));
    await openFile(page, 'timeline-impossible-date.md');
    // The item follows the active editor: wait for it to name the timeline, then read its icon.
    const statusText = async () => page.locator('.statusbar-item', { hasText: 'govmark' }).first().innerText({ timeout: 500 });
    const timelineStatus = await poll(async () => ((await statusText()).includes('Timeline') ? statusText() : undefined), 45_000);
    const errorIcon = timelineStatus && (await poll(async () => ((await icons()).startsWith('codicon-error') ? icons() : undefined), 15_000));
    check('status bar: an error icon for a document with an error', errorIcon, errorIcon ?? `status item ${JSON.stringify(timelineStatus ?? (await statusText().catch(() => '(hidden)')))}, icons ${JSON.stringify(await icons().catch(() => ''))}`);

    // (2) the Problems panel lists the resolution-numbering warning of that file
    step = '(2) the Problems panel lists the resolution-numbering warning of that file';
    // The panel lists the whole workspace's problems (govmark.validate.scope: workspace) and its rows
    // are virtualised: filter it to the file, as a user would, so the row is drawn whatever else is listed.
    await runCommand(page, 'View: Focus Problems');
    const problemsFilter = page.locator('input[aria-label="Filter Problems"]:visible').first();
    await problemsFilter.fill('minutes-resolution-gap');
    const problems = await poll(async () => {
      const text = await page.locator('.markers-panel').innerText({ timeout: 500 });
      return /resolution-numbering/.test(text) && text;
    });
    check('Problems panel: resolution-numbering on minutes-resolution-gap.md', problems, problems);
    await problemsFilter.fill('');

    // (3) the outline of meaning of the valid minutes: the Outline view (our provider's group),
    step = '(3) the outline of meaning of the valid minutes';
    // and Go to Symbol, which lists every symbol (the Outline's rows are virtualised)
    await openFile(page, 'trafford-hwb-minutes-2020-10-16.md');
    await runCommand(page, 'Explorer: Focus on Outline View');
    const outline = await poll(async () => {
      const text = await page.locator('.outline-pane').innerText({ timeout: 500 });
      return /govmark: what the document records/.test(text) && /Attendance/.test(text) && text;
    });
    check('Outline: the outline of meaning (attendance, agenda items, resolutions)', outline, outline);
    await palette(page, '@18.2');
    const symbol = await poll(async () => {
      const text = await page.locator('.quick-input-list').innerText({ timeout: 500 });
      return /18\.2 That the Winter Plan be noted/.test(text) && text;
    });
    check('Go to Symbol: resolution "18.2 That the Winter Plan be noted"', symbol, symbol);
    await page.keyboard.press('Escape');

    // (4) the Governance tree
    step = '(4) the Governance tree';
    await runCommand(page, 'Explorer: Focus on Governance View');
    const governance = page.locator('.pane').filter({ has: page.locator('.pane-header h3', { hasText: /^Governance$/ }) });
    const tree = await poll(async () => {
      const text = await governance.locator('.monaco-list').first().innerText({ timeout: 500 });
      return /Trafford Health and Wellbeing Board/.test(text) && /Actions and milestones/.test(text) && /Overdue/.test(text) && text;
    });
    check('Governance tree: bodies, types and the actions-and-milestones node', tree, tree);

    // (5) the timeline preview of the timeline document, then the whole workspace
    step = '(5) the timeline preview of the timeline document';
    await openFile(page, 'gloucestershire-icp-timeline.md');
    await runCommand(page, 'govmark: Show Timeline Preview');
    const drawn = await poll(async () => {
      const frame = await timelineFrame(page);
      if (!frame) return undefined;
      const ids = await frame.$$eval('g.entry[data-id]', (gs) => gs.map((g) => g.getAttribute('data-id')));
      return ids.length === 5 && { frame, ids };
    }, 45_000);
    check('timeline webview: the 5 milestones of the Gloucestershire timeline drawn', drawn, drawn ? `${drawn.ids.length} entries` : 'no webview frame with the timeline');
    if (drawn) {
      const csp = await drawn.frame.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
      check("timeline webview: CSP default-src 'none' with a script nonce", /default-src 'none'/.test(csp) && /script-src 'nonce-/.test(csp), csp);
      // a click on a milestone reveals its line: 2022-03-14 is on line 15
      await drawn.frame.click('g.entry[data-line="14"] .mark');
      const revealed = await poll(async () => {
        const tab = await page.locator('.tabs-container .tab.active').first().innerText({ timeout: 500 });
        const position = await page.locator('.statusbar-item', { hasText: /^Ln \d+/ }).first().innerText({ timeout: 500 });
        return /gloucestershire-icp-timeline\s*\.md/.test(tab) && /^Ln 15,/.test(position) && position;
      });
      check('timeline webview: a click on a milestone reveals its line in the editor', revealed, revealed);
      const frame = (await timelineFrame(page)) ?? drawn.frame;
      await frame.click('button[data-scope="workspace"]');
      const workspace = await poll(async () => {
        const frame = await timelineFrame(page);
        const count = frame ? await frame.$$eval('g.entry[data-id]', (gs) => gs.length) : 0;
        return count > 5 && count;
      });
      check('timeline webview: "Whole workspace" adds meetings, actions and the other timelines', workspace, `${workspace} entries`);

      // the serializer: after a window reload the panel comes back, in the scope it had
      step = '(5) the preview after a window reload';
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const restored = await poll(async () => {
        const frame = await timelineFrame(page);
        const count = frame ? await frame.$$eval('g.entry[data-id]', (gs) => gs.length) : 0;
        const pressed = frame ? await frame.$eval('button[data-scope="workspace"]', (b) => b.getAttribute('aria-pressed')) : null;
        return count === workspace && pressed === 'true' && count;
      }, 60_000);
      check('timeline webview: restored after a window reload, still the whole workspace', restored, `${restored} entries`);
      if (!restored && process.env.VERBOSE) await page.screenshot({ path: join(tmpdir(), 'govmark-e2e-restore.png') });
    }

    // (6) Validate Workspace puts the problems of files never opened in the Problems panel
    step = '(6) Validate Workspace puts the problems of files never opened in the Problems panel';
    // (filtered by file name: the panel's rows are virtualised)
    await runCommand(page, 'govmark: Validate Workspace');
    // The command ends by showing the Problems panel and a message with the counts.
    const message = await poll(async () => {
      const text = await page.evaluate(() => document.body.innerText);
      const m = /govmark: \d+ files? checked[^\n]*/.exec(text);
      return m && m[0];
    });
    check('Validate Workspace: reports the files checked and the counts', message, message);
    const filter = page.locator('input[aria-label="Filter Problems"]:visible').first();
    await filter.fill('timeline-impossible-date');
    const validated = await poll(async () => {
      const text = await page.locator('.markers-panel').innerText({ timeout: 500 });
      return /timeline-impossible-date\.md/.test(text) && /is not a date/.test(text) && /impossible-date/.test(text) && text;
    });
    check('Validate Workspace: problems of a file never opened in the Problems panel', validated, validated);
    await filter.fill('');

    // The screenshot: the minutes (left) at their resolutions, the workspace timeline (right),
    step = 'The screenshot';
    // the Outline following the cursor, the Governance tree and the Problems panel.
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Focus First Editor Group');
    await openFile(page, 'trafford-hwb-minutes-2020-10-16.md');
    // Room for the Outline and the Governance tree: fold the file list, collapse the Outline.
    const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'examples' }).first();
    if (await folders.count()) await folders.click();
    const outlineHeader = page.locator('.pane-header', { hasText: 'Outline' }).first();
    await outlineHeader.hover();
    await outlineHeader.locator('.codicon-collapse-all').first().click({ timeout: 3000 }).catch(() => {});
    // The cursor on resolution 18.2: the Outline follows it.
    await palette(page, '@18.2');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '18.2 That the Winter Plan' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // Unfold govmark's outline down to the resolutions of item 18.
    for (const label of [/^govmark: what the document records$/, /^18\. COVID/]) {
      const row = page.locator('.outline-pane .monaco-list-row').filter({ has: page.locator('.monaco-highlighted-label, .label-name', { hasText: label }) }).first();
      if ((await row.getAttribute('aria-expanded', { timeout: 3000 }).catch(() => null)) === 'false') await row.locator('.monaco-tl-twistie').click().catch(() => {});
    }
    // A taller Outline: drag the sash above the (folded) Timeline view down.
    const below = await page.locator('.pane-header', { hasText: /^Timeline/ }).first().boundingBox().catch(() => null);
    if (below) {
      await page.mouse.move(below.x + 100, below.y - 1);
      await page.mouse.down();
      await page.mouse.move(below.x + 100, below.y + 200, { steps: 5 });
      await page.mouse.up();
    }
    await poll(async () => /18\.2/.test(await page.locator('.outline-pane').innerText({ timeout: 500 })), 10_000);
    await page.mouse.move(800, 990);

    // (7) the injection grammar is active: the decision marker, plain text for Markdown, is a
    // token of its own colour (Monaco renders one span per token)
    step = '(7) the grammar';
    const tokenClass = (text) => page.locator('.view-line > span > span').filter({ hasText: text }).first().getAttribute('class', { timeout: 3000 });
    const marker = await tokenClass(/^RESOLVED:$/).catch(() => null);
    const plain = await tokenClass(/No\squestions\swere\sreceived/).catch(() => null);
    check('grammar: "RESOLVED:" is highlighted apart from plain text', marker && plain && marker !== plain, { marker, plain });
    await sleep(1000);
  } catch (error) {
    check(`driving the workbench (${step})`, false, error instanceof Error ? error.message.split('\n').slice(0, process.env.VERBOSE ? 20 : 1).join(' | ') : String(error));
  }
  await page.screenshot({ path: screenshot }).catch((e) => check('screenshot', false, e.message));
  await context.close();
  rmSync(udd, { recursive: true, force: true });
  return checks;
}
