/**
 * Workspace diagnostics that persist (issue 10): with `govmark.validate.scope`
 * at its default, `workspace`, every governance document's problems are in
 * the Problems panel once the workspace is read, stay there when its editor is
 * closed, and follow the file on disk; `openFiles` keeps only open documents'.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { exampleWorkspace, TestClient } from './client.js';

const r = (d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('server: workspace diagnostics', function () {
  this.timeout(120_000);

  describe('scope workspace (the default)', () => {
    let ws: ReturnType<typeof exampleWorkspace>;
    let client: TestClient;
    before(async () => {
      ws = exampleWorkspace();
      client = await TestClient.start({ folder: ws.dir, initializationOptions: { today: '2026-11-23' } });
      await client.waitForIndex();
    });
    after(async () => {
      await client.stop();
      ws.remove();
    });

    it('publishes the problems of files never opened once the workspace is read', async () => {
      const p = await client.waitForDiagnostics(ws.uri('invalid/timeline-impossible-date.md'), (x) => x.diagnostics.length > 0);
      assert.equal(p.version, undefined, 'not tied to an editor version');
      assert.deepEqual(p.diagnostics.map((d) => `${r(d)} ${d.code}`), ['10:2-10:12 impossible-date']);
      const inquorate = await client.waitForDiagnostics(ws.uri('invalid/minutes-inquorate.md'), (x) => x.diagnostics.some((d) => d.code === 'quorum-not-met'));
      assert.ok(inquorate, 'cross-document rules included');
    });

    it('keeps a document’s problems when its editor is closed', async () => {
      const uri = ws.uri('invalid/minutes-resolution-gap.md');
      client.open(uri, readFileSync(ws.path('invalid/minutes-resolution-gap.md'), 'utf8'));
      const opened = await client.waitForDiagnostics(uri, (x) => x.version === 1);
      assert.ok(opened.diagnostics.some((d) => d.code === 'resolution-numbering'));
      const since = client.published.length;
      client.close(uri);
      await client.waitForIndex(client.indexChanges.length - 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = client.published.slice(since).filter((p) => p.uri === uri);
      assert.ok(after.every((p) => p.diagnostics.length > 0), `never cleared: ${JSON.stringify(after.map((p) => p.diagnostics.length))}`);
      assert.ok(client.last(uri)!.diagnostics.some((d) => d.code === 'resolution-numbering'));
    });

    it('follows a closed file when it changes on disk, and clears it when it is fixed', async () => {
      const path = ws.path('invalid/timeline-impossible-date.md');
      const uri = ws.uri('invalid/timeline-impossible-date.md');
      const since = client.published.length;
      writeFileSync(path, readFileSync(path, 'utf8').replace('2022-02-30', '2022-02-28'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      const fixed = await client.waitForDiagnostics(uri, (x) => x.diagnostics.every((d) => d.code !== 'impossible-date'), 20_000, since);
      assert.equal(fixed.version, undefined);
    });
  });

  describe('scope openFiles', () => {
    let ws: ReturnType<typeof exampleWorkspace>;
    let client: TestClient;
    before(async () => {
      ws = exampleWorkspace();
      client = await TestClient.start({ folder: ws.dir, initializationOptions: { today: '2026-11-23' }, settings: { validate: { scope: 'openFiles' } } });
      await client.waitForIndex();
    });
    after(async () => {
      await client.stop();
      ws.remove();
    });

    it('publishes nothing for files never opened, and clears a document’s problems when it is closed', async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(client.last(ws.uri('invalid/timeline-impossible-date.md')), undefined, 'nothing for a file never opened');
      const uri = ws.uri('invalid/timeline-impossible-date.md');
      client.open(uri, readFileSync(ws.path('invalid/timeline-impossible-date.md'), 'utf8'));
      await client.waitForDiagnostics(uri, (x) => x.version === 1 && x.diagnostics.length > 0);
      const since = client.published.length;
      client.close(uri);
      const p = await client.waitForDiagnostics(uri, () => true, 5000, since);
      assert.deepEqual(p.diagnostics, []);
    });
  });
});

describe('server: workspace diagnostics agree with govmark validate', function () {
  this.timeout(120_000);
  it('publishes for every file on the examples exactly what the CLI reports, severity for severity (hints included)', async () => {
    const ws = exampleWorkspace();
    // Both take the real day, as a user runs them: the editor and CI must not disagree.
    const client = await TestClient.start({ folder: ws.dir });
    try {
      await client.waitForIndex();
      const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'govmark.js'), 'validate', ws.dir, '--format', 'json'], { cwd: ws.dir, encoding: 'utf8' });
      const report = JSON.parse(run.stdout) as {
        summary: { errors: number; warnings: number; infos: number; hints: number };
        files: { uri: string; messages: { ruleId: string; severity: string; range: { start: { line: number; column: number } } }[] }[];
      };
      assert.ok(report.summary.errors > 0 && report.summary.warnings > 0 && report.summary.infos > 0 && report.summary.hints > 0, JSON.stringify(report.summary));
      const severity = ['', 'error', 'warning', 'info', 'hint'];
      const counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
      for (const f of report.files) {
        // The CLI counts lines and columns from 1, LSP from 0.
        const cli = f.messages.map((m) => `${m.range.start.line - 1}:${m.range.start.column - 1} ${m.ruleId} ${m.severity}`).sort();
        const key = (p: { diagnostics: { range: { start: { line: number; character: number } }; code?: unknown; severity?: number }[] }) =>
          p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${severity[d.severity ?? 1]}`).sort();
        let got: string[] = [];
        if (cli.length > 0) {
          const published = await client.waitForDiagnostics(f.uri, (p) => JSON.stringify((got = key(p))) === JSON.stringify(cli), 20_000).catch(() => undefined);
          assert.deepEqual(published ? key(published) : got, cli, f.uri);
        } else {
          assert.deepEqual(client.last(f.uri)?.diagnostics ?? [], [], f.uri);
        }
        for (const s of cli.map((k) => k.split(' ')[2])) {
          if (s === 'error') counts.errors++;
          else if (s === 'warning') counts.warnings++;
          // The JSON report's `infos` counts info and hint messages, `hints` the hints among them.
          else counts.infos++;
          if (s === 'hint') counts.hints++;
        }
      }
      assert.deepEqual(counts, { errors: report.summary.errors, warnings: report.summary.warnings, infos: report.summary.infos, hints: report.summary.hints });
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
