/**
 * Per-folder configs. A repository may keep a config in a subfolder (one
 * committee's papers with its own custom type, an archive with a rule turned
 * off): a file is checked with the run's config (the nearest config of the
 * working folder, `loadConfig`) and, on top of it, every config in the folders
 * between that config's folder and the file, the nearest last, so the nearest
 * wins. Merged per key:
 *
 *   - `rules`: rule by rule; a nested config's setting wins.
 *   - `types`: type by type; a nested type of the same name replaces the parent's.
 *   - `files`: the nested config's globs first (the first match wins), then the parent's.
 *   - `ignores`: added, each relative to its own config's folder.
 *   - `infer`: the nested value when it sets one. `parseTimeoutMs` stays the run's
 *     (one bound per run: the workers' deadline).
 *
 * `--config FILE` names the whole run's config: then no nested config is read.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { isInside } from './paths.js';
import ignore from 'ignore';
import type { ResolvedConfig } from '../core/config.js';
import { configFileIn, readConfigLayer, type ConfigLayer, type ReadConfigOptions } from './config-file.js';

/** A nested config over its parent: see the module comment for the order. */
export function mergeConfig(parent: ResolvedConfig, layer: ConfigLayer, layerDir: string, baseDir: string): ResolvedConfig {
  const { config: child, set } = layer;
  const types = new Map(parent.customTypes.map((t) => [t.name, t]));
  for (const t of child.customTypes) types.set(t.name, t);
  return {
    ...parent,
    rules: { ...parent.rules, ...child.rules },
    customTypes: [...types.values()],
    fileTypes: [...child.fileTypes, ...parent.fileTypes],
    ignores: [...parent.ignores, ...child.ignores.map((p) => anchorIgnore(p, relative(baseDir, layerDir).split(sep).join('/')))],
    ...(set.has('infer') ? { infer: child.infer } : {}),
  };
}

/**
 * A gitignore pattern of a config in folder `rel` (relative to the run's
 * config folder), rewritten to mean the same relative to the run's config
 * folder: `/x` and `a/b` are anchored to `rel`; a bare name (`*.draft.md`)
 * matches at any depth below `rel`.
 */
export function anchorIgnore(pattern: string, rel: string): string {
  if (rel === '') return pattern;
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const inner = body.replace(/\/$/, '');
  const anchored = body.startsWith('/') ? `${rel}${body}` : inner.includes('/') ? `${rel}/${body}` : `${rel}/**/${body}`;
  return (negated ? '!' : '') + anchored;
}

export interface CascadeOptions extends ReadConfigOptions {
  /** The run's config (the nearest of the working folder) and its folder. */
  base: ResolvedConfig;
  baseDir: string;
  /** The run's config file, which is the base itself and not read again. */
  baseFile?: string;
  /** Folder error messages show paths relative to. */
  cwd: string;
}

/** The configs of a run's files, read once per folder. */
export class ConfigCascade {
  private readonly byDir = new Map<string, Promise<ResolvedConfig>>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** The distinct configs given out, the run's first. */
  readonly configs: ResolvedConfig[];
  /** The nested config files read. */
  readonly files: string[] = [];

  constructor(private readonly options: CascadeOptions) {
    this.configs = [options.base];
    this.byDir.set(resolve(options.baseDir), Promise.resolve(options.base));
    this.resolved.set(resolve(options.baseDir), options.base);
  }

  /** The config a file in `dir` is checked with. */
  configForDir(dir: string): Promise<ResolvedConfig> {
    const abs = resolve(dir);
    const known = this.byDir.get(abs);
    if (known) return known;
    const base = resolve(this.options.baseDir);
    // Outside the run's config folder: the run's config alone.
    if (!isInside(abs, base)) return Promise.resolve(this.options.base);
    const made = (async () => {
      const parent = await this.configForDir(dirname(abs));
      const file = await configFileIn(abs);
      if (file === undefined || (this.options.baseFile !== undefined && resolve(file) === resolve(this.options.baseFile))) return parent;
      this.files.push(file);
      const merged = mergeConfig(parent, await readConfigLayer(file, this.options.cwd, this.options), abs, base);
      this.configs.push(merged);
      return merged;
    })();
    this.byDir.set(abs, made);
    void made.then((c) => this.resolved.set(abs, c), () => undefined);
    return made;
  }

  /**
   * The config of a file from the folders already read (synchronous): the
   * nearest folder read on the way up, else the base. For a new file in a
   * folder `forFiles` has seen, the same as `configForDir`.
   */
  knownConfigFor(path: string): ResolvedConfig {
    const base = resolve(this.options.baseDir);
    for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
      const known = this.resolved.get(dir);
      if (known) return known;
      if (dir === base || !isInside(dir, base)) return this.options.base;
    }
  }

  /** Every file's config, by absolute path. */
  async forFiles(files: readonly string[]): Promise<Map<string, ResolvedConfig>> {
    const out = new Map<string, ResolvedConfig>();
    for (const f of files) out.set(resolve(f), await this.configForDir(dirname(resolve(f))));
    return out;
  }
}

/**
 * Whether a nested config's `ignores` leave `file` out (the run's own
 * `ignores` are applied by the folder search already). `ignores` of a merged
 * config are relative to the run's config folder (see `anchorIgnore`).
 */
export function ignoredByNested(file: string, config: ResolvedConfig, base: ResolvedConfig, baseDir: string): boolean {
  if (config === base || config.ignores.length === base.ignores.length) return false;
  if (!isInside(resolve(file), resolve(baseDir))) return false;
  return ignore().add(config.ignores.slice(base.ignores.length)).ignores(relative(resolve(baseDir), resolve(file)).split(sep).join('/'));
}
