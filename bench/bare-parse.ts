/**
 * Child process: the baseline the issue names, a bare
 * `unified().use(remarkParse).use(remarkFrontmatter).parse()` of every file,
 * in one thread. Prints `{ files, bytes, parseMs }` as JSON.
 * `node bare-parse.js K/N` parses only the K-th of N contiguous slices of the
 * corpus (the two-process baseline runs `0/2` and `1/2` side by side).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CORPUS_DIR, type Manifest } from './corpus.js';

const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as Manifest;
const [k, n] = (process.argv[2] ?? '0/1').split('/').map(Number);
const all = manifest.files;
const files = all.slice(Math.floor((all.length * k) / n), Math.floor((all.length * (k + 1)) / n));
const processor = unified().use(remarkParse).use(remarkFrontmatter);
const started = performance.now();
let bytes = 0;
let nodes = 0;
for (const file of files) {
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
  bytes += text.length;
  nodes += processor.parse(text).children.length;
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, nodes, parseMs: performance.now() - started }) + '\n');
