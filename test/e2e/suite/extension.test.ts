/**
 * govmark inside a real VS Code: activation, diagnostics, the outline of meaning, a fix
 * applied, the timeline preview and the tree, against a workspace holding copies of
 * ../shared/examples (valid/ and invalid/) and one plain Markdown file (notes.md).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GovmarkApi } from '../../../src/extension/api.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `fn` returns something truthy; the last value otherwise. */
async function waitFor<T>(fn: () => T | Promise<T>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await fn();
  while (!value && Date.now() < end) {
    await sleep(150);
    value = await fn();
  }
  return value;
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govmark');
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

suite('govmark in a real VS Code', () => {
  const root = vscode.workspace.workspaceFolders![0].uri;
  const file = (path: string) => vscode.Uri.joinPath(root, path);
  const minutes = file('valid/trafford-hwb-minutes-2020-10-16.md');
  const timeline = file('valid/gloucestershire-icp-timeline.md');
  let api: GovmarkApi;

  suiteSetup(async () => {
    await open(minutes);
  });

  test('activates on a governance document', async () => {
    const ext = vscode.extensions.getExtension<GovmarkApi>('govmark.govmark');
    assert.ok(ext, 'the extension is installed');
    assert.ok(await waitFor(() => ext.isActive), 'the extension became active');
    api = ext.exports;
    assert.ok(api?.client, 'the API exposes the language client');
    console.log(`VS Code ${vscode.version}, ${vscode.env.appHost}, remote ${vscode.env.remoteName}`);
  });

  test('a resolution list that skips a number is a warning on its line', async () => {
    const uri = file('invalid/minutes-resolution-gap.md');
    await open(uri);
    const found = await waitFor(() => ours(uri).find((d) => codeOf(d) === 'resolution-numbering'));
    assert.ok(found, `resolution-numbering on ${uri.path}; got ${JSON.stringify(ours(uri).map(codeOf))}`);
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(found.range.start.line, 25);
  });

  test('inquorate minutes point at the terms of reference that set the quorum', async () => {
    const uri = file('invalid/minutes-inquorate.md');
    await open(uri);
    const found = await waitFor(() => ours(uri).find((d) => codeOf(d) === 'quorum-not-met'));
    assert.ok(found, `quorum-not-met; got ${JSON.stringify(ours(uri).map(codeOf))}`);
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    const related = found.relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri.path.endsWith('/valid/trafford-hwb-terms-of-reference.md')),
      `related information names the terms of reference: ${JSON.stringify(related.map((r) => r.location.uri.path))}`,
    );
  });

  test('valid minutes have no warnings or errors and an outline of meaning with "18.2 …"', async () => {
    await open(minutes);
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', minutes);
      return s && flatten(s).some((x) => /^18\.2\b/.test(x.name)) ? s : undefined;
    });
    assert.ok(symbols, 'document symbols include resolution 18.2');
    const names = flatten(symbols).map((s) => s.name);
    assert.ok(names.some((n) => /^18\.2 .*Winter Plan/.test(n)), JSON.stringify(names));
    const serious = ours(minutes).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(serious.map((d) => `${codeOf(d)}: ${d.message}`), []);
  });

  test('a code action fixes a mistyped document type', async () => {
    const uri = file('invalid/unknown-type.md');
    await open(uri);
    const diagnostic = await waitFor(() => ours(uri).find((d) => d.range.start.line === 1 && d.severity === vscode.DiagnosticSeverity.Error));
    assert.ok(diagnostic, `an error on line 2; got ${JSON.stringify(ours(uri).map((d) => [codeOf(d), d.range.start.line]))}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fix = actions?.find((a) => a.edit && /terms-of-reference/.test(a.title));
    assert.ok(fix?.edit, `a fix to terms-of-reference among ${JSON.stringify(actions?.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.lineAt(1).text, 'type: terms-of-reference');
    const cleared = await waitFor(() => !ours(uri).some((d) => codeOf(d) === codeOf(diagnostic)));
    assert.ok(cleared, `the diagnostic is gone; left ${JSON.stringify(ours(uri).map(codeOf))}`);
  });

  test('plain Markdown gets no diagnostics', async () => {
    const uri = file('notes.md');
    await open(uri);
    // Give the server the time it takes to check a governance file, and some more.
    await sleep(2000);
    assert.deepEqual(ours(uri), []);
  });

  test('the timeline preview opens and draws the milestones of the timeline', async () => {
    await open(timeline);
    const rendered = api.preview.nextRender();
    await vscode.commands.executeCommand('govmark.showTimeline');
    const report = await Promise.race([rendered, sleep(30_000).then(() => undefined)]);
    assert.ok(report, 'the webview reported a render');
    assert.equal(report.scope, 'document');
    const titles = report.entries.map((e) => e.title);
    assert.equal(titles.length, 5, JSON.stringify(titles));
    assert.ok(titles[0].startsWith('Joint workshop'), titles[0]);
    assert.ok(titles.some((t) => t.startsWith('Full Council ratifies')), JSON.stringify(titles));
    assert.ok(report.entries.every((e) => e.id.startsWith(timeline.toString()) || e.id.includes('gloucestershire-icp-timeline.md')));
  });

  test('the preview updates as the author types', async () => {
    const editor = await open(timeline);
    const rendered = api.preview.nextRender();
    await editor.edit((e) => e.insert(new vscode.Position(16, 0), '- Tbc — Partnership reviews its first year.\n'));
    const report = await Promise.race([rendered, sleep(30_000).then(() => undefined)]);
    assert.ok(report, 'a new render after the edit');
    assert.ok(report.entries.some((e) => e.title.startsWith('Partnership reviews its first year')), JSON.stringify(report.entries));
    await vscode.commands.executeCommand('undo');
  });

  test('Export Timeline writes a standalone SVG and a script-free HTML page', async () => {
    await open(timeline);
    const svgFile = file('exports/timeline.svg');
    const htmlFile = file('exports/timeline.html');
    await vscode.workspace.fs.createDirectory(file('exports'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('govmark.exportTimeline', 'svg', svgFile);
    assert.equal(written?.toString(), svgFile.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(svgFile));
    assert.match(svg, /^<\?xml/);
    assert.match(svg, /<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /Joint workshop of the Health and Wellbeing Board/);
    await vscode.commands.executeCommand('govmark.exportTimeline', 'html', htmlFile);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(htmlFile));
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy/);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /Full Council ratifies the Constitution Committee decision/);
  });

  test('the Governance tree lists documents by body and type, and the minutes\u2019 resolutions', async () => {
    await api.documents.refresh();
    const top = api.tree.getChildren();
    const labels = (nodes: unknown[]) => nodes.map((n) => String(api.tree.getTreeItem(n as never).label));
    assert.ok(labels(top).includes('Trafford Health and Wellbeing Board'), JSON.stringify(labels(top)));
    const body = top.find((n) => api.tree.getTreeItem(n).label === 'Trafford Health and Wellbeing Board')!;
    const types = api.tree.getChildren(body);
    assert.ok(labels(types).includes('Minutes'), JSON.stringify(labels(types)));
    const docs = api.tree.getChildren(types.find((n) => api.tree.getTreeItem(n).label === 'Minutes'));
    const valid = docs.find((n) => api.tree.getTreeItem(n).resourceUri?.toString() === minutes.toString());
    assert.ok(valid, 'the valid minutes are in the tree');
    const resolutions = labels(api.tree.getChildren(valid));
    assert.ok(resolutions.some((l) => /^18\.2 /.test(l)), JSON.stringify(resolutions));
  });

  test('New Document pre-fills minutes from the terms of reference', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('govmark.newDocument', { type: 'minutes', terms: 'trafford-hwb-tor' });
    assert.ok(doc, 'an untitled document');
    assert.equal(doc.isUntitled, true);
    assert.match(doc.getText(), /type: minutes/);
    assert.match(doc.getText(), /terms: trafford-hwb-tor/);
    assert.match(doc.getText(), /Trafford Health and Wellbeing Board/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('problems of files never opened are in the Problems panel, and stay when editors close', async () => {
    // govmark.validate.scope defaults to workspace: no Validate Workspace needed.
    const never = file('invalid/timeline-impossible-date.md');
    assert.ok(
      await waitFor(() => ours(never).some((d) => codeOf(d) === 'impossible-date')),
      `impossible-date on a file never opened; got ${JSON.stringify(ours(never).map(codeOf))}`,
    );
    const gap = file('invalid/minutes-resolution-gap.md');
    assert.ok(ours(gap).some((d) => codeOf(d) === 'resolution-numbering'), 'opened earlier, it has its warning');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sleep(2000);
    assert.ok(
      ours(gap).some((d) => codeOf(d) === 'resolution-numbering' && d.range.start.line === 25),
      `the warning stays after Close All Editors; got ${JSON.stringify(ours(gap).map(codeOf))}`,
    );
    assert.ok(ours(never).some((d) => codeOf(d) === 'impossible-date'));
  });

  test('a closed file\u2019s problems follow it when it changes on disk', async () => {
    const written = file('invalid/e2e-written-timeline.md');
    const text = (date: string) =>
      `---\ntype: timeline\nid: e2e-written\ntitle: Written on disk\nbody: E2E Board\n---\n\n# Plan\n\n- ${date} — The board meets.\n`;
    const write = (s: string) => vscode.workspace.fs.writeFile(written, new TextEncoder().encode(s));
    await write(text('2022-02-30'));
    const bad = await waitFor(() => ours(written).find((d) => codeOf(d) === 'impossible-date'));
    assert.ok(bad, `impossible-date on a file written to disk; got ${JSON.stringify(ours(written).map(codeOf))}`);
    assert.equal(bad.range.start.line, 9);
    await write(text('2022-02-28'));
    assert.ok(await waitFor(() => !ours(written).some((d) => codeOf(d) === 'impossible-date')), 'fixed on disk: the error goes');
    await write(text('2022-02-31'));
    assert.ok(await waitFor(() => ours(written).some((d) => codeOf(d) === 'impossible-date')), 'broken again: it comes back');
    await vscode.workspace.fs.delete(written);
    assert.ok(await waitFor(() => ours(written).length === 0), 'deleted: its problems go');
  });

  test('Validate Workspace checks every file and reports counts', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>('govmark.validateWorkspace');
    assert.ok(result.files >= 12, JSON.stringify(result));
    assert.ok(result.errors > 0 && result.warnings > 0, JSON.stringify(result));
    // Closed files with problems are in the Problems panel too.
    const closed = file('invalid/timeline-impossible-date.md');
    assert.ok(await waitFor(() => ours(closed).length > 0), 'diagnostics for a file never opened');
  });
});
