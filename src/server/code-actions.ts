/**
 * Code actions: the fixes govmark diagnostics carry as data, offered as quick
 * fixes (replace a mistyped enum value or type, insert a missing field or
 * section skeleton, renumber resolutions, sort a timeline). Nothing is
 * computed again and nothing is applied unless the user chooses it.
 *
 * The edits are versioned when the client supports it, so an edit made for an
 * older version of the text is refused instead of landing in the wrong place.
 */
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { DiagnosticData, FixData } from './diagnostics.js';
import { range } from './params.js';

export interface CodeActionInput {
  params: CodeActionParams;
  /** The document's current version in the editor. */
  version: number | undefined;
  /** Diagnostics last published for the document, to stand in for ones whose data is stale. */
  published?: { version: number | undefined; diagnostics: Diagnostic[] };
  versionedEdits: boolean;
}

function isQuickFixWanted(only: string[] | undefined): boolean {
  return !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === '');
}

/**
 * A diagnostic's data as the server made it. The client sends it back, so it
 * is checked like any input: fixes that are not well formed are left out.
 */
function dataOf(d: Diagnostic): DiagnosticData | undefined {
  if (!d.data || typeof d.data !== 'object') return undefined;
  const data = d.data as DiagnosticData;
  return Array.isArray(data.fixes) ? { ...data, fixes: data.fixes.filter(isFix) } : { ...data, fixes: undefined };
}

function isFix(fix: unknown): fix is FixData {
  if (!fix || typeof fix !== 'object') return false;
  const { title, edits } = fix as Partial<FixData>;
  return typeof title === 'string' && Array.isArray(edits) && edits.every((e) => e !== null && typeof e === 'object' && typeof e.newText === 'string' && range(e.range) !== undefined);
}

export function codeActions(input: CodeActionInput, token?: CancellationToken): CodeAction[] {
  const { params, version } = input;
  if (!isQuickFixWanted(params.context.only)) return [];
  const uri = params.textDocument.uri;
  const out: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (token?.isCancellationRequested) return [];
    if (diagnostic.source !== 'govmark') continue;
    const fixes = currentFixes(diagnostic, input);
    for (const fix of fixes) {
      const edits: TextEdit[] = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
      const edit: WorkspaceEdit = input.versionedEdits && version !== undefined ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
      if (fix.preferred) action.isPreferred = true;
      out.push(action);
    }
  }
  return out;
}

/**
 * The fixes for a diagnostic as of the current version: its own data when it
 * was made for this version, else those of the published diagnostic with the
 * same rule and message (the client may hold a diagnostic from just before an
 * edit), else none.
 */
function currentFixes(diagnostic: Diagnostic, input: CodeActionInput): FixData[] {
  const data = dataOf(diagnostic);
  if (!data?.fixes) return [];
  if (data.version === input.version) return data.fixes;
  const published = input.published;
  if (!published || published.version !== input.version) return [];
  const same = published.diagnostics.find((p) => p.code === diagnostic.code && p.message === diagnostic.message);
  return dataOf(same ?? ({} as Diagnostic))?.fixes ?? [];
}
