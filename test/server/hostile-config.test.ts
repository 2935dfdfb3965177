/**
 * The language server under a hostile workspace configuration: a custom
 * schema's catastrophic pattern cannot block its thread, and an untrusted
 * workspace's config makes it read no schema file.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client.js';

const paper = (ref: string) => ['---', 'type: board-paper', 'title: Estates strategy', `ref: ${ref}`, '---', '', '# Estates strategy', ''].join('\n');

describe('server: hostile workspace configuration', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-server-hostile-'));
    mkdirSync(join(dir, '.git'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks a value against a catastrophic pattern in linear time and keeps answering (16 s blocked before)', async () => {
    writeFileSync(join(dir, 'govmark.config.json'), JSON.stringify({ types: { 'board-paper': { schema: 'paper.schema.json' } } }));
    writeFileSync(join(dir, 'paper.schema.json'), JSON.stringify({ type: 'object', properties: { meta: { type: 'object', properties: { ref: { type: 'string', pattern: '^(a+)+$' } } } } }));
    client = await TestClient.start({ folder: dir, initializationOptions: { today: '2026-11-23' } });
    await client.waitForIndex();
    const uri = pathToFileURL(join(dir, 'estates.md')).href;
    const started = Date.now();
    client.open(uri, paper(`${'a'.repeat(29)}!`));
    const symbols = client.request<unknown[]>('workspace/symbol', { query: '' });
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1, 15_000);
    assert.deepEqual(p.diagnostics.map((d) => `${d.range.start.line} ${d.code}`), ['3 schema'], 'the ref is reported on its line');
    assert.ok(Array.isArray(await symbols), 'workspace/symbol answered');
    assert.ok(Date.now() - started < 15_000);
  });

  it('in an untrusted workspace reads no schema file its config names, and says so', async () => {
    writeFileSync(join(dir, 'govmark.config.json'), JSON.stringify({ types: { 'board-paper': { schema: '/etc/passwd' } } }));
    client = await TestClient.start({ folder: dir, initializationOptions: { today: '2026-11-23', workspaceTrusted: false } });
    await client.waitForIndex();
    const uri = pathToFileURL(join(dir, 'estates.md')).href;
    client.open(uri, paper('EST-1'));
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.deepEqual(p.diagnostics.map((d) => d.code), [], 'the custom type is known, its schema not applied');
    const log = client.logs.join('\n');
    assert.match(log, /this workspace is not trusted, so the JSON Schemas of its custom types \('board-paper'\) were not read/);
    assert.doesNotMatch(log, /outside the repository|root:x/, 'the schema path was never followed');
  });

  it('in a trusted workspace refuses the same config, naming the schema outside it', async () => {
    writeFileSync(join(dir, 'govmark.config.json'), JSON.stringify({ types: { 'board-paper': { schema: '/etc/passwd' } } }));
    client = await TestClient.start({ folder: dir, initializationOptions: { today: '2026-11-23' } });
    await client.waitForIndex();
    assert.match(client.logs.join('\n'), /types\.board-paper\.schema: cannot use '\/etc\/passwd': it is outside the repository/);
    assert.doesNotMatch(client.logs.join('\n'), /root:x/);
  });
});
