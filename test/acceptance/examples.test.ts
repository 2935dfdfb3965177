/**
 * Every file of ../shared/examples against expectations.json: valid files give
 * no error or warning (validated together), each invalid file gives at least
 * the listed diagnostic, validated together with valid/ so references resolve.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { SEVERITY_RANK, type Severity } from '../../src/core/message.js';
import { validatePaths } from '../../src/node/validate.js';
import { examplesDir } from '../helpers.js';

interface Expectation {
  file: string;
  lines: number[];
  severity: Severity;
  about: string;
}

const expectations = JSON.parse(readFileSync(join(examplesDir, 'expectations.json'), 'utf8')) as {
  valid: string[];
  invalid: Expectation[];
};
const config = resolveConfig({ today: '2026-11-23' });
const valid = expectations.valid.map((f) => join(examplesDir, f));

describe('shared examples (expectations.json)', function () {
  this.timeout(60_000);

  it('gives no error or warning on any valid example, validated together', async () => {
    const results = await validatePaths(valid, { config, cacheDir: false });
    for (const r of results) {
      assert.equal(r.skipped, false, `${r.path} should be read as a governance document`);
      const serious = r.messages.filter((m) => SEVERITY_RANK[m.severity] >= SEVERITY_RANK.warning);
      assert.deepEqual(
        serious.map((m) => `${m.range.start.line}: ${m.ruleId}: ${m.reason}`),
        [],
        `${r.path} should have no errors or warnings`,
      );
    }
  });

  for (const e of expectations.invalid) {
    it(`${e.file}: ${e.about}`, async () => {
      const target = join(examplesDir, e.file);
      const results = await validatePaths([...valid, target], { config, cacheDir: false });
      const r = results.find((x) => x.path === target)!;
      const hit = r.messages.find((m) => SEVERITY_RANK[m.severity] >= SEVERITY_RANK[e.severity] && e.lines.includes(m.range.start.line));
      assert.ok(
        hit,
        `expected a ${e.severity} on line ${e.lines.join('/')} of ${e.file} (${e.about}); got:\n` +
          r.messages.map((m) => `  ${m.range.start.line}:${m.range.start.column} ${m.severity} ${m.ruleId}: ${m.reason}`).join('\n'),
      );
      assert.ok(hit.url && hit.url.includes(hit.ruleId), 'the diagnostic links to its rule docs');
      // The valid files must stay clean when validated beside an invalid one.
      for (const v of results.filter((x) => x.path !== target)) {
        assert.equal(v.messages.filter((m) => SEVERITY_RANK[m.severity] >= SEVERITY_RANK.warning).length, 0, v.path);
      }
    });
  }
});
