/**
 * The next agenda of a body (the Apache board agenda tool's template, which
 * carries every unfinished action of the last minutes into the next
 * agenda): front matter naming the body, its terms of reference and the
 * date; the standing items councils and boards open with (apologies,
 * declarations of interest, the minutes of the last meeting to approve as a
 * correct record, the action log with every action still open as a
 * sub-item); a marked place for the business; and the closing items.
 *
 * Only what is known is written: the business items are the author's, so
 * the scaffold leaves a comment where they go rather than inventing any.
 * govmark reads the result back as the agenda it is (numbered items, the
 * previous minutes, the open actions), and the body's minutes written
 * later from it follow its items.
 */
import type { DocumentSummary } from '../workspace/summary.js';
import type { RegisterEntry } from '../workspace/register.js';
import { actionLines, bodyStem, htmlComment, longDate, yamlScalar, type Scaffold } from './text.js';

/** What the next agenda is written from. */
export interface AgendaScaffoldInput {
  /** The meeting's day, ISO (YYYY-MM-DD). */
  date: string;
  /** The body as its documents write it (`body:`), when known. */
  body?: string;
  /** The terms of reference in force on the day. */
  terms?: DocumentSummary;
  /** The body's last minutes before the day, put for approval. */
  previous?: DocumentSummary;
  /** The body's actions still open on the day: each becomes a sub-item of the action log. */
  openActions?: readonly RegisterEntry[];
}

/** The next agenda of a body (see the module comment). */
export function scaffoldAgenda(input: AgendaScaffoldInput): Scaffold {
  const { date, terms, previous } = input;
  const termsId = terms?.id;
  const body = input.body ?? terms?.body;
  const id = `${bodyStem(termsId, body)}-agenda-${date}`;
  const front = ['---', 'type: agenda', `id: ${id}`];
  if (body) front.push(`body: ${yamlScalar(body)}`);
  if (termsId) front.push(`terms: ${termsId}`);
  front.push(`date: ${date}`, 'status: draft', '---');

  const out = [...front, '', `# ${body ?? 'Meeting'} — Agenda, ${longDate(date)}`, ''];
  let n = 1;
  const item = (title: string, ...lines: string[]) => {
    out.push(`## ${n++}. ${title}`, '');
    if (lines.length > 0) out.push(...lines, '');
  };
  item('Apologies for absence', 'To receive apologies for absence and notice of substitutes.');
  item('Declarations of interest', 'To receive declarations of interest in any item on the agenda.');
  item(
    'Minutes of the previous meeting',
    previous?.date
      ? `To approve as a correct record the minutes of the meeting held on ${longDate(previous.date)}.`
      : 'To approve as a correct record the minutes of the previous meeting.',
  );
  const open = input.openActions ?? [];
  item('Action log', ...(open.length > 0 ? ['To report on the actions still open:', '', ...actionLines(open)] : ['No actions are open.']));
  out.push(htmlComment('Add each item of business here, e.g. "## 5. Annual report — Report of the Director of Public Health (Pages 11 - 30)".'), '');
  item('Urgent business', 'Any other item the Chair agrees is urgent.');
  item('Date of next meeting');
  return { fileName: `${id}.md`, text: out.join('\n') };
}
