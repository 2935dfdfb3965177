/**
 * `npm run bench`: generates the corpus if needed, then measures side by side,
 * in one run, with every case in its own child process and the cases
 * interleaved (the order rotates each repetition) so that a noisy, shared
 * machine disturbs them alike:
 *   - throughput on the 10,000 documents: the bare unified + remark-parse +
 *     remark-frontmatter parse; govmark validate with 1, 2 and `auto` worker
 *     threads; the two-process baseline (two single-threaded processes side by
 *     side, one per half of the corpus, for the bare parse and for govmark:
 *     what this machine's two cores give independent work); markdownlint-cli2
 *     and rumdl (a Rust linter, for what the machine can do);
 *   - `auto` against 1 worker on 100 and 1,000 documents;
 *   - re-runs with no file changed (govmark's cache, rumdl's cache);
 *   - start-up: bare node, `govmark --version`, `--help`, one file;
 *   - the pathological set (../shared/corpus/pathological), when present;
 *   - re-validation after one-character edits of the 100 KB and 1 MB
 *     documents, in process (`Workspace.set`) and through the language server
 *     over stdio (what the editor waits for after the debounce).
 * Prints a table and writes it, with the machine and the load, to
 * bench/.corpus/last-run.{md,json}. BENCHMARKS.md holds the recorded figures.
 *
 * Options: --reps N (default 3), --edits N (default 30), --only a,b (case
 * names), --skip throughput,markdownlint,rumdl,small,cache,startup,pathological,edits,lsp.
 * `--only` also takes the opt-in cases: engine-1, engine-2, engine-auto, cli-auto-stgc.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, ensureCorpus } from './corpus.js';
import { machine, median, percentile, runChild, type Sample } from './measure.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const NODE = process.execPath;
const GOVMARK = join(REPO, 'bin', 'govmark.js');
const RUMDL = join(REPO, 'node_modules', '.bin', 'rumdl');
const PATHOLOGICAL_GENERATOR = join(REPO, '..', 'shared', 'corpus', 'pathological', 'generate.mjs');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const reps = Number(option('reps', '3'));
const editCount = Number(option('edits', '30'));
const only = option('only', '').split(',').filter(Boolean);
const skip = new Set(option('skip', '').split(',').filter(Boolean));
const phase = (name: string) => !skip.has(name) && only.length === 0;

interface Case {
  name: string;
  label: string;
  /** The program (default: this node). */
  command?: string;
  args: string[];
  quietStderr?: boolean;
  /** Only with --only. */
  optIn?: boolean;
  /** Checks a run's output; throws when the run did not do the job. */
  check?: (s: Sample) => void;
}

const exitOk = (what: string) => (s: Sample) => {
  if (s.code !== 0 && s.code !== 1) throw new Error(`${what} exited ${s.code}: ${s.stderr.trim().slice(0, 2000)}`);
};
// `--no-context`: exactly the documents named, as the bare parse reads them (not the rest of the repository too).
const validateArgs = (paths: string[], workers: string) => [GOVMARK, 'validate', ...paths, '--no-context', '--no-cache', '--format', 'json', '--output', '/dev/null', '--workers', workers];
const cli = (workers: string, paths = ['docs'], name = `cli-${workers}`, what = '10,000 documents'): Case => ({
  name,
  label: `govmark validate, ${what}, workers ${workers}`,
  args: validateArgs(paths, workers),
  check: exitOk('govmark'),
});
/** Two processes side by side, one per half of the corpus (docs/00–49, docs/50–99); fails unless both succeed. */
const sideBySide = (a: string, b: string, maxOk = 0): string[] => ['-c', `${a} & p=$!; ${b}; q=$?; wait $p; r=$?; if [ $r -le ${maxOk} ] && [ $q -le ${maxOk} ]; then exit 0; fi; echo "exit codes $r $q" >&2; exit 2`];
const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const halfArgs = (half: 0 | 1) => validateArgs([half === 0 ? 'docs/[0-4]?' : 'docs/[5-9]?'], '1').map((a, i) => (i === 2 ? a : q(a)));

const engine = (workers: string): Case => ({
  name: `engine-${workers}`,
  label: `govmark engine API, workers ${workers}`,
  args: [join(HERE, 'engine.js'), workers],
  optIn: true,
  check: (s) => {
    const r = JSON.parse(s.stdout) as { files: number; skipped: number; incomplete: number };
    if (r.files !== 10_000 || r.skipped !== 0 || r.incomplete !== 0) throw new Error(`engine: ${s.stdout.trim()}`);
  },
});

const haveRumdl = existsSync(RUMDL);
const THROUGHPUT: Case[] = [
  { name: 'bare', label: 'bare unified + remark-parse + remark-frontmatter, 1 process', args: [join(HERE, 'bare-parse.js')] },
  {
    name: 'bare-2proc',
    label: 'bare parse, two processes side by side (one half each): the two-process baseline',
    command: 'bash',
    args: sideBySide(`${q(NODE)} ${q(join(HERE, 'bare-parse.js'))} 0/2 >/dev/null`, `${q(NODE)} ${q(join(HERE, 'bare-parse.js'))} 1/2 >/dev/null`),
  },
  cli('1'),
  cli('2'),
  cli('auto'),
  {
    name: 'cli-1-2proc',
    label: 'govmark validate --workers 1, two processes side by side (one half each): the two-process baseline',
    command: 'bash',
    args: sideBySide(`${q(NODE)} ${halfArgs(0).join(' ')}`, `${q(NODE)} ${halfArgs(1).join(' ')}`, 1),
  },
  // What V8's single-threaded GC would give (it can only be set when the process starts).
  { ...cli('auto'), name: 'cli-auto-stgc', label: 'govmark validate, 10,000 documents, workers auto, node --single-threaded-gc', args: ['--single-threaded-gc', ...cli('auto').args], optIn: true },
  engine('1'),
  engine('2'),
  engine('auto'),
  {
    name: 'markdownlint',
    label: 'markdownlint-cli2, default rules (the peer)',
    args: [join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'docs/**/*.md'],
    quietStderr: true,
    check: exitOk('markdownlint-cli2'),
  },
  ...(haveRumdl
    ? [{ name: 'rumdl', label: 'rumdl check --no-cache (Rust, its default rules, no governance semantics)', command: RUMDL, args: ['check', '--no-cache', '--no-config', '--silent', 'docs'], quietStderr: true, check: exitOk('rumdl') } satisfies Case]
    : []),
];
/** `auto` never slower than 1 worker at any size: the same comparison on 100 and 1,000 documents. */
// Folders, not a glob: a glob skips what .gitignore ignores, and bench/.corpus is ignored.
const TEN_FOLDERS = Array.from({ length: 10 }, (_, i) => `docs/0${i}`);
const SMALL: Case[] = [cli('1', ['docs/00'], 'small-100-1', '100 documents'), cli('auto', ['docs/00'], 'small-100-auto', '100 documents'), cli('1', TEN_FOLDERS, 'small-1000-1', '1,000 documents'), cli('auto', TEN_FOLDERS, 'small-1000-auto', '1,000 documents')];
const STARTUP: Case[] = [
  { name: 'node', label: 'node -e 0 (bare node)', args: ['-e', '0'] },
  { name: 'version', label: 'govmark --version', args: [GOVMARK, '--version'] },
  { name: 'help', label: 'govmark --help', args: [GOVMARK, '--help'] },
  { name: 'one-file', label: 'govmark validate one file (docs/00/00000-minutes.md --no-context --no-cache)', args: [GOVMARK, 'validate', 'docs/00/00000-minutes.md', '--no-context', '--no-cache'], check: exitOk('govmark') },
];

const log = (s: string) => process.stderr.write(s + '\n');
const manifest = ensureCorpus(log);
const MB = manifest.bytes / 1e6;
const before = machine();
log(`corpus: ${manifest.files.length} documents, ${MB.toFixed(1)} MB (${JSON.stringify(manifest.kinds)}, ${manifest.withTables} with tables); load ${before.load.map((l) => l.toFixed(2)).join(' ')}`);
if (!haveRumdl) log('rumdl is not installed (node_modules/.bin/rumdl): its cases are left out');

// markdownlint-cli2 reads its options from the folder it runs in: every default rule on.
writeFileSync(join(CORPUS_DIR, '.markdownlint-cli2.jsonc'), JSON.stringify({ config: { default: true } }) + '\n');

/** Runs `cases` `n` times, interleaved (the order rotates each repetition). */
function interleaved(cases: Case[], n: number, tag: string): Map<string, Sample[]> {
  const out = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
  for (let rep = 0; rep < n; rep++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + rep) % cases.length];
      const s = runChild(c.command ?? NODE, c.args, CORPUS_DIR, c.quietStderr);
      if (s.code !== 0 && !c.check) throw new Error(`${c.name} exited ${s.code}: ${s.stderr.trim().slice(0, 2000)}`);
      c.check?.(s);
      out.get(c.name)!.push(s);
      if (tag) log(`  ${tag} ${rep + 1}/${n} ${c.name.padEnd(16)} ${(s.wallMs / 1000).toFixed(2)} s, ${s.rssMb.toFixed(0)} MB, cpu ${s.cpuS.toFixed(1)} s`);
    }
  }
  return out;
}

const cases = skip.has('throughput') ? [] : THROUGHPUT.filter((c) => (only.length === 0 ? !c.optIn : only.includes(c.name)) && !skip.has(c.name));
const samples = interleaved(cases, reps, 'rep');
const small = phase('small') ? interleaved(SMALL, reps, 'small') : undefined;

// The caches: one run that fills each, then re-runs with no file changed, interleaved.
let cache: { govmarkCold: Sample; rumdlCold?: Sample; warmCases: Case[]; warm: Map<string, Sample[]> } | undefined;
if (phase('cache')) {
  const govmarkCached: Case = { name: 'govmark-cached', label: 'govmark validate, re-run, no file changed (cache)', args: [GOVMARK, 'validate', 'docs', '--no-context', '--cache-location', '.govmark-cache', '--format', 'json', '--output', '/dev/null'], check: exitOk('govmark') };
  const rumdlCached: Case = { name: 'rumdl-cached', label: 'rumdl check, re-run, no file changed (cache)', command: RUMDL, args: ['check', '--no-config', '--silent', '--cache-dir', '.rumdl_cache', 'docs'], quietStderr: true, check: exitOk('rumdl') };
  rmSync(join(CORPUS_DIR, '.govmark-cache'), { recursive: true, force: true });
  rmSync(join(CORPUS_DIR, '.rumdl_cache'), { recursive: true, force: true });
  const govmarkCold = runChild(NODE, govmarkCached.args, CORPUS_DIR);
  exitOk('govmark')(govmarkCold);
  log(`  cache: govmark filling run ${(govmarkCold.wallMs / 1000).toFixed(2)} s`);
  const rumdlCold = haveRumdl ? runChild(RUMDL, rumdlCached.args, CORPUS_DIR, true) : undefined;
  const warmCases = haveRumdl ? [govmarkCached, rumdlCached] : [govmarkCached];
  cache = { govmarkCold, ...(rumdlCold ? { rumdlCold } : {}), warmCases, warm: interleaved(warmCases, Math.max(reps, 5), 'cache') };
}

const startup = phase('startup') ? interleaved(STARTUP, 10 * reps, '') : undefined;

// The pathological set: one validate over all of it (each file bounded; together ≤ 15 s, ≤ 400 MB).
let pathological: { files: number; samples: Sample[] } | undefined;
if (phase('pathological') && existsSync(PATHOLOGICAL_GENERATOR)) {
  const dir = join(CORPUS_DIR, 'pathological');
  if (!existsSync(dir)) {
    const g = runChild(NODE, [PATHOLOGICAL_GENERATOR, dir], CORPUS_DIR);
    if (g.code !== 0) throw new Error(`the pathological generator exited ${g.code}: ${g.stderr}`);
  }
  const c: Case = { name: 'pathological', label: 'govmark validate, the pathological set', args: [GOVMARK, 'validate', 'pathological', '--no-context', '--no-cache', '--format', 'json', '--output', '/dev/null'], check: exitOk('govmark') };
  const ss = interleaved([c], reps, 'pathological').get('pathological')!;
  const files = runChild('bash', ['-c', 'ls pathological | wc -l'], CORPUS_DIR).stdout.trim();
  pathological = { files: Number(files), samples: ss };
}

type EditTimes = Record<string, { incremental: number[]; fresh: number[]; bare: number[]; checks: boolean }>;
let edits: EditTimes | undefined;
if (phase('edits')) {
  const s = runChild(NODE, [join(HERE, 'edit.js'), String(editCount)], CORPUS_DIR);
  if (s.code !== 0) throw new Error(`edit benchmark exited ${s.code}: ${s.stderr.trim()}`);
  edits = JSON.parse(s.stdout) as EditTimes;
}
type LspTimes = Record<string, { ms: number[]; openMs: number; diagnostics: number; complete: boolean }>;
let lsp: LspTimes | undefined;
if (phase('lsp')) {
  const s = runChild(NODE, [join(HERE, 'lsp-edit.js'), String(editCount)], CORPUS_DIR);
  if (s.code !== 0) throw new Error(`language server edit benchmark exited ${s.code}: ${s.stderr.trim()}`);
  lsp = JSON.parse(s.stdout) as LspTimes;
}
const after = machine();

// The report.
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const walls = (m: Map<string, Sample[]> | undefined, name: string) => m?.get(name)?.map((s) => s.wallMs / 1000) ?? [];
const med = (m: Map<string, Sample[]> | undefined, name: string, f: (s: Sample) => number = (s) => s.wallMs / 1000) => (m?.get(name)?.length ? median(m.get(name)!.map(f)) : NaN);
const wall = (name: string) => med(samples, name);
const range = (xs: number[], d = 2) => (xs.length ? `${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)}` : '');
const lines: string[] = [];
lines.push(`Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${before.cpu}, ${before.cores} cores, ${fmt(before.ramGb, 0)} GB RAM, Node ${before.node}${haveRumdl ? `, ${runChild(RUMDL, ['--version'], CORPUS_DIR).stdout.trim()}` : ''}.`);
lines.push(`Load average (1, 5, 15 min) before: ${before.load.map((l) => fmt(l, 2)).join(', ')}; after: ${after.load.map((l) => fmt(l, 2)).join(', ')}.`);
lines.push(`Corpus: ${manifest.files.length} documents, ${fmt(MB)} MB (MB = 10^6 bytes), ${Object.entries(manifest.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}; ${manifest.withTables} contain a table. Medians of ${reps} interleaved runs, each a fresh child process (start-up included).`);
lines.push('');
lines.push('| what | wall s (median) | min–max s | MB/s | docs/s | peak RSS MB | CPU s | × bare parse |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const bare = wall('bare');
const row = (label: string, xs: number[], w: number, rss: number, cpu: number, files = manifest.files.length, mb = MB, ratio = true) =>
  lines.push(`| ${label} | ${fmt(w, 2)} | ${range(xs)} | ${fmt(mb / w, 2)} | ${fmt(files / w, 0)} | ${fmt(rss, 0)} | ${fmt(cpu)} | ${ratio ? fmt(w / bare, 2) : ''} |`);
for (const c of cases) row(c.label, walls(samples, c.name), wall(c.name), med(samples, c.name, (s) => s.rssMb), med(samples, c.name, (s) => s.cpuS));
if (cache) {
  lines.push(`| govmark validate, cache filling run | ${fmt(cache.govmarkCold.wallMs / 1000, 2)} | | | | ${fmt(cache.govmarkCold.rssMb, 0)} | ${fmt(cache.govmarkCold.cpuS)} | |`);
  for (const c of cache.warmCases) row(c.label, walls(cache.warm, c.name), med(cache.warm, c.name), med(cache.warm, c.name, (s) => s.rssMb), med(cache.warm, c.name, (s) => s.cpuS), undefined, undefined, false);
}
if (small) {
  lines.push('', '`auto` against 1 worker on small corpora (same repetitions, interleaved):', '', '| documents | workers 1 s | workers auto s | auto ÷ 1 |', '| ---: | ---: | ---: | ---: |');
  for (const n of ['100', '1000']) {
    const a = med(small, `small-${n}-1`);
    const b = med(small, `small-${n}-auto`);
    lines.push(`| ${n} | ${fmt(a, 2)} (${range(walls(small, `small-${n}-1`))}) | ${fmt(b, 2)} (${range(walls(small, `small-${n}-auto`))}) | ${fmt(b / a, 2)} |`);
  }
}
if (startup) {
  lines.push('', `Start-up (${10 * reps} runs each, interleaved), ms:`, '', '| command | median | min–max | over bare node |', '| --- | ---: | ---: | ---: |');
  const nodeMs = med(startup, 'node', (s) => s.wallMs);
  for (const c of STARTUP) {
    const m = med(startup, c.name, (s) => s.wallMs);
    lines.push(`| ${c.label} | ${fmt(m, 0)} | ${range(walls(startup, c.name).map((x) => x * 1000), 0)} | ${c.name === 'node' ? '' : `+${fmt(m - nodeMs, 0)}`} |`);
  }
}
if (pathological) {
  const ss = pathological.samples;
  lines.push('', `The pathological set (${pathological.files} files from ../shared/corpus/pathological): one \`validate\` over all of them, ${fmt(median(ss.map((s) => s.wallMs / 1000)), 1)} s median (${range(ss.map((s) => s.wallMs / 1000), 1)}), peak RSS ${fmt(median(ss.map((s) => s.rssMb)), 0)} MB (max ${fmt(Math.max(...ss.map((s) => s.rssMb)), 0)}).`);
}
if (edits) {
  lines.push('', `Re-validation after a one-character edit, in process (${editCount} successive edits at random body positions, after 3 warm-up edits), ms:`, '');
  lines.push('| document | incremental `Workspace.set` + `checkOne`: median | p95 | fresh full parse + check: median | p95 | bare whole-text parse: median | same messages |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [label, e] of Object.entries(edits)) lines.push(`| ${label} | ${fmt(median(e.incremental))} | ${fmt(percentile(e.incremental, 95))} | ${fmt(median(e.fresh))} | ${fmt(percentile(e.fresh, 95))} | ${fmt(median(e.bare))} | ${e.checks ? 'yes' : 'NO'} |`);
}
if (lsp) {
  lines.push('', `Through the language server over stdio (debounce 0; ${editCount} incremental one-character didChange edits, each timed from sending it to publishDiagnostics for that version), ms:`, '');
  lines.push('| document | median | p95 | max | open → first diagnostics | diagnostics | read in full |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [label, e] of Object.entries(lsp)) lines.push(`| ${label} | ${fmt(median(e.ms))} | ${fmt(percentile(e.ms, 95))} | ${fmt(Math.max(...e.ms))} | ${fmt(e.openMs, 0)} | ${e.diagnostics} | ${e.complete ? 'yes' : 'NO (too complex: the cheap pass)'} |`);
}

// Targets from issue 11.
const targets: string[] = [];
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const one = wall('cli-1');
const two = wall('cli-2');
const auto = wall('cli-auto');
const twoProc = wall('cli-1-2proc');
const bareTwo = wall('bare-2proc');
if (Number.isFinite(bareTwo) && Number.isFinite(bare)) targets.push(`- what two independent processes get on this machine: the bare parse ${fmt(bare / bareTwo, 2)}× (one process ${fmt(bare, 1)} s, two side by side ${fmt(bareTwo, 1)} s); govmark --workers 1 ${fmt(one / twoProc, 2)}× (${fmt(one, 1)} s, ${fmt(twoProc, 1)} s)`);
if (Number.isFinite(one) && Number.isFinite(bare)) targets.push(`- validation ≤ 1.2× the bare parse on one thread: ${fmt(one / bare, 2)}× — ${verdict(one / bare <= 1.2)}`);
if (Number.isFinite(two) && Number.isFinite(twoProc)) targets.push(`- 2 workers within 10% of the two-process baseline: ${fmt(two, 1)} s against ${fmt(twoProc, 1)} s, ${fmt((two / twoProc - 1) * 100, 0)}% — ${verdict(two <= twoProc * 1.1)}`);
if (Number.isFinite(auto) && Number.isFinite(one)) targets.push(`- auto never slower than 1 worker: 10,000 documents ${fmt(auto / one, 2)}×${small ? `, 1,000 ${fmt(med(small, 'small-1000-auto') / med(small, 'small-1000-1'), 2)}×, 100 ${fmt(med(small, 'small-100-auto') / med(small, 'small-100-1'), 2)}×` : ''} — ${verdict(auto <= one && (!small || (med(small, 'small-1000-auto') <= med(small, 'small-1000-1') && med(small, 'small-100-auto') <= med(small, 'small-100-1'))))}`);
if (Number.isFinite(auto)) targets.push(`- 10,000 documents cold ≤ 15 s (auto): ${fmt(auto, 1)} s — ${verdict(auto <= 15)}`);
if (cache) {
  const w = med(cache.warm, 'govmark-cached');
  targets.push(`- cached re-run ≤ 1 s: ${fmt(w, 2)} s — ${verdict(w <= 1)}`);
}
for (const [label, goal] of [['100 KB', 50], ['1 MB', 150]] as const) {
  const e = lsp?.[label];
  if (e) targets.push(`- ${label} edit ≤ ${goal} ms p95 after the debounce (language server): ${fmt(percentile(e.ms, 95))} ms — ${verdict(percentile(e.ms, 95) <= goal)}`);
}
if (startup) {
  const v = med(startup, 'version', (s) => s.wallMs);
  const h = med(startup, 'help', (s) => s.wallMs);
  const f = med(startup, 'one-file', (s) => s.wallMs);
  targets.push(`- --version ≤ 80 ms: ${fmt(v, 0)} ms — ${verdict(v <= 80)}; --help ≤ 80 ms: ${fmt(h, 0)} ms — ${verdict(h <= 80)}; one file ≤ 250 ms: ${fmt(f, 0)} ms — ${verdict(f <= 250)}`);
}
if (pathological) {
  const w = median(pathological.samples.map((s) => s.wallMs / 1000));
  const m = Math.max(...pathological.samples.map((s) => s.rssMb));
  targets.push(`- the pathological set ≤ 15 s and ≤ 400 MB: ${fmt(w, 1)} s, ${fmt(m, 0)} MB — ${verdict(w <= 15 && m <= 400)}`);
}
lines.push('', 'Targets (issue 11):', '', ...targets);

const report = lines.join('\n') + '\n';
process.stdout.write('\n' + report);
writeFileSync(join(CORPUS_DIR, 'last-run.md'), report);
const strip = (m: Map<string, Sample[]> | undefined) => (m ? Object.fromEntries([...m].map(([k, v]) => [k, v.map(({ stdout: _o, stderr: _e, ...rest }) => rest)])) : undefined);
writeFileSync(
  join(CORPUS_DIR, 'last-run.json'),
  JSON.stringify({ before, after, reps, manifest: { ...manifest, files: manifest.files.length }, samples: strip(samples), small: strip(small), startup: strip(startup), cache: cache && { govmarkCold: cache.govmarkCold.wallMs, rumdlCold: cache.rumdlCold?.wallMs, warm: strip(cache.warm) }, pathological: pathological && { files: pathological.files, samples: pathological.samples.map(({ stdout: _o, stderr: _e, ...rest }) => rest) }, edits, lsp }, null, 1),
);
