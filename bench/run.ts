/**
 * `npm run bench`: generates the corpus if needed, then measures side by side,
 * in one run, with every case in its own child process and the cases
 * interleaved (the order rotates each repetition) so that a noisy, shared
 * machine disturbs them alike:
 *   - throughput on the 10,000 documents: govmark validate through the real
 *     CLI and through the engine API (1, 2 and `auto` worker threads), the
 *     bare unified + remark-parse + remark-frontmatter parse, markdownlint-cli2;
 *   - a re-run with no file changed (the cache);
 *   - re-validation of the 100 KB and 1 MB documents after one-character edits.
 * Prints a table and writes it, with the machine and the load, to
 * bench/.corpus/last-run.{md,json}. BENCHMARKS.md holds the recorded figures.
 *
 * Options: --reps N (default 3), --edits N (default 50), --only a,b (case
 * names), --skip markdownlint,cache,edits.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, ensureCorpus } from './corpus.js';
import { machine, median, percentile, runChild, type Sample } from './measure.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const NODE = process.execPath;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const reps = Number(option('reps', '3'));
const editCount = Number(option('edits', '50'));
const only = option('only', '').split(',').filter(Boolean);
const skip = new Set(option('skip', '').split(',').filter(Boolean));

interface Case {
  name: string;
  label: string;
  args: string[];
  quietStderr?: boolean;
  /** Checks a run's output; throws when the run did not do the job. */
  check?: (s: Sample) => void;
}

const cli = (workers: string): Case => ({
  name: `cli-${workers}`,
  label: `govmark validate (CLI), workers ${workers}`,
  args: [join(REPO, 'bin', 'govmark.js'), 'validate', 'docs', '--no-cache', '--format', 'json', '--output', '/dev/null', '--workers', workers],
  check: (s) => {
    if (s.code !== 0 && s.code !== 1) throw new Error(`govmark exited ${s.code}: ${s.stderr.trim()}`);
  },
});

const engine = (workers: string): Case => ({
  name: `engine-${workers}`,
  label: `govmark engine API, workers ${workers}`,
  args: [join(HERE, 'engine.js'), workers],
  check: (s) => {
    const r = JSON.parse(s.stdout) as { files: number; skipped: number; incomplete: number };
    if (r.files !== 10_000 || r.skipped !== 0 || r.incomplete !== 0) throw new Error(`engine: ${s.stdout.trim()}`);
  },
});

const THROUGHPUT: Case[] = [
  { name: 'bare', label: 'bare unified + remark-parse + remark-frontmatter (1 thread)', args: [join(HERE, 'bare-parse.js')] },
  cli('1'),
  cli('2'),
  cli('auto'),
  // What V8's single-threaded GC would give (it can only be set when the process starts).
  { ...cli('auto'), name: 'cli-auto-stgc', label: 'govmark validate (CLI), workers auto, node --single-threaded-gc', args: ['--single-threaded-gc', ...cli('auto').args] },
  engine('1'),
  engine('2'),
  engine('auto'),
  {
    name: 'markdownlint',
    label: 'markdownlint-cli2 (default rules)',
    args: [join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'docs/**/*.md'],
    quietStderr: true,
    check: (s) => {
      if (s.code !== 0 && s.code !== 1) throw new Error(`markdownlint-cli2 exited ${s.code}`);
    },
  },
];

const log = (s: string) => process.stderr.write(s + '\n');
const manifest = ensureCorpus(log);
const MB = manifest.bytes / 1e6;
const before = machine();
log(`corpus: ${manifest.files.length} documents, ${MB.toFixed(1)} MB (${JSON.stringify(manifest.kinds)}, ${manifest.withTables} with tables); load ${before.load.map((l) => l.toFixed(2)).join(' ')}`);

// markdownlint-cli2 reads its options from the folder it runs in: every default rule on.
writeFileSync(join(CORPUS_DIR, '.markdownlint-cli2.jsonc'), JSON.stringify({ config: { default: true } }) + '\n');

const cases = THROUGHPUT.filter((c) => (only.length === 0 || only.includes(c.name)) && !(c.name === 'markdownlint' && skip.has('markdownlint')));
const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
for (let rep = 0; rep < reps; rep++) {
  for (let k = 0; k < cases.length; k++) {
    const c = cases[(k + rep) % cases.length];
    const s = runChild(NODE, c.args, CORPUS_DIR, c.quietStderr);
    if (s.code !== 0 && !c.check) throw new Error(`${c.name} exited ${s.code}: ${s.stderr.trim()}`);
    c.check?.(s);
    samples.get(c.name)!.push(s);
    log(`  rep ${rep + 1}/${reps} ${c.name.padEnd(14)} ${(s.wallMs / 1000).toFixed(2)} s, ${s.rssMb.toFixed(0)} MB, cpu ${s.cpuS.toFixed(1)} s`);
  }
}

// The cache: one run that fills it, then re-runs with no file changed.
const cacheSamples: { cold?: Sample; warm: Sample[] } = { warm: [] };
if (!skip.has('cache') && only.length === 0) {
  const cacheArgs = [join(REPO, 'bin', 'govmark.js'), 'validate', 'docs', '--cache-location', '.govmark-cache', '--format', 'json', '--output', '/dev/null'];
  rmSync(join(CORPUS_DIR, '.govmark-cache'), { recursive: true, force: true });
  cacheSamples.cold = runChild(NODE, cacheArgs, CORPUS_DIR);
  log(`  cache: filling run ${(cacheSamples.cold.wallMs / 1000).toFixed(2)} s`);
  for (let rep = 0; rep < Math.max(reps, 5); rep++) {
    const s = runChild(NODE, cacheArgs, CORPUS_DIR);
    if (s.code !== 0 && s.code !== 1) throw new Error(`cached run exited ${s.code}: ${s.stderr.trim()}`);
    cacheSamples.warm.push(s);
    log(`  cache: re-run ${(s.wallMs / 1000).toFixed(2)} s, ${s.rssMb.toFixed(0)} MB`);
  }
}

type EditTimes = Record<string, { incremental: number[]; fresh: number[]; bare: number[]; checks: boolean }>;
let edits: EditTimes | undefined;
if (!skip.has('edits') && only.length === 0) {
  const s = runChild(NODE, [join(HERE, 'edit.js'), String(editCount)], CORPUS_DIR);
  if (s.code !== 0) throw new Error(`edit benchmark exited ${s.code}: ${s.stderr.trim()}`);
  edits = JSON.parse(s.stdout) as EditTimes;
}
const after = machine();

// The report.
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const med = (name: string, f: (s: Sample) => number) => median(samples.get(name)?.map(f) ?? [NaN]);
const wall = (name: string) => (samples.has(name) ? med(name, (s) => s.wallMs) / 1000 : NaN);
const lines: string[] = [];
lines.push(`Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${before.cpu}, ${before.cores} cores, ${fmt(before.ramGb, 0)} GB RAM, Node ${before.node}.`);
lines.push(`Load average (1, 5, 15 min) before: ${before.load.map((l) => fmt(l, 2)).join(', ')}; after: ${after.load.map((l) => fmt(l, 2)).join(', ')}.`);
lines.push(`Corpus: ${manifest.files.length} documents, ${fmt(MB)} MB (MB = 10^6 bytes), ${Object.entries(manifest.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}; ${manifest.withTables} contain a table. Medians of ${reps} interleaved runs, each a fresh child process (start-up included).`);
lines.push('');
lines.push('| what | wall s (median) | min–max s | MB/s | docs/s | peak RSS MB | CPU s | × bare parse |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const bare = wall('bare');
for (const c of cases) {
  const xs = samples.get(c.name)!.map((s) => s.wallMs / 1000);
  const w = wall(c.name);
  lines.push(`| ${c.label} | ${fmt(w, 2)} | ${fmt(Math.min(...xs), 2)}–${fmt(Math.max(...xs), 2)} | ${fmt(MB / w, 2)} | ${fmt(manifest.files.length / w, 0)} | ${fmt(med(c.name, (s) => s.rssMb), 0)} | ${fmt(med(c.name, (s) => s.cpuS))} | ${fmt(w / bare, 2)} |`);
}
if (cacheSamples.cold) {
  const w = median(cacheSamples.warm.map((s) => s.wallMs)) / 1000;
  lines.push(`| govmark validate (CLI), cache filling run | ${fmt(cacheSamples.cold.wallMs / 1000, 2)} | | | | ${fmt(cacheSamples.cold.rssMb, 0)} | ${fmt(cacheSamples.cold.cpuS)} | |`);
  lines.push(`| govmark validate (CLI), re-run, no file changed | ${fmt(w, 2)} | ${fmt(Math.min(...cacheSamples.warm.map((s) => s.wallMs / 1000)), 2)}–${fmt(Math.max(...cacheSamples.warm.map((s) => s.wallMs / 1000)), 2)} | ${fmt(MB / w, 1)} | ${fmt(manifest.files.length / w, 0)} | ${fmt(median(cacheSamples.warm.map((s) => s.rssMb)), 0)} | ${fmt(median(cacheSamples.warm.map((s) => s.cpuS)))} | |`);
}
if (edits) {
  lines.push('');
  lines.push(`Re-validation after a one-character edit (${editCount} successive edits at random body positions, after 3 warm-up edits), ms:`);
  lines.push('');
  lines.push('| document | incremental `Workspace.set` + `checkOne`: median | p95 | fresh full parse + check: median | p95 | bare whole-text parse: median | same messages |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [label, e] of Object.entries(edits)) {
    lines.push(`| ${label} | ${fmt(median(e.incremental))} | ${fmt(percentile(e.incremental, 95))} | ${fmt(median(e.fresh))} | ${fmt(percentile(e.fresh, 95))} | ${fmt(median(e.bare))} | ${e.checks ? 'yes' : 'NO'} |`);
  }
}

// Targets from the issue.
const targets: string[] = [];
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const one = wall('cli-1');
const auto = wall('cli-auto');
if (Number.isFinite(one) && Number.isFinite(bare)) targets.push(`- whole validation within 1.5× of the bare parse (CLI, 1 thread): ${fmt(one / bare, 2)}× — ${verdict(one / bare <= 1.5)}`);
if (Number.isFinite(one) && Number.isFinite(auto)) targets.push(`- worker threads ≥ 1.7× over one thread (CLI, auto vs 1): ${fmt(one / auto, 2)}× — ${verdict(one / auto >= 1.7)}`);
if (Number.isFinite(auto)) targets.push(`- 10,000 documents in ≤ 20 s (CLI, auto): ${fmt(auto, 1)} s — ${verdict(auto <= 20)}`);
if (cacheSamples.warm.length) {
  const w = median(cacheSamples.warm.map((s) => s.wallMs)) / 1000;
  targets.push(`- re-run with no file changed in ≤ 2 s: ${fmt(w, 2)} s — ${verdict(w <= 2)}`);
}
if (edits?.['100 KB']) {
  const p = percentile(edits['100 KB'].incremental, 95);
  targets.push(`- 100 KB re-validation < 50 ms p95 (incremental): ${fmt(p)} ms — ${verdict(p < 50)}`);
}
lines.push('', 'Targets:', '', ...targets);

const report = lines.join('\n') + '\n';
process.stdout.write('\n' + report);
writeFileSync(join(CORPUS_DIR, 'last-run.md'), report);
writeFileSync(
  join(CORPUS_DIR, 'last-run.json'),
  JSON.stringify({ before, after, reps, manifest: { ...manifest, files: manifest.files.length }, samples: Object.fromEntries([...samples].map(([k, v]) => [k, v.map(({ stdout: _o, stderr: _e, ...rest }) => rest)])), cache: { cold: cacheSamples.cold?.wallMs, warm: cacheSamples.warm.map((s) => s.wallMs) }, edits }, null, 1),
);
