/**
 * The package version and the addresses built from it. Host-free: the core,
 * the server and the CLI all take their links from here, so a published
 * version points at its own docs and schemas (the tag `v<version>`), not at
 * whatever the main branch says today. A test keeps VERSION equal to
 * package.json's.
 */
export const VERSION = '0.1.0';

/** The repository, as package.json's `repository`, `bugs` and `homepage` name it. */
export const REPOSITORY = 'https://github.com/govmark/govmark';

/** The git tag a release is published from. */
export const VERSION_TAG = `v${VERSION}`;

/**
 * The one function that builds a link into the repository at this version's
 * tag: `repositoryUrl('docs/rules/overdue.md')` is the page on GitHub,
 * `repositoryUrl('schemas/x.json', 'raw')` the file itself (for `$schema`).
 */
export function repositoryUrl(path: string, view: 'blob' | 'raw' = 'blob'): string {
  const rel = path.replace(/^\/+/, '');
  return view === 'raw'
    ? `https://raw.githubusercontent.com/govmark/govmark/${VERSION_TAG}/${rel}`
    : `${REPOSITORY}/blob/${VERSION_TAG}/${rel}`;
}
