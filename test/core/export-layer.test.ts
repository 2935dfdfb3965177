/** The exporters are core: no Node built-ins, no editor, no server, no CLI (STYLE.md, "Core, adapters, edges"). */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

describe('export: layering', () => {
  it('src/core/export imports nothing from node:, vscode, the server or the CLI', () => {
    const dir = join(repoRoot, 'src', 'core', 'export');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 5);
    for (const f of files) {
      const imports = [...readFileSync(join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) assert.ok(!/^(node:|vscode)|\/(server|cli|node|extension)\//.test(i) && !i.startsWith('../../'), `${f} imports ${i}`);
    }
  });
});
