/**
 * Configs in subfolders: `govmark validate` applies them; the editor does not
 * yet, and says so once instead of showing problems that silently differ.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesDir } from '../helpers.js';
import { TestClient } from './client.js';

describe('server: configs in subfolders', function () {
  this.timeout(60_000);

  it('warns once that the editor does not apply them yet, naming them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govmark-nested-'));
    try {
      cpSync(join(examplesDir, 'valid'), join(dir, 'valid'), { recursive: true });
      mkdirSync(join(dir, 'committee'));
      cpSync(join(examplesDir, 'invalid', 'minutes-resolution-gap.md'), join(dir, 'committee', 'gap.md'));
      writeFileSync(join(dir, 'committee', 'govmark.config.yaml'), 'rules:\n  resolution-numbering: "off"\n');
      const client = await TestClient.start({ folder: dir });
      try {
        await client.waitForIndex();
        const warnings = client.logs.filter((l) => l.includes('configs in subfolders'));
        assert.ok(warnings.length >= 1, client.logs.join('\n'));
        assert.match(warnings[0], /committee\/govmark\.config\.yaml/);
        assert.match(warnings[0], /does not yet/);
      } finally {
        await client.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says nothing when there are none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govmark-nested-'));
    try {
      cpSync(join(examplesDir, 'valid'), join(dir, 'valid'), { recursive: true });
      writeFileSync(join(dir, 'govmark.config.json'), '{}');
      const client = await TestClient.start({ folder: dir });
      try {
        await client.waitForIndex();
        assert.deepEqual(client.logs.filter((l) => l.includes('configs in subfolders')), []);
      } finally {
        await client.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
