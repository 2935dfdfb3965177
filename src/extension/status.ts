/**
 * A status bar item for the active governance document: its type and its problem count.
 * Hidden for plain Markdown (files the server does not list as governance documents).
 */
import * as vscode from 'vscode';
import type { DocumentsStore } from './documents.js';

const typeLabels: Record<string, string> = {
  'terms-of-reference': 'Terms of reference',
  minutes: 'Minutes',
  resolution: 'Resolution',
  timeline: 'Timeline',
};

export function typeLabel(type: string): string {
  return typeLabels[type] ?? type;
}

export function registerStatusBar(context: vscode.ExtensionContext, store: DocumentsStore): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('govmark.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'govmark';
  item.command = 'workbench.actions.view.problems';
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const node = editor && editor.document.languageId === 'markdown' ? store.get(editor.document.uri) : undefined;
    void vscode.commands.executeCommand('setContext', 'govmark.isGovernanceDocument', node !== undefined);
    if (!editor || !node) {
      item.hide();
      return;
    }
    // Counted from VS Code's own diagnostics so the number matches the Problems panel as the author types.
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'govmark');
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const problems = errors + warnings;
    item.text = `$(law) govmark: ${typeLabel(node.type)} ${problems === 0 ? '$(check)' : `$(warning) ${problems}`}`;
    item.tooltip = `${node.title}\n${typeLabel(node.type)}${node.id ? ` · ${node.id}` : ''}\n${errors} error(s), ${warnings} warning(s)`;
    item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(
    item,
    store.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics(update),
  );
  update();
  return item;
}
