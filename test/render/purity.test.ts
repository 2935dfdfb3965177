/**
 * src/render and src/core/timeline run in Node, in the extension host and in
 * the webview bundle: no Node built-ins, no DOM, no Math.random.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(repoRoot, dir, f));
}

describe('render: host-free sources', () => {
  for (const dir of ['src/render', 'src/core/timeline']) {
    it(`${dir} imports no Node built-in and touches no DOM`, () => {
      const files = sources(dir);
      assert.ok(files.length > 0);
      for (const file of files) {
        // Comments and string literals ('document' is a swimlane choice, not the DOM) are not code that runs.
        const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        const bare = code.replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
        assert.doesNotMatch(code, /from ['"](node:|fs|path|crypto|os|url)['"]/, file);
        assert.doesNotMatch(bare, /\b(document|window|navigator|innerHTML|DOMParser)\b/, file);
        assert.doesNotMatch(code, /Math\.random/, file);
      }
    });
  }
});
