/**
 * Joining each document's own messages with the cross-document rules'
 * messages. Apart from workspace.ts so that a host that only combines (the
 * CLI's main thread, whose workers parse) does not load the Markdown parser.
 */
import type { ResolvedConfig } from '../config.js';
import { expectArgument, expectConfig } from '../arguments.js';
import type { GovMessage } from '../message.js';
import { checkWorkspace } from '../rules/run.js';
import { withCrossMessages } from './join.js';
import type { WorkspaceIndex } from './summary.js';

/** Joins per-document messages with the workspace rules' messages. */
export function combine(local: Map<string, GovMessage[]>, index: WorkspaceIndex, config: ResolvedConfig): Map<string, GovMessage[]> {
  expectArgument(local instanceof Map, 'combine', 'local', 'a Map of document URI to its messages', local);
  expectConfig('combine', config);
  return combineEach(local, index, () => config);
}

/**
 * `combine` with each document under its own config (per-folder configs):
 * the workspace rules run, against the whole index, for the documents of
 * `local` only, grouped by config.
 */
export function combineEach(local: Map<string, GovMessage[]>, index: WorkspaceIndex, configFor: (uri: string) => ResolvedConfig): Map<string, GovMessage[]> {
  const groups = new Map<ResolvedConfig, string[]>();
  for (const uri of local.keys()) {
    const c = configFor(uri);
    const group = groups.get(c);
    if (group) group.push(uri);
    else groups.set(c, [uri]);
  }
  const out = new Map<string, GovMessage[]>();
  for (const [c, uris] of groups) {
    const cross = checkWorkspace(index, c, uris);
    for (const uri of uris) {
      out.set(uri, withCrossMessages(local.get(uri)!, cross.get(uri)));
    }
  }
  return out;
}
