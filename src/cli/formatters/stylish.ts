/**
 * The default, human format (after ESLint's and markdownlint-cli2's): messages
 * grouped by file, one aligned row each, and a summary line.
 *
 *     minutes/2020-10-16.md
 *        2:7  error    Unknown document type 'minuets'  unknown-type
 *
 *     ✖ 1 problem (1 error, 0 warnings)
 */
import type { Severity } from '../../core/message.js';
import { paint } from '../color.js';
import { toCliRange } from './position.js';
import { countResults, displayPath, plural, sortedResults, visible, type Formatter } from './results.js';

export const stylish: Formatter = (results, ctx) => {
  const c = paint(ctx.color);
  const colourOf: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  const out: string[] = [];

  for (const result of sortedResults(results)) {
    if (result.messages.length === 0) continue;
    const rows = result.messages.map((m) => {
      const { start } = toCliRange(m.range);
      return { pos: `${start.line}:${start.column}`, severity: m.severity, reason: visible(oneLine(m.reason)), ruleId: visible(m.ruleId) };
    });
    const posWidth = Math.max(...rows.map((r) => r.pos.length));
    const sevWidth = Math.max(...rows.map((r) => r.severity.length));
    const reasonWidth = Math.max(...rows.map((r) => r.reason.length));
    out.push(c.underline(shownPath(displayPath(result.path, ctx.cwd))) + (result.unreadable !== undefined ? c.dim('  (not read)') : result.complete ? '' : c.dim('  (read only in part)')));
    for (const r of rows) {
      const severity = colourOf[r.severity](r.severity.padEnd(sevWidth));
      out.push(`  ${c.dim(r.pos.padStart(posWidth))}  ${severity}  ${r.reason.padEnd(reasonWidth)}  ${c.dim(r.ruleId)}`);
    }
    out.push('');
  }

  const { errors, warnings, infos, hints } = countResults(results);
  const total = errors + warnings + infos;
  if (total === 0) {
    const skipped = results.filter((r) => r.skipped).length;
    const aside = skipped > 0 ? ` (${skipped} not ${skipped === 1 ? 'a governance document' : 'governance documents'})` : '';
    out.push(`${c.green('✔')} ${plural(results.length, 'file')} checked${aside}, no problems`);
    return out.join('\n') + '\n';
  }
  // Counted as the editor's status bar counts them: info and hints apart (hints are not in the Problems panel).
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos - hints > 0 ? [`${infos - hints} info`] : []), ...(hints > 0 ? [plural(hints, 'hint')] : [])];
  const mark = errors > 0 ? c.red('✖') : warnings > 0 ? c.yellow('✖') : c.blue('ℹ');
  out.push(`${mark} ${plural(total, 'problem')} (${parts.join(', ')})`);
  return out.join('\n') + '\n';
};

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * A file name on a line of its own: line breaks escaped like other control
 * characters, and a name starting `::` (a GitHub Actions workflow command when
 * a log line begins with it) shown as `./::…`.
 */
function shownPath(path: string): string {
  const flat = visible(path).replace(/\r/g, '\\u000D').replace(/\n/g, '\\u000A');
  return flat.startsWith('::') ? `./${flat}` : flat;
}
