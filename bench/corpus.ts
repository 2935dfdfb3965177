/**
 * The benchmark corpus on disk (bench/.corpus, gitignored): 10,000 documents of
 * 3–8 KB in folders of 100, plus one document of 100 KB and one of 1 MB.
 * Written again only when missing or when the generator changed (a hash of
 * its compiled code and parameters is kept beside it).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDocument, generateLarge, type Kind } from './generate.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../bench/.corpus/', import.meta.url));
export const DOCS_DIR = join(CORPUS_DIR, 'docs');
export const LARGE = { '100 KB': join(CORPUS_DIR, 'large', 'minutes-100k.md'), '1 MB': join(CORPUS_DIR, 'large', 'minutes-1m.md') };

const PARAMS = { seed: 20_261_123, count: 10_000, min: 3 * 1024, max: 8 * 1024, large: [100 * 1024, 1024 * 1024] };

export interface Manifest {
  hash: string;
  files: string[];
  bytes: number;
  kinds: Record<Kind, number>;
  withTables: number;
}

function generatorHash(): string {
  const h = createHash('sha256').update(JSON.stringify(PARAMS));
  for (const f of ['generate.js', 'phrases.js', 'random.js', 'corpus.js']) h.update(readFileSync(new URL(`./${f}`, import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

/** Returns the corpus' manifest, writing the corpus first if it is missing or stale. */
export function ensureCorpus(log: (s: string) => void): Manifest {
  const hash = generatorHash();
  const manifestPath = join(CORPUS_DIR, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.hash === hash && manifest.files.every((f) => existsSync(join(CORPUS_DIR, f)))) return manifest;
  }
  log(`generating the corpus in ${CORPUS_DIR} (generator ${hash})...`);
  rmSync(DOCS_DIR, { recursive: true, force: true });
  mkdirSync(join(CORPUS_DIR, 'large'), { recursive: true });
  const files: string[] = [];
  const kinds: Record<Kind, number> = { minutes: 0, 'terms-of-reference': 0, resolution: 0, timeline: 0 };
  const torIds: string[] = [];
  let bytes = 0;
  let withTables = 0;
  for (let i = 0; i < PARAMS.count; i++) {
    const doc = generateDocument(PARAMS.seed, i, PARAMS.min, PARAMS.max, torIds);
    if (doc.kind === 'terms-of-reference') torIds.push(doc.id);
    kinds[doc.kind]++;
    if (/^\| ---/m.test(doc.text)) withTables++;
    const folder = join('docs', String(Math.floor(i / 100)).padStart(2, '0'));
    mkdirSync(join(CORPUS_DIR, folder), { recursive: true });
    const file = join(folder, `${String(i).padStart(5, '0')}-${doc.kind}.md`);
    writeFileSync(join(CORPUS_DIR, file), doc.text);
    files.push(file);
    bytes += Buffer.byteLength(doc.text);
  }
  writeFileSync(LARGE['100 KB'], generateLarge(PARAMS.seed + 1, PARAMS.large[0]));
  writeFileSync(LARGE['1 MB'], generateLarge(PARAMS.seed + 2, PARAMS.large[1]));
  const manifest: Manifest = { hash, files, bytes, kinds, withTables };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return manifest;
}
