/**
 * Reads files into models under the same bounds as validation (worker threads,
 * per-document deadline, cheap pass past it): for `inspect`, `timeline` and
 * other commands that need the model rather than the messages.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '../core/config.js';
import { typesByPath } from './custom-types.js';
import { WorkerPool } from './pool.js';
import type { AnalysisResult, SerializedModel } from './protocol.js';
import { screenedType } from './screen.js';
import { analyseBounded, CannotRead, relativePath, workerCount } from './validate.js';

export interface ReadModel {
  path: string;
  uri: string;
  text: string;
  model: SerializedModel;
  result: AnalysisResult;
}

export async function readModels(
  files: readonly string[],
  options: { config: ResolvedConfig; typeOverride?: string; workers?: number | 'auto'; root?: string },
): Promise<ReadModel[]> {
  const texts = await Promise.all(
    files.map(async (f) => {
      try {
        return await readFile(f, 'utf8');
      } catch (error) {
        throw new CannotRead(f, error as NodeJS.ErrnoException);
      }
    }),
  );
  const byGlob = options.typeOverride ? new Map<string, string>() : await typesByPath(options.config);
  const pool = new WorkerPool({ size: workerCount(files.length, options.workers), config: options.config, timeoutMs: options.config.parseTimeoutMs });
  try {
    return await Promise.all(
      files.map(async (path, i) => {
        const uri = pathToFileURL(path).href;
        // The same screen as validation: the file's own `type:` wins over a glob; `--type` over both.
        const relPath = relativePath(path, options.root);
        // Only the glob's type is taken from the screen: the kind of every other file is recognised by
        // the parse itself, and a file that is not recognised is still read (inspect shows why not).
        const screened = screenedType(texts[i], byGlob.get(resolve(path)), relPath, false);
        const type = options.typeOverride;
        const result = await analyseBounded(pool, { uri, text: texts[i], type, configType: screened.configType, relPath, includeModel: true }, options.config);
        return { path, uri, text: texts[i], model: result.model!, result };
      }),
    );
  } finally {
    await pool.close();
  }
}
