import type { ResolvedConfig } from '../config.js';

/** Today's date, ISO, for relative-to-today rules (overdue, stale): the config's `today` (tests, reproducible runs), else the clock's. */
export function todayIso(config: ResolvedConfig): string {
  return config.today ?? new Date().toISOString().slice(0, 10);
}
