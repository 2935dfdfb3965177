/**
 * The result cache: an unchanged file is reused without being read (its stat),
 * a touched one after reading it, a changed one is checked again; a damaged
 * store is ignored (never a crash), two runs at once leave a good store; keyed
 * by the engine's own code. Observed through `onCache` counts, never timings.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { CACHE_FILE, engineHash, LAST_RUN_FILE, WORKSPACE_FILE } from '../../src/node/cache.js';
import type { FileResult } from '../../src/node/contract.js';
import { validatePaths } from '../../src/node/validate.js';

const GAP = '---\ntype: minutes\nid: m\ndate: 2021-01-01\n---\n\n# Minutes\n\nRESOLVED:\n\n1. That the report be noted.\n3. That the plan be approved.\n';
/** The same size as GAP, without the gap in the numbering. */
const NO_GAP = GAP.replace('3. That', '2. That');
const README = '# Notes\n\nNothing to govern here.\n';
const HOUR_AGO = new Date(Date.now() - 3_600_000);

describe('result cache', function () {
  this.timeout(60_000);
  const config = resolveConfig({ today: '2026-11-23' });
  let dir: string;
  let cacheDir: string;
  let cacheFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'govmark-cache-'));
    cacheDir = join(dir, 'cache');
    cacheFile = join(cacheDir, CACHE_FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a file last modified an hour ago (a file modified within the second is hashed, not trusted to its stat). */
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    utimesSync(path, HOUR_AGO, HOUR_AGO);
    return path;
  };
  const run = async (files: string[]) => {
    let counts: { unread: number; read: number; missed: number } | undefined;
    const results = await validatePaths(files, { config, cacheDir, onCache: (c) => (counts = c) });
    return { results, counts: counts!, shown: results.map(shown) };
  };
  const forgetLastRun = () => rmSync(join(cacheDir, LAST_RUN_FILE), { force: true });
  const shown = (r: FileResult) => `${r.skipped ? 'skipped' : r.type}: ${r.messages.map((m) => `${m.ruleId} ${m.range.start.line}`).join(', ')}`;

  it('reuses unchanged files without reading them, and does not rewrite the store', async () => {
    const files = [write('gap.md', GAP), write('readme.md', README)];
    const first = await run(files);
    assert.deepEqual(first.counts, { unread: 0, read: 0, missed: 2 });
    assert.match(first.shown[0], /^minutes: .*resolution-numbering/);
    assert.equal(first.shown[1], 'skipped: ');
    const written = statSync(cacheFile).mtimeMs;
    const again = await run(files);
    assert.deepEqual(again.counts, { unread: 2, read: 0, missed: 0 }, 'neither the minutes nor the plain Markdown is read again');
    assert.deepEqual(again.shown, first.shown);
    assert.ok(again.results[0].fromCache);
    assert.equal(statSync(cacheFile).mtimeMs, written, 'nothing changed: the store is not written');
  });

  it('reads a touched file with the same text, reuses its result, and trusts its new stat next time', async () => {
    const file = write('gap.md', GAP);
    const first = await run([file]);
    utimesSync(file, new Date(HOUR_AGO.getTime() + 60_000), new Date(HOUR_AGO.getTime() + 60_000));
    const touched = await run([file]);
    assert.deepEqual(touched.counts, { unread: 0, read: 1, missed: 0 });
    assert.deepEqual(touched.shown, first.shown);
    assert.deepEqual((await run([file])).counts, { unread: 1, read: 0, missed: 0 });
  });

  it('checks again a file changed with the same size and its modification time put back (its change time moved)', async () => {
    const file = write('gap.md', GAP);
    const first = await run([file]);
    assert.match(first.shown[0], /resolution-numbering/);
    const { size, mtime } = statSync(file);
    writeFileSync(file, NO_GAP);
    utimesSync(file, mtime, mtime);
    assert.equal(statSync(file).size, size);
    const changed = await run([file]);
    assert.deepEqual(changed.counts, { unread: 0, read: 0, missed: 1 });
    assert.doesNotMatch(changed.shown[0], /resolution-numbering/, 'the new text is checked, not the old result served');
  });

  it('hashes, rather than trusts, a file modified within the second before the run', async () => {
    const file = join(dir, 'gap.md');
    writeFileSync(file, GAP);
    await run([file]);
    // Its stat was not recorded: a write within the same clock tick could not be told apart.
    assert.deepEqual((await run([file])).counts, { unread: 0, read: 1, missed: 0 });
  });

  it('ignores a store cut short, not JSON, or edited by hand, and writes a good one back', async () => {
    const file = write('gap.md', GAP);
    const first = await run([file]);
    const good = readFileSync(cacheFile, 'utf8');
    const poisoned = good.replace(/"messages":\[[^\]]*\]/, '"messages":[]');
    assert.notEqual(poisoned, good);
    for (const bad of [good.slice(0, good.length - 40), good.slice(0, good.indexOf('\n') + 1), '{"v": 3, "fingerprint": ', '', '\n\n\n', poisoned]) {
      writeFileSync(cacheFile, bad);
      forgetLastRun(); // else the last run's record answers without reading the store
      const again = await run([file]);
      assert.deepEqual(again.counts, { unread: 0, read: 0, missed: 1 }, JSON.stringify(bad.slice(0, 60)));
      assert.deepEqual(again.shown, first.shown, 'an entry with its messages removed is not served as a pass');
      assert.deepEqual((await run([file])).counts, { unread: 1, read: 0, missed: 0 }, 'the store was written again');
    }
  });

  it('treats a forged entry (checksum recomputed) of a wrong shape as a miss: no crash, no misplaced message', async () => {
    const file = write('gap.md', GAP);
    const first = await run([file]);
    const forgeries: ((e: { st: unknown; n: unknown; r: { messages: Record<string, unknown>[] } }) => void)[] = [
      (e) => (e.r.messages[0].severity = 'bogus'),
      (e) => (e.r.messages[0].range = null),
      (e) => (e.r.messages[0].reason = 5),
      (e) => ((e.r.messages[0].range as { start: { line: number } }).start.line = -5),
      (e) => ((e.r.messages[0].range as { end: { offset: number } }).end.offset = 1e9),
      (e) => (e.r.messages = 'x' as never),
      (e) => (e.r = null as never),
      (e) => (e.st = 'abcd'),
      (e) => (e.n = -1),
    ];
    for (const forge of forgeries) {
      await run([file]); // a good store again
      const [header, ...rest] = readFileSync(cacheFile, 'utf8').trimEnd().split('\n');
      const entries = rest.slice(0, -1).map((l) => JSON.parse(l) as Parameters<typeof forge>[0]);
      entries.forEach(forge);
      const body = entries.map((e) => JSON.stringify(e)).join('\n');
      writeFileSync(cacheFile, `${header}\n${body}\n${JSON.stringify({ sum: createHash('sha1').update(body).digest('base64url') })}\n`);
      forgetLastRun();
      const again = await run([file]);
      assert.deepEqual(again.shown, first.shown, String(forge));
      assert.equal(again.counts.missed, 1, String(forge));
    }
  });

  it('survives two runs at once: both give the full answer and the store they leave serves the next run', async () => {
    const files = Array.from({ length: 12 }, (_, i) => write(`m${i}.md`, GAP.replace('id: m', `id: m${i}`)));
    const expected = (await validatePaths(files, { config, cacheDir: false })).map(shown);
    const [a, b] = await Promise.all([run(files), run(files)]);
    assert.deepEqual(a.shown, expected);
    assert.deepEqual(b.shown, expected);
    const after = await run(files);
    assert.deepEqual(after.counts, { unread: 12, read: 0, missed: 0 });
    assert.deepEqual(after.shown, expected);
  });

  it('keys the cache by a hash of the engine code, stable within a build', async () => {
    const a = await engineHash();
    assert.match(a, /^[0-9a-f]{40}$/);
    assert.equal(await engineHash(), a);
  });

  describe('cross-document messages', () => {
    const TERMS = '---\ntype: terms-of-reference\nid: board-tor\ntitle: Board terms\nbody: Board\nadopted: 2020-01-01\nquorum: 3\n---\n\n# Board terms\n\n## Quorum\n\nThree members.\n';
    const MINUTES = (terms: string) => `---\ntype: minutes\nid: board-2021-01-01\ntitle: Board minutes\nbody: Board\ndate: 2021-01-01\nterms: ${terms}\n---\n\n# Minutes\n\nRESOLVED: That the report be noted.\n`;
    const runWith = async (files: string[]) => {
      let reused: boolean | undefined;
      const results = await validatePaths(files, { config, cacheDir, onWorkspaceCache: (r) => (reused = r) });
      return { reused, shown: results.map(shown) };
    };

    it('are reused when nothing changed, and checked again when a file another depends on changes', async () => {
      const terms = write('terms.md', TERMS);
      const minutes = write('minutes.md', MINUTES('board-tor'));
      const first = await runWith([terms, minutes]);
      assert.equal(first.reused, false);
      const again = await runWith([terms, minutes]);
      assert.equal(again.reused, true, 'nothing changed: the cross-document step is not run again');
      assert.deepEqual(again.shown, first.shown);
      // The terms' id changes: the minutes (unchanged) now name terms that do not exist.
      write('terms.md', TERMS.replace('id: board-tor', 'id: board-tor-2020'));
      const changed = await runWith([terms, minutes]);
      assert.equal(changed.reused, false);
      assert.match(changed.shown[1], /unresolved-reference/);
      assert.doesNotMatch(first.shown[1], /unresolved-reference/);
      const expected = (await validatePaths([terms, minutes], { config, cacheDir: false })).map(shown);
      assert.deepEqual(changed.shown, expected);
      assert.deepEqual((await runWith([terms, minutes])).shown, expected);
    });

    it('are checked again when the set of files changes or the store is damaged', async () => {
      const terms = write('terms.md', TERMS);
      const minutes = write('minutes.md', MINUTES('board-tor'));
      await runWith([terms, minutes]);
      const alone = await runWith([minutes]);
      assert.equal(alone.reused, false, 'another set of files');
      assert.match(alone.shown[0], /unresolved-reference/, 'without the terms the reference is unresolved');
      await runWith([terms, minutes]);
      const file = join(cacheDir, WORKSPACE_FILE);
      const stored = readFileSync(file, 'utf8');
      const forgedText = stored.replace('\n{', '\n{"file:///forged.md":[],');
      assert.notEqual(forgedText, stored, 'the body was edited');
      writeFileSync(file, forgedText);
      forgetLastRun();
      const forged = await runWith([terms, minutes]);
      assert.equal(forged.reused, false, 'a store whose checksum does not match is ignored');
      writeFileSync(file, 'not json');
      forgetLastRun();
      const broken = await runWith([terms, minutes]);
      assert.equal(broken.reused, false);
      assert.deepEqual(broken.shown, (await validatePaths([terms, minutes], { config, cacheDir: false })).map(shown));
    });
  });

  describe('the last run\'s answer', () => {
    const full = (r: FileResult) => JSON.stringify({ type: r.type, skipped: r.skipped, complete: r.complete, messages: r.messages });

    it('answers a run of the same files, none touched, from the last run alone, exactly as the files would be checked', async () => {
      const files = [write('gap.md', GAP), write('readme.md', README), write('other.md', GAP.replace('id: m', 'id: m2'))];
      const expected = (await validatePaths(files, { config, cacheDir: false })).map(full);
      await run(files);
      await run(files);
      // The per-file store damaged: a run answered from the last run's record never reads it.
      writeFileSync(cacheFile, 'damaged');
      const again = await run(files);
      assert.deepEqual(again.counts, { unread: 3, read: 0, missed: 0 });
      assert.deepEqual(again.results.map(full), expected);
      assert.ok(again.results.every((r) => r.fromCache));
      assert.deepEqual(again.results.map((r) => r.path), files);
    });

    it('goes the usual way when a file changed, the set of files changed, or the record is damaged', async () => {
      const gap = write('gap.md', GAP);
      const readme = write('readme.md', README);
      await run([gap, readme]);
      await run([gap, readme]);
      write('gap.md', NO_GAP);
      const changed = await run([gap, readme]);
      assert.deepEqual(changed.counts, { unread: 1, read: 0, missed: 1 }, 'the changed file is checked again');
      assert.doesNotMatch(changed.shown[0], /resolution-numbering/);
      const fewer = await run([gap]);
      assert.equal(fewer.results.length, 1);
      assert.deepEqual(fewer.counts, { unread: 1, read: 0, missed: 0 });
      await run([gap, readme]);
      const record = join(cacheDir, LAST_RUN_FILE);
      writeFileSync(record, readFileSync(record, 'utf8').replace('"reported":2', '"reported":1'));
      const forged = await run([gap, readme]);
      assert.deepEqual(forged.counts, { unread: 2, read: 0, missed: 0 }, 'a record whose checksum does not match is not used: the usual stat path serves');
      assert.equal(forged.results.length, 2);
      assert.doesNotMatch(forged.shown[0], /resolution-numbering/);
    });

    it('does not use a record forged with its checksum recomputed when a message is of the wrong shape', async () => {
      const gap = write('gap.md', GAP);
      const first = await run([gap]);
      await run([gap]);
      const record = join(cacheDir, LAST_RUN_FILE);
      const [head, body] = readFileSync(record, 'utf8').split('\n');
      const files = JSON.parse(body) as { m: { range: unknown; severity: string }[] }[];
      for (const forge of [(m: { range: unknown; severity: string }) => (m.severity = 'bogus'), (m: { range: unknown }) => (m.range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 1e9 } })]) {
        const copy = structuredClone(files);
        forge(copy[0].m[0]);
        const forgedBody = JSON.stringify(copy);
        writeFileSync(record, `${JSON.stringify({ ...JSON.parse(head), sum: createHash('sha1').update(forgedBody).digest('base64url') })}\n${forgedBody}`);
        const again = await run([gap]);
        assert.deepEqual(again.shown, first.shown, String(forge));
      }
    });
  });
});
