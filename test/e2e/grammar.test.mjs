/**
 * The TextMate injection grammar (syntaxes/govmark.tmLanguage.json): every regex compiles as
 * a JavaScript RegExp without the `u` flag (the subset Oniguruma and JS share), uses no
 * Oniguruma-only syntax beyond what is translated here, and matches sample lines — from the
 * shared examples and from the variants documents use.
 *
 * Translation: a leading `(?i)` becomes the `i` flag; `(?:^|\G)` becomes `^`. In VS Code,
 * `\G` lets a pattern match right after Markdown's list bullet (`- `), which its list rule
 * has consumed; here the samples of list items are given without their bullet.
 *
 * Run: npx mocha test/e2e/grammar.test.mjs (npm run test:e2e runs it first).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const grammar = JSON.parse(readFileSync(new URL('../../syntaxes/govmark.tmLanguage.json', import.meta.url), 'utf8'));
const examples = new URL('../../../shared/examples/', import.meta.url);

function toJs(source) {
  let flags = '';
  if (source.startsWith('(?i)')) {
    flags = 'i';
    source = source.slice(4);
  }
  source = source.replaceAll('(?:^|\\G)', '^');
  return { source, flags };
}

/** Every regex of the grammar with where it is. */
function regexes(node, path = []) {
  const out = [];
  if (Array.isArray(node)) node.forEach((n, i) => out.push(...regexes(n, [...path, i])));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') out.push({ where: [...path, key].join('.'), source: value });
      else out.push(...regexes(value, [...path, key]));
    }
  }
  return out;
}

function rule(name) {
  const r = grammar.repository[name];
  const all = r.patterns ?? [r];
  return all.map((p) => {
    const { source, flags } = toJs(p.match);
    return new RegExp(source, flags);
  });
}

/** The first match of any pattern of `name` at the start of `line`, as [whole, ...groups]. */
function first(name, line) {
  for (const re of rule(name)) {
    const m = re.exec(line);
    if (m) return m;
  }
  return null;
}

describe('TextMate grammar: govmark injection into Markdown', () => {
  it('is an injection into text.html.markdown, outside code, raw text and the front matter', () => {
    assert.equal(grammar.scopeName, 'text.govmark.markdown.injection');
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
    for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-meta.embedded']) assert.ok(grammar.injectionSelector.includes(excluded), excluded);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const contributed = pkg.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.deepEqual(contributed, { scopeName: grammar.scopeName, path: './syntaxes/govmark.tmLanguage.json', injectTo: ['text.html.markdown'] });
    for (const p of grammar.patterns) assert.ok(grammar.repository[p.include.slice(1)], p.include);
  });

  it('every regex compiles as a JavaScript RegExp without the u flag, with no Oniguruma-only syntax', () => {
    const all = regexes(grammar);
    assert.ok(all.length >= 10, `${all.length} regexes`);
    for (const { where, source } of all) {
      const js = toJs(source);
      assert.doesNotMatch(js.source, /\\G|\\A|\\z|\\Z|\\h|\(\?>|\(\?x|\(\?[imx]+[:)]|[*+?}]\+/, `${where}: Oniguruma-only syntax in ${source}`);
      assert.doesNotThrow(() => new RegExp(js.source, js.flags), `${where}: ${source}`);
    }
  });

  it('decision markers, bold or not, with a number, at the start of a paragraph or list item', () => {
    const cases = [
      ['RESOLVED:', 'RESOLVED', ':'],
      ['**RESOLVED:**', 'RESOLVED', ':'],
      ['**RESOLVED**: That the report be noted.', 'RESOLVED', ':'],
      ['Resolved that the report be noted.', 'Resolved', ' that'],
      ['RESOLVED – That the Board approves the plan.', 'RESOLVED', ' –'],
      ['Decision: the Board agreed Option 3.', 'Decision', ':'],
      ['DECISION 65.4: Noted.', 'DECISION', ':'],
      ['Agreed:', 'Agreed', ':'],
      ['Agreed that the terms of reference be amended.', 'Agreed', ' that'],
      ['Decisions made:', 'Decisions made', ':'],
    ];
    for (const [line, keyword, separator] of cases) {
      const m = first('decision-marker', line);
      assert.ok(m, line);
      assert.equal(m[2], keyword, line);
      assert.equal(m[5], separator, line);
    }
    assert.equal(first('decision-marker', 'DECISION 65.4: Noted.')[3], '65.4');
    for (const line of ['Agreed by the Health and Wellbeing Board on 2 November 2021, which confirmed Option 3.', 'The Board resolved that the plan be noted.', 'Resolutions of the sub-committee are reported.']) {
      assert.equal(first('decision-marker', line), null, line);
    }
  });

  it('action markers and due dates', () => {
    const m = first('action-marker', 'Action: Programme Director — due 2020-12-31');
    assert.equal(m?.[2], 'Action');
    assert.equal(first('action-marker', 'ACTION 12.3 — Clerk to circulate the paper')?.[3], '12.3');
    assert.equal(first('action-marker', 'Actions required: none')?.[2], 'Actions required');
    assert.equal(first('action-marker', 'Actions were reviewed.'), null);
    const due = new RegExp(toJs(grammar.repository['due-date'].match).source, 'i');
    assert.equal(due.exec('Action: Programme Director — due 2020-12-31')?.[2], '2020-12-31');
    assert.equal(due.exec('Clerk to write to members, due by 30 November 2020.')?.[2], '30 November 2020');
    assert.equal(due.exec('Deadline: Q1 2022')?.[2], 'Q1 2022');
  });

  it('resolution numbers: dotted numbers, and numbered items written as resolution clauses', () => {
    assert.equal(first('resolution-number', '18.2 That the Winter Plan be noted.')?.[1], '18.2');
    assert.equal(first('resolution-number', '65.4. Noted the update.')?.[1], '65.4.');
    assert.equal(first('resolution-number', '1. That the COVID 19 update be noted.')?.[2], '1.');
    assert.equal(first('resolution-number', '2) **That** the plan be approved.')?.[2], '2)');
    for (const line of ['1. Councillor J. Slater (Chair)', '2021-09-21 — Joint workshop', '3 voting members were present.']) {
      assert.equal(first('resolution-number', line), null, line);
    }
  });

  it('date expressions at the start of timeline items', () => {
    const cases = [
      ['2021-09-21 — Joint workshop agrees outcomes. [done]', '2021-09-21'],
      ['**2021-11-02** — Board reviews progress.', '2021-11-02'],
      ['2021-09-21 to 2021-10-01 — Consultation', '2021-09-21 to 2021-10-01'],
      ['2 November 2021: Board confirms Option 3', '2 November 2021'],
      ['Tuesday 2 November 2021 — Board meeting', 'Tuesday 2 November 2021'],
      ['1-4 April 2025 — Inspection', '1-4 April 2025'],
      ['30 March – 2 April 2021 — Consultation', '30 March – 2 April 2021'],
      ['November 2021 — Report to Cabinet', 'November 2021'],
      ['March/April 2021 — Engagement events', 'March/April 2021'],
      ['Q1 2022 — Shadow arrangements', 'Q1 2022'],
      ['Q3/Q4 2022 — Go live', 'Q3/Q4 2022'],
      ['H2 2024: Review', 'H2 2024'],
      ['Spring 2022 – Public consultation', 'Spring 2022'],
      ['winter 2021/22 — Pressures plan', 'winter 2021/22'],
      ['2021/22 — Budget set', '2021/22'],
      ['FY 2022/23: Savings delivered', 'FY 2022/23'],
      ['mid-2022 — Estates strategy', 'mid-2022'],
      ['late September 2021 — Workshop', 'late September 2021'],
      ['end of March 2022 — Statutory deadline', 'end of March 2022'],
      ['2022 — Partnership established', '2022'],
      ['Tbc — Review of the first year', 'Tbc'],
      ['TBD: Launch event', 'TBD'],
    ];
    for (const [line, date] of cases) assert.equal(first('leading-date', line)?.[2], date, line);
    for (const line of ['Councillor J. Slater (Chair)', '18 members attended.', '2021 was a difficult year.', 'That the report be noted.']) {
      assert.equal(first('leading-date', line), null, line);
    }
  });

  it('status tags at the end of a line', () => {
    const tag = (line) => first('status-tag', line.slice(line.lastIndexOf('[')))?.[2];
    assert.equal(tag('Joint workshop agrees outcomes and activities. [done]'), 'done');
    assert.equal(tag('Go live [at risk]'), 'at risk');
    assert.equal(tag('Go live [At-Risk]'), 'At-Risk');
    assert.equal(tag('Estates plan [delayed]  '), 'delayed');
    assert.equal(tag('Launch [cancelled]'), 'cancelled');
    assert.equal(tag('Review [tbc]'), 'tbc');
    assert.equal(first('status-tag', '[done] is written at the end'), null);
    assert.equal(first('status-tag', '[see the report]'), null);
  });

  it('on the shared examples: every milestone line, the RESOLVED: marker and the resolution clauses', () => {
    const timeline = readFileSync(new URL('valid/gloucestershire-icp-timeline.md', examples), 'utf8').split('\n');
    const items = timeline.filter((l) => /^- /.test(l)).map((l) => l.slice(2));
    assert.equal(items.length, 5);
    for (const item of items) assert.match(first('leading-date', item)?.[2] ?? '', /^\d{4}-\d{2}-\d{2}$/, item);
    assert.equal(items.filter((l) => first('status-tag', l.slice(l.lastIndexOf('[')))).length, 2);

    const minutes = readFileSync(new URL('valid/trafford-hwb-minutes-2020-10-16.md', examples), 'utf8').split('\n');
    assert.ok(minutes.some((l) => first('decision-marker', l)?.[2] === 'RESOLVED'), 'RESOLVED: in the minutes');
    const clauses = minutes.filter((l) => first('resolution-number', l));
    assert.ok(clauses.length >= 2, JSON.stringify(clauses));
  });
});
