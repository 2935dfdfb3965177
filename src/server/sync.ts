/**
 * The editor's text of open documents (`TextDocuments`), fed only with
 * well-formed notifications. `TextDocuments` trusts what it gets: a `didOpen`
 * whose text is null became a document whose text is null, which every
 * workspace request then tripped over until it was closed; a change with a
 * range of strings became NaN offsets and a silently corrupted text. So each
 * notification is checked first (params.ts) and a malformed one is dropped
 * with one log line, as if it never came: the other documents are untouched.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, Disposable, TextDocuments, TextEdit } from 'vscode-languageserver/node';
import { guard, guardNotification, type Logger } from './guard.js';
import { didChangeParams, didCloseParams, didOpenParams, willSaveParams } from './params.js';

type Handler = (params: never, token?: never) => unknown;

export function listenChecked(documents: TextDocuments<TextDocument>, connection: Connection, log: Logger): Disposable {
  const notification = (method: string, check: (p: unknown) => unknown) => (handler: Handler) =>
    connection.onNotification(method, guardNotification(log, method, check, handler as (p: unknown) => void));
  return documents.listen({
    onDidOpenTextDocument: notification('textDocument/didOpen', didOpenParams),
    onDidChangeTextDocument: notification('textDocument/didChange', didChangeParams),
    onDidCloseTextDocument: notification('textDocument/didClose', didCloseParams),
    onWillSaveTextDocument: notification('textDocument/willSave', willSaveParams),
    onDidSaveTextDocument: notification('textDocument/didSave', didCloseParams),
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onRequest(
        'textDocument/willSaveWaitUntil',
        guard(log, 'textDocument/willSaveWaitUntil', (): TextEdit[] => [], willSaveParams, async (params, token) => (await handler(params, token)) ?? []),
      ),
  });
}
