/**
 * A small argument parser with exactly the behaviour the CLI documents:
 * `--name value`, `--name=value`, short flags, `--no-<name>` for negatable
 * switches, `--` to end options, and a one-line `UsageError` (with a
 * suggestion) for anything else.
 */
import { didYouMean } from '../core/text/similar.js';
import { UsageError } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One-letter alias, without the dash. */
  short?: string;
  /** Booleans only: `--no-<name>` sets it to false. */
  negatable?: boolean;
  /** Strings only: the values accepted. */
  choices?: readonly string[];
  /** Shown in help: `--format <name>`. */
  valueName?: string;
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  /** Option name → value; absent when not given. The last occurrence wins. */
  options: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  const longNames = Object.keys(specs);
  const allSpellings = longNames.flatMap((n) => ['--' + n, ...(specs[n].negatable ? ['--no-' + n] : [])]);

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }

    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const short = arg.slice(1);
      const found = longNames.find((n) => specs[n].short === short);
      if (!found) throw new UsageError(`unknown option '${arg}'${didYouMean(arg, allSpellings)}`);
      name = found;
    }

    let spec = specs[name];
    let negated = false;
    if (!spec && name.startsWith('no-') && specs[name.slice(3)]?.negatable) {
      spec = specs[name.slice(3)];
      name = name.slice(3);
      negated = true;
    }
    if (!spec) throw new UsageError(`unknown option '${arg.split('=')[0]}'${didYouMean(arg.split('=')[0], allSpellings)}`);

    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`option '--${negated ? 'no-' : ''}${name}' takes no value`);
      options[name] = !negated;
      continue;
    }

    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`option '--${name}' needs a value${spec.choices ? ` (${spec.choices.join(', ')})` : ''}`);
      value = next;
      i++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`option '--${name}' must be one of ${spec.choices.join(', ')}, not '${value}'${didYouMean(value, spec.choices)}`);
    }
    options[name] = value;
  }
  return { options, positionals };
}

/** `--name` parsed as a whole number ≥ `min`, or undefined when absent. */
export function integerOption(parsed: ParsedArgs, name: string, min: number): number | undefined {
  const value = parsed.options[name];
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`option '--${name}' must be a whole number${min === 0 ? ' (0 or more)' : ` of at least ${min}`}, not '${value}'`);
  }
  return Number(value);
}

/** Help lines for a set of options, aligned. */
export function describeOptions(specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    let left = (spec.short ? `-${spec.short}, ` : '    ') + `--${name}`;
    if (spec.type === 'string') left += ` <${spec.valueName ?? 'value'}>`;
    if (spec.negatable) left += `, --no-${name}`;
    const choices = spec.choices ? ` (${spec.choices.join(', ')})` : '';
    return [left, spec.description + choices] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}
