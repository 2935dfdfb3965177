#!/usr/bin/env node
/**
 * The end-to-end tests, run by `npm run test:e2e` (and so by `npm test` and CI):
 *   0. the TextMate grammar test (plain mocha, no VS Code);
 *   A. the extension's mocha suite inside a real VS Code — code-server's extension host —
 *      loaded from its staged folder dist/vsix/ (extensionDevelopmentPath) and driven by headless chromium;
 *   B. the packaged .vsix installed into code-server, then the workbench checked from the
 *      page itself (status bar, Problems panel, Outline, timeline webview) and a screenshot
 *      saved to .vscode-test/screenshot.png (tests never write tracked files; to refresh the
 *      README's picture, run with E2E_SCREENSHOT=docs/screenshot.png and look at it first).
 * Prints one line per check and a last line `N passed, N failed`; exits 1 on any failure.
 *
 * Environment: E2E_ROOT (default .vscode-test/), GOVMARK_EXAMPLES (default ../shared/examples),
 * E2E_SKIP_UI=1 (step A only), E2E_SKIP_SUITE=1 (step B only), E2E_SCREENSHOT=path (where the
 * workbench screenshot goes, relative to the repository), VERBOSE=1 (browser console).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, installExtension, prepareRun, startCodeServer } from './code-server.mjs';
import { runExtensionTests } from './ext-tests.mjs';
import { runUiCheck } from './ui-check.mjs';
import { prepareWorkspace } from './workspace.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const root = process.env.E2E_ROOT ?? join(repo, '.vscode-test');
const t0 = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
const results = [];
const record = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` :: ${detail}` : ''}`);
};

function run(command, args, options = {}) {
  const res = spawnSync(command, args, { cwd: repo, stdio: 'inherit', ...options });
  return res.status === 0;
}

function finish() {
  const failed = results.filter((r) => !r.ok).length;
  console.log(`e2e wall time ${seconds(t0)}`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 || results.length === 0 ? 1 : 0);
}

// 0. The grammar: quick, no VS Code needed.
{
  const res = spawnSync(process.execPath, [join(repo, 'node_modules/mocha/bin/mocha.js'), '--no-config', '--reporter', 'json', 'test/e2e/grammar.test.mjs'], { cwd: repo, encoding: 'utf8' });
  try {
    const report = JSON.parse(res.stdout);
    for (const t of report.passes) record(`grammar: ${t.title}`, true);
    for (const t of report.failures) record(`grammar: ${t.title}`, false, t.err?.message);
  } catch {
    record('grammar test', false, `mocha did not report: ${res.stderr.slice(0, 500)}`);
  }
}

// Setup (cached) and the bundles the extension host loads.
console.log('== setup (.vscode-test, cached by version)');
let since = Date.now();
if (!run('bash', ['scripts/e2e/setup.sh'])) {
  record('setup: Node 24, code-server, chromium', false, 'scripts/e2e/setup.sh failed');
  finish();
}
console.log(`setup ${seconds(since)}`);
if (!run(process.execPath, ['scripts/build-ext.mjs', '--e2e'])) {
  record('build: extension, server, worker, webview and suite bundles', false);
  finish();
}

// A. The mocha suite inside the extension host.
if (process.env.E2E_SKIP_SUITE !== '1') {
  console.log('== A: the extension\u2019s mocha suite inside VS Code (code-server)');
  since = Date.now();
  const run = join(root, `run-a-${process.pid}`);
  prepareRun(run);
  const workspace = prepareWorkspace(repo, join(run, 'examples'));
  const resultsFile = join(run, 'results.json');
  let server;
  try {
    server = await startCodeServer(root, run, { port: await freePort(), env: { GOVMARK_E2E_RESULTS: resultsFile } });
    const { code, seconds: s } = await runExtensionTests(server, {
      extensionDevelopmentPath: join(repo, 'dist', 'vsix'),
      extensionTestsPath: join(repo, 'dist/e2e/index.cjs'),
      folder: workspace,
      screenshot: join(run, 'end.png'),
      timeoutMs: Number(process.env.E2E_TIMEOUT_MS ?? 300_000),
    });
    console.log(`extension host exit code ${code} after ${s.toFixed(1)}s`);
    if (existsSync(resultsFile)) {
      const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
      for (const t of report.results) record(`vscode: ${t.title}`, t.state === 'passed', t.error);
      if (code !== 0 && report.results.every((t) => t.state === 'passed')) record('vscode: the suite exits 0', false, `exit code ${code}`);
    } else {
      record('vscode: the suite ran and reported', false, code === 'timeout' ? 'no result before the timeout (see the code-server log)' : `exit code ${code}, no results file`);
    }
  } catch (error) {
    record('vscode: code-server started and the suite ran', false, error instanceof Error ? error.message : String(error));
  } finally {
    await server?.stop();
  }
  console.log(`step A ${seconds(since)} (logs in ${run})`);
}

// B. The .vsix installed into code-server; the workbench checked from the page.
if (process.env.E2E_SKIP_UI !== '1') {
  console.log('== B: the packaged .vsix in code-server, checked from the page');
  since = Date.now();
  const run = join(root, `run-b-${process.pid}`);
  prepareRun(run);
  const workspace = prepareWorkspace(repo, join(run, 'examples'));
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const vsix = join(repo, `${pkg.name}-${pkg.version}.vsix`);
  let server;
  try {
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
    const installed = installExtension(root, run, vsix);
    const folder = existsSync(join(run, 'exts')) ? readdirSync(join(run, 'exts')).find((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`)) : undefined;
    record('vsix: installs into code-server', installed.ok && folder !== undefined, installed.output.split('\n').pop());
    if (folder) {
      const unpacked = join(run, 'exts', folder);
      record('vsix: contains the bundles', ['dist/extension.cjs', 'dist/server.js', 'dist/worker.js', 'dist/webview.js', 'syntaxes/govmark.tmLanguage.json'].every((f) => existsSync(join(unpacked, f))));
    }
    server = await startCodeServer(root, run, { port: await freePort() });
    const screenshot = process.env.E2E_SCREENSHOT ? resolve(repo, process.env.E2E_SCREENSHOT) : join(root, 'screenshot.png');
    mkdirSync(dirname(screenshot), { recursive: true });
    const checks = await runUiCheck(server, { folder: workspace, screenshot });
    for (const c of checks) record(`ui: ${c.name}`, c.ok, c.detail);
  } catch (error) {
    record('ui: code-server started with the .vsix and the page was checked', false, error instanceof Error ? error.message : String(error));
  } finally {
    await server?.stop();
  }
  console.log(`step B ${seconds(since)} (logs in ${run})`);
}

// Each run has folders of its own (two runs may share the checkout); kept when something failed.
if (results.every((r) => r.ok)) {
  for (const step of ['a', 'b']) rmSync(join(root, `run-${step}-${process.pid}`), { recursive: true, force: true });
}
finish();
