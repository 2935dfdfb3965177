/**
 * What a document says about itself in its first lines: the body it is of
 * ("HEALTH AND WELLBEING BOARD", "Minutes of the Planning Committee"), the
 * authority ("TRAFFORD COUNCIL"), its title and its date. The page
 * furniture (a running header naming the council) is asked last.
 */
import type { Block } from './blocks.js';
import { datesIn } from './dates.js';
import { titleCase } from './headings.js';

const BODY_NOUN = /\b(?:board|committee|sub-committee|panel|partnership|group|trust|forum|cabinet|assembly|commission|executive|council|authority)$/i;
const LEADING = /^(?:(?:minutes|agenda|notice|meeting|membership|terms\s+of\s+reference|schedule)\s+(?:of|for)\s+(?:the\s+)?(?:a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)+/i;
const TRAILING = /\s*(?:[-–—:]\s*.*|\s+(?:terms\s+of\s+reference|membership|minutes|agenda|action\s+plan|meeting\s+schedule)\b.*|\s+\d{4}(?:\/\d{2})?)$/i;

/** What a document says about itself in its first lines (front matter values). */
export interface DocumentMeta {
  body?: string;
  authority?: string;
  title?: string;
  date?: string;
  /** Where the date was written, as written. */
  dateWritten?: string;
}

function bodyOf(text: string): string | undefined {
  let t = text.trim().replace(LEADING, '');
  for (let k = 0; k < 3 && !BODY_NOUN.test(t); k++) t = t.replace(TRAILING, '');
  t = t.replace(LEADING, '').trim();
  if (t.split(/\s+/).length > 10 || !BODY_NOUN.test(t)) return undefined;
  return titleCase(t);
}

/** The blocks before the first numbered heading (the document's head). */
function head(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === 'heading' && b.number !== undefined) break;
    if (b.type === 'table' || b.type === 'item') break;
    out.push(b);
    if (out.length >= 12) break;
  }
  return out;
}

export function metaOf(blocks: readonly Block[], furniture: readonly string[]): DocumentMeta {
  const lines = head(blocks).map((b) => (b.type === 'heading' || b.type === 'paragraph' ? b.text : ''));
  const candidates = [...lines, ...furniture].map(bodyOf).filter((b): b is string => b !== undefined);
  const isCouncil = (b: string) => /\b(?:council|authority)$/i.test(b);
  const body = candidates.find((b) => !isCouncil(b)) ?? candidates[0];
  const authority = candidates.find((b) => isCouncil(b) && b !== body);
  const firstHeading = blocks.find((b) => b.type === 'heading');
  const title = firstHeading && firstHeading.type === 'heading' ? titleCase(firstHeading.text) : undefined;
  const date = datesIn(lines.join('\n'))[0];
  return {
    ...(body ? { body } : {}),
    ...(authority ? { authority } : {}),
    ...(title ? { title } : {}),
    ...(date ? { date: date.iso, dateWritten: date.text } : {}),
  };
}

/** "Health and Wellbeing Board" → "health-and-wellbeing-board". */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'document'
  );
}
