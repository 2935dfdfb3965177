/**
 * `--format github`: GitHub Actions workflow commands, which GitHub shows as
 * annotations on the pull request's diff. Errors and warnings only: info and
 * hint (relative-to-today notes on historical records) would clutter reviews.
 *
 *     ::error file=a.md,line=2,col=7,endLine=2,endColumn=12,title=govmark unknown-type::Unknown type
 */
import { toCliRange } from './position.js';
import { displayPath, sortedResults, visible, type Formatter } from './results.js';

/** The message part of a workflow command: `%`, CR and LF are encoded. */
export function escapeData(s: string): string {
  return visible(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value (`file=…`): also `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const result of sortedResults(results)) {
    const file = displayPath(result.path, ctx.cwd);
    for (const m of result.messages) {
      if (m.severity !== 'error' && m.severity !== 'warning') continue;
      const { start, end } = toCliRange(m.range);
      const props = [
        ['file', file],
        ['line', String(start.line)],
        ['col', String(start.column)],
        ['endLine', String(end.line)],
        ['endColumn', String(end.column)],
        ['title', `govmark ${m.ruleId}`],
      ]
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',');
      lines.push(`::${m.severity} ${props}::${escapeData(m.reason)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};
