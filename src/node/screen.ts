/**
 * The pre-screen: whether a file is a governance document at all, decided
 * before anything is parsed (most Markdown in a repository is not). Shared by
 * the main thread and the workers, which screen the files they read themselves.
 */
import { inferKind } from '../core/kind/infer.js';

/**
 * True when the text declares its type: front matter with a `type:` key.
 * Decided from the first bytes.
 */
export function mayBeGovernance(text: string): boolean {
  const fm = frontMatterHead(text);
  return fm !== undefined && /^type[ \t]*:/m.test(fm);
}

/** The `type:` the front matter declares, as written (`minutes`, `board-paper`), from the first bytes. */
export function declaredType(text: string): string | undefined {
  const fm = frontMatterHead(text);
  return fm === undefined ? undefined : /^type[ \t]*:[ \t]*['"]?([\w-]+)/m.exec(fm)?.[1];
}

/** The front matter block's text (up to its closing line, within the first 64 KB), when the text opens with one. */
function frontMatterHead(text: string): string | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return undefined;
  const head = text.slice(start, start + 65536);
  const close = /\n(?:---|\.\.\.)[ \t]*\r?(?:\n|$)/.exec(head);
  return close ? head.slice(0, close.index) : head;
}

export interface Screened {
  skip: boolean;
  /** The type a config glob gives the file, when its front matter declares none. */
  configType?: string;
}

/**
 * How a file is read: as its front matter's `type:` says; else as the type a
 * config glob gives its path (`fallbackType`); else as the kind its path and
 * text show (`path` relative to the workspace); else not at all (`skip`).
 */
export function screenedType(text: string, fallbackType: string | undefined, path?: string, infer = true): Screened {
  if (mayBeGovernance(text)) return { skip: false };
  if (fallbackType !== undefined) return { skip: false, configType: fallbackType };
  if (!infer) return { skip: true };
  return { skip: inferKind({ text, path }).type === undefined };
}
