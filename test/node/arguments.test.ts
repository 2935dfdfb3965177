/** The Node host's public functions given the wrong arguments: a TypeError naming the function and what it expected. */
import assert from 'node:assert/strict';
import { resolveConfig } from '../../src/core/config.js';
import { findConfigFile, fixPaths, loadConfig, readConfigFile, validatePaths } from '../../src/node/index.js';

const rejects = (p: Promise<unknown>, message: string) => assert.rejects(p, (e: unknown) => e instanceof TypeError && e.message === message, message);

describe('Node host functions given the wrong arguments', () => {
  const config = resolveConfig();

  it('validatePaths says it wants an array of paths and options with a config', async () => {
    await rejects(validatePaths('minutes.md' as never, { config }), 'validatePaths: `paths` must be an array of file paths (strings), not a string');
    await rejects(validatePaths([new URL('file:///m.md')] as never, { config }), 'validatePaths: `paths` must be an array of file paths (strings), not an array');
    await rejects(validatePaths([], undefined as never), 'validatePaths: `options` must be an object ({ config, ... }), not undefined');
    await rejects(validatePaths([], {} as never), 'validatePaths: `options.config` must be a resolved configuration (from resolveConfig() or loadConfig()), not undefined');
  });

  it('fixPaths says what it wants', async () => {
    await rejects(fixPaths(['a.md'], { config }, undefined as never), 'fixPaths: `validate` must be a function (validatePaths), not undefined');
  });

  it('loadConfig, readConfigFile and findConfigFile say they want paths as strings', async () => {
    await rejects(loadConfig(undefined as never), 'loadConfig: `cwd` must be a string (the folder to start from), not undefined');
    await rejects(loadConfig(process.cwd(), 7 as never), 'loadConfig: `explicit` must be a string (a config file path) or left out, not a number');
    await rejects(readConfigFile(new URL('file:///govmark.config.json') as never), 'readConfigFile: `file` must be a string (the config file path), not an object (URL)');
    await rejects(findConfigFile(null as never), 'findConfigFile: `start` must be a string (the folder to start from), not null');
  });
});
