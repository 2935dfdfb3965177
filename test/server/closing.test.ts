/**
 * What the server keeps of a document once it is closed: a file of a
 * workspace folder stays in the index (from its copy on disk); a file outside
 * every workspace folder leaves it, with its model and caches, instead of
 * being held for good (ten large documents opened from elsewhere kept
 * hundreds of MB after they were closed).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentsResult } from '../../src/protocol/requests.js';
import { exampleWorkspace, startOnExamples, type TestClient } from './client.js';

describe('server: closing documents', function () {
  this.timeout(60_000);
  const ws = exampleWorkspace();
  const elsewhere = mkdtempSync(join(tmpdir(), 'govmark-elsewhere-'));
  let client: TestClient;

  before(async () => {
    client = await startOnExamples(ws.dir);
  });
  after(async () => {
    await client.stop();
    ws.remove();
    rmSync(elsewhere, { recursive: true, force: true });
  });

  const listed = async () => (await client.request<DocumentsResult>('govmark/documents', {})).documents.map((d) => d.uri);

  async function openAndClose(uri: string, text: string): Promise<void> {
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    assert.ok((await listed()).includes(uri), 'listed while open');
    const since = client.indexChanges.length;
    client.close(uri);
    await client.waitForIndex(since);
  }

  it('forgets a closed file from outside the workspace folders, though it is on disk', async () => {
    const text = readFileSync(ws.path('valid/gloucestershire-icp-timeline.md'), 'utf8').replace('id: glos-icp-formation', 'id: elsewhere-timeline');
    const path = join(elsewhere, 'timeline.md');
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    await openAndClose(uri, text);
    assert.ok(!(await listed()).includes(uri));
  });

  it('keeps a closed file of the workspace, read from disk', async () => {
    const uri = ws.uri('valid/gloucestershire-icp-timeline.md');
    await openAndClose(uri, readFileSync(ws.path('valid/gloucestershire-icp-timeline.md'), 'utf8'));
    assert.ok((await listed()).includes(uri));
  });
});
