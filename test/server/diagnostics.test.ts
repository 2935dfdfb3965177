/**
 * Diagnostics over real LSP JSON-RPC: the shared examples against
 * expectations.json, exact ranges, rule links and fixes as data, related
 * information pointing at the terms of reference, debouncing, versions,
 * clearing on close, plain Markdown left alone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesDir, versionedDocsBase } from '../helpers.js';
import { exampleWorkspace, TestClient, type Published, startOnExamples } from './client.js';

interface Expectation {
  file: string;
  lines: number[];
  severity: 'error' | 'warning';
  about: string;
}
const expectations = JSON.parse(readFileSync(join(examplesDir, 'expectations.json'), 'utf8')) as { valid: string[]; invalid: Expectation[] };
const LSP_SEVERITY = { error: 1, warning: 2 } as const;

/** `line:char-line:char severity code` of each diagnostic, for exact comparisons. */
function compact(p: Published): string[] {
  return p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code}`);
}

describe('server: diagnostics', function () {
  this.timeout(60_000);
  const ws = exampleWorkspace();
  let client: TestClient;

  before(async () => {
    client = await startOnExamples(ws.dir);
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  const openExample = async (file: string): Promise<Published> => {
    const uri = ws.uri(file);
    client.open(uri, readFileSync(ws.path(file), 'utf8'));
    return client.waitForDiagnostics(uri, (p) => p.version === 1);
  };

  it('gives no error or warning on the valid examples', async () => {
    for (const file of expectations.valid) {
      const p = await openExample(file);
      assert.deepEqual(p.diagnostics.filter((d) => d.severity! <= 2).map((d) => d.message), [], file);
    }
  });

  for (const e of expectations.invalid) {
    it(`${e.file}: ${e.about}`, async () => {
      const p = await openExample(e.file);
      const hit = p.diagnostics.find((d) => d.severity! <= LSP_SEVERITY[e.severity] && e.lines.includes(d.range.start.line + 1));
      assert.ok(hit, `expected a ${e.severity} on line ${e.lines.join('/')}; got ${compact(p).join('; ')}`);
      assert.equal(hit.source, 'govmark');
      assert.equal(hit.codeDescription?.href, `${versionedDocsBase}${String(hit.code)}.md`);
    });
  }

  it('places each diagnostic exactly (0-based LSP ranges, UTF-16 characters)', async () => {
    const expected: Record<string, string[]> = {
      // The next meeting after 16 October 2020 in the examples: it reports on none of that meeting's actions.
      'invalid/minutes-resolution-gap.md': ['8:0-8:46 3 action-not-reported', '25:0-25:2 2 resolution-numbering'],
      'invalid/timeline-out-of-order.md': ['11:2-11:12 2 milestone-order'],
      'invalid/timeline-impossible-date.md': ['10:2-10:12 1 impossible-date'],
      'invalid/unknown-type.md': ['1:6-1:24 1 unknown-type'],
      'invalid/yaml-syntax-error.md': ['3:6-3:42 1 yaml-syntax'],
      'invalid/minutes-inquorate.md': ['10:0-10:10 2 quorum-not-met'],
      'invalid/minutes-missing-date.md': ['0:0-3:41 1 schema'],
      // A review due in 2021 of terms with no status, seen in 2026: a hint that the outcome is not recorded.
      'invalid/tor-missing-membership.md': ['0:0-9:3 2 quorum-missing', '8:8-8:18 4 overdue', '11:0-11:48 1 required-sections'],
      'invalid/tor-review-before-adoption.md': ['0:0-9:3 2 quorum-missing', '8:8-8:18 4 overdue', '8:8-8:18 1 review-before-adoption'],
      // An action due in 2020 is a hint only: the minutes are a historical record.
      'valid/trafford-hwb-minutes-2020-10-16.md': ['80:3-80:69 4 overdue'],
      'valid/gloucestershire-icp-timeline.md': [],
    };
    for (const [file, diagnostics] of Object.entries(expected)) {
      const uri = ws.uri(file);
      const p = client.last(uri) ?? (await openExample(file));
      assert.deepEqual(compact(p), diagnostics, file);
    }
  });

  it('links the rule, says why, and carries the fixes and the version as data', async () => {
    const p = client.last(ws.uri('invalid/minutes-resolution-gap.md'))!;
    const d = p.diagnostics.find((x) => x.code === 'resolution-numbering')!;
    assert.equal(d.message, 'Resolution numbering jumps from 2 to 4: number 3 is missing.');
    assert.deepEqual(d.data, {
      version: 1,
      expected: ['3'],
      actual: '4',
      fixes: [
        {
          title: 'Renumber these resolutions 1–3',
          preferred: true,
          edits: [
            { range: { start: { line: 23, character: 0 }, end: { line: 23, character: 2 } }, newText: '1.' },
            { range: { start: { line: 24, character: 0 }, end: { line: 24, character: 2 } }, newText: '2.' },
            { range: { start: { line: 25, character: 0 }, end: { line: 25, character: 2 } }, newText: '3.' },
          ],
        },
      ],
    });
  });

  it('points quorum-not-met at the quorum of the terms of reference', async () => {
    const p = client.last(ws.uri('invalid/minutes-inquorate.md'))!;
    const d = p.diagnostics.find((x) => x.code === 'quorum-not-met')!;
    assert.equal(d.message, '3 voting members present; the terms of reference (trafford-hwb-tor) set a quorum of 5. The meeting was not quorate.');
    assert.deepEqual(d.relatedInformation, [
      {
        location: { uri: ws.uri('valid/trafford-hwb-terms-of-reference.md'), range: { start: { line: 17, character: 8 }, end: { line: 17, character: 9 } } },
        message: 'Quorum: 5',
      },
    ]);
  });

  it('debounces quick changes into one publication, for the last version', async () => {
    const uri = ws.uri('scratch/debounce.md');
    const base = readFileSync(ws.path('invalid/minutes-resolution-gap.md'), 'utf8').replace('id: trafford-hwb-2021-01-29-gap', 'id: debounce-copy');
    client.open(uri, base);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const since = client.published.length;
    let version = 1;
    for (let k = 5; k <= 9; k++) version = client.change(uri, base.replace('4. That the COVID', `${k}. That the COVID`));
    const p = await client.waitForDiagnostics(uri, () => true, 10_000, since);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const after = client.published.slice(since).filter((x) => x.uri === uri);
    assert.equal(after.length, 1, `one publication, got versions ${after.map((x) => x.version).join(', ')}`);
    assert.equal(p.version, version);
    assert.equal(p.diagnostics[0].message, 'Resolution numbering jumps from 2 to 9: numbers 3–8 are missing.');
  });

  it('never publishes a version older than one already published', () => {
    const last = new Map<string, number>();
    for (const p of client.published) {
      if (p.version === undefined) continue;
      assert.ok(p.version >= (last.get(p.uri) ?? 0), `${p.uri}: version ${p.version} after ${last.get(p.uri)}`);
      last.set(p.uri, p.version);
    }
  });

  // Closing a document: test/server/workspace-diagnostics.test.ts (kept with the workspace scope, cleared with openFiles).

  it('leaves plain Markdown alone: an empty list, whatever it contains', async () => {
    const plain = [
      ['scratch/notes.md', '# Notes\n\nRESOLVED:\n\n1. That this is not a governance document.\n4. Really.\n'],
      ['scratch/blog.md', '---\ntitle: A post\nid: trafford-hwb-tor\ndate: 2021-02-30\n---\n\n# Hello\n'],
      ['scratch/other-tool.md', '---\ntype: post\ndate: 2021-02-30\n---\n\n# Hello\n'],
    ];
    for (const [file, text] of plain) {
      const uri = ws.uri(file);
      client.open(uri, text);
      const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
      assert.deepEqual(p.diagnostics, [], file);
    }
    // A plain file declaring a known id does not make the terms of reference's id a duplicate.
    const tor = ws.uri('valid/trafford-hwb-terms-of-reference.md');
    client.open(tor, readFileSync(ws.path('valid/trafford-hwb-terms-of-reference.md'), 'utf8'));
    const p = await client.waitForDiagnostics(tor, (x) => x.version === 1);
    assert.deepEqual(compact(p), ['10:8-10:18 4 overdue']);
  });
});
