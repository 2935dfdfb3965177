/** govmark's Node host layer: files, worker threads under a deadline, the cache, the config file. */
export { validatePaths, analyseBounded, mayBeGovernance, workerCount, CannotRead, type BoundedRequest } from './validate.js';
export { WorkerPool, BoundExceeded, WorkerStartFailed, defaultWorkerUrl, type PoolOptions } from './pool.js';
export { ResultCache, defaultCacheDir, fileStat, sameStat, type CacheHit, type CacheCounts, type FileStat, type LastRunFile } from './cache.js';
export { serializeModel, type AnalysisResult, type SerializedModel, type WorkerRequest } from './protocol.js';
export type { FileResult, RunOptions, ValidatePaths } from './contract.js';
export { fixPaths, writeFixed, MAX_FIX_PASSES, type FileFix, type FixRun, type FixOptions, type UnfixedProblem } from './fix.js';
export { contextFiles, repositoryRoot, type ContextOptions } from './context.js';
export {
  loadConfig,
  findConfigFile,
  configFileIn,
  readConfigFile,
  configFormatOf,
  CONFIG_FILE_NAMES,
  PACKAGE_JSON_KEY,
  ConfigError,
  type ConfigFormat,
  type LoadedConfig,
  type ReadConfigOptions,
} from './config-file.js';
export { CONFIG_WATCH_GLOBS, mayBeConfigFile } from './config-names.js';
