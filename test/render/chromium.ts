/**
 * Headless Chromium for the rendering tests: Debian's /usr/bin/chromium
 * driven by playwright-core, with the flags this offline machine needs and a
 * fresh profile each time. When chromium is missing, scripts/ensure-chromium.sh
 * installs it (CI runs as root with apt); if that cannot work the tests fail,
 * saying why: they never skip silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { repoRoot } from '../helpers.js';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const script = join(repoRoot, 'scripts', 'ensure-chromium.sh');
  const run = spawnSync('sh', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60 * 1000 });
  if (run.status !== 0 || !existsSync(CHROMIUM)) {
    const why = run.stderr.trim().split('\n').pop() || run.error?.message || `exit ${run.status}`;
    throw new Error(`headless Chromium is needed for these tests and could not be installed: ${why}`);
  }
  return CHROMIUM;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a new empty profile, removed again on close. */
export async function launch(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  const executablePath = ensureChromium();
  const profile = mkdtempSync(join(tmpdir(), 'govmark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: CHROMIUM_ARGS,
    viewport: { width: 1000, height: 700 },
    colorScheme: options.colorScheme ?? 'light',
    timeout: 60000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
