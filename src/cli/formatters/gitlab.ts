/**
 * `--format gitlab`: GitLab's Code Quality report (a subset of Code Climate's
 * issue format), which a job hands to GitLab with
 * `artifacts: reports: codequality: govmark-codequality.json`; merge requests
 * then show the problems a change brings or resolves. Shaped after
 * markdownlint-cli2-formatter-codequality:
 *
 *     [{ "type": "issue", "check_name": "unknown-type", "description": "Unknown type 'minuets'.",
 *        "severity": "critical", "fingerprint": "…", "location": { "path": "a.md", "lines": { "begin": 2 } } }]
 *
 * GitLab has five severities; hint, info, warning and error take four of
 * them (info, minor, major, critical), and blocker is kept for a fatal error:
 * a document that could not be checked at all. GitLab tells issues apart by
 * their fingerprint, so it is a hash of what identifies a problem (rule, path,
 * range, message), stable from run to run and machine to machine; an exact
 * repeat of a problem gets its occurrence number in the hash so that no two
 * issues of a report share one.
 */
import { createHash } from 'node:crypto';
import type { GovMessage, Severity } from '../../core/message.js';
import { toCliRange } from './position.js';
import { displayPath, sortedResults, type Formatter } from './results.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  severity: CodeQualitySeverity;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

const SEVERITY: Record<Severity, CodeQualitySeverity> = { hint: 'info', info: 'minor', warning: 'major', error: 'critical' };

export function codeQualitySeverity(m: Pick<GovMessage, 'severity' | 'fatal'>): CodeQualitySeverity {
  return m.fatal && m.severity === 'error' ? 'blocker' : SEVERITY[m.severity];
}

/** A hex SHA-256 of what identifies a problem; `occurrence` tells exact repeats apart. */
export function fingerprint(ruleId: string, path: string, m: Pick<GovMessage, 'range' | 'reason'>, occurrence = 0): string {
  const { start, end } = toCliRange(m.range);
  const key = [ruleId, path, `${start.line}:${start.column}-${end.line}:${end.column}`, m.reason, ...(occurrence > 0 ? [occurrence] : [])];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

export const gitlab: Formatter = (results, ctx) => {
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  for (const result of sortedResults(results)) {
    const path = displayPath(result.path, ctx.cwd);
    for (const m of result.messages) {
      const first = fingerprint(m.ruleId, path, m);
      const occurrence = seen.get(first) ?? 0;
      seen.set(first, occurrence + 1);
      issues.push({
        type: 'issue',
        check_name: m.ruleId,
        description: m.reason,
        severity: codeQualitySeverity(m),
        fingerprint: occurrence === 0 ? first : fingerprint(m.ruleId, path, m, occurrence),
        location: { path, lines: { begin: toCliRange(m.range).start.line } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
