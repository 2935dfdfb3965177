/**
 * `govmark/importDocument`: reads a paper with the node-side readers
 * (src/node/import/read.ts) and imports it with the core's `importText`,
 * the same steps as `govmark import`. The editor writes and opens the
 * files: the server writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { importText } from '../core/import/index.js';
import { readPaper } from '../node/import/read.js';
import type { ImportDocumentParams, ImportDocumentResult } from '../protocol/requests.js';

const COUNTED = ['items', 'resolutions', 'attendees', 'apologies', 'actions', 'milestones', 'functions', 'seats'] as const;

export async function importDocument(params: ImportDocumentParams): Promise<ImportDocumentResult> {
  let paper;
  try {
    paper = await readPaper(fileURLToPath(params.uri));
  } catch (error) {
    return { documents: [], error: error instanceof Error ? error.message : String(error) };
  }
  const result = importText(paper);
  return {
    documents: result.documents.map((d) => ({
      fileName: d.fileName,
      markdown: d.markdown,
      ...(d.type ? { type: d.type } : {}),
      summary: COUNTED.filter((k) => d.report.counts[k] > 0).map((k) => `${d.report.counts[k]} ${k}`).join(', ') || 'text only',
      uncertain: d.report.uncertain.map((u) => ({ code: u.code, message: u.message, ...(u.outputLine !== undefined ? { line: u.outputLine } : {}) })),
    })),
  };
}
