/**
 * Which files a run validates, from what the user typed: files, folders and
 * globs. Folders are searched recursively for Markdown files; `.gitignore`
 * files (each applying to its own folder, as git reads them) and the config's
 * `ignores` leave files out; `node_modules` and `.git` are never searched.
 *
 * The work tree's `.git/info/exclude` applies like a top-level `.gitignore`.
 *
 * What the user names is what they get: a file named explicitly is validated
 * even when it is ignored or is not `.md`, and a folder named explicitly is
 * searched even when it is ignored itself (the `.gitignore` files inside it
 * still apply). Ignores only prune what a folder search or a glob finds.
 *
 * As in markdownlint-cli2, an input starting with `!` (or `#`, which shells
 * leave alone) is a negation: a glob whose matches, and everything inside
 * the folders it matches, are left out of what the other inputs find, files
 * named explicitly included. With `requireMatches` (the CLI), each other
 * input must find something: one that finds nothing, or only what is
 * ignored, is a `DiscoveryError` naming it and saying why.
 */
import { access, readFile, readdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gitWorkTree, isInside } from './paths.js';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DiscoveryError } from './errors.js';
import { describeFsError } from './fs-errors.js';

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
  /**
   * Each input that is not a negation must find at least one file: a glob or
   * folder that finds none, or only ignored ones, and a file a negation
   * leaves out, are a `DiscoveryError` naming the input and why. For a run
   * someone asked for (the CLI); an editor's empty workspace is no error.
   */
  requireMatches?: boolean;
}

/** Whether an input is a negation (`!drafts/**`, or `#drafts/**` where `!` is awkward in a shell). */
export function isNegation(input: string): boolean {
  return input.startsWith('!') || input.startsWith('#');
}

/** Why something found was left out: an ignore file, the config, or a negation as the user typed it. */
type LeftOutBy = '.gitignore' | '.git/info/exclude' | 'config ignores' | `excluded by '${string}'`;

export { DiscoveryError };

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** Absolute paths of the files to validate, sorted, without duplicates. */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const cwd = resolve(options.cwd);
  const rules = new IgnoreRules(cwd, options);
  const found = new Set<string>();
  const negations = await Negations.expand(inputs.filter(isNegation), cwd);
  const positives = inputs.filter((input) => !isNegation(input));
  // Only negations: they leave things out of the working folder, as with no inputs at all.
  if (positives.length === 0 && inputs.length > 0) positives.push('.');

  for (const input of positives) {
    const abs = resolve(cwd, input);
    // What this input found (before duplicates are dropped) and why the rest was left out.
    const mine = new Set<string>();
    const leftOut = new Set<LeftOutBy>();
    let reported = 0;
    const onUnreadable = options.onUnreadableFolder && ((path: string, why: string) => {
      reported++;
      options.onUnreadableFolder!(path, why);
    });
    let info: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      info = await stat(abs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !isDynamicPattern(input)) {
        throw new DiscoveryError(`cannot read '${input}': ${describeFsError(error)}`, input);
      }
    }

    if (info === undefined) {
      const matched = await expandGlob(input, cwd, rules, negations, mine, leftOut);
      // A pattern that matches nothing is most likely a typo; passing silently in CI would hide it.
      if (matched === 0) throw new DiscoveryError(`'${input}' matches no files`, input);
      if (mine.size === 0 && options.requireMatches) throw new DiscoveryError(`'${input}' matches only ignored files (${listLeftOut(leftOut)})`, input);
    } else if (info.isDirectory()) {
      const by = negations.excluding(abs);
      if (by !== undefined) leftOut.add(by);
      else {
        const root = rules.rootFor(abs);
        // A folder named explicitly is searched even if it is ignored itself;
        // then only the .gitignore files inside it apply.
        const scope: Scope = (await rules.ignoredBy(abs, true, { root })) ? { root: abs, skipConfig: true } : { root };
        await walk(abs, scope, { rules, negations, out: mine, leftOut, show: (p) => shown(p, cwd), onUnreadable }, true);
      }
      if (mine.size === 0 && reported === 0 && options.requireMatches) {
        throw new DiscoveryError(
          leftOut.size > 0
            ? `'${input}' holds no Markdown files that are not ignored (${listLeftOut(leftOut)})`
            : `'${input}' holds no Markdown files (*.md, *.markdown; node_modules and .git are not searched)`,
          input,
        );
      }
    } else if (!info.isFile()) {
      // A FIFO would block the read for ever; a device (/dev/zero) never ends.
      throw new DiscoveryError(`cannot read '${input}': not a regular file (a pipe, socket or device)`, input);
    } else {
      try {
        await access(abs, constants.R_OK);
      } catch (error) {
        throw new DiscoveryError(`cannot read '${input}': ${describeFsError(error)}`, input);
      }
      // Named explicitly, it is checked whatever the ignore files say; a negation on the same command line still wins.
      const by = negations.excluding(abs);
      if (by === undefined) mine.add(abs);
      else if (options.requireMatches) throw new DiscoveryError(`'${input}' is ${by}, so nothing is left to check from it`, input);
    }
    for (const file of mine) found.add(file);
  }
  return [...found].sort();
}

/** `.gitignore, config ignores, excluded by '!x'`: the ignore files first, in a fixed order, then the negations as typed. */
function listLeftOut(leftOut: ReadonlySet<LeftOutBy>): string {
  const order: LeftOutBy[] = ['.gitignore', '.git/info/exclude', 'config ignores'];
  return [...order.filter((by) => leftOut.has(by)), ...[...leftOut].filter((by) => !order.includes(by))].join(', ');
}

/** What a folder search shares down the tree. */
interface WalkState {
  rules: IgnoreRules;
  negations: Negations;
  out: Set<string>;
  /** Why Markdown files or folders were left out. */
  leftOut: Set<LeftOutBy>;
  show: (path: string) => string;
  onUnreadable: DiscoverOptions['onUnreadableFolder'];
}

async function walk(dir: string, scope: Scope, state: WalkState, named = false): Promise<void> {
  const { rules, negations, out, leftOut, show, onUnreadable } = state;
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
    const special = !isDir && !isFile && isMarkdownPath(entry.name) && (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice());
    if (!special && !isDir && !(isFile && isMarkdownPath(entry.name))) continue;
    const by = negations.excludingItself(abs) ?? (await rules.ignoredBy(abs, isDir, scope));
    if (by !== undefined) {
      leftOut.add(by);
      continue;
    }
    // Reading it would block for ever (a FIFO) or never end (a device): named, never opened.
    if (special) onUnreadable?.(abs, 'it is a pipe, socket or device, not a regular file');
    else if (isDir) await walk(abs, scope, state);
    else out.add(abs);
  }
}

/** Adds what `pattern` matches and is not left out to `out`; the number of files it matched at all. */
async function expandGlob(pattern: string, cwd: string, rules: IgnoreRules, negations: Negations, out: Set<string>, leftOut: Set<LeftOutBy>): Promise<number> {
  const matches = await glob([pattern], {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ALWAYS_SKIPPED.map((name) => `**/${name}/**`),
  });
  const root = rules.rootFor(resolve(cwd, globBase(pattern)));
  for (const match of matches) {
    const abs = resolve(match);
    const by = negations.excluding(abs) ?? (await rules.ignoredWithParentsBy(abs, { root }));
    if (by === undefined) out.add(abs);
    else leftOut.add(by);
  }
  return matches.length;
}

/**
 * The negations of one run, expanded once: the paths they match (files and
 * folders). A path is left out when it, or a folder above it, is one.
 */
class Negations {
  private constructor(private readonly matched: Map<string, string>) {}

  static async expand(inputs: readonly string[], cwd: string): Promise<Negations> {
    const matched = new Map<string, string>();
    for (const input of inputs) {
      const pattern = input.slice(1);
      if (pattern.trim() === '') throw new DiscoveryError(`'${input}' leaves nothing out: write the files or folders to leave out after the ${input[0]} ('${input[0]}drafts/**')`, input);
      const paths = await glob([pattern], { cwd, absolute: true, onlyFiles: false, dot: true, expandDirectories: false, ignore: ALWAYS_SKIPPED.map((name) => `**/${name}/**`) });
      for (const path of paths) {
        const abs = resolve(path);
        if (!matched.has(abs)) matched.set(abs, input);
      }
    }
    return new Negations(matched);
  }

  /** The negation that leaves out `path` itself, if any (a folder search checks each folder on the way down). */
  excludingItself(path: string): LeftOutBy | undefined {
    const input = this.matched.get(path);
    return input === undefined ? undefined : `excluded by '${input}'`;
  }

  /** The negation that leaves out `path` or a folder above it, if any. */
  excluding(path: string): LeftOutBy | undefined {
    if (this.matched.size === 0) return undefined;
    for (let dir = path; ; ) {
      const by = this.excludingItself(dir);
      if (by !== undefined) return by;
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }
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

/** The `.gitignore` files, `.git/info/exclude` and config `ignores` of one run, read once each. */
class IgnoreRules {
  private readonly gitignores = new Map<string, Promise<Ignore | undefined>>();
  private readonly excludes = new Map<string, Promise<Ignore | undefined>>();
  private readonly dirVerdicts = new Map<string, Promise<LeftOutBy | undefined>>();
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
    return gitWorkTree(path) ?? (isInside(path, this.cwd) ? this.cwd : path);
  }

  /**
   * What leaves `path` out, if anything: the config, or the ignore files of
   * `scope.root` and the folders down to it (`.git/info/exclude` first when
   * the root is a work tree, then each `.gitignore`, deeper ones taking
   * precedence, as in git).
   */
  async ignoredBy(path: string, isDir: boolean, scope: Scope): Promise<LeftOutBy | undefined> {
    const { root } = scope;
    if (this.configIgnore && !scope.skipConfig && path !== this.ignoreBase && isInside(path, this.ignoreBase)) {
      if (this.configIgnore.ignores(toPosix(relative(this.ignoreBase, path)) + (isDir ? '/' : ''))) return 'config ignores';
    }
    if (!this.useGitignore || !isInside(path, root) || path === root) return undefined;
    let by: LeftOutBy | undefined;
    const exclude = await this.excludeOf(root);
    if (exclude?.ignores(toPosix(relative(root, path)) + (isDir ? '/' : ''))) by = '.git/info/exclude';
    for (const dir of foldersBetween(root, dirname(path))) {
      const rules = await this.gitignoreOf(dir);
      if (!rules) continue;
      const verdict = rules.test(toPosix(relative(dir, path)) + (isDir ? '/' : ''));
      if (verdict.ignored) by = '.gitignore';
      else if (verdict.unignored) by = undefined;
    }
    return by;
  }

  /** As `ignoredBy`, also when a folder above `path` (below `root`) is ignored: for glob results. */
  async ignoredWithParentsBy(path: string, scope: Scope): Promise<LeftOutBy | undefined> {
    if (isInside(path, scope.root)) {
      for (const dir of foldersBetween(scope.root, dirname(path)).slice(1)) {
        const by = await this.dirIgnoredBy(dir, scope);
        if (by !== undefined) return by;
      }
    }
    return this.ignoredBy(path, false, scope);
  }

  private dirIgnoredBy(dir: string, scope: Scope): Promise<LeftOutBy | undefined> {
    const key = scope.root + '\0' + dir;
    let verdict = this.dirVerdicts.get(key);
    if (!verdict) {
      verdict = this.ignoredBy(dir, true, scope);
      this.dirVerdicts.set(key, verdict);
    }
    return verdict;
  }

  private gitignoreOf(dir: string): Promise<Ignore | undefined> {
    let rules = this.gitignores.get(dir);
    if (!rules) {
      rules = readIgnoreFile(join(dir, '.gitignore'));
      this.gitignores.set(dir, rules);
    }
    return rules;
  }

  /** The `info/exclude` of the work tree at `root`, if `root` is one and has it. */
  private excludeOf(root: string): Promise<Ignore | undefined> {
    let rules = this.excludes.get(root);
    if (!rules) {
      rules = gitCommonDir(root).then((common) => (common === undefined ? undefined : readIgnoreFile(join(common, 'info', 'exclude'))));
      this.excludes.set(root, rules);
    }
    return rules;
  }
}

async function readIgnoreFile(path: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The folder of a work tree's shared git files (where `info/exclude` is):
 * `.git` itself, or for a linked work tree (`git worktree add`, a submodule),
 * where its `.git` file points, following `commondir`.
 */
async function gitCommonDir(root: string): Promise<string | undefined> {
  const dotGit = join(root, '.git');
  let info;
  try {
    info = await stat(dotGit);
  } catch {
    return undefined;
  }
  if (info.isDirectory()) return dotGit;
  if (!info.isFile() || info.size > 4096) return undefined;
  try {
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, 'utf8'));
    if (!pointer) return undefined;
    const gitDir = resolve(root, pointer[1]);
    try {
      return resolve(gitDir, (await readFile(join(gitDir, 'commondir'), 'utf8')).trim());
    } catch {
      return gitDir; // a submodule: its git folder is its own
    }
  } catch {
    return undefined;
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

/** A path as the user would type it from `cwd`. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : isAbsolute(rel) ? path : rel;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
