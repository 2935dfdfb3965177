/**
 * Child process: the engine the CLI drives (`validatePaths`), without the
 * CLI's discovery and formatting. `node engine.js <workers> [cacheDir]`.
 * Prints counts so the run can be checked to have read every document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../src/core/config.js';
import { validatePaths } from '../src/node/validate.js';
import { CORPUS_DIR, type Manifest } from './corpus.js';

const [workersArg = 'auto', cacheDir] = process.argv.slice(2);
const workers = workersArg === 'auto' ? 'auto' : Number(workersArg);
const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as Manifest;
const files = manifest.files.map((f) => join(CORPUS_DIR, f));
const started = performance.now();
const results = await validatePaths(files, { config: resolveConfig(), workers, cacheDir: cacheDir ?? false });
const ms = performance.now() - started;
let messages = 0;
let errors = 0;
for (const r of results) {
  messages += r.messages.length;
  errors += r.messages.filter((m) => m.severity === 'error').length;
}
process.stdout.write(
  JSON.stringify({
    files: results.length,
    skipped: results.filter((r) => r.skipped).length,
    incomplete: results.filter((r) => !r.complete).length,
    fromCache: results.filter((r) => r.fromCache).length,
    messages,
    errors,
    ms,
  }) + '\n',
);
