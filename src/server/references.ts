/**
 * Definition and references between documents: `terms: trafford-hwb-tor`
 * (and `supersedes:`, `amends:`) goes to the `id:` value of the document it
 * names; references on an `id:` line (key or value) list every `terms:`,
 * `supersedes:` and `amends:` in the workspace that names it.
 */
import type { CancellationToken, Location } from 'vscode-languageserver/node';
import type { GovDocument } from '../core/model.js';
import type { Range } from '../core/text/range.js';
import type { DocumentSummary, WorkspaceIndex } from '../core/workspace/summary.js';
import { toLspRange } from './edge.js';

function inside(r: Range | undefined, offset: number): boolean {
  return r !== undefined && r.start.offset <= offset && offset <= r.end.offset;
}

function target(s: DocumentSummary): Location {
  return { uri: s.uri, range: toLspRange(s.idRange ?? s.anchor) };
}

/** Where the reference at `offset` points: the `id:` value of each document declaring that id. */
export function definition(summary: DocumentSummary, offset: number, index: WorkspaceIndex, token?: CancellationToken): Location[] {
  const ref = summary.refs.find((r) => inside(r.range, offset));
  if (!ref || token?.isCancellationRequested) return [];
  return index.byId(ref.id).filter((s) => s.uri !== summary.uri).map(target);
}

/** The id at `offset`: on the `id:` line (key or value) the document's own, on a reference the one it names. */
export function idAt(doc: GovDocument, summary: DocumentSummary, offset: number): string | undefined {
  const entry = doc.sourceMap.get('/meta/id');
  if (summary.id !== undefined && entry && (inside(entry.range, offset) || inside(entry.keyRange, offset))) return summary.id;
  return summary.refs.find((r) => inside(r.range, offset))?.id;
}

export function references(id: string, index: WorkspaceIndex, includeDeclaration: boolean, token?: CancellationToken): Location[] {
  const out: Location[] = [];
  for (const s of index.all()) {
    if (token?.isCancellationRequested) return [];
    if (includeDeclaration && s.id === id) out.push(target(s));
    for (const r of s.refs) if (r.id === id) out.push({ uri: s.uri, range: toLspRange(r.range) });
  }
  return out;
}
