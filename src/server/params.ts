/**
 * What a request or notification must carry before a handler sees it. LSP
 * messages come from another process and are only JSON: a buggy client, a
 * script or a fuzzer can send `params: null`, a position of strings, a text
 * that is a number. Each check here returns the params narrowed to what the
 * handler reads, or undefined when they are malformed, so that the handler
 * answers its empty answer instead of throwing a TypeError.
 *
 * Only what the handlers read is checked; unknown fields are let through.
 */
import type {
  CodeActionParams,
  Diagnostic,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  FileEvent,
  Position,
  Range,
  ReferenceParams,
  TextDocumentContentChangeEvent,
  TextDocumentIdentifier,
  TextDocumentPositionParams,
  WillSaveTextDocumentParams,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { ImportDocumentParams, NewDocumentParams, TimelineParams } from '../protocol/requests.js';

type Check<T> = (params: unknown) => T | undefined;
type Fields = Record<string, unknown>;

function isObject(x: unknown): x is Fields {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isUri(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0;
}

/** LSP's `uinteger` (lines, characters). */
function isUinteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** LSP's `integer` (document versions). */
function isInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

export function position(x: unknown): Position | undefined {
  return isObject(x) && isUinteger(x.line) && isUinteger(x.character) ? { line: x.line, character: x.character } : undefined;
}

export function range(x: unknown): Range | undefined {
  if (!isObject(x)) return undefined;
  const start = position(x.start);
  const end = position(x.end);
  return start && end ? { start, end } : undefined;
}

function textDocument(x: unknown): TextDocumentIdentifier | undefined {
  return isObject(x) && isUri(x.uri) ? { uri: x.uri } : undefined;
}

/** `textDocument/documentSymbol` and anything else that names only a document. */
export const textDocumentParams: Check<{ textDocument: TextDocumentIdentifier }> = (p) => {
  const doc = isObject(p) ? textDocument(p.textDocument) : undefined;
  return doc && { textDocument: doc };
};

/** Hover, completion, definition. */
export const textDocumentPositionParams: Check<TextDocumentPositionParams> = (p) => {
  if (!isObject(p)) return undefined;
  const doc = textDocument(p.textDocument);
  const at = position(p.position);
  return doc && at && { textDocument: doc, position: at };
};

export const referenceParams: Check<ReferenceParams> = (p) => {
  const at = textDocumentPositionParams(p);
  if (!at || !isObject(p) || !isObject(p.context) || typeof p.context.includeDeclaration !== 'boolean') return undefined;
  return { ...at, context: { includeDeclaration: p.context.includeDeclaration } };
};

export const workspaceSymbolParams: Check<{ query: string }> = (p) => (isObject(p) && typeof p.query === 'string' ? { query: p.query } : undefined);

/**
 * Code actions read the diagnostics the client sends back; those that are not
 * objects with a range are left out (the fixes in their `data` are checked
 * where they are read, see code-actions.ts).
 */
export const codeActionParams: Check<CodeActionParams> = (p) => {
  if (!isObject(p) || !isObject(p.context) || !Array.isArray(p.context.diagnostics)) return undefined;
  const doc = textDocument(p.textDocument);
  const at = range(p.range);
  const only = p.context.only;
  if (!doc || !at || (only !== undefined && !(Array.isArray(only) && only.every((k) => typeof k === 'string')))) return undefined;
  const diagnostics = p.context.diagnostics.filter((d): d is Diagnostic => isObject(d) && range(d.range) !== undefined);
  return { textDocument: doc, range: at, context: { diagnostics, ...(only !== undefined ? { only: only as string[] } : {}) } };
};

export const timelineParams: Check<TimelineParams> = (p) => {
  if (!isObject(p) || (p.scope !== 'document' && p.scope !== 'workspace') || (p.uri !== undefined && typeof p.uri !== 'string')) return undefined;
  return { scope: p.scope, ...(p.uri !== undefined ? { uri: p.uri } : {}) };
};

const NEW_DOCUMENT_TYPES: readonly string[] = ['terms-of-reference', 'minutes', 'agenda', 'resolution', 'timeline'] satisfies NewDocumentParams['type'][];

export const newDocumentParams: Check<NewDocumentParams> = (p) => {
  if (!isObject(p) || typeof p.type !== 'string' || !NEW_DOCUMENT_TYPES.includes(p.type)) return undefined;
  if ((p.terms !== undefined && typeof p.terms !== 'string') || (p.date !== undefined && typeof p.date !== 'string') || (p.body !== undefined && typeof p.body !== 'string')) return undefined;
  return {
    type: p.type as NewDocumentParams['type'],
    ...(p.terms !== undefined ? { terms: p.terms } : {}),
    ...(p.body !== undefined && p.body.trim() !== '' ? { body: p.body.trim().slice(0, 300) } : {}),
    ...(p.date !== undefined ? { date: p.date } : {}),
  };
};

export const importDocumentParams: Check<ImportDocumentParams> = (p) => (isObject(p) && isUri(p.uri) && p.uri.startsWith('file:') ? { uri: p.uri } : undefined);

/** `govmark/documents` and `govmark/validateWorkspace` take no params: whatever comes is ignored. */
export const noParams: Check<Record<string, never>> = () => ({});

// --- notifications -------------------------------------------------------------

export const didOpenParams: Check<DidOpenTextDocumentParams> = (p) => {
  if (!isObject(p) || !isObject(p.textDocument)) return undefined;
  const { uri, languageId, version, text } = p.textDocument;
  if (!isUri(uri) || !isInteger(version) || typeof text !== 'string') return undefined;
  return { textDocument: { uri, languageId: typeof languageId === 'string' ? languageId : 'markdown', version, text } };
};

function contentChange(x: unknown): TextDocumentContentChangeEvent | undefined {
  if (!isObject(x) || typeof x.text !== 'string') return undefined;
  if (x.range === undefined) return x.rangeLength === undefined ? { text: x.text } : undefined;
  const at = range(x.range);
  if (!at || (x.rangeLength !== undefined && !isUinteger(x.rangeLength))) return undefined;
  return { range: at, text: x.text };
}

/** A change is applied whole or not at all: one malformed content change rejects the notification. */
export const didChangeParams: Check<DidChangeTextDocumentParams> = (p) => {
  if (!isObject(p) || !isObject(p.textDocument) || !Array.isArray(p.contentChanges)) return undefined;
  const { uri, version } = p.textDocument;
  if (!isUri(uri) || !isInteger(version)) return undefined;
  const changes = p.contentChanges.map(contentChange);
  if (changes.some((c) => c === undefined)) return undefined;
  return { textDocument: { uri, version }, contentChanges: changes as TextDocumentContentChangeEvent[] };
};

/** `didClose`, `didSave`, `willSave`: only the document is read. */
export const didCloseParams: Check<DidCloseTextDocumentParams> = textDocumentParams;

export const willSaveParams: Check<WillSaveTextDocumentParams> = (p) => {
  const doc = textDocumentParams(p);
  const reason = isObject(p) ? p.reason : undefined;
  return doc && (reason === 1 || reason === 2 || reason === 3) ? { ...doc, reason } : undefined;
};

const FILE_CHANGE_TYPES = new Set([1, 2, 3]);

/** File events that are malformed are left out; the others are handled. */
export const fileEvents: Check<FileEvent[]> = (p) => {
  if (!isObject(p) || !Array.isArray(p.changes)) return undefined;
  return p.changes.filter((c): c is FileEvent => isObject(c) && isUri(c.uri) && FILE_CHANGE_TYPES.has(c.type as number));
};

export const workspaceFoldersChange: Check<WorkspaceFoldersChangeEvent> = (p) => {
  const event = isObject(p) ? p.event : undefined;
  if (!isObject(event) || !Array.isArray(event.added) || !Array.isArray(event.removed)) return undefined;
  const folders = (list: unknown[]) => list.filter((f): f is { uri: string; name: string } => isObject(f) && isUri(f.uri)).map((f) => ({ uri: f.uri, name: typeof f.name === 'string' ? f.name : '' }));
  return { added: folders(event.added), removed: folders(event.removed) };
};

/** The parts of `initialize` the server reads; anything malformed reads as absent. */
export function initializeParams(p: unknown): { capabilities: Fields; initializationOptions: Fields; folderUris: string[] } {
  const params = isObject(p) ? p : {};
  const folders = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.filter((f) => isObject(f) && isUri(f.uri)).map((f) => (f as Fields).uri as string) : undefined;
  return {
    capabilities: isObject(params.capabilities) ? params.capabilities : {},
    initializationOptions: isObject(params.initializationOptions) ? params.initializationOptions : {},
    folderUris: folders ?? (isUri(params.rootUri) ? [params.rootUri] : []),
  };
}
