/**
 * Rules whose messages are made while a document is read (the reader knows the
 * exact place). They are listed in the registry for their id, docs and severity.
 */
import type { ParseRule, RuleExample } from './rule.js';

function parseRule(id: string, defaultSeverity: ParseRule['defaultSeverity'], description: string, docs: string, example?: RuleExample): ParseRule {
  return { id, scope: 'parse', defaultSeverity, description, docs, ...(example ? { example } : {}) };
}

export const yamlSyntax = parseRule('yaml-syntax', 'error', 'Front matter must be valid YAML.',
  'The front matter between the `---` lines is YAML. A syntax error (an unclosed quote, a bad indent) is reported on the line where it starts; the rest of the document is still read.');
export const yamlDuplicateKey = parseRule('yaml-duplicate-key', 'warning', 'A front matter key must appear only once.',
  'When a key appears twice, YAML keeps the last value and the first is silently lost.');
export const yamlAliasCycle = parseRule('yaml-alias-cycle', 'error', 'A front matter alias must not refer to the value that contains it.',
  'In `x: &a [*a]` the alias `*a` names the list it is written in, so the value would never end. The alias is reported where it is written and read as empty; the other keys are read and checked as usual.');
export const yamlAliasUndefined = parseRule('yaml-alias-undefined', 'error', 'A front matter alias must name an anchor set before it.',
  'In `x: *nope` the alias `*nope` repeats the value marked `&nope`, but no value before it is so marked (YAML sets an anchor before its aliases). The alias is reported where it is written and read as empty; the other keys are read and checked as usual.');
export const seatCount = parseRule('seat-count', 'error', 'A quorum or a number of seats must be a whole number from 0 to 10000.',
  'A count of members or seats is a whole number, not negative, and no larger than any membership has (10000): `quorum: "2.5 members"`, a Seats cell of `-3` or `99999999999`, a membership item `- 2.5 community members`. Each is reported at the number; a quorum so written is not read (not as 5 from `2.5`), and a seat so counted is counted as one. A front matter `quorum:` written as a number is checked by the schema with the same bounds.');
export const unclosedFrontMatter = parseRule('unclosed-front-matter', 'error', 'Front matter must be closed with a `---` line.',
  'A document that starts with `---` opens a front matter block; without a closing `---` the whole document would be read as YAML.');
export const unknownType = parseRule('unknown-type', 'error', 'The `type` must be a known governance document type.',
  'Known types: `terms-of-reference`, `minutes`, `agenda`, `resolution`, `timeline`, and custom types from the configuration. A `type` close to a known one (a typo) is an error with a suggested fix; a type far from every known one (for example `post` from a static site generator) means the file is not a governance document and it is left alone.');
export const impossibleDate = parseRule('impossible-date', 'error', 'Dates must exist in the calendar.',
  'A date such as 30 February or 31 June does not exist. It is reported where it is written, in the front matter or in the body.');
export const unreadDate = parseRule('unread-date', 'warning', 'A date written where a milestone\'s date goes must be one govmark can read.',
  'A timeline item that starts with date-shaped text (`- 2022/21 — Consultation`, `- 31/12/2021 — Report`) or a cell of a date column (`| 31/12/2021 | Report |`) that cannot be read as a date would leave that milestone out of the timeline and its order unchecked. It is reported at the text, with the forms govmark reads: `2022-03-01`, `1 March 2022`, `March 1, 2022`, `March 2022`, `Q1 2022`, `H2 2022`, `2021/22` (a financial year), `spring 2022`, `early March 2022`, `1–4 March 2022`. Numeric dates with the day and month (`31/12/2021`, `12/31/2021`) are not read because the order is not known: write them year first (`2021-12-31`). A date that cannot exist (`Q5 2022`, `1 Jan -5000`) is an `impossible-date` instead.');
export const dateFormat = parseRule('date-format', 'hint', 'Front matter dates are best written YYYY-MM-DD.',
  'A front matter date written as people write it (`date: 2 November 2021`, `02 November 2021`) is understood and used as that day; the hint offers the same day as `2021-11-02`, the form every YAML and calendar tool reads alike. Text that is not a date (`date: next Tuesday`) is an error of the schema.');
export const tooComplex = parseRule('too-complex', 'warning', 'A document too complex to check fully within the time bound.',
  'Some inputs make Markdown parsers super-linear (thousands of unmatched `*` or `[`, very deep nesting), and very large documents or front matter take long whatever they hold. govmark bounds the time and memory one document may take; past the bound it reads the front matter, headings, dated list items, decision lines and the numbered clauses under a decision marker with a cheap line-by-line pass (so resolution numbering, milestone dates and the front matter are still checked), reports this message and goes on with the other files. The message says which bound was hit (time, memory), what in the document made it costly (its size, a YAML front matter of hundreds of KB, Markdown nested more than 64 levels, a paragraph with more than 1000 emphasis or bracket marks) and what was not checked: tables, paragraphs, attendance, actions, membership and functions, so quorum, overdue actions, seats and dates in tables.');

export const recognisedType = parseRule('recognised-type', 'hint', 'A document without a `type:` was recognised as a governance document: how, and how to say so.',
  'A Markdown file with no `type:` in its front matter (and no config glob) is read as terms of reference, minutes, a resolution or a timeline when its path and text show it: a `minutes/` folder, an Attendees heading, `RESOLVED:` lines, a charter title, mostly dated entries. This hint, on the first line, says which kind and the strongest evidence, so the decision is never a silent guess. Its fix adds `type:` to the front matter, which makes the kind explicit and turns on the checks that only make sense once an author has opted in (missing front matter keys and required sections are hints until then). Files that are only partly governance-like are left alone; `govmark init` lists them.');
export const sectionUnread = parseRule('section-unread', 'info', 'A section govmark recognises held text but nothing was read from it.',
  'When an Actions, Membership, Present, Apologies, Functions or decisions section has lists, tables or text but govmark read no action, seat, person, function or decision from it, it says so on the heading, with an example of what it reads. Nothing is guessed: either rewrite the entries in one of the shapes shown, or ignore the message (set `section-unread` to `off`).');
export const internalError = parseRule('internal-error', 'error', 'A rule failed on this document.',
  'A rule that throws is reported on the document it failed on, as a fatal message, and the other rules and files are still checked. Please report it with the document that caused it.',
  {
    lang: 'console',
    wrong: [
      '$ npx govmark validate minutes/',
      'minutes/2021-03-19.md',
      '  1:1  error  Rule `duplicate-id` failed on this document: simulated failure. The other rules still ran; please report this.  internal-error',
    ].join('\n'),
    right: ['$ npx govmark validate minutes/', '✔ 1 file checked, no problems'].join('\n'),
    note: 'Nothing in the document is wrong: the fault is govmark\'s. Until it is fixed, the rule named in the message can be turned `off` in `govmark.config.json`.',
  });

export const unreadableFile = parseRule('unreadable-file', 'warning', 'A Markdown file in a folder being checked could not be read.',
  'A file found while searching a folder (not one named on the command line, which stops the run) that cannot be read: permission denied, a symbolic link that loops or points nowhere, a subfolder that cannot be listed. It is reported on the file, nothing in it was checked, and the other files are checked as usual. The run exits 2 only when no file at all could be read.',
  {
    lang: 'console',
    wrong: [
      '$ ln -s 2021-01-29.md minutes/2021-01-29.md   # a link to itself',
      '$ npx govmark validate minutes/',
      'minutes/2021-01-29.md  (not read)',
      '  1:1  warning  This file could not be read (its symbolic links loop), so nothing in it was checked.  unreadable-file',
    ].join('\n'),
    right: [
      '$ rm minutes/2021-01-29.md && cp ~/Downloads/2021-01-29.md minutes/',
      '$ npx govmark validate minutes/',
      '✔ 2 files checked, no problems',
    ].join('\n'),
    note: 'A file is reported, not silently left out, because a folder check that skips what it cannot read would pass for the wrong reason.',
  });

export const PARSE_RULES = [yamlSyntax, yamlDuplicateKey, yamlAliasCycle, yamlAliasUndefined, seatCount, unclosedFrontMatter, unknownType, recognisedType, sectionUnread, impossibleDate, unreadDate, dateFormat, tooComplex, internalError, unreadableFile];
