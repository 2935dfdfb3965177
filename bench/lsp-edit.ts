/**
 * Child process: the editor's view of speed (issue 11, item 5). Starts the compiled language
 * server over stdio, as VS Code does, in a temporary folder holding one large minutes document,
 * with `govmark.validate.debounceMs: 0`, opens the document, then sends `edits` successive
 * one-character incremental `didChange` notifications at seeded random body positions. Each
 * edit is timed from sending the change to receiving `publishDiagnostics` for that version:
 * what the author waits for after the debounce. Edits are sent one at a time (the next after the
 * previous one's diagnostics), so each measures one re-validation, not a queue.
 *
 * `GOVMARK_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'` profiles the server; `LSP_EDIT_ONLY='100 KB'` runs one document.
 * `node lsp-edit.js <edits>` prints `{ [label]: { ms: number[], openMs: number, diagnostics: number, complete: boolean } }`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../src/core/text/lines.js';
import { toLspRange } from '../src/server/edge.js';
import { TestClient } from '../test/server/client.js';
import { LARGE } from './corpus.js';
import { Random } from './random.js';

const edits = Number(process.argv[2] ?? 30);
const WARMUP = 3;
const out: Record<string, { ms: number[]; openMs: number; diagnostics: number; complete: boolean }> = {};

for (const [label, path] of Object.entries(LARGE).filter(([l]) => !process.env.LSP_EDIT_ONLY || l === process.env.LSP_EDIT_ONLY)) {
  const dir = mkdtempSync(join(tmpdir(), 'govmark-lsp-edit-'));
  const file = join(dir, 'minutes.md');
  copyFileSync(path, file);
  let text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const client = await TestClient.start({ folder: dir, settings: { validate: { debounceMs: 0 } }, nodeArgs: (process.env.GOVMARK_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean) });
  try {
    await client.waitForIndex(0, 120_000);
    let version = 1;
    let t = performance.now();
    client.open(uri, text, version);
    let published = await client.waitForDiagnostics(uri, (p) => p.version === version, 120_000);
    const openMs = performance.now() - t;
    const bodyStart = text.indexOf('\n---\n', 4) + 5;
    const r = new Random(label.length * 104_729);
    const ms: number[] = [];
    for (let i = 0; i < edits + WARMUP; i++) {
      const at = r.int(bodyStart, text.length);
      const letter = String.fromCharCode(97 + r.int(0, 25));
      const range = toLspRange(new LineIndex(text).range(at, at));
      text = text.slice(0, at) + letter + text.slice(at);
      version++;
      const since = client.published.length;
      t = performance.now();
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: letter }] });
      const v = version;
      published = await client.waitForDiagnostics(uri, (p) => p.version === v, 60_000, since);
      if (i >= WARMUP) ms.push(performance.now() - t);
    }
    // A document past the deadline is read by the cheap pass (a `too-complex` message): fast, but not the full check.
    out[label] = { ms, openMs, diagnostics: published.diagnostics.length, complete: !published.diagnostics.some((x) => x.code === 'too-complex') };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(JSON.stringify(out) + '\n');
