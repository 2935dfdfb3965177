/**
 * Asking the server for a timeline model (`govmark/timeline`), and the preview's options
 * applied to it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequest, type TimelineModel, type TimelineParams } from '../protocol/requests.js';

export type Scope = TimelineParams['scope'];

export async function fetchTimeline(client: LanguageClient, scope: Scope, uri: string | undefined): Promise<TimelineModel> {
  if (scope === 'document' && uri === undefined) {
    return { title: 'No governance document', today: new Date().toISOString().slice(0, 10), entries: [] };
  }
  const params: TimelineParams = scope === 'document' ? { scope, uri } : { scope };
  const model = await client.sendRequest<TimelineModel>(TimelineRequest, params);
  const showTbc = vscode.workspace.getConfiguration('govmark.preview').get<boolean>('showTbcLane', true);
  // Without the lane, entries that have no date on the axis are left out of the drawing.
  return showTbc ? model : { ...model, entries: model.entries.filter((e) => e.date.start !== undefined && e.date.end !== undefined && !e.date.invalid) };
}
