/**
 * `govmark as-at --date D [--body B] [paths…] [--format text|json]`: what
 * governed a body on a day, the question a clerk or an auditor asks of a
 * meeting: the terms of reference in force then (followed along
 * `supersedes`), their quorum and membership seat by seat (who held each,
 * which were vacant), the body's meetings up to the day and the actions still
 * open on it. The library's `Workspace.asAt`, over files on disk.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GovDocument, Seat } from '../../core/model.js';
import { quorumNeeded } from '../../core/read/phrases/numbers.js';
import { rangeOf } from '../../core/source-map.js';
import { bodyKey, candidatesInForce, inForceFrom, termsInForceOn } from '../../core/workspace/in-force.js';
import { createIndex, summarize, type DocumentSummary, type WorkspaceIndex } from '../../core/workspace/summary.js';
import { minutesOfBody, openActionsOn } from '../../core/workspace/workspace.js';
import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { readDocuments } from '../documents.js';
import { displayPath } from '../formatters/results.js';
import { EXIT_OK, UsageError, type CliIO } from '../io.js';
import { writeOutput, CONFIG_OPTION, loadRunConfig, typeOption, TYPE_OPTION } from '../shared.js';
import { isValidCalendarDate } from '../../core/dates/index.js';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

const options: OptionSpecs = {
  date: { type: 'string', short: 'd', valueName: 'YYYY-MM-DD', description: 'The day asked about (required)' },
  body: { type: 'string', valueName: 'name', description: 'The body (as written in `body:`; case and spacing do not count); may be left out when the documents have one body' },
  format: { type: 'string', short: 'f', choices: FORMATS, valueName: 'name', description: 'text (default) or json' },
  out: { type: 'string', short: 'o', valueName: 'file', description: 'Write to this file instead of stdout' },
  config: CONFIG_OPTION,
  type: TYPE_OPTION,
};

export const asAt: Command = {
  usage: 'govmark as-at --date YYYY-MM-DD [--body NAME] [options] [files, folders or globs...]',
  help: [
    'Prints what governed a body on a day: the terms of reference in force',
    '(the ones adopted or effective by then and not yet superseded or',
    'expired), their quorum and membership seat by seat (who held each seat,',
    'which were vacant), the minutes of the body up to the day, and the',
    'actions still open on it (given at a meeting by then, not reported done',
    'or dropped), with those overdue on the day.',
    '',
    'Exit codes: 0 printed, 2 govmark could not run (bad arguments, unreadable path).',
  ].join('\n'),
  options,
  run,
};

interface SeatRow {
  seat: string;
  organization?: string;
  count: number;
  holder?: string;
  vacant?: true;
  statutory?: true;
  voting: boolean;
  line?: number;
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const date = typeof args.options.date === 'string' ? args.options.date : undefined;
  if (date === undefined) throw new UsageError("option '--date' is required: the day asked about, written YYYY-MM-DD");
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new UsageError(`option '--date' must be a date written YYYY-MM-DD, not '${date}'`);
  const out = typeof args.options.out === 'string' ? args.options.out : undefined;
  const format: Format = typeof args.options.format === 'string' ? (args.options.format as Format) : 'text';
  const loaded = await loadRunConfig(args, io);
  const type = typeOption(args, loaded.config);
  const { docs } = await readDocuments(args, io, loaded, type, { ...(out !== undefined ? { out } : {}), nothing: 'list' });
  const summaries = docs.map(summarize);
  const body = bodyOption(args, summaries);
  const index = createIndex(summaries);
  const file = (uri: string) => displayPath(uri.startsWith('file:') ? fileURLToPath(uri) : uri, io.cwd);
  const { terms } = termsInForceOn(index, { date, body });
  const termsDoc = terms ? docs.find((d) => d.uri === terms.uri) : undefined;
  const seats = termsDoc ? seatRows(termsDoc) : [];
  const key = bodyKey(body);
  const meetings = minutesOfBody(index.all(), key).filter((s) => s.date! <= date);
  const open = openActionsOn(index, date, key);
  const result = {
    date,
    body,
    ...(terms ? { terms: termsRow(terms, file) } : {}),
    ...(terms?.quorum ? { quorum: quorumRow(terms.quorum, terms.votingSeats) } : {}),
    seats,
    meetings: meetings.map((s) => ({ date: s.date!, file: file(s.uri), line: (s.titleRange ?? s.anchor).start.line, ...(s.status ? { status: s.status } : {}) })),
    openActions: open.map((e) => ({
      given: { date: e.given.date, file: file(e.given.uri), line: e.given.range.start.line },
      ...(e.ref ? { ref: e.ref } : {}),
      text: e.text,
      ...(e.owner ? { owner: e.owner } : {}),
      ...(e.due ? { due: e.due.text } : {}),
      ...(e.overdue ? { overdueSince: e.overdue.since } : {}),
    })),
    ...(terms ? {} : { why: noTermsReason(index, body, date) }),
  };
  const output = format === 'json' ? JSON.stringify(result, null, 2) + '\n' : textOf(result);
  if (out === undefined) io.stdout.write(output);
  else await writeOutput(resolve(io.cwd, out), out, output);
  return EXIT_OK;
}

/** `--body`, or the one body the documents have; a clear error otherwise, naming the bodies found. */
function bodyOption(args: ParsedArgs, summaries: readonly DocumentSummary[]): string {
  if (typeof args.options.body === 'string' && args.options.body.trim() !== '') return args.options.body.trim();
  const bodies = new Map<string, string>();
  for (const s of summaries) if (s.body !== undefined && s.body.trim() !== '') bodies.set(bodyKey(s.body), s.body.trim());
  if (bodies.size === 1) return [...bodies.values()][0];
  if (bodies.size === 0) throw new UsageError("option '--body' is required: no document here says which body it belongs to (`body:`)");
  const names = [...bodies.values()].sort();
  throw new UsageError(`option '--body' is required: the documents belong to ${names.length} bodies (${names.slice(0, 5).map((n) => `'${n}'`).join(', ')}${names.length > 5 ? ', …' : ''})`);
}

function quorumRow(quorum: NonNullable<DocumentSummary['quorum']>, votingSeats: DocumentSummary['votingSeats']) {
  const needed = quorumNeeded(quorum, votingSeats);
  return { text: quorum.text, ...(needed !== undefined ? { needed } : {}), line: quorum.range.start.line };
}

function termsRow(t: DocumentSummary, file: (uri: string) => string) {
  return {
    ...(t.id !== undefined ? { id: t.id } : {}),
    ...(t.title !== undefined ? { title: t.title } : {}),
    file: file(t.uri),
    line: (t.titleRange ?? t.anchor).start.line,
    ...(inForceFrom(t) !== undefined ? { from: inForceFrom(t) } : {}),
    ...(t.expires !== undefined ? { expires: t.expires } : {}),
    ...(t.status !== undefined ? { status: t.status } : {}),
  };
}

function seatRows(doc: GovDocument): SeatRow[] {
  const seats: Seat[] = doc.data.content.seats ?? [];
  return seats.map((s, i) => {
    const line = rangeOf(doc, `/content/seats/${i}`)?.start.line;
    return {
      seat: s.label,
      ...(s.organization ? { organization: s.organization } : {}),
      count: s.count,
      ...(s.holder ? { holder: s.holder } : {}),
      ...(s.vacant ? { vacant: true as const } : {}),
      ...(s.statutory ? { statutory: true as const } : {}),
      voting: s.voting !== false,
      ...(line !== undefined ? { line } : {}),
    };
  });
}

/** Why no terms are in force: none of the body, none adopted yet, all expired, several at once. */
function noTermsReason(index: WorkspaceIndex, body: string, date: string): string {
  const key = bodyKey(body);
  const mine = index.all().filter((s) => s.type === 'terms-of-reference' && s.body !== undefined && bodyKey(s.body) === key);
  if (mine.length === 0) return 'no terms of reference of this body were found (terms of reference are matched by `body:`)';
  const dated = mine.filter((s) => inForceFrom(s) !== undefined);
  if (dated.length === 0) return `the ${mine.length === 1 ? 'terms of reference of this body do' : `${mine.length} sets of terms of reference of this body do`} not say when they were adopted (\`adopted:\` or \`effective:\`)`;
  if (dated.every((s) => inForceFrom(s)! > date)) return `the earliest terms of reference of this body came into force on ${dated.map((s) => inForceFrom(s)!).sort()[0]}`;
  if (candidatesInForce(index, body, date).length > 1) return 'several sets of terms of reference of this body were in force on the day and none supersedes the others (`supersedes:`)';
  const expired = dated.filter((s) => s.expires !== undefined && s.expires < date).map((s) => s.expires!).sort();
  return expired.length > 0
    ? `the terms of reference of this body expired on ${expired[expired.length - 1]} and none in force after them were found`
    : 'none of the terms of reference of this body was in force on the day';
}

type Result = {
  date: string;
  body: string;
  terms?: ReturnType<typeof termsRow>;
  quorum?: { text: string; needed?: number; line: number };
  seats: SeatRow[];
  meetings: { date: string; file: string; line: number; status?: string }[];
  openActions: { given: { date?: string; file: string; line: number }; ref?: string; text: string; owner?: string; due?: string; overdueSince?: string }[];
  why?: string;
};

function textOf(r: Result): string {
  const out: string[] = [`${r.body} on ${r.date}`, ''];
  if (r.terms) {
    const t = r.terms;
    out.push(`Terms of reference in force: ${t.id ?? t.title ?? t.file} (${t.file}:${t.line})${t.from ? `, in force from ${t.from}` : ''}${t.expires ? ` until ${t.expires}` : ''}${t.status ? `, status ${t.status}` : ''}`);
    if (r.quorum) out.push(`Quorum: ${r.quorum.text}${r.quorum.needed !== undefined && String(r.quorum.needed) !== r.quorum.text ? ` (${r.quorum.needed} members)` : ''}`);
    if (r.seats.length > 0) {
      const voting = r.seats.filter((s) => s.voting).reduce((n, s) => n + s.count, 0);
      const vacant = r.seats.filter((s) => s.vacant).length;
      out.push(`Membership: ${r.seats.length} seat${r.seats.length === 1 ? '' : 's'}, ${voting} voting place${voting === 1 ? '' : 's'}${vacant ? `, ${vacant} vacant` : ''}`);
      for (const s of r.seats) {
        const who = s.vacant ? 'vacant' : (s.holder ?? '');
        const notes = [s.count > 1 ? `${s.count} places` : '', s.statutory ? 'statutory' : '', s.voting ? '' : 'non-voting'].filter(Boolean).join(', ');
        out.push(`  ${s.seat}${s.organization ? ` (${s.organization})` : ''}${who ? `: ${who}` : ''}${notes ? `  [${notes}]` : ''}`);
      }
    } else out.push('Membership: not listed in these terms of reference');
  } else out.push(`No terms of reference in force: ${r.why}.`);
  out.push('');
  const last = r.meetings[r.meetings.length - 1];
  out.push(r.meetings.length === 0 ? 'Meetings up to the day: none found' : `Meetings up to the day: ${r.meetings.length}, the last on ${last.date} (${last.file}:${last.line}${last.status ? `, ${last.status}` : ''})`);
  const overdue = r.openActions.filter((a) => a.overdueSince !== undefined).length;
  out.push(`Open actions: ${r.openActions.length}${overdue ? `, ${overdue} overdue` : ''}`);
  for (const a of r.openActions) {
    out.push(`  ${a.given.date ?? '?'}${a.ref ? ` ${a.ref}` : ''}  ${a.text}${a.owner ? ` — ${a.owner}` : ''}${a.due ? `, due ${a.due}` : ''}${a.overdueSince ? `, overdue since ${a.overdueSince}` : ''}  (${a.given.file}:${a.given.line})`);
  }
  return out.join('\n') + '\n';
}
