/**
 * Which files a run validates, from what the user typed: files, folders and
 * globs. Folders are searched recursively for Markdown files; `.gitignore`
 * files (each applying to its own folder, as git reads them) and the config's
 * `ignores` leave files out; `node_modules` and `.git` are never searched.
 *
 * What the user names is what they get: a file named explicitly is validated
 * even when it is ignored or is not `.md`, and a folder named explicitly is
 * searched even when it is ignored itself (the `.gitignore` files inside it
 * still apply). Ignores only prune what a folder search or a glob finds.
 */
import { existsSync } from 'node:fs';
import { access, readFile, readdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeFsError } from './config-file.js';

export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown'];

/** Folder names never searched, whatever the ignore files say. */
export const ALWAYS_SKIPPED: readonly string[] = ['node_modules', '.git'];

export interface DiscoverOptions {
  /** Folder the inputs are relative to. */
  cwd: string;
  /** Gitignore-style patterns (the config's `ignores`), relative to `ignoreBase`. */
  ignores?: readonly string[];
  /** Folder `ignores` are relative to (the config file's folder); default `cwd`. */
  ignoreBase?: string;
  /** Read `.gitignore` files (default true). */
  gitignore?: boolean;
  /**
   * Told of what a folder search found and cannot read (absolute path, why):
   * a subfolder that cannot be listed, a pipe, socket or device with a
   * Markdown name. The search goes on. Without it such a folder stops the run
   * and such a file is skipped.
   */
  onUnreadableFolder?: (path: string, why: string) => void;
}

/** An input that names nothing readable: the run cannot go on. */
export class DiscoveryError extends Error {
  constructor(
    message: string,
    /** The input as the user typed it. */
    readonly input: string,
  ) {
    super(message);
    this.name = 'DiscoveryError';
  }
}

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** Absolute paths of the files to validate, sorted, without duplicates. */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const cwd = resolve(options.cwd);
  const rules = new IgnoreRules(cwd, options);
  const found = new Set<string>();

  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let info: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      info = await stat(abs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !isDynamicPattern(input)) {
        throw new DiscoveryError(`cannot read '${input}': ${describeFsError(error)}`, input);
      }
    }

    if (info === undefined) {
      for (const file of await expandGlob(input, cwd, rules)) found.add(file);
    } else if (info.isDirectory()) {
      const root = rules.rootFor(abs);
      // A folder named explicitly is searched even if it is ignored itself;
      // then only the .gitignore files inside it apply.
      const scope: Scope = (await rules.isIgnored(abs, true, { root })) ? { root: abs, skipConfig: true } : { root };
      await walk(abs, scope, rules, found, (p) => shown(p, cwd), options.onUnreadableFolder, true);
    } else if (!info.isFile()) {
      // A FIFO would block the read for ever; a device (/dev/zero) never ends.
      throw new DiscoveryError(`cannot read '${input}': not a regular file (a pipe, socket or device)`, input);
    } else {
      try {
        await access(abs, constants.R_OK);
      } catch (error) {
        throw new DiscoveryError(`cannot read '${input}': ${describeFsError(error)}`, input);
      }
      found.add(abs);
    }
  }
  return [...found].sort();
}

async function walk(
  dir: string,
  scope: Scope,
  rules: IgnoreRules,
  out: Set<string>,
  show: (path: string) => string,
  onUnreadable: DiscoverOptions['onUnreadableFolder'],
  named = false,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The folder the user named stops the run; one found inside it is reported and skipped.
    if (named || !onUnreadable) throw new DiscoveryError(`cannot read '${show(dir)}': ${describeFsError(error)}`, show(dir));
    onUnreadable(dir, `a folder that cannot be listed: ${describeFsError(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.includes(entry.name)) continue;
    const abs = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files are read; linked folders are not followed (they can loop).
      try {
        isFile = (await stat(abs)).isFile();
      } catch {
        // A Markdown link that loops or points nowhere is kept: reading it reports why, on it.
        isFile = isMarkdownPath(entry.name);
      }
      isDir = false;
    }
    if (!isDir && !isFile && isMarkdownPath(entry.name) && (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice())) {
      // Reading it would block for ever (a FIFO) or never end (a device): named, never opened.
      if (!(await rules.isIgnored(abs, false, scope))) onUnreadable?.(abs, 'it is a pipe, socket or device, not a regular file');
      continue;
    }
    if (!isDir && !(isFile && isMarkdownPath(entry.name))) continue;
    if (await rules.isIgnored(abs, isDir, scope)) continue;
    if (isDir) await walk(abs, scope, rules, out, show, onUnreadable);
    else out.add(abs);
  }
}

async function expandGlob(pattern: string, cwd: string, rules: IgnoreRules): Promise<string[]> {
  const matches = await glob([pattern], {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ALWAYS_SKIPPED.map((name) => `**/${name}/**`),
  });
  // A pattern that matches nothing is most likely a typo; passing silently in CI would hide it.
  if (matches.length === 0) throw new DiscoveryError(`no files match '${pattern}'`, pattern);
  const out: string[] = [];
  for (const match of matches) {
    const abs = resolve(match);
    if (!(await rules.isIgnoredWithParents(abs, { root: rules.rootFor(resolve(cwd, globBase(pattern))) }))) out.push(abs);
  }
  return out;
}

/** The literal folder a glob starts from: `docs/*\/x.md` → `docs`. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const literal: string[] = [];
  for (const segment of segments) {
    if (isDynamicPattern(segment)) break;
    literal.push(segment);
  }
  literal.pop(); // the last literal segment may be the file name
  return literal.join('/') || '.';
}

/** Which ignore rules apply: `.gitignore` files from `root` down, and the config's unless `skipConfig`. */
interface Scope {
  root: string;
  skipConfig?: boolean;
}

/** The `.gitignore` files and config `ignores` of one run, read once each. */
class IgnoreRules {
  private readonly gitignores = new Map<string, Promise<Ignore | undefined>>();
  private readonly dirVerdicts = new Map<string, Promise<boolean>>();
  private readonly configIgnore: Ignore | undefined;
  private readonly ignoreBase: string;
  private readonly useGitignore: boolean;

  constructor(
    private readonly cwd: string,
    options: DiscoverOptions,
  ) {
    this.ignoreBase = resolve(options.ignoreBase ?? cwd);
    this.configIgnore = options.ignores && options.ignores.length > 0 ? ignore().add([...options.ignores]) : undefined;
    this.useGitignore = options.gitignore ?? true;
  }

  /**
   * The top folder whose `.gitignore` applies below it: the git work tree
   * root, else the working folder when `path` is inside it, else `path`.
   */
  rootFor(path: string): string {
    for (let dir = path; ; ) {
      if (existsSync(join(dir, '.git'))) return dir;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return isInside(path, this.cwd) ? this.cwd : path;
  }

  /** Whether `path` is ignored by the config, or by the .gitignore files of `scope.root` and the folders down to it. */
  async isIgnored(path: string, isDir: boolean, scope: Scope): Promise<boolean> {
    const { root } = scope;
    if (this.configIgnore && !scope.skipConfig && path !== this.ignoreBase && isInside(path, this.ignoreBase)) {
      if (this.configIgnore.ignores(toPosix(relative(this.ignoreBase, path)) + (isDir ? '/' : ''))) return true;
    }
    if (!this.useGitignore || !isInside(path, root) || path === root) return false;
    let ignored = false;
    // Deeper .gitignore files take precedence, as in git.
    for (const dir of foldersBetween(root, dirname(path))) {
      const rules = await this.gitignoreOf(dir);
      if (!rules) continue;
      const verdict = rules.test(toPosix(relative(dir, path)) + (isDir ? '/' : ''));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /** As `isIgnored`, also when a folder above `path` (below `root`) is ignored: for glob results. */
  async isIgnoredWithParents(path: string, scope: Scope): Promise<boolean> {
    if (isInside(path, scope.root)) {
      for (const dir of foldersBetween(scope.root, dirname(path)).slice(1)) {
        if (await this.isDirIgnored(dir, scope)) return true;
      }
    }
    return this.isIgnored(path, false, scope);
  }

  private isDirIgnored(dir: string, scope: Scope): Promise<boolean> {
    const key = scope.root + '\0' + dir;
    let verdict = this.dirVerdicts.get(key);
    if (!verdict) {
      verdict = this.isIgnored(dir, true, scope);
      this.dirVerdicts.set(key, verdict);
    }
    return verdict;
  }

  private gitignoreOf(dir: string): Promise<Ignore | undefined> {
    let rules = this.gitignores.get(dir);
    if (!rules) {
      rules = readFile(join(dir, '.gitignore'), 'utf8').then(
        (text) => ignore().add(text),
        () => undefined,
      );
      this.gitignores.set(dir, rules);
    }
    return rules;
  }
}

/** `from`, then each folder down to `to` (inclusive); `to` must be inside `from`. */
function foldersBetween(from: string, to: string): string[] {
  const out = [from];
  const rel = relative(from, to);
  if (rel === '') return out;
  let dir = from;
  for (const part of rel.split(sep)) {
    dir = join(dir, part);
    out.push(dir);
  }
  return out;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/** A path as the user would type it from `cwd`. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : isAbsolute(rel) ? path : rel;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
