import type { DocumentRule } from './rule.js';

/**
 * Replacement characters (what invalid UTF-8 decodes to) and the C0 controls that are not whitespace.
 * Tab, LF, CR, and also vertical tab and form feed, are whitespace to CommonMark; a Google Docs export
 * writes a soft line break as U+000B (the real-world corpus has them), which is no fault of the text.
 */
const BAD = /[\u0000-\u0008\u000e-\u001f\ufffd]+/g;
/** Runs reported one by one; past this, one message says how many more there are. */
const MAX_REPORTED = 20;

/**
 * Bytes that are not text: invalid UTF-8 (decoded as U+FFFD, shown as �) and
 * control characters such as NUL. One linear scan of the text, so it costs
 * nothing beside parsing and runs on a document read only in part too.
 */
export const encoding: DocumentRule = {
  id: 'encoding',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'A document must be UTF-8 text, without bytes that are not text.',
  docs: 'govmark reads files as UTF-8. Bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1, a truncated download) become the replacement character `�`, and control characters such as NUL (a file saved as UTF-16, binary pasted in) are not text either (tab, line breaks, vertical tab and form feed are whitespace and pass): names, dates and numbers containing them cannot be read. Each run of such characters is reported where it is, the first 20 one by one and the rest counted in one more message. Save the file as UTF-8 (in VS Code: the encoding in the status bar › Save with Encoding › UTF-8).',
  check({ doc, report }) {
    const { text, lines } = doc;
    const bad = new RegExp(BAD.source, 'g');
    let runs = 0;
    let more = 0;
    let firstUnreported = 0;
    for (let m = bad.exec(text); m; m = bad.exec(text)) {
      runs++;
      if (runs > MAX_REPORTED) {
        if (more++ === 0) firstUnreported = m.index;
        continue;
      }
      report({
        reason: reasonFor(m[0]),
        range: lines.range(m.index, m.index + m[0].length),
      });
    }
    if (more > 0) {
      report({
        reason: `${more} more run${more === 1 ? '' : 's'} of bytes that are not text, from here on, after the ${MAX_REPORTED} reported: save the file as UTF-8.`,
        range: lines.range(firstUnreported, firstUnreported + 1),
      });
    }
  },
};

function reasonFor(run: string): string {
  const replaced = run.includes('\ufffd');
  const controls = /[^\ufffd]/.test(run);
  const codes = controls ? ` (${describe(run)})` : '';
  if (replaced && controls) return `Bytes that are not UTF-8 text (shown as �) and control characters${codes}: save the file as UTF-8.`;
  if (replaced) return 'Bytes that are not UTF-8 text (shown as �): save the file as UTF-8.';
  if (run.includes('\u0000')) return `NUL characters${codes} are not text: save the file as UTF-8 (a file saved as UTF-16 has one after every letter), or remove them.`;
  return `Control characters${codes} are not text: remove them, or save the file as UTF-8.`;
}

/** `U+0000`, `U+0000, U+0001`: the distinct control characters of a run, at most three. */
function describe(run: string): string {
  const codes = [...new Set(Array.from(run.slice(0, 200), (c) => c.charCodeAt(0)))].filter((c) => c !== 0xfffd);
  const shown = codes.slice(0, 3).map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  return codes.length > 3 ? `${shown.join(', ')}…` : shown.join(', ');
}
