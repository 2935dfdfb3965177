// Memory of the language server with ten pathological documents open, then closed (not a test: figures for a
// commit message or an issue, about 90 s). Run after `npx tsc -p .`:
//   node test/server/measure-memory.mjs [DOCS_DIR]
// DOCS_DIR defaults to a fresh `node ../shared/corpus/pathological/generate.mjs` output. The documents are opened
// from outside the workspace folder (a copy of the examples). Prints the server's RSS in MB (from /proc, Linux):
// at the start, with all open, its peak, and 5, 15, 30 and 60 s after closing them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { TestClient, exampleWorkspace } = await import(pathToFileURL(join(root, 'dist/test/server/client.js')).href);
const names = ['list-items-200k', 'table-rows-50000', 'yaml-50k-keys', 'yaml-members-20k', 'headings-100k', 'ref-defs-20000', 'long-line-1m', 'nested-list-1000', 'table-wide-2000x100', 'table-rows-10000'];
let dir = process.argv[2];
if (!dir) {
  dir = mkdtempSync(join(tmpdir(), 'govmark-pathological-'));
  execFileSync(process.execPath, [join(root, '../shared/corpus/pathological/generate.mjs'), dir]);
}
const mb = (pid, field) => Math.round(parseInt(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const ws = exampleWorkspace();
const client = await TestClient.start({ folder: ws.dir, initializationOptions: { today: '2026-11-23' } });
await client.waitForIndex();
await sleep(3000);
const pid = client.child.pid;
const out = { start: mb(pid, 'VmRSS') };
const started = Date.now();
const uris = names.map((n) => pathToFileURL(join(dir, `${n}.md`)).href);
names.forEach((n, i) => client.open(uris[i], readFileSync(join(dir, `${n}.md`), 'utf8')));
for (const uri of uris) await client.waitForDiagnostics(uri, (p) => p.version === 1, 180_000);
Object.assign(out, { analysedInMs: Date.now() - started, open: mb(pid, 'VmRSS'), peak: mb(pid, 'VmHWM') });
for (const uri of uris) client.close(uri);
let waited = 0;
for (const s of [5, 15, 30, 60]) {
  await sleep((s - waited) * 1000);
  waited = s;
  out[`closed+${s}s`] = mb(pid, 'VmRSS');
}
out.stillAnswers = (await client.request('workspace/symbol', { query: 'trafford' })).length > 0;
console.log(JSON.stringify(out));
await client.stop();
ws.remove();
