/**
 * Starts the govmark language server (dist/server.js, an ES module with its worker
 * dist/worker.js beside it) over IPC. Every check, symbol, hover and fix comes from it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_WATCH_GLOBS } from '../node/config-names.js';

export const governanceSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

export async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: governanceSelector,
    outputChannel: output,
    // A function: read again on each restart (after trust is granted).
    initializationOptions: () => ({
      workerUrl: vscode.Uri.file(context.asAbsolutePath('dist/worker.js')).toString(),
      // Restricted Mode: the workspace config's schema files are not read (the client restarts once trust is granted).
      workspaceTrusted: vscode.workspace.isTrusted,
    }),
    synchronize: {
      configurationSection: 'govmark',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.md'),
        ...CONFIG_WATCH_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
      ],
    },
  };
  const client = new LanguageClient('govmark', 'govmark', serverOptions, clientOptions);
  await client.start();
  if (!vscode.workspace.isTrusted) {
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client.restart()));
  }
  return client;
}
