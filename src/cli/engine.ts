/**
 * The engine the CLI drives, loaded on first use so that `govmark --help`
 * and `govmark rules` start fast. Tests inject their own through `CliIO`.
 */
import type { ValidatePaths } from '../node/contract.js';
import { UsageError, type CliIO, type ParseDocument } from './io.js';

export async function loadValidatePaths(io: CliIO): Promise<ValidatePaths> {
  if (io.validatePaths) return io.validatePaths;
  try {
    return (await import('../node/validate.js')).validatePaths;
  } catch (error) {
    throw new UsageError(`the validation engine could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function loadParse(io: CliIO): Promise<ParseDocument> {
  if (io.parse) return io.parse;
  return (await import('../core/parse/parse.js')).parse;
}
