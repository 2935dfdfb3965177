/**
 * Types given by file globs (the config's `files` map, and `types.<name>.files`):
 * files matching them are read as that type even without a `type:` key.
 */
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { ResolvedConfig } from '../core/config.js';

/** Absolute path → the type its path selects. The first glob listed wins. */
export async function typesByPath(config: ResolvedConfig): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // The config's `files` map first (it names kinds for paths), then each custom type's own globs.
  const sources = [...config.fileTypes.map((f) => ({ files: f.files, name: f.type })), ...config.customTypes.map((t) => ({ files: t.files ?? [], name: t.name }))];
  for (const t of sources) {
    if (t.files.length === 0) continue;
    const paths = await glob([...t.files], { absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
    for (const p of paths) if (!out.has(resolve(p))) out.set(resolve(p), t.name);
  }
  return out;
}
