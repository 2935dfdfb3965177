/**
 * Every rule of the registry against fixture pairs:
 * test/fixtures/rules/<rule-id>/<case>.md → <case>.json holding that rule's
 * messages (range, reason, expected, fixes with their edits). Documents in
 * <rule-id>/related/ are in the workspace too, for cross-document rules.
 * Each rule has a failing and a passing case; each preferred fix, applied,
 * makes its message go away without bringing a new problem.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../../src/core/config.js';
import { SEVERITY_RANK, type Fix, type GovMessage, type Severity } from '../../src/core/message.js';
import { parse } from '../../src/core/parse/parse.js';
import { allRules, ruleById } from '../../src/core/rules/registry.js';
import { checkDocument } from '../../src/core/rules/run.js';
import { DOCS_BASE, ruleUrl } from '../../src/core/rules/rule.js';
import type { Range } from '../../src/core/text/range.js';
import { Workspace } from '../../src/core/workspace/workspace.js';
import { fixturesDir, repoRoot } from '../helpers.js';
import { applyEdits, compactRange, expectedPathFor, markdownCases, matchFixture, messageSnapshot } from './fixtures.js';

const rulesDir = join(fixturesDir, 'rules');
const TODAY = '2026-11-23';
const config = resolveConfig({ today: TODAY });

const uriOf = (ruleId: string, file: string) => `file:///fixtures/rules/${ruleId}/${file}`;

function relatedFiles(ruleId: string): string[] {
  return markdownCases(join(rulesDir, ruleId, 'related'));
}

/**
 * `internal-error` cannot be provoked by a document: its cases are named
 * `<rule-id>-throws.md` and that rule is made to throw while they are checked.
 */
function withSimulatedFailure<T>(ruleId: string, caseName: string, run: () => T): T {
  const target = ruleId === 'internal-error' ? /^(.+)-throws$/.exec(caseName)?.[1] : undefined;
  if (!target) return run();
  const rule = ruleById(target) as { check?: unknown } | undefined;
  assert.ok(rule && typeof rule.check === 'function', `internal-error/${caseName}.md names no rule with a check`);
  const original = rule.check;
  rule.check = () => {
    throw new Error('simulated failure');
  };
  try {
    return run();
  } finally {
    rule.check = original;
  }
}

/** Every message about the case document, related documents in the workspace too. */
function check(ruleId: string, file: string, text: string, cfg: ResolvedConfig = config): GovMessage[] {
  const caseName = basename(file, '.md');
  return withSimulatedFailure(ruleId, caseName, () => {
    const ws = new Workspace(cfg);
    for (const r of relatedFiles(ruleId)) ws.set(uriOf(ruleId, 'related/' + basename(r)), readFileSync(r, 'utf8'));
    const uri = uriOf(ruleId, basename(file));
    ws.set(uri, text);
    // The whole-workspace check, as the CLI runs it (Workspace.checkOne, the editor's path,
    // narrows index.all() to one document and loses unresolved-reference's suggestion).
    return ws.check().get(uri) ?? [];
  });
}

function snapshot(ruleId: string, messages: GovMessage[]): unknown[] {
  return messages.map((m) => {
    const s: Record<string, unknown> = { ...messageSnapshot(m, true) };
    if (m.related) {
      s.related = m.related.map((r) => ({ uri: r.uri.replace(uriOf(ruleId, ''), ''), range: compactRange(r.range), message: r.message }));
    }
    return s;
  });
}

interface Case {
  ruleId: string;
  file: string;
  name: string;
  text: string;
}

const cases: Case[] = [];
for (const ruleId of existsSync(rulesDir) ? readdirSync(rulesDir).sort() : []) {
  for (const file of markdownCases(join(rulesDir, ruleId))) {
    cases.push({ ruleId, file, name: basename(file, '.md'), text: readFileSync(file, 'utf8') });
  }
}

const own = (c: Case, messages: GovMessage[]) => messages.filter((m) => m.ruleId === c.ruleId);

const FILE_SYSTEM_RULES = ['unreadable-file'];

describe('rules: every rule in the registry has fixtures', () => {
  it('a failing and a passing case per rule, and no fixtures for rules that do not exist', () => {
    const problems: string[] = [];
    for (const rule of allRules) {
      // About the file system, not the text: tested on real folders (test/cli/hostile.test.ts).
      if (FILE_SYSTEM_RULES.includes(rule.id)) continue;
      const mine = cases.filter((c) => c.ruleId === rule.id);
      const failing = mine.filter((c) => own(c, check(c.ruleId, c.file, c.text)).length > 0);
      if (failing.length === 0) problems.push(`${rule.id}: no case in test/fixtures/rules/${rule.id}/ makes it report`);
      if (failing.length === mine.length) problems.push(`${rule.id}: no case in test/fixtures/rules/${rule.id}/ passes it`);
    }
    for (const dir of new Set(cases.map((c) => c.ruleId))) {
      if (!ruleById(dir)) problems.push(`test/fixtures/rules/${dir}/ is not a rule in the registry`);
    }
    assert.deepEqual(problems, []);
  });
});

describe('rules: fixture pairs (test/fixtures/rules)', () => {
  for (const c of cases) {
    describe(`${c.ruleId}/${c.name}`, () => {
      it('reports what the fixture records, where it records it', () => {
        const messages = own(c, check(c.ruleId, c.file, c.text));
        matchFixture(expectedPathFor(c.file), snapshot(c.ruleId, messages));
      });

      it('stamps the rule id, the document, the docs link and a range inside the document', () => {
        const doc = parse(c.text);
        for (const m of own(c, check(c.ruleId, c.file, c.text))) {
          assert.equal(m.uri, uriOf(c.ruleId, basename(c.file)));
          assert.equal(m.source, 'govmark');
          assert.equal(m.url, ruleUrl(c.ruleId));
          assert.ok(existsSync(join(repoRoot, 'docs', 'rules', m.url!.slice(DOCS_BASE.length))), `docs for ${m.ruleId}`);
          assert.ok(m.range.end.offset <= doc.text.length && m.range.start.offset <= m.range.end.offset, 'range inside the document');
          for (const p of [m.range.start, m.range.end]) {
            const q = doc.lines.point(p.offset);
            assert.deepEqual([p.line, p.column], [q.line, q.column], 'line/column agree with the offset');
          }
        }
      });

      it('is silenced by "off" and takes the configured severity', () => {
        const messages = own(c, check(c.ruleId, c.file, c.text));
        if (messages.length === 0) return;
        const off = own(c, check(c.ruleId, c.file, c.text, resolveConfig({ today: TODAY, rules: { [c.ruleId]: 'off' } })));
        assert.deepEqual(off, []);
        const other: Severity = messages.every((m) => m.severity === 'hint') ? 'error' : 'hint';
        const changed = own(c, check(c.ruleId, c.file, c.text, resolveConfig({ today: TODAY, rules: { [c.ruleId]: other } })));
        assert.deepEqual(changed.map((m) => m.severity), messages.map(() => other));
      });
    });
  }
});

/** Where the text a fix inserted lies in the fixed document. */
function insertedRanges(edits: Fix['edits']): { start: number; end: number }[] {
  let delta = 0;
  return [...edits]
    .sort((a, b) => a.range.start.offset - b.range.start.offset)
    .map((e) => {
      const start = e.range.start.offset + delta;
      delta += e.newText.length - (e.range.end.offset - e.range.start.offset);
      return { start, end: start + e.newText.length };
    });
}

const within = (r: Range, spans: { start: number; end: number }[]) => spans.some((s) => s.start <= r.start.offset && r.end.offset <= s.end);
const key = (m: GovMessage) => `${m.ruleId}: ${m.reason}`;

describe('rules: fixes', () => {
  const withFixes = cases.flatMap((c) => own(c, check(c.ruleId, c.file, c.text)).filter((m) => m.fixes?.length).map((m, i) => ({ c, m, i })));

  it('some messages offer fixes', () => {
    assert.ok(withFixes.length >= 6, `found ${withFixes.length}`);
  });

  for (const { c, m, i } of withFixes) {
    const chosen = m.fixes!.some((f) => f.preferred) ? m.fixes!.filter((f) => f.preferred) : m.fixes!;
    for (const fix of chosen) {
      it(`${c.ruleId}/${c.name} #${i} "${fix.title}": applied, the message is gone and nothing new appears outside what it inserted`, () => {
        const before = check(c.ruleId, c.file, c.text);
        const fixed = applyEdits(c.text, fix.edits);
        assert.notEqual(fixed, c.text, 'the fix changes the text');
        const after = check(c.ruleId, c.file, fixed);
        assert.ok(!after.some((x) => key(x) === key(m)), `still reported after the fix:\n${fixed}`);
        // A fix may insert a placeholder the author still has to fill in (a skeleton
        // section, `date: YYYY-MM-DD`): problems inside the inserted text are expected.
        const inserted = insertedRanges(fix.edits);
        const seen = new Set(before.map(key));
        const fresh = after.filter((x) => !seen.has(key(x)) && SEVERITY_RANK[x.severity] >= SEVERITY_RANK.warning && !within(x.range, inserted));
        assert.deepEqual(fresh.map((x) => `${x.range.start.line}:${x.range.start.column} ${key(x)}`), [], `new problems after the fix:\n${fixed}`);
      });
    }
  }
});

describe('rules: what only code can show', () => {
  it('a document without a governance type gets no rule messages at all', () => {
    const doc = parse('---\ntitle: Our board meets on 16 October\nlayout: post\n---\n\n# Our board\n\n1. One\n3. Three\n');
    assert.deepEqual(checkDocument(doc, config), []);
  });

  it('a rule limited to some types does not run on others', () => {
    // resolution-numbering applies to minutes and resolutions only: the same list in a timeline is fine.
    const gap = readFileSync(join(rulesDir, 'resolution-numbering', 'gap.md'), 'utf8');
    const asTimeline = checkDocument(parse(gap, { type: 'timeline' }), config);
    assert.equal(asTimeline.filter((m) => m.ruleId === 'resolution-numbering').length, 0);
    const asMinutes = checkDocument(parse(gap), config);
    assert.equal(asMinutes.filter((m) => m.ruleId === 'resolution-numbering').length, 1);
  });

  it('a custom type that extends a built-in one gets the rules of that type', () => {
    const gap = readFileSync(join(rulesDir, 'resolution-numbering', 'gap.md'), 'utf8').replace('type: minutes', 'type: board-minutes');
    const custom = resolveConfig({ today: TODAY, customTypes: [{ name: 'board-minutes', extends: 'minutes', schema: { type: 'object' } }] });
    const messages = checkDocument(parse(gap, { config: custom }), custom);
    // Line 25 of gap.md: `4. That the COVID 19 Outbreak plan be noted.`
    assert.deepEqual(messages.filter((m) => m.ruleId === 'resolution-numbering').map((m) => m.range.start.line), [25]);
  });

  it('a summary list and the detailed table after it are two timelines, each checked in order (k8s release README)', () => {
    const text = readFileSync(join(rulesDir, 'milestone-order', 'summary-list-then-table.md'), 'utf8');
    const doc = parse(text);
    assert.ok(doc.data.content.milestones!.length >= 10, 'both the list and the table are read');
    assert.deepEqual(checkDocument(doc, config).filter((m) => m.ruleId === 'milestone-order'), []);
    // Within the table, order still counts (table-row-out-of-order.md is this file with two rows swapped).
    const swapped = readFileSync(join(rulesDir, 'milestone-order', 'table-row-out-of-order.md'), 'utf8');
    assert.ok(checkDocument(parse(swapped), config).some((m) => m.ruleId === 'milestone-order'));
  });

  it('messages come sorted by position', () => {
    const text = readFileSync(join(rulesDir, 'resolution-numbering', 'repeated-and-backwards.md'), 'utf8');
    const offsets = checkDocument(parse(text), config).map((m) => m.range.start.offset);
    assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
  });

  it('a crashed workspace rule is reported on the document it crashed on, and the other rules still run', () => {
    const c = cases.find((x) => x.ruleId === 'internal-error' && x.name === 'duplicate-id-throws')!;
    const messages = check(c.ruleId, c.file, c.text);
    assert.equal(messages.filter((m) => m.ruleId === 'internal-error').length, 1);
    const normal = check(c.ruleId, c.file, c.text.replace('2. That the Winter Plan', '4. That the Winter Plan'));
    assert.ok(normal.some((m) => m.ruleId === 'resolution-numbering'), 'resolution-numbering still ran');
  });
});

describe('rules: encoding', () => {
  const head = '---\ntype: minutes\ndate: 2021-01-29\n---\n\n# Minutes\n\n';
  const encodingOf = (doc: ReturnType<typeof parse>) => checkDocument(doc, config).filter((m) => m.ruleId === 'encoding');

  it('reports bytes that are not text in a document read only in part (the cheap pass) too', () => {
    const doc = parse(`${head}- Ren\ufffde Smith\n`, { mode: 'cheap', cheapReason: 'test' });
    const found = encodingOf(doc);
    assert.deepEqual(found.map((m) => compactRange(m.range)), ['8:6-8:7']);
  });

  it('reports the first 20 runs one by one and says how many more there are where they start', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `- Member ${i} J\u0000o\n`).join('');
    const found = encodingOf(parse(head + lines));
    assert.equal(found.length, 21);
    assert.match(found[20].reason, /^10 more runs of bytes that are not text/);
    assert.equal(found[20].range.start.line, 8 + 20);
  });

  it('leaves whitespace alone (tab, CR, LF, and the vertical tab of a Google Docs export), and finds every other control character', () => {
    assert.deepEqual(encodingOf(parse(`${head}a\tb\r\nc\u000bd\u000ce\n`)), []);
    const found = encodingOf(parse(`${head}a\u0007\u001bb\n`));
    assert.equal(found.length, 1);
    assert.match(found[0].reason, /U\+0007, U\+001B/);
  });
});
