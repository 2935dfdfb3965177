/**
 * Reads files into models under the same bounds as validation (worker threads,
 * per-document deadline, cheap pass past it): for `inspect`, `timeline` and
 * other commands that need the model rather than the messages.
 */
import { readText } from './text-file.js';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '../core/config.js';
import type { GovDocument } from '../core/model.js';
import { deserializeDocument, SERIALIZED_DOCUMENT_FORMAT } from '../core/serialize.js';
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
  options: {
    config: ResolvedConfig;
    typeOverride?: string;
    workers?: number | 'auto';
    root?: string;
    /** Leave out files the pre-screen finds are not governance documents (as validation does); inspect reads every file. */
    screen?: boolean;
    /**
     * Told of a file that cannot be read (path, why), which is then left out.
     * Without it, such a file stops the reading with `CannotRead`.
     */
    onUnreadable?: (path: string, why: string) => void;
    /** Each file's config when folders have their own (`ConfigCascade`), by absolute path. */
    configOf?: ReadonlyMap<string, ResolvedConfig>;
  },
): Promise<ReadModel[]> {
  const read = await Promise.all(
    files.map(async (f) => {
      try {
        return await readText(f);
      } catch (error) {
        const e = new CannotRead(f, error as NodeJS.ErrnoException);
        if (!options.onUnreadable) throw e;
        options.onUnreadable(f, e.why);
        return undefined;
      }
    }),
  );
  files = files.filter((_, i) => read[i] !== undefined);
  const texts = read.filter((t): t is string => t !== undefined);
  // Per-folder configs by index, as validation does: 0 is the run's.
  const configs: ResolvedConfig[] = [options.config];
  const indexOf = (path: string): number => {
    const own = options.configOf?.get(resolve(path));
    if (own === undefined || own === options.config) return 0;
    const n = configs.indexOf(own);
    return n >= 0 ? n : configs.push(own) - 1;
  };
  const fileConfig = files.map(indexOf);
  const globs = await Promise.all(configs.map((c) => (options.typeOverride ? new Map<string, string>() : typesByPath(c))));
  const pool = new WorkerPool({ size: workerCount(files.length, options.workers), config: options.config, ...(configs.length > 1 ? { nestedConfigs: configs.slice(1) } : {}), timeoutMs: options.config.parseTimeoutMs });
  try {
    const models = await Promise.all(
      files.map(async (path, i): Promise<ReadModel | undefined> => {
        const uri = pathToFileURL(path).href;
        // The same screen as validation: the file's own `type:` wins over a glob; `--type` over both.
        const relPath = relativePath(path, options.root);
        const type = options.typeOverride;
        // Without `screen`, only the glob's type is taken from the screen: the kind of every other file is
        // recognised by the parse itself, and a file that is not recognised is still read (inspect shows why not).
        const n = fileConfig[i];
        const config = configs[n];
        const screened = screenedType(texts[i], globs[n].get(resolve(path)), relPath, options.screen === true && type === undefined ? config.infer : false);
        if (options.screen === true && type === undefined && screened.skip) return undefined;
        const result = await analyseBounded(pool, { uri, text: texts[i], type, configType: screened.configType, relPath, includeModel: true, ...(n > 0 ? { configIndex: n } : {}) }, config);
        if (result.skipped || result.model === undefined) return undefined;
        return { path, uri, text: texts[i], model: result.model, result };
      }),
    );
    return models.filter((r): r is ReadModel => r !== undefined);
  } finally {
    await pool.close();
  }
}

/**
 * The model a worker sent back, as the document the core's consumers take
 * (the timeline, exports): the same data and source map, the text the ranges
 * refer to. The parsed tree is not sent; nothing downstream needs it.
 */
export function documentOf(read: ReadModel): GovDocument {
  const text = read.text.startsWith('\uFEFF') ? read.text.slice(1) : read.text;
  return deserializeDocument({ format: SERIALIZED_DOCUMENT_FORMAT, ...read.model, text, messages: read.result.messages });
}
