/**
 * govmark's version and home, for `--version` and the SARIF driver: the same
 * values as src/version.ts (a test keeps that equal to package.json's version),
 * so the CLI, the server and the links in diagnostics never disagree.
 */
export { REPOSITORY as HOMEPAGE, VERSION } from '../version.js';
