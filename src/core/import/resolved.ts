/**
 * RESOLVED lists: "RESOLVED: That the report be noted." (one decision),
 * "RESOLVED:" followed by numbered clauses ("(1) That …", "1. That …",
 * "(a) That …"), or the clauses run on after the marker ("RESOLVED: (1) That
 * … (2) That …"). The clauses keep their numbers as written; a gap or repeat
 * in them is a place to review (the source has it too: govmark's
 * resolution-numbering rule says so on the output).
 */
import type { Block } from './blocks.js';
import { inline } from './markdown.js';
import type { Recogniser, RenderContext } from './recogniser.js';

const MARKER = /^(RESOLVED|Resolved|AGREED|DECIDED)\s*(?:[:–—-]\s*|\b(?=\s*that\b)|$)(.*)$/;

export const resolved: Recogniser = {
  id: 'resolved',
  take(blocks, i, ctx) {
    const b = blocks[i];
    if (b.type !== 'paragraph') return 0;
    const m = MARKER.exec(b.text);
    if (!m) return 0;
    const word = m[1];
    // "Resolved that:" is a marker with nothing after it, written as it was.
    const intro = /^that\s*:?$/i.test(m[2].trim());
    const rest = intro ? '' : m[2].trim();
    // Clauses run on after the marker: "(1) That … (2) That …".
    const runOn = /^\(?1[.)]\s/.test(rest) ? rest.split(/\s(?=\(?\d{1,2}[.)]\s)/) : undefined;
    if (rest !== '' && !runOn) {
      ctx.out.push(`${word}: ${inline(rest)}`, '');
      ctx.counts.resolutions++;
      ctx.found.resolutions.push({ number: ctx.item ?? '', text: rest, page: b.at.page, line: b.at.line });
      return 1;
    }
    const clauses: Array<{ number: string; text: string; block: Block }> = [];
    if (runOn) {
      for (const c of runOn) {
        const n = /^\(?(\d{1,2})[.)]\s+(.*)$/.exec(c);
        if (n) clauses.push({ number: n[1], text: n[2], block: b });
      }
    }
    let j = i + 1;
    if (!runOn) {
      while (j < blocks.length) {
        const next = blocks[j];
        if (next.type !== 'item' || next.marker.style === 'bullet' || next.marker.number === undefined) break;
        clauses.push({ number: next.marker.number, text: next.text, block: next });
        j++;
      }
    }
    const written = intro ? `${word} ${m[2].trim().replace(/:?$/, ':')}` : `${word}:`;
    if (clauses.length === 0) {
      ctx.unsure('import/resolved-empty', `'${word}' with no decision after it`, b.at, b.text);
      ctx.out.push(written, '');
      return 1;
    }
    ctx.out.push(written, '');
    const digits = clauses.every((c) => /^\d+$/.test(c.number));
    clauses.forEach((c, k) => {
      if (digits && k > 0 && Number(c.number) !== Number(clauses[k - 1].number) + 1) {
        ctx.unsure('import/resolution-numbering', `the clauses go from (${clauses[k - 1].number}) to (${c.number})`, c.block.at, c.text);
      }
      ctx.out.push(digits ? `${c.number}. ${inline(c.text)}` : `- (${c.number}) ${inline(c.text)}`);
      ctx.counts.resolutions++;
      const number = ctx.item ? `${ctx.item}.${c.number}` : c.number;
      ctx.found.resolutions.push({ number, text: c.text, page: c.block.at.page, line: c.block.at.line });
    });
    ctx.out.push('');
    return j - i;
  },
};
