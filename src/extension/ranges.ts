/**
 * The one place where the protocol's LSP ranges become VS Code ranges.
 */
import * as vscode from 'vscode';
import type { LspRange } from '../protocol/requests.js';

export function toVsRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Open `uri` (reusing a visible editor) and select `range`. */
export async function reveal(uri: string, range: LspRange, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const target = toVsRange(range);
  const parsed = vscode.Uri.parse(uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === parsed.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(parsed));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? column ?? vscode.ViewColumn.One,
    selection: new vscode.Range(target.start, target.start),
    preserveFocus: false,
  });
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
