#!/usr/bin/env node
/**
 * The same end-to-end suite in desktop VS Code, for developers: `npm run test:e2e:electron`.
 * @vscode/test-electron downloads VS Code (into .vscode-test/) unless VSCODE_EXECUTABLE names
 * an installed one, opens a fresh copy of the examples workspace with govmark loaded from
 * this repository, and runs dist/e2e/index.cjs in its extension host.
 * Not run in CI: there is no desktop VS Code there and no download; CI runs the suite in
 * code-server (scripts/e2e/run.mjs).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace } from '../../scripts/e2e/workspace.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = prepareWorkspace(repo, join(repo, '.vscode-test/workspace-electron'));

try {
  await runTests({
    extensionDevelopmentPath: join(repo, 'dist', 'vsix'),
    extensionTestsPath: join(repo, 'dist/e2e/index.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { GOVMARK_E2E_RESULTS: join(repo, '.vscode-test/electron-results.json') },
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: process.env.VSCODE_VERSION ?? 'stable' }),
  });
} catch (error) {
  console.error(`the suite failed in desktop VS Code: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
