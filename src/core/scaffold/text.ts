/**
 * What the scaffolds share: the text of front matter values, comments and
 * list lines that read back exactly as written, long dates, and the body's
 * stem for ids and file names.
 */
import { MONTH_NAMES } from '../dates/words.js';
import type { RegisterEntry } from '../workspace/register.js';

/** A new document's text and the file name proposed for it. */
export interface Scaffold {
  text: string;
  /** `<body>-<kind>-<date>.md`, from what was given. */
  fileName: string;
}

/** `2021-06-18` → `18 June 2021`. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : iso;
}

/** A YAML scalar, quoted only when plain style would be read differently. */
export function yamlScalar(value: string): string {
  return /^[\w][\w .,'()&/-]*$/.test(value) && !/:\s|\s#/.test(value) ? value : JSON.stringify(value);
}

/** An HTML comment that cannot be closed early by the text it holds. */
export function htmlComment(text: string): string {
  return `<!-- ${text.replace(/--/g, '—').replace(/\s+/g, ' ')} -->`;
}

/** `trafford-hwb-tor` → `trafford-hwb`; `Planning Committee` → `planning-committee`: the body's stem for ids and file names. */
export function bodyStem(termsId: string | undefined, body: string | undefined): string {
  if (termsId) return termsId.replace(/[-_.]?(tor|terms(-of-reference)?|terms-of-ref)$/i, '') || termsId;
  const slug = (body ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'meeting';
}

/** Markdown-safe text for a list line: no line breaks, no HTML, no leading marker. */
export function line(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/</g, '&lt;').trim();
}

/** An open action as a checkbox line: `- [ ] Minute 19.5 (16 October 2020): … — owner; due 2020-12-31.` */
export function actionLine(a: RegisterEntry): string {
  const from = a.ref ? `Minute ${a.ref}` : 'Action';
  const when = a.given.date ? ` (${longDate(a.given.date)})` : '';
  const who = a.owner ? ` — ${line(a.owner)}` : '';
  const due = a.due ? `; due ${line(a.due.text)}` : '';
  return `- [ ] ${from}${when}: ${line(a.text).replace(/[.;:,]+$/, '')}${who}${due}.`;
}

/** The open actions as checkbox lines (at most `max`), with a note of how many more there are. */
export function actionLines(actions: readonly RegisterEntry[], max = 200): string[] {
  const out = actions.slice(0, max).map(actionLine);
  if (actions.length > max) out.push(htmlComment(`${actions.length - max} more open actions are not listed.`));
  return out;
}
