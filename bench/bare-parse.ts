/**
 * Child process: the baseline the issue names, a bare
 * `unified().use(remarkParse).use(remarkFrontmatter).parse()` of every file,
 * in one thread. Prints `{ files, bytes, parseMs }` as JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CORPUS_DIR, type Manifest } from './corpus.js';

const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as Manifest;
const processor = unified().use(remarkParse).use(remarkFrontmatter);
const started = performance.now();
let bytes = 0;
let nodes = 0;
for (const file of manifest.files) {
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
  bytes += text.length;
  nodes += processor.parse(text).children.length;
}
process.stdout.write(JSON.stringify({ files: manifest.files.length, bytes, nodes, parseMs: performance.now() - started }) + '\n');
