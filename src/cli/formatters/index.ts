/** The output formats, by the name `--format` takes. */
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import type { Formatter } from './results.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type { Formatter, FormatContext } from './results.js';

export const formatters = { stylish, json, sarif, github, gitlab, junit } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
