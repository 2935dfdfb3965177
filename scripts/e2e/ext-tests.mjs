/**
 * Step A: the extension's mocha suite INSIDE code-server's extension host, through VS Code's
 * own extension-test mechanism. The workbench URL carries a payload with
 * extensionDevelopmentPath (the repository) and extensionTestsPath (the bundled suite); the
 * suite's result arrives as window.codeAutomationExit(0|1), its log lines through
 * window.codeAutomationLog. The suite also writes per-test results to GOVMARK_E2E_RESULTS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { launchBrowser } from './code-server.mjs';

export async function runExtensionTests(server, { extensionDevelopmentPath, extensionTestsPath, folder, screenshot, timeoutMs = 300_000, log = console.log }) {
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${server.authority}${extensionDevelopmentPath}`],
    ['extensionTestsPath', `vscode-remote://${server.authority}${extensionTestsPath}`],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const t0 = Date.now();
  const udd = mkdtempSync(join(tmpdir(), 'govmark-e2e-chrome-'));
  const context = await launchBrowser(chromium, udd, { width: 1400, height: 900 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      // The gallery is unreachable offline: its errors are expected noise.
      if (!/open-vsx|marketplace|gallery/i.test(text)) log(`  [vscode ${type}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    page.on('pageerror', (e) => log(`  [pageerror] ${e.message}`));
    if (process.env.VERBOSE) page.on('console', (m) => log(`  [browser ${m.type()}] ${m.text().slice(0, 500)}`));
    await page.goto(url);
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
    return { code, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await context.close();
    rmSync(udd, { recursive: true, force: true });
  }
}
