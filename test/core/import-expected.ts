/**
 * The test pack and the expectations written by hand beside it
 * (test/fixtures/import/), and the assertion that an import recovered them:
 * shared by the core, CLI and server tests of the importer.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportResult } from '../../src/core/import/index.js';
import { fixturesDir } from '../helpers.js';

export const packFile = join(fixturesDir, 'import', 'trafford-hwb-pack.txt');
export const packText = readFileSync(packFile, 'utf8');

export interface Expected {
  documents: Array<{
    fileName: string;
    type: string;
    terms?: string;
    items?: Array<{ number: string; title: string; pages?: string; presenter?: string }>;
    attendees?: string[];
    apologies?: string[];
    resolutions?: string[];
    functions?: string[];
    seats?: Array<{ seat: string; count?: number }>;
    actions?: Array<{ task: string; lead?: string; timescale?: string }>;
    milestones?: string[];
    uncertain?: string[];
  }>;
}
export const expected = JSON.parse(readFileSync(join(fixturesDir, 'import', 'trafford-hwb-pack.expected.json'), 'utf8')) as Expected;

/** What a recognised document holds, in the expectations' shape. */
export function recovered(result: ImportResult, fileName: string) {
  const d = result.documents.find((x) => x.fileName === fileName);
  assert.ok(d, `${fileName} is written; written: ${result.documents.map((x) => x.fileName).join(', ')}`);
  const f = d.found;
  return {
    doc: d,
    items: f.items.map(({ number, title, pages, presenter }) => ({ number: number ?? '', title, ...(pages ? { pages } : {}), ...(presenter ? { presenter } : {}) })),
    attendees: f.attendees.map((a) => a.name),
    apologies: f.apologies.map((a) => a.name),
    resolutions: f.resolutions.map((r) => r.number),
    functions: f.functions.map((x) => x.number ?? ''),
    seats: f.seats.map(({ seat, count }) => ({ seat, ...(count !== undefined ? { count } : {}) })),
    actions: f.actions.map(({ task, lead, timescale }) => ({ task, ...(lead ? { lead } : {}), ...(timescale ? { timescale } : {}) })),
    milestones: f.milestones.map((m) => m.date),
    uncertain: d.report.uncertain.map((u) => u.code),
  };
}

/** Asserts every expected document and what it holds; shared by the PDF and Word tests. */
export function assertRecovered(result: ImportResult, want: Expected = expected): void {
  assert.deepEqual(
    result.documents.map((d) => d.fileName),
    want.documents.map((d) => d.fileName),
    'one document per paper of the pack, in order, named <body>-<kind>-<date>.md',
  );
  for (const e of want.documents) {
    const got = recovered(result, e.fileName);
    assert.equal(got.doc.type, e.type, `${e.fileName}: type`);
    if (e.items && e.type === 'agenda') assert.deepEqual(got.items, e.items, `${e.fileName}: agenda items with pages and presenters`);
    for (const key of ['attendees', 'apologies', 'resolutions', 'functions', 'seats', 'actions', 'milestones'] as const) {
      if (e[key]) assert.deepEqual(got[key], e[key], `${e.fileName}: ${key}`);
    }
    assert.deepEqual([...new Set(got.uncertain)].sort(), [...(e.uncertain ?? [])].sort(), `${e.fileName}: the kinds of place to review`);
  }
}

