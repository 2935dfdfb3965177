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
    // Counted from VS Code's own diagnostics so the number matches the Problems panel as the author types,
    // and by severity as `govmark validate` counts them (hints, which the Problems panel does not list, apart).
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'govmark');
    const count = (s: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === s).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const infos = count(vscode.DiagnosticSeverity.Information);
    const hints = count(vscode.DiagnosticSeverity.Hint);
    item.text = `$(law) govmark: ${typeLabel(node.type)} ${statusCounts(errors, warnings, infos)}`;
    item.tooltip = `${node.title}\n${typeLabel(node.type)}${node.id ? ` · ${node.id}` : ''}\n${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info, ${plural(hints, 'hint')}${hints ? ' (hints are shown in the text, not in the Problems panel)' : ''}`;
    item.accessibilityInformation = { label: `govmark: ${typeLabel(node.type)}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info` };
    item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : warnings > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The status bar's counts, the icon of the worst severity first, as the
 * Problems panel shows them: `$(error) 2 $(warning) 1`, `$(info) 3`, `$(check)`.
 */
export function statusCounts(errors: number, warnings: number, infos: number): string {
  const parts = [errors ? `$(error) ${errors}` : '', warnings ? `$(warning) ${warnings}` : '', !errors && !warnings && infos ? `$(info) ${infos}` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '$(check)';
}
