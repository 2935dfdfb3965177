/**
 * govmark for VS Code: only wiring. The language server does every check, symbol, hover,
 * completion and fix; the extension starts it and adds the commands, the Governance tree,
 * the status bar item and the timeline preview around it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { GovmarkApi } from './api.js';
import { startClient } from './client.js';
import { registerCommands } from './commands.js';
import { DocumentsStore } from './documents.js';
import type { ExportFormat } from './export.js';
import { TimelinePreview } from './preview.js';
import { registerStatusBar } from './status.js';
import { GovernanceTree } from './tree.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<GovmarkApi> {
  const output = vscode.window.createOutputChannel('govmark', { log: true });
  context.subscriptions.push(output);
  client = await startClient(context, output);

  const documents = new DocumentsStore(client);
  const tree = new GovernanceTree(documents);
  const preview = new TimelinePreview(context, client, documents);
  context.subscriptions.push(
    documents,
    preview,
    vscode.window.createTreeView('govmark.governance', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand('govmark.showTimeline', (uri?: vscode.Uri) => preview.show(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('govmark.exportTimeline', (format?: ExportFormat, target?: vscode.Uri) =>
      preview.export(format === 'svg' || format === 'html' ? format : undefined, target instanceof vscode.Uri ? target : undefined),
    ),
  );
  registerCommands(context, client, documents);
  registerStatusBar(context, documents);
  await documents.refresh();
  return { client, documents, tree, preview };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
