/** Messages between the pool and its worker threads: plain data, cheap to clone. */
import type { GovMessage } from '../core/message.js';
import { serializeModel, type SerializedModel } from '../core/serialize.js';
import type { DocumentSummary } from '../core/workspace/summary.js';
import type { DocumentAnalysis } from '../core/workspace/workspace.js';

export { serializeModel, type SerializedModel };

/** One document for a worker thread: its text or path, how to type it, and whether to send the model back. */
export interface WorkerRequest {
  id: number;
  uri: string;
  /** The text, or a path the worker reads itself. */
  text?: string;
  path?: string;
  /** `--type`: read as this type whatever the file says. */
  type?: string;
  /** The type a config glob gives the file, when its front matter declares none. */
  configType?: string;
  /** The file's path relative to the workspace, for recognising its kind. */
  relPath?: string;
  /**
   * Pre-screen the text first (a file only the worker reads): without a
   * `type:` in its front matter it is read as `fallbackType`, else as the kind
   * it is recognised as, or skipped.
   */
  screen?: { fallbackType?: string };
  /** Also send back the model (for `inspect` and the editor). */
  includeModel?: boolean;
  /** Which config checks it: 0 (or absent) the pool's, n the n-th of its nested configs. */
  configIndex?: number;
  /**
   * The editor's documents: the worker keeps this document's section trees (a chunk cache,
   * for the last few documents asked for this way), so the next version re-parses only the
   * sections an edit touched. The model is the same as a fresh parse gives.
   */
  incremental?: boolean;
}

/**
 * What the pool posts: one request or a batch. A worker reads a batch's
 * documents one after the other, in order, answering each as it finishes, so
 * the pool always knows which document is running (its deadline is per document).
 */
export type WorkerMessage = WorkerRequest | WorkerRequest[];

/** What one document yields, without the parsed tree: cacheable and sendable. */
export interface AnalysisResult {
  type?: string;
  complete: boolean;
  messages: GovMessage[];
  summary: DocumentSummary;
  model?: SerializedModel;
  /** The pre-screen found no governance document: nothing was read. */
  skipped?: true;
}


export type WorkerResponse =
  | { id: number; ok: true; result: AnalysisResult }
  /** `code`: the errno code when the file could not be read. */
  | { id: number; ok: false; error: string; code?: string }
  /** Sent once, when the worker has loaded and can take documents. */
  | { ready: true };


/** The result for a file the pre-screen found not to be a governance document. */
export function skippedResult(uri: string): AnalysisResult {
  const start = { line: 1, column: 1, offset: 0 };
  return { complete: true, messages: [], summary: { uri, refs: [], anchor: { start, end: start } }, skipped: true };
}

export function toResult(a: DocumentAnalysis, includeModel: boolean): AnalysisResult {
  const result: AnalysisResult = { type: a.doc.type, complete: a.doc.complete, messages: a.messages, summary: a.summary };
  if (includeModel) result.model = serializeModel(a.doc);
  return result;
}
