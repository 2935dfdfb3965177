/**
 * Editing over LSP: hover (schema descriptions, dates as understood, the
 * referenced document), completion (keys, enum values, ids, section
 * skeletons), and quick fixes applied and re-validated.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CodeAction, CompletionList, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, exampleWorkspace, TestClient, startOnExamples } from './client.js';

type Rng = { start: { line: number; character: number }; end: { line: number; character: number } };
const r = (range: Rng | undefined) => (range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : 'none');

describe('server: editing', function () {
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

  const open = (file: string, text = readFileSync(ws.path(file), 'utf8')) => {
    const uri = ws.uri(file);
    client.open(uri, text);
    return uri;
  };
  const hoverAt = async (uri: string, line: number, character: number) => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    return h ? { text: (h.contents as MarkupContent).value, range: r(h.range) } : undefined;
  };

  describe('hover', () => {
    it('explains a front matter key from its schema', async () => {
      const uri = open('valid/trafford-hwb-minutes-2020-10-16.md');
      const h = await hoverAt(uri, 1, 2);
      assert.equal(h?.range, '1:0-1:4');
      assert.match(h!.text, /^\*\*Document type\*\* \(`type`\)/);
      assert.match(h!.text, /This document is minutes: `type: minutes`\./);
      assert.match(h!.text, /Document types: `terms-of-reference`, `minutes`, `agenda`, `resolution`, `timeline`/);
    });

    it('explains an enum value and lists the allowed ones', async () => {
      const uri = ws.uri('valid/trafford-hwb-minutes-2020-10-16.md');
      const h = await hoverAt(uri, 9, 10);
      assert.equal(h?.range, '9:8-9:16');
      assert.match(h!.text, /\*\*Status\*\*/);
      assert.match(h!.text, /`approved`: /);
      assert.match(h!.text, /Allowed values: `draft`, `unconfirmed`, `approved`, `confirmed`, `published`/);
    });

    it('says how a date was understood: front matter dates, milestones, action due dates', async () => {
      const minutes = ws.uri('valid/trafford-hwb-minutes-2020-10-16.md');
      const date = await hoverAt(minutes, 4, 8);
      assert.equal(date?.range, '4:6-4:16');
      assert.match(date!.text, /2020-10-16 → 16 Oct 2020, day precision/);

      const timeline = open('valid/gloucestershire-icp-timeline.md');
      assert.deepEqual(await hoverAt(timeline, 13, 5), { text: '2022-01-18 → 18 Jan 2022, day precision', range: '13:2-13:12' });
      // Past the date, on the milestone's title: what the line was read as.
      assert.match((await hoverAt(timeline, 13, 40))!.text, /^\*\*Read as a milestone:\*\* 2022-01-18 → 18 Jan 2022/);

      const line = readFileSync(ws.path('valid/trafford-hwb-minutes-2020-10-16.md'), 'utf8').split('\n')[80];
      const at = line.indexOf('2020-12-31');
      assert.deepEqual(await hoverAt(minutes, 80, at + 3), { text: 'Due 2020-12-31 → 31 Dec 2020, day precision', range: `80:${at}-80:${at + 10}` });

      const tor = open('valid/trafford-hwb-terms-of-reference.md');
      const period = await hoverAt(tor, 6, 10);
      assert.match(period!.text, /2020\/21 → 1 Apr 2020 – 31 Mar 2021, UK financial year \(April to March\)/);
    });

    it('shows an uncertain date as the span it names', async () => {
      const uri = open('scratch/fuzzy-timeline.md', '---\ntype: timeline\ntitle: Plan\n---\n\n# Plan\n\n- Q1 2022 — Consultation [planned]\n- March/April 2021 — Workshops [done]\n- Tbc — Launch\n');
      assert.deepEqual(await hoverAt(uri, 7, 3), { text: 'Q1 2022 → 1 Jan – 31 Mar 2022, quarter precision', range: '7:2-7:9' });
      assert.deepEqual(await hoverAt(uri, 8, 3), { text: 'March/April 2021 → 1 Mar – 30 Apr 2021, range', range: '8:2-8:18' });
      assert.deepEqual(await hoverAt(uri, 9, 3), { text: 'Tbc → date not yet known', range: '9:2-9:5' });
    });

    it('says what a line of the body was read as: a decision with its votes, an action, a person, a meeting', async () => {
      const uri = open(
        'scratch/read-as.md',
        '---\ntype: minutes\n---\n\n# Board — 2 March 2024\n\n## Present\n\n- Councillor J. Slater (Chair)\n\n## 3. Budget\n\nVote: 6 for, 1 against – motion carried\n\n- Action: Dana Jones to circulate the budget by 2024-03-31\n\nThe Board discussed the weather.\n',
      );
      const meeting = await hoverAt(uri, 4, 10);
      assert.match(meeting!.text, /^\*\*Read as a meeting\*\*: 2 March 2024 → 2 Mar 2024/);
      const person = await hoverAt(uri, 8, 14);
      assert.match(person!.text, /^\*\*Read as present:\*\* J\. Slater/);
      assert.match(person!.text, /title Councillor · role Chair/);
      assert.match(person!.text, /Counts towards the quorum/);
      const vote = await hoverAt(uri, 12, 8);
      assert.match(vote!.text, /^\*\*Read as a decision\*\* 3, adopted/);
      assert.match(vote!.text, /Votes: 6 for, 1 against/);
      const action = await hoverAt(uri, 14, 20);
      assert.match(action!.text, /^\*\*Read as an action\*\* for Dana Jones, due 2024-03-31/);
      // Talk that was not read: no hover.
      assert.equal(await hoverAt(uri, 16, 10), undefined);
    });

    it('names the document a `terms:` value refers to', async () => {
      const uri = open('invalid/minutes-inquorate.md');
      const h = await hoverAt(uri, 4, 12);
      assert.equal(h?.range, '4:7-4:23');
      assert.match(h!.text, /→ \*\*Health and Wellbeing Board — Terms of Reference\*\* \(terms-of-reference\), Trafford Health and Wellbeing Board — trafford-hwb-terms-of-reference\.md/);
    });
  });

  describe('completion', () => {
    const complete = (uri: string, line: number, character: number) =>
      client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

    it('offers the enum values of `status:` for minutes', async () => {
      const text = readFileSync(ws.path('valid/trafford-hwb-minutes-2020-10-16.md'), 'utf8').replace('status: approved', 'status: ').replace('id: trafford-hwb-2020-10-16', 'id: completion-copy');
      const uri = open('scratch/completion-status.md', text);
      const list = await complete(uri, 9, 8);
      assert.deepEqual(list.items.map((i) => i.label), ['draft', 'unconfirmed', 'approved', 'confirmed', 'published']);
      const approved = list.items[2];
      assert.deepEqual((approved.textEdit as TextEdit).range, { start: { line: 9, character: 8 }, end: { line: 9, character: 8 } });
      assert.ok(approved.documentation, 'each value is explained');
    });

    it('offers known ids for `terms:`, terms of reference first, with their titles', async () => {
      const text = readFileSync(ws.path('invalid/minutes-inquorate.md'), 'utf8').replace('terms: trafford-hwb-tor', 'terms: traf').replace('id: trafford-hwb-2021-03-19', 'id: completion-copy-2');
      const uri = open('scratch/completion-terms.md', text);
      const list = await complete(uri, 4, 11);
      const sorted = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      const tor = sorted[0];
      assert.equal(tor.label, 'trafford-hwb-tor');
      assert.equal(tor.detail, 'Health and Wellbeing Board — Terms of Reference');
      assert.deepEqual((tor.textEdit as TextEdit).range, { start: { line: 4, character: 7 }, end: { line: 4, character: 11 } });
      assert.ok(!list.items.some((i) => i.label === 'completion-copy-2'), 'not its own id');
    });

    it('offers the keys the type knows and the document lacks, with documentation', async () => {
      const uri = open('scratch/completion-keys.md', '---\ntype: minutes\nid: completion-keys\nda\n---\n\n# Meeting\n');
      const list = await complete(uri, 3, 2);
      const labels = list.items.map((i) => i.label);
      for (const k of ['date', 'terms', 'status', 'body', 'location']) assert.ok(labels.includes(k), k);
      for (const k of ['type', 'id']) assert.ok(!labels.includes(k), `${k} is present already`);
      const date = list.items.find((i) => i.label === 'date')!;
      assert.deepEqual(date.textEdit, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } }, newText: 'date: ' });
      assert.match((date.documentation as MarkupContent).value, /The day the meeting was held/);
      // `date` is required: it sorts first.
      assert.equal([...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0].label, 'date');
    });

    it('offers the keys of a nested mapping, and ids in a list', async () => {
      const uri = open('scratch/completion-nested.md', '---\ntype: terms-of-reference\nid: completion-nested\nadopted:\n  date: 2020-11-25\n  \nsupersedes:\n  - \n---\n\n# ToR\n');
      const keys = await complete(uri, 5, 2);
      assert.deepEqual(keys.items.map((i) => i.label), ['by']);
      const ids = await complete(uri, 7, 4);
      const labels = ids.items.map((i) => i.label);
      assert.ok(labels.includes('trafford-hwb-tor'), labels.join(', '));
      assert.deepEqual((ids.items[0].textEdit as TextEdit).range, { start: { line: 7, character: 4 }, end: { line: 7, character: 4 } });
    });

    it('offers the document types for `type:`', async () => {
      const uri = open('scratch/completion-type.md', '---\ntype: \n---\n');
      const list = await complete(uri, 1, 6);
      assert.deepEqual(list.items.map((i) => i.label), ['terms-of-reference', 'minutes', 'agenda', 'resolution', 'timeline']);
    });

    it('offers the skeleton of a missing section on a heading line', async () => {
      const text = readFileSync(ws.path('invalid/tor-missing-membership.md'), 'utf8') + '\n## \n';
      const uri = open('scratch/completion-section.md', text.replace('id: trafford-hwb-tor-no-members', 'id: completion-section'));
      const line = text.split('\n').length - 2;
      const list = await complete(uri, line, 3);
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('## Membership'), labels.join(', '));
      assert.ok(!labels.includes('## Functions'), 'Functions is there already');
      const membership = list.items.find((i) => i.label === '## Membership')!;
      assert.match((membership.textEdit as TextEdit).newText, /^## Membership\n\n\| Seat \| Organisation \| Count \| Statutory \| Voting \|/);
    });
  });

  describe('quick fixes', () => {
    /** Opens a copy of an example, applies the fix titled `title` of the diagnostic with `code`, and returns the next publication. */
    async function fix(file: string, code: string, title: string | RegExp) {
      const uri = ws.uri(`scratch/fix-${file.replace(/\//g, '-')}`);
      const text = readFileSync(ws.path(file), 'utf8').replace(/^id: (.*)$/m, 'id: $1-fix');
      client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const diagnostic = published.diagnostics.find((d) => d.code === code) as Diagnostic;
      assert.ok(diagnostic, `${code} in ${published.diagnostics.map((d) => d.code).join(', ')}`);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
      assert.ok(action, `no action ${title} in ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics, [diagnostic]);
      const change = action.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
      assert.deepEqual(change.textDocument, { uri, version: 1 }, 'versioned: refused by the editor if the text moved on');
      const fixed = applyEdits(text, change.edits);
      const since = client.published.length;
      const version = client.change(uri, fixed);
      const after = await client.waitForDiagnostics(uri, (p) => p.version === version, 10_000, since);
      return { action, fixed, before: diagnostic, after: after.diagnostics };
    }

    it('renumbers a resolution list', async () => {
      const { action, fixed, after } = await fix('invalid/minutes-resolution-gap.md', 'resolution-numbering', 'Renumber these resolutions 1–3');
      assert.equal(action.isPreferred, true);
      assert.match(fixed, /\n1\. That the COVID 19 update be noted\.\n2\. That the Winter Plan be noted\.\n3\. That the COVID 19 Outbreak plan be noted\.\n/);
      assert.deepEqual(after.filter((d) => d.code === 'resolution-numbering'), []);
    });

    it('sorts a timeline', async () => {
      const { fixed, after } = await fix('invalid/timeline-out-of-order.md', 'milestone-order', 'Sort the timeline chronologically');
      assert.deepEqual(
        fixed.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2, 12)),
        ['2021-11-02', '2022-01-18', '2022-03-14', '2022-05-18'],
      );
      assert.deepEqual(after, []);
    });

    it('replaces a mistyped type', async () => {
      const { action, after } = await fix('invalid/unknown-type.md', 'unknown-type', "Change type to 'terms-of-reference'");
      assert.equal(action.isPreferred, true);
      assert.deepEqual(after.filter((d) => d.code === 'unknown-type'), []);
    });

    it('appends a missing section skeleton', async () => {
      const { fixed, after } = await fix('invalid/tor-missing-membership.md', 'required-sections', 'Add a Membership section');
      assert.match(fixed, /\n## Membership\n\n\| Seat \| Organisation \| Count \| Statutory \| Voting \|\n/);
      assert.deepEqual(after.filter((d) => d.code === 'required-sections'), []);
    });

    it('inserts a missing required field (a placeholder that still asks for the value)', async () => {
      const { fixed, before, after } = await fix('invalid/minutes-missing-date.md', 'schema', 'Add `date:` to the front matter');
      assert.match(fixed, /\nbody: Trafford Health and Wellbeing Board\ndate: YYYY-MM-DD\n---\n/);
      // The placeholder does not validate: the author is still asked for the real date.
      assert.ok(after.some((d) => d.code === 'schema' && d.range.start.line === 4), JSON.stringify(after));
      assert.ok(!after.some((d) => d.message === before.message), 'the missing-date diagnostic is gone');
    });

    it('offers nothing for a diagnostic whose data is for an older version', async () => {
      const uri = ws.uri('scratch/fix-invalid-minutes-resolution-gap.md');
      const stale = { ...client.published.find((p) => p.uri === uri && p.version === 1)!.diagnostics[0] };
      stale.message = 'something the server never said';
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] } });
      assert.deepEqual(actions, []);
    });
  });
});
