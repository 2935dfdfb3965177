/**
 * A one-line progress indicator on stderr, for long runs watched by a person:
 * redrawn at most every `intervalMs`, erased at the end so the report starts
 * on a clean line.
 */
import type { Output } from './io.js';

/** Runs with more files than this show progress (when stderr is a terminal). */
export const PROGRESS_THRESHOLD = 200;

export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

export function createProgress(stream: Output, now: () => number, intervalMs = 100): Progress {
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - last < intervalMs) return;
      last = t;
      shown = true;
      stream.write(`\r\x1b[2Kgovmark: checked ${done}/${total} files`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export const noProgress: Progress = { update() {}, clear() {} };
