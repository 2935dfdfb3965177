/**
 * Where one thread's time goes on the corpus, stage by stage, in process:
 * reading, the pre-screen, the Markdown parse alone, the whole `analyse`
 * (parse + extraction + document rules), cloning the result as a worker
 * would send it, and the cache key. Run it under `node --cpu-prof` for a
 * profile: `node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/profile.js [files]`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../src/core/config.js';
import { parseChunked } from '../src/core/parse/markdown.js';
import { analyse } from '../src/core/workspace/workspace.js';
import { mayBeGovernance } from '../src/node/validate.js';
import { toResult } from '../src/node/protocol.js';
import { CORPUS_DIR, type Manifest } from './corpus.js';

const limit = Number(process.argv[2] ?? Infinity);
const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as Manifest;
const files = manifest.files.slice(0, limit);
const config = resolveConfig();
const totals: Record<string, number> = { read: 0, prescreen: 0, markdown: 0, analyse: 0, clone: 0, hash: 0 };
let cloned = 0;

function timed<T>(stage: string, f: () => T): T {
  const t = performance.now();
  const r = f();
  totals[stage] += performance.now() - t;
  return r;
}

for (const file of files) {
  const path = join(CORPUS_DIR, file);
  const text = timed('read', () => readFileSync(path, 'utf8'));
  timed('prescreen', () => mayBeGovernance(text));
  timed('markdown', () => parseChunked(text));
  const a = timed('analyse', () => analyse(text, { uri: `file://${path}`, config }));
  const result = toResult(a, false);
  cloned += timed('clone', () => JSON.stringify(structuredClone(result)).length);
  timed('hash', () => createHash('sha1').update(path).update(text).digest('base64url'));
}
const ms = Object.values(totals).reduce((a, b) => a + b, 0);
process.stdout.write(
  JSON.stringify({ files: files.length, totalMs: Math.round(ms), perDocMs: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, +(v / files.length).toFixed(3)])), resultBytesPerDoc: Math.round(cloned / files.length) }, null, 1) + '\n',
);
