/**
 * Workspace symbols: any document id, agenda item, resolution (by its text or
 * its identifier, "18.2") or milestone across every governance document the
 * server knows, open or on disk.
 */
import { SymbolKind, type CancellationToken, type WorkspaceSymbol } from 'vscode-languageserver/node';
import type { DocumentAnalysis } from '../core/workspace/workspace.js';
import { toLspRange } from './edge.js';
import { agendaItemName, documentTitle, milestoneName, resolutionName } from './names.js';

const MAX_RESULTS = 1000;

/** True when every word of the query occurs in the name (case-insensitive); an empty query matches all. */
export function matchesQuery(name: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const n = name.toLowerCase();
  return words.every((w) => n.includes(w));
}

export function workspaceSymbols(analyses: Iterable<{ uri: string; analysis: DocumentAnalysis }>, query: string, token?: CancellationToken): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const { uri, analysis } of analyses) {
    if (token?.isCancellationRequested || out.length >= MAX_RESULTS) break;
    const { doc, summary } = analysis;
    const container = documentTitle(doc);
    /** `words`: the full text searched (names are clipped for display). */
    const add = (name: string, kind: SymbolKind, pointer: string, containerName = container, words = name) => {
      const range = doc.sourceMap.get(pointer)?.range;
      if (!range || !matchesQuery(words, query) || out.length >= MAX_RESULTS) return;
      out.push({ name, kind, location: { uri, range: toLspRange(range) }, containerName });
    };
    if (summary.id !== undefined) add(summary.id, SymbolKind.File, '/meta/id', `${container} (${doc.type ?? 'document'})`);
    const { items = [], resolutions = [], milestones = [] } = doc.data.content;
    items.forEach((item, i) => add(agendaItemName(item), SymbolKind.Module, `/content/items/${i}`));
    resolutions.forEach((r, i) => add(resolutionName(r), SymbolKind.Event, `/content/resolutions/${i}`, container, `${r.identifier ?? ''} ${r.text}`));
    milestones.forEach((m, i) => add(milestoneName(m), SymbolKind.Event, `/content/milestones/${i}`, container, `${m.date.text} ${m.title}`));
  }
  return out;
}
