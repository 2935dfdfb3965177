/**
 * `govmark new minutes|agenda --body B --date D [paths…]`: writes the body's
 * next minutes or agenda from what the repository knows on that day (the
 * terms of reference in force, their seats and quorum, the last minutes to
 * approve, the actions still open, the meeting's agenda), as the editor's
 * New Document does. Nothing is overwritten: an existing file is an error
 * unless `--force`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isValidCalendarDate } from '../../core/dates/index.js';
import { agendaOfMeeting } from '../../core/rules/agenda-minuted.js';
import { scaffoldAgenda } from '../../core/scaffold/agenda.js';
import { scaffoldMinutes } from '../../core/scaffold/minutes.js';
import { bodyKey, termsInForceOn } from '../../core/workspace/in-force.js';
import { createIndex, summarize } from '../../core/workspace/summary.js';
import { minutesOfBody, openActionsOn } from '../../core/workspace/workspace.js';
import type { OptionSpecs, ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { readDocuments, todayOption } from '../documents.js';
import { displayPath } from '../formatters/results.js';
import { EXIT_OK, UsageError, type CliIO } from '../io.js';
import { CONFIG_OPTION, loadRunConfig, writeOutput } from '../shared.js';

const KINDS = ['minutes', 'agenda'] as const;

const options: OptionSpecs = {
  body: { type: 'string', valueName: 'name', description: 'The body the meeting is of, as its documents write `body:` (case and spacing do not count)' },
  date: { type: 'string', valueName: 'YYYY-MM-DD', description: "The meeting's day (default: today)" },
  out: { type: 'string', short: 'o', valueName: 'file', description: 'Write here instead of <body>-<minutes|agenda>-<date>.md in this folder; `-` prints it' },
  force: { type: 'boolean', description: 'Overwrite the file if it exists' },
  config: CONFIG_OPTION,
};

export const newCommand: Command = {
  usage: 'govmark new minutes|agenda --body NAME [--date YYYY-MM-DD] [options] [files, folders or globs...]',
  help: [
    "Writes a body's next minutes or agenda from the documents found in the paths (default: this",
    'folder).',
    'minutes: the terms of reference in force on the date (their seats as an attendance checklist,',
    'the quorum), the approval of the last minutes before the date, every action still open under',
    "Matters arising with the minute it was given under, and the usual closing items; when the",
    "meeting's agenda is there (type: agenda, same body and date), its items in its order.",
    'agenda: the standing items (apologies, declarations of interest, the last minutes to approve,',
    'the action log with every open action), a place for the business, urgent business.',
    'The file is <body>-<kind>-<date>.md in this folder unless --out says otherwise; an existing',
    'file is never overwritten without --force.',
    '',
    'Exit codes: 0 written, 2 govmark could not run (bad arguments, unreadable path, file exists).',
  ].join('\n'),
  options,
  run,
};

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const [kind, ...paths] = args.positionals;
  if (kind === undefined) throw new UsageError(`say what to write: govmark new ${KINDS.join('|')} --body NAME`);
  if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`govmark new writes ${KINDS.join(', ')}, not '${kind}'`);
  const body = typeof args.options.body === 'string' ? args.options.body.trim() : '';
  if (body === '') throw new UsageError("option '--body' is needed: the body the meeting is of, as its documents write `body:`");
  const loaded = await loadRunConfig(args, io);
  const date = typeof args.options.date === 'string' ? args.options.date : todayOption(args, loaded.config.today);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new UsageError(`option '--date' must be a date written YYYY-MM-DD, not '${date}'`);

  const { docs } = await readDocuments({ ...args, positionals: paths }, io, loaded, undefined, { nothing: 'write the minutes from' });
  const wanted = bodyKey(body);
  // What was known before the meeting: not these minutes (a draft written earlier) nor later ones.
  const all = docs.map(summarize);
  const summaries = all.filter((s) => !((s.type === 'minutes' || s.type === kind) && s.body !== undefined && bodyKey(s.body) === wanted && s.date !== undefined && s.date >= date));
  const index = createIndex(summaries);
  const { terms } = termsInForceOn(index, { date, body });
  const termsDoc = terms ? docs.find((d) => d.uri === terms.uri) : undefined;
  const previous = minutesOfBody(summaries, wanted).pop();
  // The body as its documents write it, not as typed on the command line.
  const written = terms?.body ?? previous?.body ?? body;
  const open = openActionsOn(index, date, wanted);
  // The meeting's own agenda, written before it.
  const agenda = kind === 'minutes' ? agendaOfMeeting(all, date, wanted) : undefined;
  const scaffold =
    kind === 'agenda'
      ? scaffoldAgenda({ date, body: written, ...(terms ? { terms } : {}), ...(previous ? { previous } : {}), openActions: open })
      : scaffoldMinutes({
          date,
          body: written,
          ...(terms ? { terms: { summary: terms, seats: termsDoc?.data.content.seats ?? [] } } : {}),
          ...(previous ? { previous } : {}),
          ...(agenda ? { agenda } : {}),
          openActions: open,
        });

  const out = typeof args.options.out === 'string' ? args.options.out : scaffold.fileName;
  if (out === '-') {
    io.stdout.write(scaffold.text);
    return EXIT_OK;
  }
  const target = resolve(io.cwd, out);
  const shown = displayPath(target, io.cwd);
  if (existsSync(target) && args.options.force !== true) throw new UsageError(`'${shown}' exists: choose another --out, or add --force to overwrite it`);
  await writeOutput(target, shown, scaffold.text);
  const found = [
    terms ? `terms of reference ${terms.id ?? terms.title ?? 'without an id'}` : 'no terms of reference in force',
    previous ? `the minutes of ${previous.date}` : 'no earlier minutes',
    `${open.length} open action${open.length === 1 ? '' : 's'}`,
    ...(agenda ? [`the agenda ${agenda.id ?? agenda.title ?? ''}`.trimEnd()] : []),
  ];
  io.stderr.write(`govmark: wrote ${shown} for ${written}, ${date} (from ${found.join(', ')})\n`);
  return EXIT_OK;
}
