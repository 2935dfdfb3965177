/** Paths tests need, resolved from the compiled test file (dist/test/...). */
import { existsSync, readFileSync } from 'node:fs';
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

/** package.json's version, as a published package carries it. */
export const packageVersion: string = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
/** Where a diagnostic of this version must send a reader: the rule page at the version's tag. */
export const versionedDocsBase = `https://github.com/govmark/govmark/blob/v${packageVersion}/docs/rules/`;

/** `../shared/corpus/real-world`: real governance documents, listed in its MANIFEST.tsv. */
export const realWorldDir = join(sharedDir, 'corpus', 'real-world');

const KIND_TO_TYPE: Record<string, string> = { charter: 'terms-of-reference', minutes: 'minutes', timeline: 'timeline', decision: 'resolution', other: 'minutes' };

/** The real-world corpus's files (relative to `realWorldDir`) with the type their manifest kind is read as. */
export function realWorldFiles(): { file: string; type: string }[] {
  return readFileSync(join(realWorldDir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'))
    .map(([file, , , , kind]) => ({ file, type: KIND_TO_TYPE[kind] ?? 'minutes' }));
}
