/**
 * The language service in process, without LSP: what the language server
 * answers (diagnostics, completion, hover, document symbols, quick fixes),
 * as functions over texts and a workspace held in memory, after
 * yaml-language-server's `getLanguageService()`. For hosts that are not an
 * LSP client: a web editor (Monaco, CodeMirror), a documentation site, a
 * test. The results are LSP's shapes (`vscode-languageserver-types`), made
 * by the same functions the server uses, so the answers cannot differ.
 *
 * ```ts
 * import { getLanguageService } from 'govmark/server';
 * const service = getLanguageService();
 * service.setDocument({ uri: 'file:///tor.md', text: terms });   // context for the others
 * const diagnostics = service.validate({ uri: 'file:///minutes.md', text: minutes });
 * const items = service.complete({ uri: 'file:///minutes.md', text: minutes }, { line: 3, character: 7 });
 * ```
 *
 * Everything runs on the calling thread: a text that looks expensive for the
 * Markdown parser (see `looksExpensive`) is read by the bounded line-by-line
 * pass instead, with a `too-complex` warning, as the server does past its bound.
 */
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver/node';
import { resolveConfig, type ResolvedConfig } from '../core/config.js';
import { LineIndex } from '../core/text/lines.js';
import { Workspace, type DocumentAnalysis } from '../core/workspace/workspace.js';
import { codeActions as codeActionsOf } from './code-actions.js';
import { completion } from './completion.js';
import { toDiagnostic } from './diagnostics.js';
import { documentSymbols as symbolsOf } from './document-symbols.js';
import { toOffset } from './edge.js';
import { hover as hoverOf } from './hover.js';
import { looksExpensive } from './store.js';

/** A document as the service takes it: its URI (`file:///…` or any scheme) and its current text. */
export interface TextDocumentInput {
  uri: string;
  text: string;
}

/** How the language service is set up. */
export interface LanguageServiceOptions {
  /** The configuration (`loadConfig` from `govmark/node` reads a repository's); default: the defaults. */
  config?: ResolvedConfig;
}

/**
 * govmark's editor features in-process, with no LSP connection: diagnostics,
 * completion, hover, symbols and quick fixes for documents given as text, in
 * LSP's types (0-based lines and UTF-16 characters).
 */
export interface GovmarkLanguageService {
  /** Adds or replaces a document of the workspace: the others are context for each one's cross-document checks and completion of ids. */
  setDocument(document: TextDocumentInput): void;
  /** Removes a document from the workspace. */
  removeDocument(uri: string): void;
  /** The URIs of the documents held, in the order they were added. */
  documents(): string[];
  /** Uses another configuration from now on (every document is read again). */
  configure(config: ResolvedConfig): void;
  /** The diagnostics of one document (it is added to the workspace, or replaced), cross-document checks included. */
  validate(document: TextDocumentInput): Diagnostic[];
  /** The diagnostics of every document held, by URI. */
  validateWorkspace(): Map<string, Diagnostic[]>;
  /** Completion at a position (keys, types, ids, dates, section headings), as the server offers it. */
  complete(document: TextDocumentInput, position: Position): CompletionList;
  /** Hover at a position: what a key, type, id or date means. */
  hover(document: TextDocumentInput, position: Position): Hover | null;
  /** The outline of meaning: members, resolutions, actions, milestones. */
  documentSymbols(document: TextDocumentInput): DocumentSymbol[];
  /**
   * Quick fixes for diagnostics of the document (those `validate` returned, which carry their
   * fixes), optionally only those overlapping `range`.
   */
  codeActions(document: TextDocumentInput, diagnostics: readonly Diagnostic[], range?: Range): CodeAction[];
}

/** A language service over documents the caller gives (`validate`, `hover`...), checked together as one workspace. */
export function getLanguageService(options: LanguageServiceOptions = {}): GovmarkLanguageService {
  if (options === null || typeof options !== 'object') throw new TypeError('getLanguageService: `options` must be an object ({ config? })');
  let workspace = new Workspace(options.config ?? resolveConfig());
  const texts = new Map<string, string>();

  function checked(document: TextDocumentInput, what: string): TextDocumentInput {
    if (document === null || typeof document !== 'object' || typeof document.uri !== 'string' || typeof document.text !== 'string') {
      throw new TypeError(`${what}: the document must be { uri: string, text: string }`);
    }
    return document;
  }

  function set(document: TextDocumentInput): DocumentAnalysis {
    const { uri, text } = document;
    texts.delete(uri);
    texts.set(uri, text);
    const existing = workspace.get(uri);
    if (existing && existing.doc.text === text.replace(/^\ufeff/, '')) return existing;
    return looksExpensive(text)
      ? workspace.set(uri, text, { mode: 'cheap', cheapReason: 'This document is too complex to check fully in the editor (it may stall the Markdown parser)' })
      : workspace.set(uri, text);
  }

  function position(p: Position, what: string): Position {
    if (p === null || typeof p !== 'object' || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) {
      throw new TypeError(`${what}: the position must be { line, character }, whole numbers from 0`);
    }
    return p;
  }

  return {
    setDocument(document) {
      set(checked(document, 'setDocument'));
    },
    removeDocument(uri) {
      if (typeof uri !== 'string') throw new TypeError('removeDocument: `uri` must be a string');
      texts.delete(uri);
      workspace.delete(uri);
    },
    documents() {
      return [...texts.keys()];
    },
    configure(config) {
      if (config === null || typeof config !== 'object') throw new TypeError('configure: `config` must be a resolved configuration (resolveConfig or loadConfig)');
      workspace = new Workspace(config);
      // A copy: `set` moves each entry to the end of `texts`, which would make this loop endless.
      for (const [uri, text] of [...texts]) set({ uri, text });
    },
    validate(document) {
      const { uri } = checked(document, 'validate');
      set(document);
      return workspace.checkOne(uri).map((m) => toDiagnostic(m, undefined));
    },
    validateWorkspace() {
      const out = new Map<string, Diagnostic[]>();
      for (const [uri, messages] of workspace.check()) out.set(uri, messages.map((m) => toDiagnostic(m, undefined)));
      return out;
    },
    complete(document, at) {
      const { uri, text } = checked(document, 'complete');
      position(at, 'complete');
      set(document);
      const lines = new LineIndex(text);
      return completion({ uri, text, lines, offset: toOffset(lines, at), config: workspace.config, index: workspace.index() });
    },
    hover(document, at) {
      checked(document, 'hover');
      position(at, 'hover');
      const { doc } = set(document);
      return hoverOf(doc, toOffset(doc.lines, at), workspace.config, workspace.index());
    },
    documentSymbols(document) {
      checked(document, 'documentSymbols');
      return symbolsOf(set(document).doc);
    },
    codeActions(document, diagnostics, range) {
      const { uri } = checked(document, 'codeActions');
      if (!Array.isArray(diagnostics)) throw new TypeError('codeActions: `diagnostics` must be an array (those validate returned)');
      set(document);
      const wanted = range ? diagnostics.filter((d) => overlaps(d.range, range)) : diagnostics;
      return codeActionsOf({ params: { textDocument: { uri }, range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [...wanted] } }, version: undefined, versionedEdits: false });
    },
  };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
