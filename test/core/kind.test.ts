/**
 * Recognising the kind of a document nobody declared: from its path and text,
 * with the evidence kept, and never a governance kind for a README or a project
 * file; an agenda is an agenda, not minutes.
 * The whole shared corpus is the yardstick (its MANIFEST says what each file is).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { inferKind } from '../../src/core/kind/infer.js';
import { parse } from '../../src/core/parse/parse.js';
import { checkDocument } from '../../src/core/rules/run.js';
import { sharedDir } from '../helpers.js';
import { applyEdits } from './fixtures.js';

const corpus = join(sharedDir, 'corpus', 'real-world');
const KIND: Record<string, string | undefined> = { charter: 'terms-of-reference', minutes: 'minutes', decision: 'resolution', timeline: 'timeline', other: undefined };

const MINUTES = [
  '# Steering Committee meeting, 6th Feb 2024',
  '',
  '## Attendees',
  '',
  '- Alex Smith',
  '- Dana Jones',
  '',
  '## Notes',
  '',
  '- Agreed: the release moves to March.',
  '- Alex to send the survey by Friday.',
  '',
].join('\n');

describe('kind: recognising documents that declare no type', () => {
  it('recognises at least 90% of the real-world corpus as its manifest kind, and takes no other file for governance', () => {
    const rows = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    let right = 0;
    const otherTaken: string[] = [];
    for (const [file, repo, path, , kind, , , notes] of rows) {
      const got = inferKind({ text: readFileSync(join(corpus, file), 'utf8'), path }).type;
      // The manifest has no agenda kind: it says so in the notes of an "other" file.
      const expected = kind === 'other' && /^agenda\b/.test(notes ?? '') ? 'agenda' : KIND[kind];
      if (got === expected) right++;
      else if (kind === 'other') otherTaken.push(`${repo}/${path} → ${got}`);
    }
    assert.ok(right / rows.length >= 0.9, `recognised ${right} of ${rows.length}`);
    assert.deepEqual(otherTaken, []);
  });

  it('reads the flattened file names of a mirrored tree (`meetings__2024__x.md`) as the folders they were', () => {
    const flat = inferKind({ text: '# Notes\n\nSome text.\n\n## Attendees\n\n- Ann\n', path: 'ossf__tac__minutes__2024-01-09.md' });
    assert.equal(flat.type, 'minutes');
    assert.ok(flat.evidence.some((e) => /minutes folder/.test(e.reason)));
  });

  it('reads minutes with no front matter as minutes, says why, and offers to declare it', () => {
    const doc = parse(MINUTES, { uri: 'file:///repo/committee/notes/2024-02-06.md' });
    assert.equal(doc.type, 'minutes');
    assert.equal(doc.typeSource, 'inferred');
    assert.ok(doc.typeInference && doc.typeInference.evidence.length > 0);
    const hint = doc.messages.find((m) => m.ruleId === 'recognised-type');
    assert.ok(hint, 'a recognised-type message');
    assert.equal(hint.severity, 'hint');
    assert.match(hint.reason, /^Read as minutes, recognised from .*attendance heading 'Attendees' \(line 3\)/);
    assert.equal(hint.range.start.line, 1);
    const fixed = applyEdits(MINUTES, hint.fixes![0].edits);
    assert.ok(fixed.startsWith('---\ntype: minutes\n---\n\n# Steering Committee'));
    const declared = parse(fixed, { uri: 'file:///repo/committee/notes/2024-02-06.md' });
    assert.equal(declared.typeSource, 'front-matter');
    assert.equal(declared.messages.some((m) => m.ruleId === 'recognised-type'), false);
  });

  it('adds the type inside front matter that has other keys but no type', () => {
    const text = '---\ntitle: Board minutes\n---\n' + MINUTES;
    const doc = parse(text, { uri: 'file:///repo/minutes/2024-02-06.md' });
    assert.equal(doc.typeSource, 'inferred');
    const hint = doc.messages.find((m) => m.ruleId === 'recognised-type')!;
    assert.ok(applyEdits(text, hint.fixes![0].edits).startsWith('---\ntype: minutes\ntitle: Board minutes\n---\n'));
  });

  it('gives a recognised document hints, not errors, for what only a declared one must have', () => {
    // Dated nowhere: the heading names the meeting but not its day.
    const undated = MINUTES.replace('Steering Committee meeting, 6th Feb 2024', 'Steering Committee meeting');
    const doc = parse(undated, { uri: 'file:///repo/minutes/steering.md' });
    assert.equal(doc.type, 'minutes');
    const messages = checkDocument(doc, resolveConfig());
    assert.deepEqual(messages.filter((m) => m.severity === 'error' || m.severity === 'warning').map((m) => m.reason), []);
    assert.ok(messages.some((m) => m.ruleId === 'schema' && m.severity === 'hint' && /add `date:`/.test(m.reason)), 'the missing date is a hint naming the key');
    assert.equal(messages.some((m) => /add `type:`/.test(m.reason) && m.ruleId === 'schema'), false, 'no schema message asks for the type it was recognised as');
    // Once declared, the same gap is an error.
    const declared = checkDocument(parse('---\ntype: minutes\n---\n' + undated, { uri: 'file:///repo/minutes/steering.md' }), resolveConfig());
    assert.ok(declared.some((m) => m.ruleId === 'schema' && m.severity === 'error' && /add `date:`/.test(m.reason)));
    // Dated in the heading, as written: no message asks for the date at all.
    const dated = checkDocument(parse('---\ntype: minutes\n---\n' + MINUTES, { uri: 'file:///repo/minutes/2024-02-06.md' }), resolveConfig());
    assert.equal(dated.some((m) => /add `date:`/.test(m.reason)), false);
  });

  it('still reports a value written wrong as an error on a recognised document', () => {
    const text = '---\ntitle: Use dashes\nstatus: aproved\n---\n# Use dashes in file names\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n- a\n\n## Decision Outcome\n\nChosen option: a.\n';
    const doc = parse(text, { uri: 'file:///repo/docs/decisions/0005-use-dashes.md' });
    assert.equal(doc.type, 'resolution');
    const m = checkDocument(doc, resolveConfig()).find((x) => x.ruleId === 'schema' && /status/.test(x.reason));
    assert.ok(m);
    assert.equal(m.severity, 'error');
  });

  it('reads an agenda as an agenda, from its folder or from its items to come, and minutes with an Agenda heading as minutes', () => {
    // GraphQL WG: an agenda in an agendas folder, with the sign-up list of who will attend.
    const wg = '# GraphQL WG — March 2024\n\n## Attendees\n\n| Name | Organisation |\n| --- | --- |\n| Lee | GraphQL |\n\n## Agenda\n\n1. Introductions (5m, Host)\n1. Strict error paths (10m, Martin)\n';
    const doc = parse(wg, { uri: 'file:///repo/agendas/2024/03-Mar/07-wg-primary.md', path: 'agendas/2024/03-Mar/07-wg-primary.md' });
    assert.equal(doc.type, 'agenda');
    assert.equal(doc.typeSource, 'inferred');
    assert.deepEqual(doc.data.content.agenda?.map((e) => `${e.number} ${e.title} — ${e.presenter}`), ['1 Introductions — Host', '2 Strict error paths — Martin']);
    // A council's agenda as a clerk converts it, with no telling path: the items to come say it.
    const council = [
      '# Health and Wellbeing Board — Agenda',
      '',
      '1. **Attendances** — To note attendances, including Officers, and any apologies for absence.',
      '2. **Minutes** — To receive and, if so determined, to approve as a correct record the Minutes of the meeting held on 16 October 2020. (Pages 1 - 10)',
      '3. **Local Care Alliance update** — Report of the Health & Social Care Programme Director. (Pages 11 - 30)',
      '4. **Urgent business (if any)** — Any other item or items which by reason of special circumstances the Chair agrees should be considered as a matter of urgency.',
      '',
    ].join('\n');
    const read = inferKind({ text: council, path: 'hwb/2021-03-19.md' });
    assert.equal(read.type, 'agenda', JSON.stringify(read.scores));
    assert.ok(read.evidence.some((e) => /agenda title/.test(e.reason)));
    // The same meeting's minutes, which head their business "Agenda", are minutes.
    const minutes = '# Health and Wellbeing Board — minutes of the meeting, 16 October 2020\n\n## Present\n\n- Councillor J. Slater (Chair)\n- Dr. M. Jones\n\n## Agenda\n\n1. Minutes\n\nRESOLVED: That the minutes be agreed as a correct record.\n';
    assert.equal(inferKind({ text: minutes, path: 'hwb/2020-10-16.md' }).type, 'minutes');
  });

  it('leaves ordinary Markdown and project files alone', () => {
    assert.equal(parse('# My library\n\nInstall it with npm.\n\n## Usage\n\nCall `run()`.\n', { uri: 'file:///repo/README.md' }).type, undefined);
    assert.equal(parse(MINUTES, { uri: 'file:///repo/CONTRIBUTING.md' }).type, undefined);
    // A library's documentation (semver's README): a Functions heading and "must be" rules are not a charter.
    const library = '# semver\n\n## Install\n\n```bash\nnpm install semver\n```\n\n## Usage\n\nA version must be parseable.\n\n## Functions\n\n- `valid(v)`: the version, or null. It must be a string.\n\n## Ranges\n\nA range shall be a set of comparators.\n';
    const read = inferKind({ text: library, path: 'docs/semver.md' });
    assert.equal(read.type, undefined);
    assert.ok(read.evidence.some((e) => /code documentation \(headings 'install', 'usage'/.test(e.reason)));
  });

  it('does not infer when asked not to, nor over a `type:` that belongs to another tool', () => {
    assert.equal(parse(MINUTES, { uri: 'file:///repo/minutes/a.md', infer: false }).typeSource, 'none');
    const blog = parse('---\ntype: post\n---\n' + MINUTES, { uri: 'file:///repo/minutes/a.md' });
    assert.equal(blog.type, undefined);
    assert.equal(blog.typeSource, 'none');
  });

  it('says which kind it leaned to when it was unsure', () => {
    const r = inferKind({ text: '# Charter\n\nSome text.\n', path: 'x.md' });
    assert.notEqual(r.confidence, 'sure');
  });
});
