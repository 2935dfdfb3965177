/**
 * Custom types recognised by file globs (`types.<name>.files` in the config):
 * files matching them are read as that type even without a `type:` key.
 */
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { ResolvedConfig } from '../core/config.js';

/** Absolute path → the custom type its path selects. The first type listed wins. */
export async function typesByPath(config: ResolvedConfig): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of config.customTypes) {
    if (!t.files || t.files.length === 0) continue;
    const paths = await glob([...t.files], { absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
    for (const p of paths) if (!out.has(resolve(p))) out.set(resolve(p), t.name);
  }
  return out;
}
