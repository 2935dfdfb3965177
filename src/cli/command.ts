/** What a command is: its options, its help, and a handler. */
import type { OptionSpecs, ParsedArgs } from './args.js';
import type { CliIO } from './io.js';

export interface Command {
  /** `govmark validate [options] [paths...]`. */
  usage: string;
  /** Paragraphs after the usage line in `--help`. */
  help: string;
  options: OptionSpecs;
  /** Returns the exit code; throws `UsageError` (or a config/discovery error) when it cannot run. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
