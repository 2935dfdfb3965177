/**
 * `govmark actions [paths…] [--open] [--body B] [--format table|csv|json]`:
 * the action register across meetings. Each action of each body's minutes,
 * followed to the body's later meetings: reported done, carried forward,
 * dropped, or not reported; overdue by its due date and the meetings that
 * still had it open; and the draft minutes no later minutes approve.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentSummary } from '../../core/workspace/summary.js';
import { createIndex, summarize } from '../../core/workspace/summary.js';
import { bodyKey } from '../../core/workspace/in-force.js';
import { actionRegister, registerBodyOf, type RegisterEntry, type RegisterEvent } from '../../core/workspace/register.js';
import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { readDocuments, todayOption } from '../documents.js';
import { displayPath } from '../formatters/results.js';
import { csvRow } from '../formatters/csv.js';
import { EXIT_OK, type CliIO } from '../io.js';
import { writeOutput, CONFIG_OPTION, loadRunConfig, typeOption, TYPE_OPTION } from '../shared.js';

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const options: OptionSpecs = {
  open: { type: 'boolean', description: 'Only the actions still open (not reported done or dropped)' },
  body: { type: 'string', valueName: 'name', description: "Only this body's actions (as written in `body:`; case and spacing do not count)" },
  format: { type: 'string', short: 'f', choices: FORMATS, valueName: 'name', description: 'table (default), csv or json; csv and json keep the full text' },
  out: { type: 'string', short: 'o', valueName: 'file', description: 'Write to this file instead of stdout' },
  today: { type: 'string', valueName: 'YYYY-MM-DD', description: "The day open actions are judged overdue on; default: the config's today, else the real one" },
  config: CONFIG_OPTION,
  type: TYPE_OPTION,
};

export const actions: Command = {
  usage: 'govmark actions [options] [files, folders or globs...]',
  help: [
    'Prints the action register: every action in the minutes, with the',
    'meeting it was given at, its owner and due date, and what each later',
    'meeting of the same body (same `body:`, else the same folder, in date',
    'order) said of it: done, carried forward, dropped, or nothing. Overdue',
    'means a meeting after the due date still had it open, or it is open and',
    'the due date has passed. Draft minutes that no later minutes approve as',
    'a correct record are listed after the actions.',
    '',
    'Exit codes: 0 printed, 2 govmark could not run (bad arguments, unreadable path).',
  ].join('\n'),
  options,
  run,
};

/** One row of the register as printed: paths relative to the working folder, lines 1-based. */
interface Row {
  body: string;
  given: { file: string; line: number; date?: string };
  ref?: string;
  text: string;
  owner?: string;
  due?: string;
  status: RegisterEntry['status'];
  overdue?: { since: string; file?: string };
  history: { file: string; line?: number; date?: string; status: RegisterEvent['status']; by?: RegisterEvent['by']; text?: string }[];
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const out = typeof args.options.out === 'string' ? args.options.out : undefined;
  const format: Format = typeof args.options.format === 'string' ? (args.options.format as Format) : 'table';
  const loaded = await loadRunConfig(args, io);
  const type = typeOption(args, loaded.config);
  const today = todayOption(args, loaded.config.today);
  const { docs } = await readDocuments(args, io, loaded, type, { ...(out !== undefined ? { out } : {}), nothing: 'list' });
  const summaries = docs.map(summarize);
  const register = actionRegister(createIndex(summaries), today);
  const wanted = typeof args.options.body === 'string' ? bodyKey(args.options.body) : undefined;
  const inBody = (s: { body?: string }) => wanted === undefined || (s.body !== undefined && bodyKey(s.body) === wanted);
  const file = (uri: string) => displayPath(uri.startsWith('file:') ? fileURLToPath(uri) : uri, io.cwd);
  const rows: Row[] = register.entries
    .filter((e) => inBody(e) && (args.options.open !== true || e.status === 'open'))
    .map((e) => rowOf(e, file));
  const unapproved = register.unapproved.filter((s) => inBody(s)).map((s) => ({ file: file(s.uri), line: (s.statusRange ?? s.anchor).start.line, ...(s.date ? { date: s.date } : {}), status: s.status!, ...(nextMeeting(s, register.meetings) ?? {}) }));
  const output =
    format === 'json'
      ? JSON.stringify({ today, actions: rows, unapproved }, null, 2) + '\n'
      : format === 'csv'
        ? csvOf(rows)
        : tableOf(rows, unapproved, today, docs.length);
  if (out === undefined) io.stdout.write(output);
  else await writeOutput(resolve(io.cwd, out), out, output);
  return EXIT_OK;
}

function nextMeeting(s: DocumentSummary, meetings: Map<string, { uri: string; date?: string }[]>): { nextMeeting: string } | undefined {
  const list = meetings.get(registerBodyOf(s).key) ?? [];
  const next = s.date !== undefined ? list.find((m) => m.uri !== s.uri && m.date !== undefined && m.date > s.date!) : undefined;
  return next?.date ? { nextMeeting: next.date } : undefined;
}

function rowOf(e: RegisterEntry, file: (uri: string) => string): Row {
  const row: Row = {
    body: e.body,
    given: { file: file(e.given.uri), line: e.given.range.start.line, ...(e.given.date ? { date: e.given.date } : {}) },
    text: e.text,
    status: e.status,
    history: e.history.map((h) => ({
      file: file(h.uri),
      ...(h.range ? { line: h.range.start.line } : {}),
      ...(h.date ? { date: h.date } : {}),
      status: h.status,
      ...(h.by ? { by: h.by } : {}),
      ...(h.text ? { text: h.text } : {}),
    })),
  };
  if (e.ref) row.ref = e.ref;
  if (e.owner) row.owner = e.owner;
  if (e.due) row.due = e.due.text;
  if (e.overdue) row.overdue = { since: e.overdue.since, ...(e.overdue.uri ? { file: file(e.overdue.uri) } : {}) };
  return row;
}

const SAID: Record<RegisterEvent['status'], string> = {
  open: 'still open',
  done: 'done',
  carried: 'carried forward',
  dropped: 'dropped',
  reported: 'reported on',
  'not-reported': 'not reported',
};

/** What the last meeting said, in words: "2020-12-11 carried forward (minutes.md:22)". */
function lastSaid(r: Row): string {
  const h = r.history[r.history.length - 1];
  if (!h) return '';
  return `${h.date ?? ''} ${SAID[h.status]}`.trim();
}

function statusOf(r: Row): string {
  return r.overdue && r.status === 'open' ? 'open, overdue' : r.status;
}

function csvOf(rows: Row[]): string {
  const head = ['body', 'given', 'file', 'line', 'ref', 'action', 'owner', 'due', 'status', 'overdue since', 'last reported', 'history'];
  const lines = [csvRow(head)];
  for (const r of rows) {
    const history = r.history.map((h) => `${h.date ?? '?'} ${SAID[h.status]}`).join('; ');
    lines.push(csvRow([r.body, r.given.date ?? '', r.given.file, String(r.given.line), r.ref ?? '', r.text, r.owner ?? '', r.due ?? '', r.status, r.overdue?.since ?? '', lastSaid(r), history]));
  }
  return lines.join('\r\n') + '\r\n';
}

const WIDTH = { text: 56, owner: 28 };
const cut = (t: string, n: number) => (t.length > n ? t.slice(0, n - 1) + '…' : t);

function tableOf(rows: Row[], unapproved: { file: string; line: number; date?: string; status: string; nextMeeting?: string }[], today: string, documents: number): string {
  const out: string[] = [];
  if (rows.length === 0) out.push(documents === 0 ? 'No governance documents found.' : 'No actions found in the minutes.');
  const bodies = new Map<string, Row[]>();
  for (const r of rows) {
    const list = bodies.get(r.body);
    if (list) list.push(r);
    else bodies.set(r.body, [r]);
  }
  for (const [body, list] of bodies) {
    const open = list.filter((r) => r.status === 'open').length;
    const overdue = list.filter((r) => r.status === 'open' && r.overdue).length;
    out.push(`${body}: ${list.length} action${list.length === 1 ? '' : 's'}, ${open} open${overdue ? `, ${overdue} overdue on ${today}` : ''}`);
    const cells = list.map((r) => [r.given.date ?? '', r.ref ?? '', cut(r.text, WIDTH.text), cut(r.owner ?? '', WIDTH.owner), r.due ?? '', statusOf(r), lastSaid(r), `${r.given.file}:${r.given.line}`]);
    const head = ['Given', 'Minute', 'Action', 'Owner', 'Due', 'Status', 'Last reported', 'Where'];
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]) => '  ' + c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join('  ').trimEnd();
    out.push(line(head));
    for (const c of cells) out.push(line(c));
    out.push('');
  }
  if (unapproved.length > 0) {
    out.push(`Draft minutes not approved by later minutes: ${unapproved.length}`);
    for (const u of unapproved) out.push(`  ${u.file}:${u.line}  ${u.date ?? 'no date'}  status: ${u.status}${u.nextMeeting ? `  (next meeting ${u.nextMeeting})` : ''}`);
    out.push('');
  }
  if (rows.some((r) => r.text.length > WIDTH.text || (r.owner?.length ?? 0) > WIDTH.owner)) out.push('Long text is shortened here; --format csv or json keeps all of it.');
  return out.join('\n').replace(/\n*$/, '\n');
}
