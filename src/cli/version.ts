/** govmark's version, read once from package.json (from dist/src/cli/ or src/cli/ up to the package root). */
import { readFileSync } from 'node:fs';

export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

export const HOMEPAGE = 'https://github.com/govmark/govmark';
