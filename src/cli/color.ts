/** ANSI colours for the human formats, and when to use them. */

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const same = (s: string) => s;

export function paint(on: boolean): Paint {
  if (!on) return { red: same, yellow: same, blue: same, green: same, dim: same, bold: same, underline: same };
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}

/**
 * `--color`/`--no-color` decide; else `NO_COLOR` (any non-empty value) turns
 * colours off and `FORCE_COLOR` (other than `0`) on; else colour when the
 * report goes to a terminal.
 */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, terminal: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return terminal;
}
