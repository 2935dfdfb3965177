/**
 * Commands that are a request to the server and a little UI around it:
 * Validate Workspace, New Document, and the tree's reveal.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  NewDocumentRequest,
  ValidateWorkspaceRequest,
  type LspRange,
  type NewDocumentParams,
  type NewDocumentResult,
  type ValidateWorkspaceResult,
} from '../protocol/requests.js';
import type { DocumentsStore } from './documents.js';
import { importDocument } from './import.js';
import { reveal } from './ranges.js';

type DocType = NewDocumentParams['type'];

const documentTypes: { type: DocType; label: string; detail: string }[] = [
  { type: 'terms-of-reference', label: 'Terms of reference', detail: 'Purpose, functions, membership with seats, quorum, review date' },
  { type: 'minutes', label: 'Minutes', detail: 'A meeting: attendance, agenda items, resolutions, actions — pre-filled from terms of reference, the last minutes and the agenda' },
  { type: 'agenda', label: 'Agenda', detail: 'The next meeting: standing items, the last minutes to approve, the open actions' },
  { type: 'resolution', label: 'Resolution', detail: 'A standalone decision' },
  { type: 'timeline', label: 'Timeline', detail: 'Dated milestones, uncertain dates allowed ("Q1 2022", "Tbc")' },
];

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, store: DocumentsStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('govmark.validateWorkspace', () => validateWorkspace(client, store)),
    vscode.commands.registerCommand('govmark.newDocument', (params?: Partial<NewDocumentParams>) => newDocument(client, store, params)),
    vscode.commands.registerCommand('govmark.reveal', (uri: string, range: LspRange) => reveal(uri, range)),
    vscode.commands.registerCommand('govmark.refreshTree', () => store.refresh()),
    vscode.commands.registerCommand('govmark.importDocument', (uri?: vscode.Uri) => importDocument(client, uri)),
  );
}

async function validateWorkspace(client: LanguageClient, store: DocumentsStore): Promise<ValidateWorkspaceResult> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'govmark: validating the workspace…' },
    () => client.sendRequest<ValidateWorkspaceResult>(ValidateWorkspaceRequest, {}),
  );
  await store.refresh();
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(
    `govmark: ${result.files} file${result.files === 1 ? '' : 's'} checked — ${result.errors} error(s), ${result.warnings} warning(s).`,
  );
  return result;
}

/**
 * Asks for the type, then (for minutes and agendas) the terms of reference, the body when
 * no terms give it, and the date, unless given as arguments (a command link or a test passes
 * them and is asked nothing); then opens an untitled document with the server's text, named
 * `<body>-<kind>-<date>.md` as the server suggests.
 */
async function newDocument(client: LanguageClient, store: DocumentsStore, given?: Partial<NewDocumentParams>): Promise<vscode.TextDocument | undefined> {
  let type = given?.type;
  if (!type) {
    const picked = await vscode.window.showQuickPick(documentTypes, { title: 'govmark: New Document', placeHolder: 'Type of governance document' });
    if (!picked) return undefined;
    type = picked.type;
  }
  let terms = given?.terms;
  let body = given?.body;
  const meeting = type === 'minutes' || type === 'agenda';
  if (meeting && terms === undefined && given === undefined) {
    await store.refresh();
    const tors = store.documents.filter((d) => d.type === 'terms-of-reference' && d.id);
    if (tors.length > 0) {
      const none = { label: 'None', description: 'name the body yourself', id: '' };
      const picked = await vscode.window.showQuickPick(
        [...tors.map((d) => ({ label: d.title, description: d.id, detail: d.body, id: d.id! })), none],
        { title: `govmark: New ${type === 'agenda' ? 'Agenda' : 'Minutes'}`, placeHolder: 'Terms of reference of the meeting (body, quorum and seats are pre-filled)' },
      );
      if (!picked) return undefined;
      terms = picked.id || undefined;
    }
  }
  // The file is named <body>-<kind>-<date>.md from what is entered here.
  if (terms === undefined && body === undefined && given === undefined) {
    const typed = await vscode.window.showInputBox({ title: 'govmark: New Document', prompt: 'The body the document is of, as its documents write `body:` (leave empty if none)', placeHolder: 'Planning Committee' });
    if (typed === undefined) return undefined;
    body = typed.trim() || undefined;
  }
  let date = given?.date;
  if (date === undefined && given === undefined) {
    const today = new Date().toISOString().slice(0, 10);
    date = await vscode.window.showInputBox({
      title: 'govmark: New Document',
      prompt: meeting ? "The meeting's day" : 'The date of the document (adopted, or of the decision)',
      value: today,
      validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && !Number.isNaN(Date.parse(v.trim())) ? undefined : 'Write the date as YYYY-MM-DD'),
    });
    if (date === undefined) return undefined;
    date = date.trim();
  }
  const params: NewDocumentParams = { type, ...(terms ? { terms } : {}), ...(body ? { body } : {}), ...(date ? { date } : {}) };
  const result = await client.sendRequest<NewDocumentResult>(NewDocumentRequest, params);
  const folder = vscode.workspace.workspaceFolders?.[0];
  const document = folder
    ? await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, result.fileName).with({ scheme: 'untitled' }))
    : await vscode.workspace.openTextDocument({ language: 'markdown' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), result.text));
  if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  return editor.document;
}
