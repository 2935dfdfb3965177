import assert from 'node:assert/strict';
import { join } from 'node:path';
import { github, escapeData, escapeProperty } from '../../src/cli/formatters/github.js';
import { gitlab, type CodeQualityIssue } from '../../src/cli/formatters/gitlab.js';
import { json, type JsonReport } from '../../src/cli/formatters/json.js';
import { junit, escapeXml } from '../../src/cli/formatters/junit.js';
import { toCliRange } from '../../src/cli/formatters/position.js';
import { sarif } from '../../src/cli/formatters/sarif.js';
import { stylish } from '../../src/cli/formatters/stylish.js';
import { allRules } from '../../src/core/rules/registry.js';
import { versionedDocsBase } from '../helpers.js';
import { message, range, result } from './util.js';

const cwd = '/work/project';
const ctx = { cwd, color: false };
const minutes = join(cwd, 'minutes', '2020-10-16.md');
const tor = join(cwd, 'terms.md');

function sample() {
  return [
    result(tor, [message(tor, 'warning', 12, 3, { ruleId: 'quorum-missing', reason: 'No quorum is stated.' })], { type: 'terms-of-reference' }),
    result(minutes, [
      message(minutes, 'warning', 26, 1, { reason: 'Resolution numbering jumps from 2 to 4.', expected: ['3'], actual: '4' }),
      message(minutes, 'error', 2, 7, { ruleId: 'unknown-type', reason: "Unknown type 'minuets'." }),
      message(minutes, 'info', 30, 5, { ruleId: 'overdue', reason: 'This action was due in 2021.' }),
    ]),
    result(join(cwd, 'README.md'), [], { type: undefined, skipped: true }),
  ];
}

describe('cli formatters', () => {
  describe('toCliRange', () => {
    it('keeps 1-based lines and columns and drops offsets', () => {
      assert.deepEqual(toCliRange(range(3, 5, 3, 9, 40)), { start: { line: 3, column: 5 }, end: { line: 3, column: 9 } });
    });
    it('clamps an end before its start, and nonsense to 1:1', () => {
      const backwards = { start: { line: 4, column: 2, offset: 9 }, end: { line: 3, column: 1, offset: 1 } };
      assert.deepEqual(toCliRange(backwards), { start: { line: 4, column: 2 }, end: { line: 4, column: 2 } });
      const nonsense = { start: { line: 0, column: -1, offset: 0 }, end: { line: 0, column: 0, offset: 0 } };
      assert.deepEqual(toCliRange(nonsense), { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
    });
  });

  describe('stylish', () => {
    it('groups by relative path, orders by position and sums up', () => {
      const text = stylish(sample(), ctx);
      assert.ok(!text.includes('\x1b['), 'no colour codes');
      const lines = text.split('\n');
      const m = lines.indexOf('minutes/2020-10-16.md');
      assert.ok(m >= 0, text);
      assert.match(lines[m + 1], /^ {3}2:7 {2}error {4}Unknown type 'minuets'\. +unknown-type$/);
      assert.match(lines[m + 2], /^ {2}26:1 {2}warning {2}Resolution numbering jumps from 2 to 4\. +resolution-numbering$/);
      assert.match(lines[m + 3], /^ {2}30:5 {2}info {5}This action was due in 2021\. +overdue$/);
      assert.ok(lines.includes('terms.md'));
      assert.ok(!text.includes('README.md'), 'files without messages are not listed');
      assert.ok(text.endsWith('✖ 4 problems (1 error, 2 warnings, 1 info)\n'), text);
    });
    it('counts hints apart from info, as the editor does (hints are not in its Problems panel)', () => {
      const withHint = [result(tor, [message(tor, 'hint', 1, 1, { ruleId: 'recognised-type', reason: 'Read as terms of reference.' }), message(tor, 'info', 3, 1, { ruleId: 'overdue', reason: 'The review date has passed.' })], { type: 'terms-of-reference' })];
      assert.ok(stylish(withHint, ctx).endsWith('ℹ 2 problems (0 errors, 0 warnings, 1 info, 1 hint)\n'), stylish(withHint, ctx));
    });
    it('colours when asked', () => {
      assert.ok(stylish(sample(), { cwd, color: true }).includes('\x1b[31merror'));
    });
    it('says how many files were checked when there is nothing to report', () => {
      const clean = [result(tor, []), result(join(cwd, 'README.md'), [], { skipped: true })];
      assert.equal(stylish(clean, ctx), '✔ 2 files checked (1 not a governance document), no problems\n');
    });
    it('escapes terminal control sequences and bidirectional overrides from documents and file names', () => {
      const evil = join(cwd, 'min\u001b[2Jutes.md');
      const reason = 'Found `\u001b]0;owned\u0007\u001b[31mRED` and \u202Egnp.exe\u202C';
      const text = stylish([result(evil, [message(evil, 'error', 1, 1, { reason })])], ctx);
      assert.ok(!/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/.test(text), JSON.stringify(text));
      assert.ok(text.includes('min\\u001B[2Jutes.md'));
      assert.ok(text.includes('Found `\\u001B]0;owned\\u0007\\u001B[31mRED` and \\u202Egnp.exe\\u202C'));
      const command = join(cwd, '::error file=x::pwn\n.md');
      const named = stylish([result(command, [message(command, 'error', 1, 1)])], ctx);
      assert.ok(named.split('\n').every((line) => !line.startsWith('::')), 'no line of the report is a workflow command');
      assert.ok(named.includes('./::error file=x::pwn\\u000A.md'));
      const annotations = github([result(evil, [message(evil, 'error', 1, 1, { reason })])], ctx);
      assert.ok(!/[\u001b\u0007\u202E]/.test(annotations));
    });
    it('puts a multi-line reason on one line', () => {
      const text = stylish([result(tor, [message(tor, 'error', 1, 1, { reason: 'First.\nSecond.' })])], ctx);
      assert.ok(text.includes('First. Second.'));
    });
  });

  describe('json', () => {
    it('has the documented shape', () => {
      const fix = { title: 'Renumber', preferred: true, edits: [{ range: range(26, 1, 26, 2, 500), newText: '3' }] };
      const related = [{ uri: 'file:///work/project/terms.md', range: range(14, 1), message: 'The quorum is set here.' }];
      const results = sample();
      results[1].messages[0] = { ...results[1].messages[0], fixes: [fix], related };
      const report = JSON.parse(json(results, ctx)) as JsonReport;
      assert.equal(report.tool, 'govmark');
      assert.equal(report.formatVersion, 1);
      assert.deepEqual(report.summary, { files: 3, skipped: 1, errors: 1, warnings: 2, infos: 1, hints: 0 });
      assert.deepEqual(
        report.files.map((f) => [f.path, f.type, f.skipped, f.errors, f.warnings, f.infos]),
        [
          ['README.md', undefined, true, 0, 0, 0],
          ['minutes/2020-10-16.md', 'minutes', false, 1, 1, 1],
          ['terms.md', 'terms-of-reference', false, 0, 1, 0],
        ],
      );
      const [first, second] = report.files[1].messages;
      assert.deepEqual(first, {
        ruleId: 'unknown-type',
        severity: 'error',
        reason: "Unknown type 'minuets'.",
        range: { start: { line: 2, column: 7 }, end: { line: 2, column: 10 } },
        url: `${versionedDocsBase}resolution-numbering.md`,
      });
      assert.equal(second.ruleId, 'resolution-numbering');
      assert.deepEqual(second.expected, ['3']);
      assert.equal(second.actual, '4');
      assert.deepEqual(second.fixes, [{ title: 'Renumber', preferred: true, edits: [{ range: { start: { line: 26, column: 1 }, end: { line: 26, column: 2 } }, newText: '3' }] }]);
      assert.deepEqual(second.related, [
        { path: 'terms.md', uri: 'file:///work/project/terms.md', range: { start: { line: 14, column: 1 }, end: { line: 14, column: 2 } }, message: 'The quorum is set here.' },
      ]);
      assert.ok(!json(results, ctx).includes('"offset"'), 'offsets stay inside govmark');
    });
  });

  describe('sarif', () => {
    const outside = '/elsewhere/board papers/paper.md';
    const log = JSON.parse(
      sarif(
        [
          ...sample(),
          result(join(cwd, 'with space.md'), [message(join(cwd, 'with space.md'), 'hint', 1, 1, { ruleId: 'made-up-rule' })]),
          result(outside, [message(outside, 'error', 5, 2)]),
        ],
        ctx,
      ),
    );

    it('is a SARIF 2.1.0 log with the required fields', () => {
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'govmark');
      assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/project/');
      for (const r of run.results) {
        assert.equal(typeof r.ruleId, 'string');
        assert.equal(typeof r.message.text, 'string');
        assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        assert.equal(typeof artifactLocation.uri, 'string');
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
          assert.ok(Number.isInteger(region[key]) && region[key] >= 1, `${key} in ${JSON.stringify(region)}`);
        }
      }
    });

    it('describes every registry rule with its docs link and default level', () => {
      const rules = log.runs[0].tool.driver.rules as { id: string; helpUri?: string; defaultConfiguration?: { level: string }; shortDescription: { text: string } }[];
      for (const rule of allRules) {
        const d = rules.find((r) => r.id === rule.id);
        assert.ok(d, rule.id);
        assert.equal(d.helpUri, `${versionedDocsBase}${rule.id}.md`);
        assert.equal(d.shortDescription.text, rule.description);
        assert.equal(d.defaultConfiguration?.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.defaultSeverity]);
      }
      assert.ok(rules.some((r) => r.id === 'made-up-rule'), 'rule ids outside the registry are described too');
    });

    it('maps severities to levels and paths to locations', () => {
      const results = log.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[] }[];
      assert.deepEqual(
        results.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.level]),
        [
          ['file:///elsewhere/board%20papers/paper.md', 'error'],
          ['minutes/2020-10-16.md', 'error'],
          ['minutes/2020-10-16.md', 'warning'],
          ['minutes/2020-10-16.md', 'note'],
          ['terms.md', 'warning'],
          ['with%20space.md', 'note'],
        ],
      );
      assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uriBaseId, undefined);
      assert.equal(results[1].locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(results[1].locations[0].physicalLocation.region, { startLine: 2, startColumn: 7, endLine: 2, endColumn: 10 });
    });
  });

  describe('github', () => {
    it('writes one workflow command per error or warning', () => {
      const lines = github(sample(), ctx).trimEnd().split('\n');
      assert.deepEqual(lines, [
        "::error file=minutes/2020-10-16.md,line=2,col=7,endLine=2,endColumn=10,title=govmark unknown-type::Unknown type 'minuets'.",
        '::warning file=minutes/2020-10-16.md,line=26,col=1,endLine=26,endColumn=4,title=govmark resolution-numbering::Resolution numbering jumps from 2 to 4.',
        '::warning file=terms.md,line=12,col=3,endLine=12,endColumn=6,title=govmark quorum-missing::No quorum is stated.',
      ]);
    });
    it('escapes data and properties', () => {
      assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
      assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
      const odd = join(cwd, 'odd, name: 50%.md');
      const text = github([result(odd, [message(odd, 'error', 1, 1, { reason: 'Line one\nline two: 5%' })])], ctx);
      assert.equal(text, '::error file=odd%2C name%3A 50%25.md,line=1,col=1,endLine=1,endColumn=4,title=govmark resolution-numbering::Line one%0Aline two: 5%25\n');
    });
    it('is empty when there is nothing to annotate', () => {
      assert.equal(github([result(tor, [message(tor, 'hint', 1, 1)])], ctx), '');
    });
  });

  describe('gitlab', () => {
    const outside = '/elsewhere/board papers/paper.md';
    const issues = (results = sample()) => JSON.parse(gitlab(results, ctx)) as CodeQualityIssue[];

    it('is a GitLab Code Quality report: one issue per message, every required field, paths relative with /', () => {
      const report = issues();
      assert.ok(Array.isArray(report));
      assert.deepEqual(
        report.map((i) => [i.location.path, i.location.lines.begin, i.check_name, i.severity, i.description]),
        [
          ['minutes/2020-10-16.md', 2, 'unknown-type', 'critical', "Unknown type 'minuets'."],
          ['minutes/2020-10-16.md', 26, 'resolution-numbering', 'major', 'Resolution numbering jumps from 2 to 4.'],
          ['minutes/2020-10-16.md', 30, 'overdue', 'minor', 'This action was due in 2021.'],
          ['terms.md', 12, 'quorum-missing', 'major', 'No quorum is stated.'],
        ],
      );
      for (const issue of report) {
        assert.equal(issue.type, 'issue');
        assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
        assert.deepEqual(Object.keys(issue.location.lines), ['begin']);
      }
    });

    it('maps hint, info, warning and error to info, minor, major and critical, and a fatal error to blocker', () => {
      const f = join(cwd, 'a.md');
      const report = issues([
        result(f, [
          message(f, 'hint', 1, 1),
          message(f, 'info', 2, 1),
          message(f, 'warning', 3, 1),
          message(f, 'error', 4, 1),
          message(f, 'error', 5, 1, { ruleId: 'internal-error', fatal: true }),
        ]),
      ]);
      assert.deepEqual(report.map((i) => i.severity), ['info', 'minor', 'major', 'critical', 'blocker']);
    });

    it('fingerprints are stable across runs and differ by rule, path, range and message', () => {
      const again = issues();
      assert.deepEqual(again.map((i) => i.fingerprint), issues().map((i) => i.fingerprint));
      assert.equal(new Set(again.map((i) => i.fingerprint)).size, again.length);
      const f = join(cwd, 'a.md');
      const base = message(f, 'warning', 3, 1);
      const variants = [
        result(f, [base]),
        result(f, [{ ...base, ruleId: 'overdue' }]),
        result(join(cwd, 'b.md'), [base]),
        result(f, [{ ...base, range: range(3, 2, 3, 5, 302) }]),
        result(f, [{ ...base, range: range(3, 1, 3, 9, 301) }]),
        result(f, [{ ...base, reason: 'Another reason.' }]),
      ];
      const prints = variants.map((r) => issues([r])[0].fingerprint);
      assert.equal(new Set(prints).size, prints.length, 'each change makes another fingerprint');
      // Not tied to the machine: the same file under another checkout folder, same fingerprint.
      const elsewhere = '/home/ci/builds/project';
      const moved = JSON.parse(gitlab([result(join(elsewhere, 'a.md'), [{ ...base, uri: 'file:///home/ci/builds/project/a.md' }])], { cwd: elsewhere, color: false })) as CodeQualityIssue[];
      assert.equal(moved[0].fingerprint, prints[0]);
    });

    it('gives exact repeats of a problem fingerprints of their own', () => {
      const f = join(cwd, 'a.md');
      const m = message(f, 'error', 4, 1);
      const report = issues([result(f, [m, m])]);
      assert.equal(report.length, 2);
      assert.notEqual(report[0].fingerprint, report[1].fingerprint);
    });

    it('is an empty array when there is nothing to report, and names a file outside the folder as the other reports do', () => {
      assert.equal(gitlab([result(tor, [])], ctx), '[]\n');
      assert.equal(issues([result(outside, [message(outside, 'error', 5, 2)])])[0].location.path, '../../elsewhere/board papers/paper.md');
    });
  });

  describe('junit', () => {
    it('is well-formed XML with one suite and one case per file', () => {
      const results = sample();
      results[0].messages[0] = { ...results[0].messages[0], reason: 'Quorum <five> & "six" \'seven\' \u0007bell' };
      const xml = junit(results, ctx);
      assertWellFormed(xml);
      assert.match(xml, /<testsuites name="govmark" tests="3" failures="2" errors="0">/);
      assert.equal(xml.match(/<testsuite /g)?.length, 3);
      assert.equal(xml.match(/<testcase /g)?.length, 3);
      assert.match(xml, /<testsuite name="README.md" tests="1" failures="0" errors="0" skipped="1">/);
      assert.match(xml, /<failure message="1 error, 1 warning" type="error">2:7 error Unknown type &apos;minuets&apos;\. \(unknown-type\)\n26:1 warning/);
      assert.ok(xml.includes('Quorum &lt;five&gt; &amp; &quot;six&quot; &apos;seven&apos; bell'));
      assert.ok(!xml.includes('overdue'), 'info does not fail a test case');
    });
    it('escapes XML and drops characters XML cannot hold', () => {
      assert.equal(escapeXml('a<b>&"\'\u0000\u001b\ud800z'), 'a&lt;b&gt;&amp;&quot;&apos;z');
      assert.equal(escapeXml('\u{1F600}'), '\u{1F600}');
    });
  });
});

/** A strict-enough well-formedness check: balanced tags, quoted attributes, known entities, no stray markup. */
function assertWellFormed(xml: string): void {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const body = xml.slice(xml.indexOf('\n') + 1);
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = m;
    const checked = text ?? attrs ?? '';
    for (const entity of checked.match(/&[^;]*;?/g) ?? []) assert.match(entity, /^&(amp|lt|gt|quot|apos);$/, `bad entity ${entity}`);
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(checked), 'control character');
    if (text !== undefined) continue;
    if (closing) assert.equal(stack.pop(), name, `unbalanced </${name}>`);
    else if (!selfClosing) stack.push(name);
  }
  assert.equal(consumed, body.length, `unparsed XML at ${consumed}: ${body.slice(consumed, consumed + 40)}`);
  assert.deepEqual(stack, [], 'unclosed elements');
}
