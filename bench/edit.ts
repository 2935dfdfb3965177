/**
 * Child process: re-validation after a one-character edit, as the editor does
 * it. For each large document, `edits` successive one-letter insertions at
 * seeded random positions in the body; after each, side by side (alternating
 * which goes first):
 *   - incremental: `Workspace.set` on the workspace that holds the document
 *     (its chunk cache re-parses only the touched section) + `checkOne`;
 *   - fresh: a new `Workspace`, `set` + `checkOne` (a full parse and check);
 *   - bare: `unified().use(remarkParse).use(remarkFrontmatter).parse()` of
 *     the whole text, for scale.
 * `node edit.js <edits>` prints `{ [label]: { incremental: ms[], fresh: ms[], bare: ms[] } }`.
 */
import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { resolveConfig } from '../src/core/config.js';
import { Workspace } from '../src/core/workspace/workspace.js';
import { LARGE } from './corpus.js';
import { Random } from './random.js';

const edits = Number(process.argv[2] ?? 50);
const WARMUP = 3;
const config = resolveConfig();
const bare = unified().use(remarkParse).use(remarkFrontmatter);
const out: Record<string, { incremental: number[]; fresh: number[]; bare: number[]; checks: boolean }> = {};

function time(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

for (const [label, path] of Object.entries(LARGE)) {
  let text = readFileSync(path, 'utf8');
  const uri = `file://${path}`;
  const bodyStart = text.indexOf('\n---\n', 4) + 5;
  const r = new Random(label.length * 7919);
  const ws = new Workspace(config);
  ws.set(uri, text);
  const result = { incremental: [] as number[], fresh: [] as number[], bare: [] as number[], checks: true };
  for (let i = 0; i < edits + WARMUP; i++) {
    const at = r.int(bodyStart, text.length);
    text = text.slice(0, at) + String.fromCharCode(97 + r.int(0, 25)) + text.slice(at);
    let incMessages: unknown[] = [];
    let freshMessages: unknown[] = [];
    const inc = () =>
      time(() => {
        ws.set(uri, text);
        incMessages = ws.checkOne(uri);
      });
    const fresh = () =>
      time(() => {
        const one = new Workspace(config);
        one.set(uri, text);
        freshMessages = one.checkOne(uri);
      });
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = inc();
      b = fresh();
    } else {
      b = fresh();
      a = inc();
    }
    const c = time(() => bare.parse(text));
    // The incremental path must give exactly what a full parse gives.
    if (JSON.stringify(incMessages) !== JSON.stringify(freshMessages)) result.checks = false;
    if (i < WARMUP) continue;
    result.incremental.push(a);
    result.fresh.push(b);
    result.bare.push(c);
  }
  out[label] = result;
}
process.stdout.write(JSON.stringify(out) + '\n');
