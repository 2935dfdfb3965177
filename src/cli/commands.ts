/**
 * The command table: name → one line of help and the module that handles it,
 * loaded only when the command runs. Adding a command is one entry here and
 * one file in commands/ exporting a `Command`.
 */
import type { Command } from './command.js';

export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  validate: {
    summary: 'Check governance documents: files, folders or globs (default: this folder)',
    load: async () => (await import('./commands/validate.js')).validate,
  },
  inspect: {
    summary: 'Print the model govmark reads from each file, as JSON',
    load: async () => (await import('./commands/inspect.js')).inspect,
  },
  init: {
    summary: 'Scan a repository: what kinds of governance documents it holds, and a govmark.config.json to edit',
    load: async () => (await import('./commands/init.js')).init,
  },
  rules: {
    summary: 'List the rules with their default severities',
    load: async () => (await import('./commands/rules.js')).rules,
  },
  actions: {
    summary: 'Print the action register across meetings: done, carried forward, dropped, not reported, overdue',
    load: async () => (await import('./commands/actions.js')).actions,
  },
  'as-at': {
    summary: 'Print what governed a body on a day: the terms of reference in force, their quorum and members, open actions',
    load: async () => (await import('./commands/as-at.js')).asAt,
  },
  new: {
    summary: "Write a body's next minutes: members to tick, the last minutes to approve, open actions under matters arising",
    load: async () => (await import('./commands/new.js')).newCommand,
  },
  export: {
    summary: 'Export the documents as Popolo JSON, Akoma Ntoso XML, iCalendar or CSV, each item with its file and line',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  import: {
    summary: 'Import plain-text, Word and PDF papers (an agenda pack) as govmark documents, with a report of what to review',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  timeline: { summary: 'Draw the timeline of the documents (milestones, meetings, actions, reviews) as HTML or SVG', load: async () => (await import('./commands/timeline.js')).timeline },
};
