/** The timeline model: what the preview, the CLI's `timeline` command and the language server draw. */
export { timelineOf, workspaceTimeline, sortEntries, documentTitle } from './entries.js';
export { toLspRange } from './lsp-range.js';
