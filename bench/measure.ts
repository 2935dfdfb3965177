/**
 * Running one measured child process (wall time, peak RSS and CPU time from
 * GNU time, which sees the whole process, worker threads included) and the
 * statistics the report uses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  wallMs: number;
  /** Peak resident set size, MB. */
  rssMb: number;
  /** User + system CPU seconds. */
  cpuS: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';

export function runChild(command: string, args: string[], cwd: string, quietStderr = false): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'govmark-bench-'));
  const timeFile = join(dir, 'time');
  const useTime = existsSync(TIME);
  const started = performance.now();
  const child = useTime
    ? spawnSync(TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', quietStderr ? 'ignore' : 'pipe'] })
    : spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', quietStderr ? 'ignore' : 'pipe'] });
  const wallMs = performance.now() - started;
  let rssMb = NaN;
  let cpuS = NaN;
  if (useTime && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [rssKb, user, sys] = last.split(' ').map(Number);
    rssMb = rssKb / 1024;
    cpuS = user + sys;
  }
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, rssMb, cpuS, code: child.status, stdout: child.stdout ?? '', stderr: child.stderr ?? '' };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  freeGb: number;
  node: string;
  load: number[];
}

export function machine(): Machine {
  const c = cpus();
  return { cpu: c[0]?.model ?? 'unknown', cores: c.length, ramGb: totalmem() / 2 ** 30, freeGb: freemem() / 2 ** 30, node: process.version, load: loadavg() };
}
