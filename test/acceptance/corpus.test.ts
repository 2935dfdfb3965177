/**
 * Every file of ../shared/corpus/real-world read as the kind its manifest
 * names: nothing throws, every range lies inside its document, and every file
 * is read in full within the per-document time bound (no cheap fallback).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../src/core/config.js';
import { parse } from '../../src/core/parse/parse.js';
import { WorkerPool } from '../../src/node/pool.js';
import { analyseBounded } from '../../src/node/validate.js';
import { sharedDir } from '../helpers.js';
import { assertRangesInside } from './ranges.js';

const corpusDir = join(sharedDir, 'corpus', 'real-world');
const KIND_TO_TYPE: Record<string, string> = {
  charter: 'terms-of-reference',
  minutes: 'minutes',
  timeline: 'timeline',
  decision: 'resolution',
  other: 'minutes',
};

const rows = readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => l.split('\t'))
  .map(([file, , , , kind]) => ({ file, type: KIND_TO_TYPE[kind] ?? 'minutes' }));

describe('real-world corpus', function () {
  this.timeout(300_000);
  const config = resolveConfig({ today: '2026-11-23' });

  it('has the manifest the tests expect', () => {
    assert.ok(rows.length >= 150, `expected the ~170 files of the manifest, found ${rows.length}`);
  });

  it('parses every file as its manifest kind without a throw, with every range inside the document', () => {
    for (const { file, type } of rows) {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      const doc = parse(text, { uri: pathToFileURL(file).href, type, config });
      assert.equal(doc.type, type, file);
      assertRangesInside(doc, file);
    }
  });

  it('reads every file in full within the time bound, in worker threads', async () => {
    // A generous bound: this asserts no real file is pathological, not a speed (that is the benchmark's job),
    // and must hold on a loaded CI machine too.
    const pool = new WorkerPool({ size: 2, config, timeoutMs: 15_000 });
    try {
      const results = await Promise.all(
        rows.map(async ({ file, type }) => {
          const text = readFileSync(join(corpusDir, file), 'utf8');
          return { file, result: await analyseBounded(pool, { uri: pathToFileURL(file).href, text, type }, config) };
        }),
      );
      const slow = results.filter((r) => !r.result.complete).map((r) => r.file);
      assert.deepEqual(slow, [], 'files that needed the cheap fallback');
      const internal = results.flatMap((r) => r.result.messages.filter((m) => m.ruleId === 'internal-error').map((m) => `${r.file}: ${m.reason}`));
      assert.deepEqual(internal, [], 'rules that threw');
    } finally {
      await pool.close();
    }
  });
});
