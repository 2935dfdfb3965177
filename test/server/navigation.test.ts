/**
 * Navigation over LSP: the outline of meaning (document symbols), workspace
 * symbols, go to definition of `terms:` and references to an `id:`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { DocumentSymbol, Location, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { exampleWorkspace, TestClient, startOnExamples } from './client.js';

type Rng = { start: { line: number; character: number }; end: { line: number; character: number } };
const r = (range: Rng) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

function find(symbols: DocumentSymbol[], name: string): DocumentSymbol | undefined {
  for (const s of symbols) {
    if (s.name === name) return s;
    const inner = find(s.children ?? [], name);
    if (inner) return inner;
  }
  return undefined;
}

/** Every child range lies inside its parent's, and every selection range inside its range. */
function assertNested(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  const inside = (outer: Rng, inner: Rng) =>
    (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  for (const s of symbols) {
    assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection ${r(s.selectionRange)} outside ${r(s.range)}`);
    if (parent) assert.ok(inside(parent.range, s.range), `${s.name} ${r(s.range)} outside ${parent.name} ${r(parent.range)}`);
    assertNested(s.children ?? [], s);
  }
}

describe('server: navigation', function () {
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

  const symbolsOf = async (file: string): Promise<DocumentSymbol[]> => {
    const uri = ws.uri(file);
    client.open(uri, readFileSync(ws.path(file), 'utf8'));
    return client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  };

  describe('document symbols', () => {
    it('outline minutes by attendance, agenda items, resolutions and actions', async () => {
      const symbols = await symbolsOf('valid/trafford-hwb-minutes-2020-10-16.md');
      assertNested(symbols);
      assert.deepEqual(
        symbols.map((s) => `${s.name} | ${s.detail ?? ''} | ${r(s.range)}`),
        [
          'Attendance | 12 present | 14:0-45:13',
          '15. Minutes |  | 47:0-49:94',
          '16. Declarations of interest |  | 51:0-53:37',
          '17. Questions from the public |  | 55:0-57:27',
          '18. COVID 19 Outbreak Plan |  | 59:0-67:44',
          '19. Local Care Alliance: Health and Social Care Recovery and Reform |  | 69:0-84:133',
          '20. CDOP Report |  | 86:0-94:212',
          '21. Update on the strategic objectives and current outcomes for the Health and Wellbeing Board |  | 96:0-100:35',
        ],
      );
      const attendance = symbols[0];
      assert.deepEqual(
        attendance.children!.map((s) => `${s.name} | ${s.detail} | ${s.children!.length} | ${r(s.range)}`),
        ['Present | 12 | 12 | 14:0-27:14', 'In attendance | 4 | 4 | 29:0-34:38', 'Apologies | 8 | 8 | 36:0-45:13'],
      );
      const chair = attendance.children![0].children![0];
      assert.deepEqual([chair.name, chair.detail, r(chair.range)], ['Councillor J. Slater', 'Chair', '16:0-16:30']);

      const item = find(symbols, '18. COVID 19 Outbreak Plan')!;
      assert.equal(r(item.selectionRange), '59:0-59:29');
      assert.deepEqual(
        item.children!.map((s) => s.name),
        ['18.1 That the COVID 19 update be noted.', '18.2 That the Winter Plan be noted.', '18.3 That the COVID 19 Outbreak plan be noted.'],
      );
      const winter = find(symbols, '18.2 That the Winter Plan be noted.')!;
      assert.equal(winter.kind, 24 /* Event */);
      assert.equal(r(winter.range), '66:0-66:33');
      assert.equal(r(winter.selectionRange), '66:0-66:2');

      const withAction = find(symbols, '19.5 That the Measurement Framework is to come to the Board before the end of the year.')!;
      assert.equal(r(withAction.range), '79:0-80:69');
      assert.deepEqual(
        withAction.children!.map((s) => `${s.name} | ${s.detail} | ${r(s.range)}`),
        ['Action: Health & Social Care Programme Director — That the Measurement Framework is to come to the Board before the end of the year. | due 2020-12-31 | 80:3-80:69'],
      );
      assert.equal(find(symbols, '15 That the minutes of the meeting held 14 August 2020 be agreed as an accurate record.')?.kind, 24);
    });

    it('outline terms of reference by functions, seats with their counts, and quorum', async () => {
      const symbols = await symbolsOf('valid/trafford-hwb-terms-of-reference.md');
      assertNested(symbols);
      assert.deepEqual(
        symbols.map((s) => `${s.name} | ${s.detail} | ${s.children?.length ?? 0} | ${r(s.range)}`),
        ['Functions | 9 | 9 | 22:0-32:126', 'Membership | 21 seats | 17 | 34:0-56:124', 'Quorum | 5 members | 0 | 62:0-64:58'],
      );
      const first = symbols[0].children![0];
      assert.equal(first.name, '1. To provide strong leadership and direction of the health and wellbeing agenda by agreeing priority outcomes for health and wellbeing.');
      assert.equal(r(first.range), '24:0-24:136');
      const ccg = symbols[1].children![8];
      assert.deepEqual([ccg.name, ccg.detail, r(ccg.range)], [
        'CCG representatives (Chair, Chief Operating Officer, Clinical Director)',
        '3 seats · NHS Trafford Clinical Commissioning Group · statutory',
        '48:0-48:135',
      ]);
    });

    it('outline timelines by milestones with their dates', async () => {
      const symbols = await symbolsOf('valid/gloucestershire-icp-timeline.md');
      assert.deepEqual(
        symbols.map((s) => `${s.name.slice(0, 40)} | ${s.detail ?? ''} | ${r(s.selectionRange)}`),
        [
          '2021-09-21 — Joint workshop of the Healt | done | 11:2-11:12',
          '2021-11-02 — Health and Wellbeing Board  | done | 12:2-12:12',
          '2022-01-18 — Health and Wellbeing Board  |  | 13:2-13:12',
          '2022-03-14 — Gloucestershire County Coun |  | 14:2-14:12',
          '2022-05-18 — Full Council ratifies the C |  | 15:2-15:12',
        ],
      );
      assert.equal(symbols[2].name, '2022-01-18 — Health and Wellbeing Board considers proposals on the development of the ICS and any amendments to the Terms of Reference.');
      assert.equal(r(symbols[2].range), '13:0-13:137');
    });

    it('gives plain Markdown no outline', async () => {
      const uri = ws.uri('scratch/plain.md');
      client.open(uri, '# Notes\n\n## 18. Something\n\nRESOLVED: That nothing happens.\n');
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    });
  });

  describe('workspace symbols', () => {
    const search = (query: string) => client.request<WorkspaceSymbol[]>('workspace/symbol', { query });

    it('finds a resolution by its identifier across the workspace, open or not', async () => {
      const found = await search('18.2');
      const names = found.map((s) => `${s.name} @ ${s.location.uri.slice(s.location.uri.lastIndexOf('/') + 1)}`).sort();
      assert.deepEqual(names, [
        '18.2 That the Winter Plan be noted. @ minutes-resolution-gap.md',
        '18.2 That the Winter Plan be noted. @ trafford-hwb-minutes-2020-10-16.md',
      ]);
      const valid = found.find((s) => s.location.uri.endsWith('trafford-hwb-minutes-2020-10-16.md'))!;
      assert.equal(r((valid.location as Location).range), '66:0-66:33');
      assert.equal(valid.containerName, 'Health and Wellbeing Board — 16 October 2020');
    });

    it('finds milestones, agenda items and document ids by their words', async () => {
      const ratifies = await search('full council ratifies');
      assert.ok(ratifies.some((s) => s.name === '2022-05-18 — Full Council ratifies the Constitution Committee decision.' && s.location.uri === ws.uri('valid/gloucestershire-icp-timeline.md')));
      const cdop = await search('CDOP');
      assert.deepEqual(
        cdop.map((s) => s.name.slice(0, 60)),
        ['20. CDOP Report', '20.3 That the Chair of the Trafford Strategic Safeguarding P'],
      );
      // Names are clipped for display; the search reads the whole text.
      assert.deepEqual((await search('sustainable partnership link')).map((s) => s.name), []);
      assert.equal((await search('CDOP how they link')).length, 1);
      const id = await search('trafford-hwb-tor');
      const tor = id.find((s) => s.name === 'trafford-hwb-tor')!;
      assert.equal(tor.location.uri, ws.uri('valid/trafford-hwb-terms-of-reference.md'));
      assert.equal(r((tor.location as Location).range), '2:4-2:20');
    });
  });

  describe('definition and references', () => {
    const inquorate = 'invalid/minutes-inquorate.md';

    it('goes from `terms:` to the `id:` of the terms of reference', async () => {
      const uri = ws.uri(inquorate);
      client.open(uri, readFileSync(ws.path(inquorate), 'utf8'));
      const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 12 } });
      assert.deepEqual(locations, [{ uri: ws.uri('valid/trafford-hwb-terms-of-reference.md'), range: { start: { line: 2, character: 4 }, end: { line: 2, character: 20 } } }]);
      // Elsewhere on the line (the key) or on another key: nothing.
      assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 6 } }), []);
    });

    it('lists every `terms:` naming an id, from the `id:` line', async () => {
      const uri = ws.uri('valid/trafford-hwb-terms-of-reference.md');
      client.open(uri, readFileSync(ws.path('valid/trafford-hwb-terms-of-reference.md'), 'utf8'));
      for (const character of [0, 10]) {
        const locations = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 2, character }, context: { includeDeclaration: false } });
        assert.deepEqual(
          locations.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)} ${r(l.range)}`).sort(),
          ['minutes-inquorate.md 4:7-4:23', 'minutes-resolution-gap.md 4:7-4:23'],
        );
      }
      const withDeclaration = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 5 }, context: { includeDeclaration: true } });
      assert.equal(withDeclaration.length, 3);
      assert.ok(withDeclaration.some((l) => l.uri === uri && r(l.range) === '2:4-2:20'));
    });
  });
});
