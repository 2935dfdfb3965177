/**
 * Hover: on a front matter key or value, what the schema says of it (its
 * `markdownDescription`, the allowed values of an enum); on a date — in the
 * front matter, a milestone's, an action's due date — how govmark understood
 * it ("Q1 2022 → 1 Jan – 31 Mar 2022, quarter precision"); on `terms:` and
 * `supersedes:` the title of the document referred to.
 */
import { MarkupKind, type CancellationToken, type Hover } from 'vscode-languageserver/node';
import type { ResolvedConfig } from '../core/config.js';
import { describeFuzzyDate, parseFrontMatterDate } from '../core/dates/index.js';
import type { GovDocument } from '../core/model.js';
import { recognisedRange } from '../core/parse/parse.js';
import { knownTypes } from '../core/parse/parse.js';
import { schemaAtPointer, type SchemaObject } from '../core/schemas/index.js';
import type { Range } from '../core/text/range.js';
import type { WorkspaceIndex } from '../core/workspace/summary.js';
import { toLspRange } from './edge.js';
import { documentTypeSchema, frontMatterEntryAt, REFERENCE_KEYS, schemaFor, valueAt } from './front-matter.js';

/** Keys whose values are dates, whatever the schema (custom types included). */
const DATE_KEY = /^(date|review|adopted|effective|expires|next-review|due|deadline|period|start-date|end-date)$/;

export function hover(doc: GovDocument, offset: number, config: ResolvedConfig, index: WorkspaceIndex, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const fm = frontMatterHover(doc, offset, config, index);
  if (fm) return fm;
  const date = bodyDateHover(doc, offset);
  if (date) return date;
  const read = readHover(doc, offset);
  const kind = kindHover(doc, offset);
  if (!read || !kind) return read ?? kind;
  // The first line of a recognised document that is also a value read (its dated title is the meeting): both.
  const value = (h: Hover) => (h.contents as { value: string }).value;
  return { contents: { kind: MarkupKind.Markdown, value: `${value(kind)}\n\n---\n\n${value(read)}` }, range: kind.range };
}

/** What a pointer into the model is called, and how to describe the value, for the "read as" hover. */
const READ_AS: { pointer: RegExp; describe(doc: GovDocument, m: RegExpExecArray): (string | undefined)[] }[] = [
  {
    pointer: /^\/content\/resolutions\/(\d+)$/,
    describe: (doc, m) => {
      const r = doc.data.content.resolutions?.[Number(m[1])];
      if (!r) return [];
      const v = r.votes;
      const votes = v ? [v.yes !== undefined ? `${v.yes} for` : undefined, v.no !== undefined ? `${v.no} against` : undefined, v.abstain !== undefined ? `${v.abstain} abstaining` : undefined, v.unanimous ? 'unanimous' : undefined].filter(Boolean).join(', ') : undefined;
      return [
        `**Read as a decision**${r.identifier ? ` ${escapeMarkdown(r.identifier)}` : ''}${r.outcome ? `, ${r.outcome}` : ''}`,
        votes ? `Votes: ${votes}` : undefined,
        `From ${code(r.marker)}${r.item ? `, under agenda item ${escapeMarkdown(r.item)}` : ''}${meetingOf(doc, r.meeting)}`,
      ];
    },
  },
  {
    pointer: /^\/content\/actions\/(\d+)$/,
    describe: (doc, m) => {
      const a = doc.data.content.actions?.[Number(m[1])];
      if (!a) return [];
      const owners = a.owners ?? (a.owner ? [a.owner] : []);
      return [
        `**Read as an action**${owners.length > 0 ? ` for ${owners.map(escapeMarkdown).join(', ')}` : ', with no owner'}${a.due ? `, due ${describeFuzzyDate(a.due)}` : ''}`,
        a.resolution !== undefined ? `Directed by decision ${escapeMarkdown(doc.data.content.resolutions?.[a.resolution]?.identifier ?? String(a.resolution + 1))}${meetingOf(doc, a.meeting)}` : meetingOf(doc, a.meeting).replace(/^, /, '') || undefined,
      ];
    },
  },
  {
    pointer: /^\/content\/attendance\/(present|inAttendance|apologies)\/(\d+)$/,
    describe: (doc, m) => {
      const p = doc.data.content.attendance?.[m[1] as 'present']?.[Number(m[2])];
      if (!p) return [];
      const list = m[1] === 'present' ? 'present' : m[1] === 'inAttendance' ? 'in attendance' : 'apologies';
      const details = [p.honorificPrefix ? `title ${escapeMarkdown(p.honorificPrefix)}` : undefined, p.role ? `role ${escapeMarkdown(p.role)}` : undefined, p.affiliation ? escapeMarkdown(p.affiliation) : undefined, p.voting === false ? 'non-voting' : undefined].filter(Boolean);
      return [`**Read as ${list}:** ${escapeMarkdown(p.name)}`, details.length > 0 ? details.join(' · ') : undefined, m[1] === 'present' && p.voting !== false ? 'Counts towards the quorum.' : undefined];
    },
  },
  {
    pointer: /^\/content\/seats\/(\d+)$/,
    describe: (doc, m) => {
      const seat = doc.data.content.seats?.[Number(m[1])];
      if (!seat) return [];
      const details = [seat.organization ? `nominated by ${escapeMarkdown(seat.organization)}` : undefined, seat.statutory ? 'statutory' : undefined, seat.voting === false ? 'non-voting' : 'voting', seat.holder ? `held by ${escapeMarkdown(seat.holder)}` : undefined].filter(Boolean);
      return [`**Read as a seat:** ${seat.variable ? 'at least ' : ''}${seat.count} × ${escapeMarkdown(seat.label)}`, details.join(' · ')];
    },
  },
  { pointer: /^\/content\/functions\/(\d+)$/, describe: () => ['**Read as a function** of the body (what it does).'] },
  { pointer: /^\/content\/membershipNotes\/(\d+)$/, describe: () => ['**Read as a note on the membership**, not a seat: it is not counted.'] },
  {
    pointer: /^\/content\/quorum$/,
    describe: (doc) => {
      const q = doc.data.content.quorum;
      return q ? [`**Read as the quorum:** ${escapeMarkdown(q.text)}`] : [];
    },
  },
  {
    pointer: /^\/content\/meetings\/(\d+)$/,
    describe: (doc, m) => {
      const mt = doc.data.content.meetings?.[Number(m[1])];
      if (!mt) return [];
      const n = doc.data.content.meetings!.length;
      return [`**Read as a meeting**${n > 1 ? ` (${Number(m[1]) + 1} of ${n} in this file)` : ''}: ${describeFuzzyDate(mt.date)}${mt.time ? `, ${mt.time}${mt.timeZone ? ` ${escapeMarkdown(mt.timeZone)}` : ''}` : ''}`];
    },
  },
  {
    pointer: /^\/content\/milestones\/(\d+)$/,
    describe: (doc, m) => {
      const ms = doc.data.content.milestones?.[Number(m[1])];
      return ms ? [`**Read as a milestone:** ${describeFuzzyDate(ms.date)}${ms.status ? `, ${ms.status}` : ''}`] : [];
    },
  },
];

function meetingOf(doc: GovDocument, i: number | undefined): string {
  const mt = i === undefined ? undefined : doc.data.content.meetings?.[i];
  return mt ? `, at the meeting of ${describeFuzzyDate(mt.date)}` : '';
}

/**
 * Hover anywhere on a value govmark read from the body: what it was read as
 * (a decision and its outcome and votes, an action and its owners and due date,
 * a person and the list they are on, a seat…), so a reading is never a silent
 * guess. The innermost value under the cursor wins.
 */
function readHover(doc: GovDocument, offset: number): Hover | null {
  let best: { range: Range; parts: (string | undefined)[] } | undefined;
  for (const [pointer, entry] of doc.sourceMap) {
    const range = entry.range;
    if (!inside(range, offset)) continue;
    if (best && range.end.offset - range.start.offset >= best.range.end.offset - best.range.start.offset) continue;
    for (const r of READ_AS) {
      const m = r.pointer.exec(pointer);
      if (!m) continue;
      const parts = r.describe(doc, m);
      if (parts.length > 0) best = { range, parts };
      break;
    }
  }
  return best ? markdown(best.parts, best.range) : null;
}

/** On the first line of a document whose kind was recognised: what it was read as, and all the evidence. */
function kindHover(doc: GovDocument, offset: number): Hover | null {
  if (doc.typeSource !== 'inferred') return null;
  const range = recognisedRange(doc);
  if (offset < range.start.offset || offset > range.end.offset) return null;
  const evidence = (doc.typeInference?.evidence ?? []).filter((e) => e.weight !== 0).slice(0, 8);
  return markdown(
    [
      `**Read as ${code(doc.type)}** — recognised, not declared (no \`type:\` in the front matter).`,
      evidence.map((e) => `- ${e.weight > 0 ? '+' : ''}${e.weight} ${escapeMarkdown(e.reason)}${e.line !== undefined ? ` (line ${e.line})` : ''}`).join('\n'),
      `Add \`type: ${doc.type}\` to the front matter to make it explicit.`,
    ],
    range,
  );
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => '\\' + c);
}

function markdown(parts: (string | undefined)[], range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n') }, range: toLspRange(range) };
}

function code(v: unknown): string {
  return '`' + String(v).replace(/`/g, 'ˋ') + '`';
}

function frontMatterHover(doc: GovDocument, offset: number, config: ResolvedConfig, index: WorkspaceIndex): Hover | null {
  const at = frontMatterEntryAt(doc, offset);
  if (!at) return null;
  const { pointer, entry, onKey } = at;
  const tokens = pointer.split('/');
  const key = tokens[2];
  const last = tokens[tokens.length - 1];
  const isItem = /^\d+$/.test(last);
  const valueName = isItem ? tokens[tokens.length - 2] : last;
  const schema = schemaFor(doc.type, config);
  let node: SchemaObject | undefined = schema ? schemaAtPointer(schema, pointer) : undefined;
  if (!node && pointer === '/meta/type') node = documentTypeSchema();
  const value = valueAt(doc, pointer);
  const parts: (string | undefined)[] = [];

  if (node) {
    const title = typeof node.title === 'string' ? node.title : undefined;
    parts.push(title ? `**${title}** (${code(valueName)})` : code(valueName));
    const description = typeof node.markdownDescription === 'string' ? node.markdownDescription : typeof node.description === 'string' ? node.description : undefined;
    parts.push(description);
    const allowed = Array.isArray(node.enum) ? node.enum : undefined;
    if (allowed) {
      const i = !onKey ? allowed.indexOf(value) : -1;
      const descriptions = Array.isArray(node.markdownEnumDescriptions) ? node.markdownEnumDescriptions : [];
      if (i >= 0 && typeof descriptions[i] === 'string') parts.push(`${code(value)}: ${descriptions[i] as string}`);
      parts.push(`Allowed values: ${allowed.map(code).join(', ')}`);
    }
  }
  if (pointer === '/meta/type') parts.push(`Document types: ${knownTypes(config).map(code).join(', ')}`);

  if (!onKey && (typeof value === 'string' || typeof value === 'number' || value instanceof Date) && (DATE_KEY.test(valueName) || DATE_KEY.test(key) || /\bdate\b|period/i.test(String(node?.title ?? '')))) {
    const date = parseFrontMatterDate(value);
    if (date) parts.push(describeFuzzyDate(date));
  }

  if (!onKey && REFERENCE_KEYS.includes(key) && typeof value === 'string') {
    const targets = index.byId(value).filter((s) => s.uri !== doc.uri);
    if (targets.length === 0) parts.push(`No document in the workspace has the id ${code(value)}.`);
    for (const t of targets) {
      const file = decodeURIComponent(t.uri.slice(t.uri.lastIndexOf('/') + 1));
      parts.push(`→ **${t.title ?? value}**${t.type ? ` (${t.type})` : ''}${t.body ? `, ${t.body}` : ''} — ${file}`);
    }
  }
  if (parts.length === 0) return null;
  return markdown(parts, onKey && entry.keyRange ? entry.keyRange : entry.range);
}

function inside(r: Range, offset: number): boolean {
  return r.start.offset <= offset && offset <= r.end.offset;
}

function bodyDateHover(doc: GovDocument, offset: number): Hover | null {
  const { milestones = [], actions = [] } = doc.data.content;
  for (let i = 0; i < milestones.length; i++) {
    const range = doc.sourceMap.get(`/content/milestones/${i}/date`)?.range;
    if (range && inside(range, offset)) return markdown([describeFuzzyDate(milestones[i].date)], range);
  }
  for (let j = 0; j < actions.length; j++) {
    const due = actions[j].due;
    const range = doc.sourceMap.get(`/content/actions/${j}`)?.range;
    if (!due || !range || !inside(range, offset)) continue;
    // The due date is the last occurrence of its text in the action's item.
    const at = doc.text.slice(range.start.offset, range.end.offset).lastIndexOf(due.text);
    if (at < 0) continue;
    const dueRange = doc.lines.range(range.start.offset + at, range.start.offset + at + due.text.length);
    if (inside(dueRange, offset)) return markdown([`Due ${describeFuzzyDate(due)}`], dueRange);
  }
  return null;
}
