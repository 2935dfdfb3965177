/**
 * Fidelity is measured, not claimed: the shared scorer runs `govmark inspect`
 * on the hand-labelled documents of ../shared/fidelity, and no category may
 * fall more than 2 points below the figures recorded in FIDELITY.md (precision
 * and recall, and the share of files whose meeting date is right).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, sharedDir } from '../helpers.js';

const run = promisify(execFile);
const TOLERANCE = 2;

interface Recorded {
  precision?: number;
  recall?: number;
}

/** The figures table of FIDELITY.md: `| category | TP | FP | FN | precision | recall |`, percentages or n/a. */
export function recordedFigures(markdown: string): Map<string, Recorded> {
  const out = new Map<string, Recorded>();
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*([a-z ]+?)\s*\|\s*\d+\s*\|\s*\d+\s*\|\s*\d+\s*\|\s*([\d.]+%|n\/a)\s*\|\s*([\d.]+%|n\/a)/.exec(line);
    if (!m) continue;
    const pct = (s: string) => (s === 'n/a' ? undefined : Number(s.replace('%', '')));
    out.set(m[1], { precision: pct(m[2]), recall: pct(m[3]) });
  }
  return out;
}

describe('fidelity: the hand-labelled documents of ../shared/fidelity', function () {
  this.timeout(900_000);

  it('keeps every category within 2 points of the figures recorded in FIDELITY.md', async () => {
    const recorded = recordedFigures(readFileSync(join(repoRoot, 'FIDELITY.md'), 'utf8'));
    assert.ok(recorded.size >= 8, `FIDELITY.md records ${recorded.size} categories`);
    const fidelity = join(sharedDir, 'fidelity');
    // What is measured is the reading, not the machine: a generous time bound (from a config in the
    // folder the scorer runs in) keeps a loaded machine from sending a big file to the cheap pass.
    const dir = mkdtempSync(join(tmpdir(), 'govmark-fidelity-'));
    writeFileSync(join(dir, 'govmark.config.json'), JSON.stringify({ parseTimeoutMs: 60_000 }));
    let stdout: string;
    try {
      ({ stdout } = await run(
        process.execPath,
        [join(fidelity, 'score.mjs'), '--labels', join(fidelity, 'labels.json'), '--corpus', join(sharedDir, 'corpus', 'real-world'), '--seeds', join(fidelity, 'seeds'), '--govmark', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(repoRoot, 'bin', 'govmark.js'))}`, '--json'],
        { cwd: dir, maxBuffer: 256 * 1024 * 1024 },
      ));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const totals = (JSON.parse(stdout) as { totals: Record<string, { precision: number | null; recall: number | null }> }).totals;
    const falls: string[] = [];
    for (const [category, want] of recorded) {
      const got = totals[category];
      assert.ok(got, `the scorer reports ${category}`);
      for (const key of ['precision', 'recall'] as const) {
        const w = want[key];
        if (w === undefined) continue;
        const g = got[key] === null ? 0 : 100 * got[key]!;
        if (g < w - TOLERANCE) falls.push(`${category} ${key}: ${g.toFixed(1)}% (recorded ${w.toFixed(1)}%)`);
      }
    }
    assert.deepEqual(falls, []);
  });
});
