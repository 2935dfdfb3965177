/**
 * Reading a data file: the config file (JSON, JSON with comments, YAML), a
 * custom type's schema: a regular file only (a FIFO would block for ever,
 * /dev/zero never ends), under a size cap, optionally confined to a folder
 * (a workspace's config may not make govmark read /etc/passwd), and never
 * echoing the file's content in an error.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isInside } from './paths.js';
import { describeJsonProblem, parseJson } from '../core/text/json.js';
import { describeFsError } from './fs-errors.js';

/** Largest config file read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Largest custom JSON Schema read (the largest built-in one is about 60 KB). */
export const MAX_SCHEMA_BYTES = 2 * 1024 * 1024;

/** Why a data file could not be used: one line, in the user's words, without the file's content. */
export class DataFileError extends Error {
  constructor(
    message: string,
    readonly code: 'unreadable' | 'not-a-file' | 'too-large' | 'outside' | 'invalid-json',
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}

export interface ReadDataOptions {
  maxBytes: number;
  /** The file must resolve (symbolic links followed) inside this folder. */
  within?: string;
  /** How the folder is named in a refusal ("the folder of govmark.config.json"). */
  withinName?: string;
}

/** The file's text, checked as above. */
export async function readDataText(path: string, options: ReadDataOptions): Promise<string> {
  if (options.within !== undefined) {
    let real: string;
    let root: string;
    try {
      [real, root] = await Promise.all([realpath(path), realpath(options.within)]);
    } catch (error) {
      throw new DataFileError(describeFsError(error), 'unreadable');
    }
    if (!isInside(real, root)) {
      throw new DataFileError(`it is outside ${options.withinName ?? 'the workspace'}, and govmark reads only files inside it; copy the file into it`, 'outside');
    }
  }
  let handle;
  try {
    // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new DataFileError(describeFsError(error), 'unreadable');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new DataFileError('it is not a regular file (a pipe, socket, device or folder)', 'not-a-file');
    if (info.size > options.maxBytes) throw new DataFileError(`it is ${megabytes(info.size)}, larger than the ${megabytes(options.maxBytes)} govmark reads`, 'too-large');
    // Read at most one byte past the cap: a file that grows while read is still bounded.
    const buffer = Buffer.alloc(Math.min(info.size, options.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length >= buffer.length) break;
    }
    if (length > options.maxBytes) throw new DataFileError(`it is larger than the ${megabytes(options.maxBytes)} govmark reads`, 'too-large');
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(describeFsError(error), 'unreadable');
  } finally {
    await handle.close();
  }
}

/** The file's JSON value; invalid JSON is reported at its line and column. */
export async function readDataJson(path: string, options: ReadDataOptions): Promise<unknown> {
  const parsed = parseJson(await readDataText(path, options));
  if (!parsed.ok) throw new DataFileError(`it is not valid JSON (${describeJsonProblem(parsed.problem)})`, 'invalid-json');
  return parsed.value;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
}
