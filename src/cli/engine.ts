/**
 * The engine the CLI drives, loaded on first use so that `govmark --help`
 * and `govmark rules` start fast. Tests inject their own through `CliIO`.
 */
import type { ValidatePaths } from '../node/contract.js';
import { UsageError, type CliIO, type ParseDocument } from './io.js';

// A specifier in a variable: the module is resolved at run time only.
const VALIDATE_MODULE = '../node/validate.js';

export async function loadValidatePaths(io: CliIO): Promise<ValidatePaths> {
  if (io.validatePaths) return io.validatePaths;
  let mod: { validatePaths?: ValidatePaths };
  try {
    mod = (await import(VALIDATE_MODULE)) as { validatePaths?: ValidatePaths };
  } catch (error) {
    throw new UsageError(`the validation engine could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof mod.validatePaths !== 'function') throw new UsageError('the validation engine could not be loaded: no validatePaths export');
  return mod.validatePaths;
}

export async function loadParse(io: CliIO): Promise<ParseDocument> {
  if (io.parse) return io.parse;
  return (await import('../core/parse/parse.js')).parse;
}
