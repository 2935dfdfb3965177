/**
 * `--format junit`: JUnit XML, which CI servers show as test results. Each
 * file is a test suite with one test case; errors and warnings make it fail,
 * info and hint do not; files that are not governance documents are skipped.
 */
import { toCliRange } from './position.js';
import { countMessages, displayPath, plural, sortedResults, type Formatter } from './results.js';

/** Text safe inside XML 1.0 elements and attribute values. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const junit: Formatter = (results, ctx) => {
  const sorted = sortedResults(results);
  const failing = (r: (typeof sorted)[number]) => {
    const c = countMessages(r.messages);
    return c.errors + c.warnings > 0;
  };
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="govmark" tests="${sorted.length}" failures="${sorted.filter(failing).length}" errors="0">`,
  ];
  for (const r of sorted) {
    const name = escapeXml(displayPath(r.path, ctx.cwd));
    const c = countMessages(r.messages);
    const failed = c.errors + c.warnings > 0;
    out.push(
      `  <testsuite name="${name}" tests="1" failures="${failed ? 1 : 0}" errors="0" skipped="${r.skipped ? 1 : 0}">`,
      `    <testcase name="${name}" classname="govmark">`,
    );
    if (r.skipped) out.push('      <skipped message="not a governance document"/>');
    if (failed) {
      const summary = `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`;
      const lines = r.messages
        .filter((m) => m.severity === 'error' || m.severity === 'warning')
        .map((m) => {
          const { start } = toCliRange(m.range);
          return `${start.line}:${start.column} ${m.severity} ${m.reason} (${m.ruleId})`;
        });
      out.push(
        `      <failure message="${escapeXml(summary)}" type="${c.errors > 0 ? 'error' : 'warning'}">${escapeXml(lines.join('\n'))}</failure>`,
      );
    }
    out.push('    </testcase>', '  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
