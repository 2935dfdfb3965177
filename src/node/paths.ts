/** Where a path stands: inside a folder, and in which git work tree. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Whether `path` is `folder` or inside it (a sibling named `..x` is not outside). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/** The git work tree `start` is in: the nearest folder at or above it with a `.git`; undefined outside one. */
export function gitWorkTree(start: string): string | undefined {
  for (let dir = resolve(start); ; ) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
