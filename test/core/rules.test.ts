import assert from 'node:assert/strict';
import { resolveConfig } from '../../src/core/config.js';
import { parse } from '../../src/core/parse/parse.js';
import { ruleById } from '../../src/core/rules/registry.js';
import { checkDocument } from '../../src/core/rules/run.js';

const MINUTES = `---
type: minutes
id: trafford-hwb-2021-01-29
date: 2021-01-29
---

# Health and Wellbeing Board — 29 January 2021
`;

describe('rules: a rule that throws', () => {
  it('becomes an internal-error message whose severity is configurable, and off silences it', () => {
    const rule = ruleById('resolution-numbering')!;
    const check = (rule as { check: unknown }).check;
    (rule as { check: unknown }).check = () => {
      throw new Error('simulated failure');
    };
    try {
      const doc = parse(MINUTES);
      const byDefault = checkDocument(doc, resolveConfig()).filter((m) => m.ruleId === 'internal-error');
      assert.deepEqual(byDefault.map((m) => [m.severity, m.fatal]), [['error', true]]);
      assert.match(byDefault[0].reason, /`resolution-numbering` failed on this document: simulated failure/);
      const lowered = checkDocument(doc, resolveConfig({ rules: { 'internal-error': 'warning' } })).filter((m) => m.ruleId === 'internal-error');
      assert.deepEqual(lowered.map((m) => m.severity), ['warning']);
      const off = checkDocument(doc, resolveConfig({ rules: { 'internal-error': 'off' } })).filter((m) => m.ruleId === 'internal-error');
      assert.deepEqual(off, []);
    } finally {
      (rule as { check: unknown }).check = check;
    }
  });
});
