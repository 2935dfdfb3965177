/**
 * The cross-document step alone: `checkWorkspace` over N document summaries
 * made up in memory (no parsing), shaped like a council's repository: bodies
 * with terms of reference renewed each year (`supersedes`), minutes that name
 * their terms (some the wrong year's, some a misspelt id), a few without
 * `terms:` found by `body:`, 1 in 10 with its agenda (found by body and
 * date). What every cross-document rule costs as the
 * repository grows: it must grow with the documents, not with their square.
 *
 *   node dist/bench/combine.js [N ...]      (default 10000 50000)
 */
import { resolveConfig } from '../src/core/config.js';
import { checkWorkspace } from '../src/core/rules/run.js';
import { createIndex, type DocumentSummary } from '../src/core/workspace/summary.js';

const point = (line: number) => ({ line, column: 1, offset: line * 10 });
const range = (line: number) => ({ start: point(line), end: point(line) });

function summaries(n: number): DocumentSummary[] {
  const out: DocumentSummary[] = [];
  const bodies = Math.max(1, Math.floor(n / 50));
  const years = 5;
  for (let b = 0; b < bodies && out.length < n; b++) {
    const body = `Board ${b}`;
    for (let y = 0; y < years && out.length < n; y++) {
      out.push({
        uri: `file:///repo/b${b}/tor-${y}.md`,
        type: 'terms-of-reference',
        id: `b${b}-tor-${2020 + y}`,
        idRange: range(3),
        body,
        adopted: `${2020 + y}-05-20`,
        adoptedRange: range(5),
        status: y === years - 1 ? 'adopted' : 'superseded',
        statusRange: range(6),
        refs: y > 0 ? [{ key: 'supersedes', id: `b${b}-tor-${2019 + y}`, range: range(7) }] : [],
        quorum: { text: '3', count: 3, source: 'section', range: range(20) },
        votingSeats: 8,
        anchor: range(1),
      });
    }
  }
  for (let i = 0; out.length < n; i++) {
    const b = i % bodies;
    const y = i % years;
    const month = String((i % 12) + 1).padStart(2, '0');
    const terms = i % 97 === 0 ? `b${b}-tor-20${20 + y}x` : i % 13 === 0 ? `b${b}-tor-${2020 + ((y + 2) % years)}` : `b${b}-tor-${2020 + y}`;
    out.push({
      uri: `file:///repo/b${b}/minutes-${i}.md`,
      type: 'minutes',
      id: `b${b}-minutes-${i}`,
      idRange: range(3),
      body: `Board ${b}`,
      date: `${2020 + y + (Number(month) > 5 ? 0 : 1)}-${month}-15`,
      refs: i % 7 === 0 ? [] : [{ key: 'terms', id: terms, range: range(4) }],
      presentVoting: { count: 2 + (i % 5), range: range(12) },
      anchor: range(1),
      ...(i % 10 === 0 ? { headings: ['Minutes of the last meeting', 'Budget'] } : {}),
    });
    // 1 in 10 meetings has its agenda (found by body and date: the rule that once scanned every document for each minutes).
    if (i % 10 === 0 && out.length < n) {
      const m = out[out.length - 1];
      out.push({ uri: m.uri.replace('minutes', 'agenda'), type: 'agenda', id: m.id!.replace('minutes', 'agenda'), body: m.body, date: m.date, refs: [], anchor: range(1), agenda: [{ title: 'Minutes', range: range(3) }, { title: 'Budget', range: range(4) }, { title: 'Risks', range: range(5) }] });
    }
  }
  return out;
}

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
const config = resolveConfig();
for (const n of sizes.length > 0 ? sizes : [10_000, 50_000]) {
  const docs = summaries(n);
  const t0 = performance.now();
  const index = createIndex(docs);
  const messages = checkWorkspace(index, config);
  const ms = performance.now() - t0;
  let count = 0;
  for (const list of messages.values()) count += list.length;
  process.stdout.write(`${JSON.stringify({ summaries: n, ms: Math.round(ms), messages: count })}\n`);
}
