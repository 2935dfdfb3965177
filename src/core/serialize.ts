/**
 * A parsed document as plain JSON data and back. The model is JSON already;
 * what is not is the source map (a `Map`) and the line index (a class over the
 * text): the serialized form keeps the map as an object and the text, and the
 * line index is rebuilt from the text on the way back.
 */
import { expectArgument } from './arguments.js';
import type { GovMessage } from './message.js';
import type { DocumentData, GovDocument, SourceEntry } from './model.js';
import { LineIndex } from './text/lines.js';
import type { Range } from './text/range.js';

/** The model of a document without its text: what worker threads send back and caches keep. */
export interface SerializedModel {
  uri: string;
  type?: string;
  typeSource: GovDocument['typeSource'];
  typeInference?: GovDocument['typeInference'];
  complete: boolean;
  data: DocumentData;
  /** `GovDocument.sourceMap` as an object: JSON pointer → where the value came from. */
  sourceMap: Record<string, SourceEntry>;
}

/** The value of `SerializedDocument.format`, changed if the shape ever changes incompatibly. */
export const SERIALIZED_DOCUMENT_FORMAT = 'govmark-document/1';

/**
 * A whole parsed document as JSON-safe data (`serializeDocument`,
 * `JSON.stringify(doc)`): the model, its source map, the text the ranges refer
 * to and the messages found while reading. `deserializeDocument` turns it back
 * into a `GovDocument`.
 */
export interface SerializedDocument extends SerializedModel {
  format: typeof SERIALIZED_DOCUMENT_FORMAT;
  text: string;
  messages: GovMessage[];
  frontMatterRange?: Range;
  frontMatterContentRange?: Range;
}

/** The model of a document without its text, as plain data (`sourceMap` becomes an object). */
export function serializeModel(doc: GovDocument): SerializedModel {
  return {
    uri: doc.uri,
    type: doc.type,
    typeSource: doc.typeSource,
    ...(doc.typeInference ? { typeInference: doc.typeInference } : {}),
    complete: doc.complete,
    data: doc.data,
    sourceMap: Object.fromEntries(doc.sourceMap),
  };
}

/**
 * A parsed document as plain JSON-safe data, for storing it or sending it
 * elsewhere; `JSON.stringify(doc)` gives the same. The objects of the model
 * are shared with `doc`, not copied.
 */
export function serializeDocument(doc: GovDocument): SerializedDocument {
  expectArgument(!!doc && typeof doc === 'object' && doc.sourceMap instanceof Map && typeof doc.text === 'string', 'serializeDocument', 'doc', 'a document from parse()', doc);
  return {
    format: SERIALIZED_DOCUMENT_FORMAT,
    ...serializeModel(doc),
    text: doc.text,
    messages: doc.messages,
    ...(doc.frontMatterRange ? { frontMatterRange: doc.frontMatterRange } : {}),
    ...(doc.frontMatterContentRange ? { frontMatterContentRange: doc.frontMatterContentRange } : {}),
  };
}

/**
 * The document that `serializeDocument` (or `JSON.stringify(doc)`) wrote,
 * given as the object or as its JSON text: the same model, a working source
 * map (`rangeOf`, `locate`) and line index (`lines`).
 */
export function deserializeDocument(json: SerializedDocument | string): GovDocument {
  const data: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  const p = data as Partial<SerializedDocument> | null;
  const ok = !!p && typeof p === 'object' && typeof p.text === 'string' && !!p.data && !!p.sourceMap && typeof p.sourceMap === 'object';
  expectArgument(ok, 'deserializeDocument', 'json', 'what serializeDocument() or JSON.stringify(doc) wrote', data);
  const s = data as SerializedDocument;
  const doc: GovDocument = {
    uri: s.uri ?? 'untitled:document.md',
    text: s.text,
    lines: new LineIndex(s.text),
    type: s.type,
    typeSource: s.typeSource ?? (s.type === undefined ? 'none' : 'front-matter'),
    ...(s.typeInference ? { typeInference: s.typeInference } : {}),
    data: s.data,
    sourceMap: new Map(Object.entries(s.sourceMap)),
    frontMatterRange: s.frontMatterRange,
    frontMatterContentRange: s.frontMatterContentRange,
    messages: s.messages ?? [],
    complete: s.complete ?? true,
  };
  return withJSON(doc);
}

/**
 * Gives `doc` a `toJSON` so that `JSON.stringify(doc)` writes its serialized
 * form. Not enumerable: the document's own data (and deep-equality of two
 * documents) is unchanged.
 */
export function withJSON(doc: GovDocument): GovDocument {
  Object.defineProperty(doc, 'toJSON', {
    value: function (this: GovDocument) {
      return serializeDocument(this);
    },
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return doc;
}
