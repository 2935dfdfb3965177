/** Making folders safely. */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, bounded: Node's recursive mkdir loops for ever on some virtual
 * file systems (a cache folder under /proc). Each missing level is made once;
 * any failure gives up (false), and the run goes on without writing a cache.
 */
export async function makeFolders(dir: string): Promise<boolean> {
  const missing: string[] = [];
  for (let d = resolve(dir); missing.length <= 64; ) {
    try {
      if ((await stat(d)).isDirectory()) break;
      return false; // a file where a folder should be
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    missing.push(d);
    const up = dirname(d);
    if (up === d) return false;
    d = up;
  }
  if (missing.length > 64) return false;
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
  }
  return true;
}

