/**
 * The govmark command line, as a pure function (after markdownlint-cli2):
 * every input and output is injected, the exit code is returned, and
 * bin/govmark.js is a shim that passes the real process.
 *
 * Exit codes: 0 clean, 1 problems, 2 govmark could not run; in the last case
 * stderr gets one line saying why.
 */
// Only light modules here: `--version` and `--help` must not load the JSON Schema validator or the
// rules (a command's module is loaded when it runs). test/cli/startup.test.ts keeps it so.
import { didYouMean } from '../core/text/similar.js';
import { ConfigError, DiscoveryError } from '../node/errors.js';
import { describeFsError } from '../node/fs-errors.js';
import { WorkerStartFailed } from '../node/pool.js';
import { describeOptions, parseArgs, type OptionSpecs } from './args.js';
import type { Command } from './command.js';
import { commands } from './commands.js';
import { EXIT_CANNOT_RUN, EXIT_OK, UsageError, type CliIO } from './io.js';
import { VERSION } from './version.js';
import { visible } from './formatters/results.js';

export type { CliIO, Output, ParseDocument } from './io.js';

const COMMON_OPTIONS: OptionSpecs = {
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
  version: { type: 'boolean', short: 'v', description: 'Show the version' },
};

export async function main(io: CliIO): Promise<number> {
  try {
    return await dispatch(io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DiscoveryError || error instanceof WorkerStartFailed) {
      io.stderr.write(`govmark: ${visible(oneLine(error.message))}\n`);
      return EXIT_CANNOT_RUN;
    }
    const why = error instanceof Error ? error.message : String(error);
    io.stderr.write(`govmark: internal error: ${visible(oneLine(why))} (set GOVMARK_DEBUG=1 for details; please report this)\n`);
    if (io.env.GOVMARK_DEBUG && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
    return EXIT_CANNOT_RUN;
  }
}

async function dispatch(io: CliIO): Promise<number> {
  const [name, ...rest] = io.argv;
  if (name === undefined) {
    io.stderr.write(topHelp());
    return EXIT_CANNOT_RUN;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0];
    if (name === 'help' && topic !== undefined && commands[topic]) {
      io.stdout.write(commandHelp(topic, await commands[topic].load()));
    } else {
      io.stdout.write(topHelp());
    }
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(VERSION + '\n');
    return EXIT_OK;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const names = Object.keys(commands);
    if (name.startsWith('-')) throw new UsageError(`unknown option '${name}' before the command; commands: ${names.join(', ')}`);
    throw new UsageError(`unknown command '${name}'${didYouMean(name, names)}; commands: ${names.join(', ')}`);
  }

  const command = await entry.load();
  const args = parseArgs(rest, { ...command.options, ...COMMON_OPTIONS });
  if (args.options.help) {
    io.stdout.write(commandHelp(name, command));
    return EXIT_OK;
  }
  if (args.options.version) {
    io.stdout.write(VERSION + '\n');
    return EXIT_OK;
  }
  return command.run(args, io);
}

function topHelp(): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  return [
    `govmark ${VERSION}: checks governance documents written in Markdown`,
    '',
    'Usage: govmark <command> [options]',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${commands[n].summary}`),
    '',
    'Options:',
    describeOptions(COMMON_OPTIONS),
    '',
    "Run 'govmark <command> --help' for a command's options.",
    '',
  ].join('\n');
}

function commandHelp(name: string, command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    commands[name].summary + '.',
    '',
    command.help,
    '',
    'Options:',
    describeOptions({ ...command.options, ...COMMON_OPTIONS }),
    '',
  ].join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * For the `govmark` shim: a failed write to stdout (`> /dev/full`, a closed
 * pipe) as one line on stderr and exit 2, instead of Node's unhandled 'error'
 * stack and an exit code that would read as "problems found". A reader that
 * went away (`| head`) is not an error.
 */
export function onStdoutError(error: NodeJS.ErrnoException, stderr: NodeJS.WritableStream, exit: (code: number) => void): void {
  if (error.code === 'EPIPE') return exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  stderr.write(`govmark: cannot write the output: ${describeFsError(error)}\n`);
  exit(EXIT_CANNOT_RUN);
}
