/**
 * The pre-screen: whether a file is a governance document at all, decided from
 * its first bytes before anything is parsed (most Markdown in a repository is
 * not). Shared by the main thread and the workers, which screen the files they
 * read themselves.
 */

/**
 * True when the text may be a governance document: front matter with a `type:`
 * key. Decided from the first bytes, before anything is parsed.
 */
export function mayBeGovernance(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return false;
  const head = text.slice(start, start + 65536);
  const close = /\n(?:---|\.\.\.)[ \t]*\r?(?:\n|$)/.exec(head);
  const fm = close ? head.slice(0, close.index) : head;
  return /^type[ \t]*:/m.test(fm);
}

/**
 * How a file is read: as its front matter's `type:` says; else as the type a
 * config glob gives its path (`fallbackType`); else not at all (`skip`).
 */
export function screenedType(text: string, fallbackType: string | undefined): { skip: true } | { skip: false; type: string | undefined } {
  if (mayBeGovernance(text)) return { skip: false, type: undefined };
  return fallbackType === undefined ? { skip: true } : { skip: false, type: fallbackType };
}
