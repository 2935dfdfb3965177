/**
 * The entry VS Code's extension host loads as `extensionTestsPath` (bundled by
 * scripts/build-ext.mjs --e2e into dist/e2e/index.cjs). Runs the suite with mocha's TDD
 * interface and writes one line per test to GOVMARK_E2E_RESULTS for the runner's count.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The tests are bundled into this file: expose mocha's TDD globals, then load them.
  mocha.suite.emit('pre-require', globalThis, 'govmark-e2e', mocha);
  require('./extension.test.js');
  const results: TestResult[] = [];
  const out = process.env.GOVMARK_E2E_RESULTS ?? join(tmpdir(), 'govmark-e2e-results.json');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      writeFileSync(out, JSON.stringify({ passes: runner.stats?.passes ?? 0, failures, results }, null, 1));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
    runner.on('fail', (test, error: Error) => results.push({ title: test.fullTitle(), state: 'failed', error: error?.message }));
  });
}
