#!/usr/bin/env node
/**
 * Recall and precision of what `govmark import` recovers, against the
 * expectations written by hand for the test packs
 * (test/fixtures/import/*.expected.json), for the plain text and, with
 * --all, for the PDF and Word files the tests build from it.
 *
 *   npx tsc -p . && node scripts/import-score.mjs [--all]
 *
 * An item is matched by its key (an agenda item's number, title, pages and
 * presenter; a resolution's number; a person's name; a function's number; a
 * seat with its count; an action with its lead and timescale; a
 * milestone's date): a recovered item with no expected twin is a false
 * positive, an expected one never recovered a false negative.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { importText } = await import(join(root, 'dist/src/core/import/index.js'));
const all = process.argv.includes('--all');
const fixtures = join(root, 'test/fixtures/import');
const KEYS = {
  items: (x) => JSON.stringify([x.number ?? '', x.title, x.pages ?? '', x.presenter ?? '']),
  resolutions: (x) => (typeof x === 'string' ? x : x.number),
  attendees: (x) => (typeof x === 'string' ? x : x.name),
  apologies: (x) => (typeof x === 'string' ? x : x.name),
  functions: (x) => (typeof x === 'string' ? x : (x.number ?? '')),
  seats: (x) => JSON.stringify([x.seat, x.count ?? null]),
  actions: (x) => JSON.stringify([x.task, x.lead ?? '', x.timescale ?? '']),
  milestones: (x) => (typeof x === 'string' ? x : x.date),
};

async function inputs(text) {
  const out = [['text', importText(text, { name: 'pack.txt' })]];
  if (!all) return out;
  const { pdfOf, docxOf } = await import(join(root, 'dist/test/cli/import-papers.js'));
  const { paperFromBytes } = await import(join(root, 'dist/src/node/import/read.js'));
  out.push(['pdf', importText(await paperFromBytes('pack.pdf', await pdfOf(text)))]);
  out.push(['docx', importText(await paperFromBytes('pack.docx', await docxOf(text)))]);
  return out;
}

const pct = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.expected.json'))) {
  const expected = JSON.parse(readFileSync(join(fixtures, file), 'utf8'));
  const text = readFileSync(join(fixtures, expected.source), 'utf8');
  for (const [form, result] of await inputs(text)) {
    const totals = {};
    for (const e of expected.documents) {
      const d = result.documents.find((x) => x.fileName === e.fileName);
      for (const [kind, key] of Object.entries(KEYS)) {
        if (!e[kind] && !(d && d.found[kind].length > 0)) continue;
        if (kind === 'items' && e.type !== 'agenda') continue;
        const want = (e[kind] ?? []).map(key);
        const got = d ? d.found[kind].map(key) : [];
        const left = [...want];
        let tp = 0;
        for (const g of got) {
          const i = left.indexOf(g);
          if (i >= 0) {
            tp++;
            left.splice(i, 1);
          }
        }
        const t = (totals[kind] ??= { tp: 0, fp: 0, fn: 0 });
        t.tp += tp;
        t.fp += got.length - tp;
        t.fn += left.length;
      }
    }
    const missing = expected.documents.filter((e) => !result.documents.some((d) => d.fileName === e.fileName)).length;
    console.log(`${expected.source} (${form}): ${result.documents.length} documents, ${missing} expected document${missing === 1 ? '' : 's'} missing`);
    console.log('  kind          TP  FP  FN  precision  recall');
    for (const [kind, t] of Object.entries(totals)) console.log(`  ${kind.padEnd(12)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}  ${pct(t.tp, t.tp + t.fp).padStart(9)}  ${pct(t.tp, t.tp + t.fn).padStart(6)}`);
  }
}
