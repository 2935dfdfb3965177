/** The result cache: reused when nothing changed, a malformed entry is a miss (never a crash), keyed by the engine's own code. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { engineHash } from '../../src/node/cache.js';
import { validatePaths } from '../../src/node/validate.js';

const GAP = '---\ntype: minutes\nid: m\ndate: 2021-01-01\n---\n\n# Minutes\n\nRESOLVED:\n\n1. That the report be noted.\n3. That the plan be approved.\n';

describe('result cache', function () {
  this.timeout(60_000);
  const config = resolveConfig({ today: '2026-11-23' });
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const messagesOf = async (file: string, cacheDir: string) => (await validatePaths([file], { config, cacheDir }))[0].messages.map((m) => `${m.ruleId} ${m.range.start.line}`);

  it('gives the same messages from a cache whose entries were damaged, and repairs it', async () => {
    const file = join(dir, 'gap.md');
    writeFileSync(file, GAP);
    const cacheDir = join(dir, 'cache');
    const first = await messagesOf(file, cacheDir);
    assert.ok(first.some((m) => m.startsWith('resolution-numbering')), `the gap is reported: ${first.join(', ')}`);
    const cacheFile = join(cacheDir, 'results-v2.json');
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { fingerprint: string; entries: Record<string, unknown> };
    assert.ok(Object.keys(cached.entries).length > 0, 'the first run wrote the cache');
    // Same fingerprint, entries of every wrong shape: each is a miss.
    for (const [k, bad] of Object.keys(cached.entries).map((k, i) => [k, [null, 7, { messages: 'x' }, { complete: true, messages: [null], summary: {} }][i % 4]] as const)) cached.entries[k] = bad;
    writeFileSync(cacheFile, JSON.stringify(cached));
    assert.deepEqual(await messagesOf(file, cacheDir), first);
    const repaired = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { r?: { messages?: unknown } }> };
    assert.ok(Object.values(repaired.entries).every((e) => Array.isArray(e.r?.messages)), 'the run wrote good entries back');
  });

  it('does not serve an entry edited by hand (its messages removed) as a pass', async () => {
    const file = join(dir, 'gap.md');
    writeFileSync(file, GAP);
    const cacheDir = join(dir, 'cache');
    const first = await messagesOf(file, cacheDir);
    assert.ok(first.length > 0);
    const cacheFile = join(cacheDir, 'results-v2.json');
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { r: { messages: unknown[] } }> };
    for (const e of Object.values(cached.entries)) e.r.messages = [];
    writeFileSync(cacheFile, JSON.stringify(cached));
    assert.deepEqual(await messagesOf(file, cacheDir), first, 'the poisoned entry is a miss: the file is checked again');
  });

  it('treats a forged entry (checksum recomputed) of a wrong shape as a miss: no crash, no misplaced message', async () => {
    const file = join(dir, 'gap.md');
    writeFileSync(file, GAP);
    const cacheDir = join(dir, 'cache');
    const first = await messagesOf(file, cacheDir);
    const cacheFile = join(cacheDir, 'results-v2.json');
    const forgeries: ((m: Record<string, unknown>) => void)[] = [
      (m) => (m.severity = 'bogus'),
      (m) => (m.range = null),
      (m) => (m.reason = 5),
      (m) => ((m.range as { start: { line: number } }).start.line = -5),
      (m) => ((m.range as { end: { offset: number } }).end.offset = 1e9),
    ];
    for (const forge of forgeries) {
      await messagesOf(file, cacheDir); // a good cache again
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { fingerprint: string; entries: Record<string, { r: { messages: Record<string, unknown>[] }; s: string }> };
      for (const [k, e] of Object.entries(cached.entries)) {
        forge(e.r.messages[0]);
        e.s = createHash('sha1').update(cached.fingerprint).update('\0').update(k).update('\0').update(JSON.stringify(e.r)).digest('base64url').slice(0, 22);
      }
      writeFileSync(cacheFile, JSON.stringify(cached));
      assert.deepEqual(await messagesOf(file, cacheDir), first, String(forge));
    }
  });

  it('starts afresh from a cache file that is not JSON', async () => {
    const file = join(dir, 'gap.md');
    writeFileSync(file, GAP);
    const cacheDir = join(dir, 'cache');
    const first = await messagesOf(file, cacheDir);
    writeFileSync(join(cacheDir, 'results-v2.json'), '{"fingerprint": "x", "entries": ');
    assert.deepEqual(await messagesOf(file, cacheDir), first);
  });

  it('keys the cache by a hash of the engine code, stable within a build', async () => {
    const a = await engineHash();
    assert.match(a, /^[0-9a-f]{40}$/);
    assert.equal(await engineHash(), a);
  });
});
