/**
 * The source map points at the words: a resolution's text, an action's owner
 * and its due date each have a range that covers exactly what the document
 * says (`/content/resolutions/N/text`, `/content/actions/N/owner`,
 * `/content/actions/N/due`), across the shared examples and the real-world corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, rangeOf, type GovDocument } from '../../src/index.js';
import { writtenSpan } from '../../src/core/text/written.js';
import { examplesDir, realWorldDir, realWorldFiles } from '../helpers.js';

/** The plain text of a written span, as readers read it: inline markup, link targets and escapes dropped, whitespace collapsed. */
const plain = (s: string) =>
  s
    .replace(/\]\([^()\s]*\)/g, '')
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '')
    .replace(/[*_~`[\]]/g, '')
    .replace(/(?:\s|>)+/g, ' ')
    .trim();

interface Tally {
  values: number;
  mapped: number;
  verbatim: number;
  wrong: string[];
}

function check(doc: GovDocument, label: string, t: Tally): void {
  const values: [string, string | undefined][] = [
    ...(doc.data.content.resolutions ?? []).map((r, i): [string, string] => [`/content/resolutions/${i}/text`, r.text]),
    ...(doc.data.content.actions ?? []).flatMap((a, i): [string, string | undefined][] => [
      [`/content/actions/${i}/owner`, a.owner],
      [`/content/actions/${i}/due`, a.due?.text],
    ]),
  ];
  for (const [p, value] of values) {
    if (value === undefined) continue;
    t.values++;
    const range = rangeOf(doc, p);
    if (!range) continue;
    t.mapped++;
    const written = doc.text.slice(range.start.offset, range.end.offset);
    if (written === value) t.verbatim++;
    else if (plain(written) !== plain(value)) t.wrong.push(`${label} ${p}: ${JSON.stringify(written)} is not ${JSON.stringify(value)}`);
  }
}

describe('ranges of what resolutions and actions say', function () {
  this.timeout(120_000);

  it('maps the text of a resolution, the owner and the due date of an action to the words written', () => {
    const text = '---\ntype: minutes\ndate: 2024-01-09\n---\n\n# Board\n\n## 1. Plan\n\nRESOLVED: That the **Winter Plan** be noted.\n\nRESOLVED: That [PEP 737](https://peps.python.org/pep-0737/) be\naccepted.\n\nAction: Dana Smith to circulate the plan, due 31 March 2024\n';
    const doc = parse(text);
    const at = (p: string) => {
      const r = rangeOf(doc, p);
      assert.ok(r, `no range for ${p}`);
      return text.slice(r.start.offset, r.end.offset);
    };
    assert.equal(doc.data.content.resolutions?.[0].text, 'That the Winter Plan be noted.');
    assert.equal(at('/content/resolutions/0/text'), 'That the **Winter Plan** be noted.');
    assert.equal(doc.data.content.resolutions?.[1].text, 'That PEP 737 be accepted.');
    assert.equal(at('/content/resolutions/1/text'), 'That [PEP 737](https://peps.python.org/pep-0737/) be\naccepted.');
    const action = doc.data.content.actions?.[0];
    assert.ok(action?.owner && action.due, JSON.stringify(action));
    assert.equal(at('/content/actions/0/owner'), action.owner);
    assert.equal(at('/content/actions/0/due'), action.due.text);
  });

  it('covers exactly the written words across the examples and the real-world corpus', () => {
    const t: Tally = { values: 0, mapped: 0, verbatim: 0, wrong: [] };
    for (const f of readdirSync(examplesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'))) {
      check(parse(readFileSync(join(examplesDir, f), 'utf8'), { uri: pathToFileURL(f).href }), f, t);
    }
    for (const { file, type } of realWorldFiles()) {
      check(parse(readFileSync(join(realWorldDir, file), 'utf8'), { uri: pathToFileURL(file).href, type }), file, t);
    }
    console.log(`      ${t.values} values, ${t.mapped} mapped, ${t.verbatim} verbatim`);
    assert.deepEqual(t.wrong, []);
    assert.ok(t.values > 400, `${t.values} values read`);
    // Values the readers composed (a table row read as "X: Y", a quoted option) have no span of their own.
    assert.ok(t.mapped / t.values > 0.9, `${t.mapped} of ${t.values} values mapped`);
  });
});

describe('writtenSpan: where a value the readers took is written', () => {
  const span = (text: string, value: string, last = false) => {
    const s = writtenSpan(text, 0, text.length, value, last);
    return s && text.slice(s[0], s[1]);
  };

  it('finds a value verbatim, first or last, and only inside the window', () => {
    assert.equal(span('Alex to send the report. Alex to send the report.', 'Alex to send'), 'Alex to send');
    assert.deepEqual(writtenSpan('ab ab', 0, 5, 'ab', true), [3, 5]);
    assert.equal(writtenSpan('ab cd', 0, 3, 'cd'), undefined, 'past the window');
    assert.equal(writtenSpan('ab cd', 2, 5, 'ab'), undefined, 'before the window');
  });

  it('reads through emphasis, code, escapes, link targets, line breaks and blockquote markers', () => {
    assert.equal(span('RESOLVED: That the **Winter Plan** be noted.', 'That the Winter Plan be noted'), 'That the **Winter Plan** be noted');
    assert.equal(span('* **VOTE  motion to fund  \\- Zoom vote taken**', 'VOTE motion to fund - Zoom vote taken'), 'VOTE  motion to fund  \\- Zoom vote taken');
    assert.equal(span('see [the plan](https://x.org/plan) today', 'see the plan today'), 'see [the plan](https://x.org/plan) today');
    assert.equal(span('> That the report\n> be `noted`.', 'That the report be noted'), 'That the report\n> be `noted');
  });

  it('says nothing for a value not written there, however long the window', () => {
    const long = 'The board noted the *report* and [asked](x) for more. '.repeat(20_000);
    assert.equal(writtenSpan(long, 0, long.length, 'That the budget be approved'), undefined);
    assert.equal(writtenSpan('a b', 0, 3, '   '), undefined);
  });
});
