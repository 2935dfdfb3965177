/**
 * The documents the export tests read: the seed examples (Trafford Health and
 * Wellbeing Board's minutes of 16 October 2020 and its terms of reference,
 * Gloucestershire's ICP timeline), and three written in their shape for what
 * the seeds do not hold: the Board's next meeting (inquorate under the terms
 * adopted in November, a recorded vote, an action reported done), a timeline
 * with uncertain and unknown dates, and text that tries to break each format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/core/parse/parse.js';
import type { ExportDocument, ExportInput } from '../../src/core/export/index.js';
import { examplesDir } from '../helpers.js';

/** Later minutes of the Trafford Board: three voting members present (the quorum is five), a vote with its tally, the 19.6 action reported done. */
export const DECEMBER = `---
type: minutes
id: trafford-hwb-2020-12-11
body: Trafford Health and Wellbeing Board
date: 2020-12-11
status: draft
---

# Health and Wellbeing Board — 11 December 2020

## Present

- Councillor J. Slater (Chair)
- Dr. S. Johnston
- E. Roaf

## In attendance

- Alexander Murray, Governance Officer

## 22. Minutes

RESOLVED: That the minutes of the meeting held on 16 October 2020 be agreed as a correct record.

## 23. Matters arising

- Minute 19.6: the presentation on the eight sources of learning had been circulated to Board Members.

## 24. Pharmaceutical Needs Assessment

Vote: 6 for, 1 against, 1 abstention – motion carried

- Action: Governance Officer to circulate the Winter Plan to partners by 31 January 2021
`;

/** A timeline as plans are written before dates are known. */
export const PLAN = `---
type: timeline
id: icp-plan
title: Integrated Care Partnership plan
body: Gloucestershire Health and Wellbeing Board
---

# Integrated Care Partnership plan

- March/April 2021 — Consultation on the options; report to the Board, then to Council
- Q1 2022 — Shadow partnership board meets
- 2022-05-18 — Full Council ratifies the Constitution Committee decision [done]
- Tbc — Review of the partnership's terms of reference
`;

/** Text that would break a format written carelessly: markup, quotes, a formula, control characters. */
export const HOSTILE = `---
type: minutes
id: hostile
body: Board <b>&amp; "Friends"</b>
date: 2021-01-05
---

# Board <script>alert(1)</script> & "Co" — 5 January 2021

## Present

- =HYPERLINK("http://example.invalid") (Chair)

## 1. Items; with, punctuation \\ and <tags>

RESOLVED: That the report on "A & B" <i>be</i> noted\u0007.
`;

/** The three Trafford/Gloucestershire seeds, as `valid/…` paths. */
export function seeds(): ExportDocument[] {
  return ['trafford-hwb-minutes-2020-10-16.md', 'trafford-hwb-terms-of-reference.md', 'gloucestershire-icp-timeline.md'].map((f) => doc(`valid/${f}`, readFileSync(join(examplesDir, 'valid', f), 'utf8')));
}

/** A document parsed from `text`, known by `path`. */
export function doc(path: string, text: string): ExportDocument {
  return { doc: parse(text, { uri: `file:///board/${path}`, path }), path };
}

/** Seeds plus the December minutes and the plan, judged on 1 March 2021. */
export function board(): ExportInput {
  return { documents: [...seeds(), doc('minutes/2020-12-11.md', DECEMBER), doc('plans/icp-plan.md', PLAN)], today: '2021-03-01' };
}
