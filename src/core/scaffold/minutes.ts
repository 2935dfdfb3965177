/**
 * The next minutes of a body, written before the meeting (the Apache board
 * agenda tool's "carry the open actions into the next agenda", for
 * minutes): front matter naming the body, its terms of reference and the
 * date; the quorum those terms set; the seats as an attendance checklist;
 * the approval of the previous minutes; every action still open under
 * Matters arising, with the minute it was given under; and the usual
 * closing items. When the meeting has an agenda, the minutes name it
 * (`agenda:`) and take its items in its order, so that `agenda-minuted`
 * holds from the start.
 *
 * What is written is only what is known: seat labels stay in HTML comments
 * (an unfilled line counts nobody as present), and the only decision
 * written in advance is the approval of the last minutes, which the author
 * deletes if the meeting did not agree it. The result gives no diagnostic
 * of its own before the author types.
 */
import type { Seat } from '../model.js';
import { quorumNeeded } from '../read/phrases/numbers.js';
import { normaliseHeading } from '../read/phrases/text.js';
import { isReportHeading } from '../read/reports.js';
import { minutedByAttendance } from '../rules/agenda-minuted.js';
import type { DocumentSummary } from '../workspace/summary.js';
import type { RegisterEntry } from '../workspace/register.js';
import { actionLines, bodyStem, htmlComment, line, longDate, yamlScalar, type Scaffold } from './text.js';

export type { Scaffold } from './text.js';

/** What the next minutes are written from. */
export interface MinutesScaffoldInput {
  /** The meeting's day, ISO (YYYY-MM-DD). */
  date: string;
  /** The body as its documents write it (`body:`), when known. */
  body?: string;
  /** The terms of reference in force on the day, and their seats. */
  terms?: { summary: DocumentSummary; seats: readonly Seat[] };
  /** The body's last minutes before the day. */
  previous?: DocumentSummary;
  /** The body's actions still open on the day (`Workspace.asAt(date, body).openActions`). */
  openActions?: readonly RegisterEntry[];
  /** The meeting's agenda: the minutes take its items, in its order, and name it (`agenda:`). */
  agenda?: DocumentSummary;
}

const MAX_SEAT_LINES = 60;
const MAX_ACTIONS = 200;
/** The agenda item the approval of the last minutes goes under. */
const MINUTES_ITEM = /\bminutes\b/i;

/** The next minutes of a body (see the module comment). */
export function scaffoldMinutes(input: MinutesScaffoldInput): Scaffold {
  const { date } = input;
  const terms = input.terms?.summary;
  const termsId = terms?.id;
  const body = input.body ?? terms?.body;
  const stem = bodyStem(termsId, body);
  const id = `${stem}-minutes-${date}`;
  const front = ['---', 'type: minutes', `id: ${id}`];
  if (body) front.push(`body: ${yamlScalar(body)}`);
  if (termsId) front.push(`terms: ${termsId}`);
  if (input.agenda?.id) front.push(`agenda: ${input.agenda.id}`);
  front.push(`date: ${date}`, 'status: draft', '---');

  const out = [...front, '', `# ${body ?? 'Meeting'} — ${longDate(date)}`, ''];
  if (terms?.quorum) {
    const needed = quorumNeeded(terms.quorum, terms.votingSeats);
    const stated = terms.quorum.text;
    out.push(htmlComment(`Quorum under ${termsId ?? 'the terms of reference'}: ${needed !== undefined ? `${needed} voting members present` : stated}${needed !== undefined && stated !== String(needed) ? ` (stated as: ${stated})` : ''}.`), '');
  }
  out.push('## Present', '');
  const seats = input.terms?.seats ?? [];
  if (seats.length > 0) {
    out.push(htmlComment(`Write each member present before the seat they hold, e.g. "- Councillor J. Slater (Chair)". Seats under ${termsId ?? 'the terms of reference'}:`));
    let lines = 0;
    for (const seat of seats) {
      for (let k = 0; k < Math.max(1, seat.count) && lines < MAX_SEAT_LINES; k++, lines++) {
        const label = `${seat.label}${seat.organization ? `, ${seat.organization}` : ''}${seat.voting === false ? ' (non-voting)' : ''}${seat.holder ? `: ${seat.holder}` : ''}`;
        out.push(`- ${htmlComment(label)}`);
      }
    }
  } else out.push('- ');
  out.push('', '## In attendance', '', '- ', '', '## Apologies', '', '- ', '');

  const prev = input.previous;
  const approval = prev?.date
    ? `RESOLVED: That the minutes of the meeting held on ${longDate(prev.date)} be agreed as a correct record.`
    : 'RESOLVED: That the minutes of the previous meeting be agreed as a correct record.';
  const open = input.openActions ?? [];
  const arising = open.length > 0
    ? [htmlComment('Actions still open: tick each one done, or say what became of it (carried forward, no longer required).'), '', ...actionLines(open, MAX_ACTIONS)]
    : ['None.'];

  // The minutes follow the agenda when there is one: its items in its order, the standing ones filled in.
  const items: { title: string; lines: string[] }[] = [];
  const agendaItems = (input.agenda?.agenda ?? []).filter((e) => e.parent === undefined && e.withdrawn !== true);
  let approved = false;
  let reported = false;
  for (const e of agendaItems) {
    const title = line(e.title);
    // Minuted by the Present and Apologies sections above, as agenda-minuted reads them.
    if (minutedByAttendance(e.title)) continue;
    if (!approved && MINUTES_ITEM.test(title)) {
      approved = true;
      items.push({ title, lines: [approval] });
    } else if (!reported && isReportHeading(normaliseHeading(title))) {
      // Where the reports reader reads the ticked boxes as reports on the open actions.
      reported = true;
      items.push({ title, lines: arising });
    } else items.push({ title, lines: [] });
  }
  if (agendaItems.length === 0) items.push({ title: 'Any other business', lines: [] }, { title: 'Date of next meeting', lines: [] });
  // An agenda without them still gets the standing items first: the last minutes' approval and the open actions.
  if (!reported) items.unshift({ title: 'Matters arising', lines: arising });
  if (!approved) items.unshift({ title: 'Minutes of the previous meeting', lines: [approval] });

  items.forEach((it, i) => {
    out.push(`## ${i + 1}. ${it.title}`, '');
    if (it.lines.length > 0) out.push(...it.lines, '');
  });
  out.push('');
  return { fileName: `${id}.md`, text: out.join('\n') };
}
