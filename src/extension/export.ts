/**
 * Export Timeline: the timeline as a standalone SVG or HTML file (no scripts, styles
 * embedded, every string escaped), chosen through a save dialog.
 */
import * as vscode from 'vscode';
import type { TimelineModel } from '../protocol/requests.js';
import { renderTimelineHtml, renderTimelineSvgDocument, type GroupBy } from '../render/index.js';

export type ExportFormat = 'svg' | 'html';

/** How the export is drawn: the preview's swimlanes. */
export interface ExportLayout {
  groupBy?: GroupBy;
}

export function standalone(model: TimelineModel, format: ExportFormat, layout: ExportLayout = {}): string {
  return format === 'svg' ? renderTimelineSvgDocument(model, layout) : renderTimelineHtml(model, { mode: 'standalone', ...layout });
}

/**
 * Writes `model` as `format` to `target`; asks for whatever is not given.
 * Returns the file written, or undefined when the user cancelled.
 */
export async function exportTimeline(
  model: TimelineModel,
  near: vscode.Uri | undefined,
  format?: ExportFormat,
  target?: vscode.Uri,
  layout: ExportLayout = {},
): Promise<vscode.Uri | undefined> {
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'SVG', description: 'a drawing that opens in any browser or image viewer', format: 'svg' as const },
        { label: 'HTML', description: 'a page with the drawing and the entries as a table', format: 'html' as const },
      ],
      { title: 'govmark: Export Timeline', placeHolder: 'Format' },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  if (!target) {
    const folder = near ? vscode.Uri.joinPath(near, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const base = near ? near.path.split('/').pop()!.replace(/\.md$/i, '') : 'workspace';
    target = await vscode.window.showSaveDialog({
      title: 'Export Timeline',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.timeline.${format}`) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'HTML page': ['html', 'htm'] },
    });
    if (!target) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(standalone(model, format, layout)));
  void vscode.window.showInformationMessage(`govmark: timeline exported to ${vscode.workspace.asRelativePath(target)}`);
  return target;
}
