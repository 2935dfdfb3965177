/** Messages between the pool and its worker threads: plain data, cheap to clone. */
import type { GovMessage } from '../core/message.js';
import type { DocumentData, GovDocument, SourceEntry } from '../core/model.js';
import type { DocumentSummary } from '../core/workspace/summary.js';
import type { DocumentAnalysis } from '../core/workspace/workspace.js';

export interface WorkerRequest {
  id: number;
  uri: string;
  /** The text, or a path the worker reads itself. */
  text?: string;
  path?: string;
  type?: string;
  /** Also send back the model (for `inspect` and the editor). */
  includeModel?: boolean;
}

/** What one document yields, without the parsed tree: cacheable and sendable. */
export interface AnalysisResult {
  type?: string;
  complete: boolean;
  messages: GovMessage[];
  summary: DocumentSummary;
  model?: SerializedModel;
}

export interface SerializedModel {
  uri: string;
  type?: string;
  typeSource: GovDocument['typeSource'];
  complete: boolean;
  data: DocumentData;
  sourceMap: Record<string, SourceEntry>;
}

export type WorkerResponse =
  | { id: number; ok: true; result: AnalysisResult }
  | { id: number; ok: false; error: string }
  /** Sent once, when the worker has loaded and can take documents. */
  | { ready: true };

export function serializeModel(doc: GovDocument): SerializedModel {
  return {
    uri: doc.uri,
    type: doc.type,
    typeSource: doc.typeSource,
    complete: doc.complete,
    data: doc.data,
    sourceMap: Object.fromEntries(doc.sourceMap),
  };
}

export function toResult(a: DocumentAnalysis, includeModel: boolean): AnalysisResult {
  const result: AnalysisResult = { type: a.doc.type, complete: a.doc.complete, messages: a.messages, summary: a.summary };
  if (includeModel) result.model = serializeModel(a.doc);
  return result;
}
