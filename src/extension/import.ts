/**
 * govmark: Import Document…: asks for a paper (plain text, Word, PDF), has
 * the language server import it (`govmark/importDocument`, the same
 * importer as `govmark import`), writes the documents into the workspace
 * folder and opens them. Nothing is overwritten without asking; the places
 * to review are listed in the output channel and marked in the files.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportDocumentRequest, type ImportDocumentResult } from '../protocol/requests.js';

let channel: vscode.OutputChannel | undefined;

export async function importDocument(client: LanguageClient, given?: vscode.Uri): Promise<vscode.Uri[]> {
  const log = (channel ??= vscode.window.createOutputChannel('govmark import'));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const source =
    given ??
    (
      await vscode.window.showOpenDialog({
        title: 'govmark: Import Document',
        canSelectMany: false,
        openLabel: 'Import',
        ...(folder ? { defaultUri: folder } : {}),
        filters: { Papers: ['pdf', 'docx', 'txt'] },
      })
    )?.[0];
  if (!source) return [];
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `govmark: importing ${source.path.split('/').pop()}…` }, () =>
    client.sendRequest<ImportDocumentResult>(ImportDocumentRequest, { uri: source.toString() }),
  );
  if (result.error || result.documents.length === 0) {
    void vscode.window.showErrorMessage(`govmark: ${result.error ?? 'nothing could be imported from this file'}`);
    return [];
  }
  const target = folder ?? vscode.Uri.joinPath(source, '..');
  const targets = result.documents.map((d) => vscode.Uri.joinPath(target, d.fileName));
  const existing: vscode.Uri[] = [];
  for (const t of targets) {
    try {
      await vscode.workspace.fs.stat(t);
      existing.push(t);
    } catch {
      // not there yet
    }
  }
  let skip = new Set<string>();
  if (existing.length > 0) {
    const choice = await vscode.window.showWarningMessage(
      `govmark: ${existing.length} of the imported files exist already (${existing.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}).`,
      { modal: true },
      'Overwrite',
      'Keep Existing',
    );
    if (choice === undefined) return [];
    if (choice === 'Keep Existing') skip = new Set(existing.map((u) => u.toString()));
  }
  const written: vscode.Uri[] = [];
  let unsure = 0;
  log.appendLine(`govmark import: ${source.fsPath}`);
  for (const [k, d] of result.documents.entries()) {
    const uri = targets[k];
    if (skip.has(uri.toString())) continue;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(d.markdown));
    written.push(uri);
    log.appendLine(`  ${vscode.workspace.asRelativePath(uri)}  ${d.type ?? 'no type'}: ${d.summary}`);
    for (const u of d.uncertain) {
      unsure++;
      log.appendLine(`    ${vscode.workspace.asRelativePath(uri)}:${u.line ?? 1}  ${u.message}  ${u.code}`);
    }
  }
  for (const uri of written) await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: uri !== written[0] });
  void vscode.window.showInformationMessage(`govmark: imported ${written.length} document${written.length === 1 ? '' : 's'}${unsure > 0 ? `, ${unsure} place${unsure === 1 ? '' : 's'} to review (see the govmark import output)` : ''}.`);
  if (unsure > 0) log.show(true);
  return written;
}
