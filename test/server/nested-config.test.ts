/**
 * Configs in subfolders in the editor: each document is checked with its
 * folder's config, as `govmark validate` checks it, so the editor and CI agree.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import { examplesDir } from '../helpers.js';
import { fakeIO } from '../cli/util.js';
import { TestClient } from './client.js';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govmark-nested-'));
  cpSync(join(examplesDir, 'valid'), join(dir, 'valid'), { recursive: true });
  const gap = readFileSync(join(examplesDir, 'invalid', 'minutes-resolution-gap.md'), 'utf8');
  writeFileSync(join(dir, 'govmark.config.json'), JSON.stringify({ rules: { 'resolution-numbering': 'error' } }));
  writeFileSync(join(dir, 'top.md'), gap.replace('id: trafford-hwb-2021-01-29-gap', 'id: top'));
  mkdirSync(join(dir, 'committee', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'committee', 'govmark.config.yaml'), 'rules:\n  resolution-numbering: "off"\n');
  writeFileSync(join(dir, 'committee', 'gap.md'), gap.replace('id: trafford-hwb-2021-01-29-gap', 'id: committee'));
  writeFileSync(join(dir, 'committee', 'sub', 'package.json'), JSON.stringify({ govmark: { rules: { 'resolution-numbering': 'info' } } }));
  writeFileSync(join(dir, 'committee', 'sub', 'gap.md'), gap.replace('id: trafford-hwb-2021-01-29-gap', 'id: sub'));
  return dir;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

describe('server: configs in subfolders', function () {
  this.timeout(60_000);

  it('checks each open document with its folder\'s config, as govmark validate does', async () => {
    const dir = workspace();
    const client = await TestClient.start({ folder: dir });
    try {
      await client.waitForIndex();
      const io = fakeIO(['validate', '--no-cache', '-f', 'json'], dir);
      await main(io);
      const cli = JSON.parse(io.stdout.text) as { files: { path: string; messages: { ruleId: string; severity: string; range: { start: { line: number } } }[] }[] };
      for (const [path, expected] of [['top.md', 'error'], ['committee/gap.md', 'none'], ['committee/sub/gap.md', 'info']] as const) {
        const uri = pathToFileURL(join(dir, path)).href;
        client.open(uri, readFileSync(join(dir, path), 'utf8'));
        const published = await client.waitForDiagnostics(uri);
        const numbering = published.diagnostics.find((d) => d.code === 'resolution-numbering');
        assert.equal(numbering ? SEVERITY[numbering.severity ?? 0] : 'none', expected, path);
        const fromCli = cli.files.find((f) => f.path === path)!.messages.map((m) => `${m.range.start.line - 1} ${m.ruleId} ${m.severity}`);
        assert.deepEqual(published.diagnostics.map((d) => `${d.range.start.line} ${d.code} ${SEVERITY[d.severity ?? 0]}`), fromCli, `${path}: the editor and the CLI agree`);
      }
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a broken nested config is said, with its line, and the others go on', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'committee', 'govmark.config.yaml'), 'rules:\n  resolution-numbring: "off"\n');
    const client = await TestClient.start({ folder: dir });
    try {
      await client.waitForIndex();
      const said = client.logs.find((l) => l.includes('resolution-numbring'));
      assert.ok(said, client.logs.join('\n'));
      assert.match(said, /govmark\.config\.yaml:2:\d+/);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
