/** `govmark rules`: every rule with its default severity, scope and description. */
import { allRules } from '../../core/rules/registry.js';
import { ruleUrl } from '../../core/rules/rule.js';
import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_OK, type CliIO } from '../io.js';

const options: OptionSpecs = {
  format: { type: 'string', short: 'f', choices: ['text', 'json'], valueName: 'name', description: 'Output format, default text' },
};

export const rules: Command = {
  usage: 'govmark rules [--format text|json]',
  help: 'Lists the rules. Change a rule\'s severity, or turn it off, under "rules" in the config file (govmark.config.json, .jsonc, .yaml).',
  options,
  run,
};

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const sorted = [...allRules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (args.options.format === 'json') {
    const list = sorted.map((r) => ({
      id: r.id,
      defaultSeverity: r.defaultSeverity,
      scope: r.scope,
      ...(r.types ? { types: r.types } : {}),
      description: r.description,
      url: ruleUrl(r.id),
    }));
    io.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return EXIT_OK;
  }
  if (sorted.length === 0) {
    io.stdout.write('No rules.\n');
    return EXIT_OK;
  }
  const idWidth = Math.max(...sorted.map((r) => r.id.length));
  const sevWidth = Math.max(...sorted.map((r) => r.defaultSeverity.length));
  const scopeWidth = Math.max(...sorted.map((r) => r.scope.length));
  const lines = sorted.map((r) => `${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(sevWidth)}  ${r.scope.padEnd(scopeWidth)}  ${r.description}`);
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}
