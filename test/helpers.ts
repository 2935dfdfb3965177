/** Paths tests need, resolved from the compiled test file (dist/test/...). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'tsconfig.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found from ' + start);
    dir = up;
  }
  return dir;
}

export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
/** `../shared` beside the repository (read-only examples and corpora). */
export const sharedDir = resolve(process.env.GOVMARK_SHARED ?? join(repoRoot, '..', 'shared'));
export const examplesDir = join(sharedDir, 'examples');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
