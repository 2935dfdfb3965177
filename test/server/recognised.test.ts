/**
 * A workspace nobody annotated: minutes with no front matter are recognised,
 * indexed, and say so in the Problems panel, on hover and in the outline;
 * ordinary Markdown beside them is left alone.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { TestClient } from './client.js';

const MINUTES = ['# Steering Committee meeting, 6th Feb 2024', '', '## Attendees', '', '- Alex Smith', '- Dana Jones', '', '## Notes', '', '- Agreed: the release moves to March.', ''].join('\n');

describe('server: documents recognised without a type', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient;
  const uri = (p: string) => pathToFileURL(join(dir, p)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-recognised-'));
    mkdirSync(join(dir, 'minutes'));
    writeFileSync(join(dir, 'minutes', '2024-02-06.md'), MINUTES);
    writeFileSync(join(dir, 'README.md'), '# Our committee\n\nHow we work.\n\n## Contributing\n\nOpen a pull request.\n');
    client = await TestClient.start({ folder: dir, initializationOptions: { today: '2026-11-23' } });
    assert.equal((await client.waitForIndex()).documents, 1, 'the minutes are indexed, the README is not');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows how the kind was recognised: a hint with a fix, a hover on the first line, the outline', async () => {
    const u = uri('minutes/2024-02-06.md');
    client.open(u, MINUTES);
    const p = await client.waitForDiagnostics(u, (x) => x.diagnostics.some((d) => d.code === 'recognised-type'));
    const hint = p.diagnostics.find((d) => d.code === 'recognised-type')!;
    assert.equal(hint.severity, 4);
    assert.equal(hint.range.start.line, 0);
    assert.match(String(hint.message), /^Read as minutes, recognised from .*'Attendees'/);
    assert.deepEqual(p.diagnostics.filter((d) => d.severity! <= 2).map((d) => d.message), [], 'no errors or warnings for what only a declared document must have');

    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 3 } });
    const text = typeof hover.contents === 'object' && 'value' in hover.contents ? String(hover.contents.value) : '';
    assert.match(text, /Read as `minutes`/);
    // Its dated title is also the meeting it records: the hover says both.
    assert.match(text, /Read as a meeting\*\*: 6th Feb 2024/);
    assert.match(text, /attendance heading 'Attendees' \(line 3\)/);

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.equal(symbols[0].name, 'Read as minutes');
    assert.match(symbols[0].detail ?? '', /^recognised: /);
  });

  it('publishes nothing for the README', async () => {
    const u = uri('README.md');
    client.open(u, '# Our committee\n\nHow we work.\n');
    const p = await client.waitForDiagnostics(u);
    assert.deepEqual(p.diagnostics, []);
  });
});
