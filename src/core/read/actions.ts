/**
 * Reads actions: "Action: owner — text, due 2020-12-31", `- [ ] [Ivan] …`,
 * `AI Dims: …`, wherever they are (paragraphs, list items, clauses of a
 * decision); in minutes also the tasks written without a marker ("JB to poke
 * voting CPC reps", "CRob: I'll work on baseline …"), every task of an
 * Actions section, and the RESOLVED items that direct someone to act.
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Table } from 'mdast';
import { parseFuzzyDate } from '../dates/index.js';
import type { Action } from '../model.js';
import type { Range } from '../text/range.js';
import {
  aiMarker,
  assignedTasks,
  handleList,
  homeworkMarker,
  isImperativeLine,
  markedTasks,
  resolvedDirective,
  sectionTask,
  speakerNames,
  taskListTest,
  splitOwners,
  type NameTest,
  type TaskClause,
} from './phrases/actions.js';
import { actionText } from './phrases/markers.js';
import { checkboxStatus, statusWords, trailingStatus } from './phrases/status.js';
import { itemLead, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

/** Sections whose items are people, not tasks: the attendance reader reads them. */
const ATTENDANCE_KINDS = new Set(['present', 'in-attendance', 'apologies']);

const isDate = (s: string): boolean => {
  const d = parseFuzzyDate(s);
  return d !== undefined && d.precision !== 'unknown';
};

export const actions: Reader = {
  id: 'actions',
  description:
    'Actions with their owner(s) and due date: action markers, owner-tagged task-list items, items of an Actions section, tasks assigned in minutes ("JB to …", "CRob: I\'ll …") and RESOLVED items that direct someone.',
  applies: (r) => r.decisions,
  create(ctx) {
    ctx.b.content.actions = [];
    // Unmarked tasks are read in minutes only: a decision record's "we will" sentences are its decisions.
    const minutes = ctx.reading.attendance;
    const speakers = minutes ? speakerNames(ctx.text) : new Map<string, number>();
    // Names and name words of the attendees read so far, rebuilt only when the attendance grows.
    let attendeeWords = new Set<string>();
    let seen = -1;
    const attendee = (n: string): boolean => {
      const att = ctx.b.content.attendance;
      if (!att) return false;
      const people = [...(att.present ?? []), ...(att.inAttendance ?? []), ...(att.apologies ?? [])];
      if (people.length !== seen) {
        seen = people.length;
        attendeeWords = new Set(people.flatMap((p) => [p.name.toLowerCase(), ...p.name.toLowerCase().split(/\s+/)]));
      }
      return attendeeWords.has(n);
    };
    const norm = (name: string) => name.toLowerCase().replace(/^@|^\\?\[|\\?\]$/g, '');
    /** A name the minutes use for a person: a speaker label or an attendee. */
    const known: NameTest = (name) => speakers.has(norm(name)) || attendee(norm(name));
    /** For "Owner: Imperative" lines, a speaker label seen once is not enough ("CI Signal: Test failures"). */
    const strong: NameTest = (name) => (speakers.get(norm(name)) ?? 0) >= 2 || attendee(norm(name));
    // Whether a list is a task list is judged once per list, not once per item.
    let judged: { list: List; test: (item: ListItem) => NameTest } | undefined;
    const listTest = (list: List): ((item: ListItem) => NameTest) => {
      if (judged?.list === list) return judged.test;
      const byLine = taskListTest(list.children.slice(0, 200).map(itemLead), strong);
      const at = new Map(list.children.slice(0, 200).map((c, i) => [c, i]));
      const test = (item: ListItem) => {
        const i = at.get(item);
        return i === undefined ? strong : byLine(i);
      };
      judged = { list, test };
      return test;
    };
    // A list of people is flat: items nested under another item of an attendance section (the agenda that
    // follows the attendance table with no heading between) are notes of the meeting again.
    const unmarked = (): boolean => minutes && (!ATTENDANCE_KINDS.has(ctx.section?.kind ?? '') || ctx.depth >= 1);
    return {
      paragraph: (p) => {
        if (readAction(ctx, textOf(p), p, undefined, known)) return true;
        if (!unmarked()) return false;
        return readLines(ctx, p, known, strong);
      },
      listItem: (item, list) => {
        if (readAction(ctx, itemLead(item), item, undefined, known)) return true;
        if (!unmarked()) return false;
        const lead = itemLead(item);
        if (ctx.section?.kind === 'actions') {
          const t = sectionTask(lead, known, isDate);
          if (t) {
            add(ctx, t, item, undefined, rangeOfNode(item));
            return true;
          }
        }
        if (readHandles(ctx, item)) return true;
        // "- Lee: Update TSC charter …" beside other such items: a list of tasks.
        const imperative = isImperativeLine(lead) && list.children.filter((i) => isImperativeLine(itemLead(i))).length >= 2;
        const tasks = assignedTasks(lead, known, isDate, { imperative, strong: imperative ? listTest(list)(item) : strong });
        if (tasks.length === 0) return false;
        // A task in a discussion thread: the item's own line is read; the replies nested under it may hold more.
        const nested = item.children.some((c) => c.type === 'list');
        const range = nested ? rangeOfNode(item.children[0]) : rangeOfNode(item);
        for (const t of tasks) add(ctx, t, item, undefined, range);
        return nested ? 'lead' : true;
      },
      table: (t) => readActionPlan(ctx, t),
      end: () => readDirectives(ctx),
    };
  },
};

/**
 * Reads `text` (from `node`) as a marked action, adding it to the model:
 * true when it is one (or an outcome under an "Actions:" label, which is
 * read as no action). `resolution` is the index of the decision it belongs to.
 */
export function readAction(ctx: ReadContext, text: string, node: Nodes, resolution: number | undefined, known: NameTest = () => false): boolean {
  const { b } = ctx;
  if (!b.content.actions) return false;
  const a = actionText(text, isDate);
  const ai = a ? undefined : aiMarker(text) ?? homeworkMarker(text);
  if (!a && !ai) return false;
  const range = rangeOfNode(node);
  const body = a ? a.text : ai!.rest.replace(/\s+/g, ' ');
  const owner = a ? a.owner : ai!.owner;
  if (ai && body === '' && !owner) return false;
  // "Actions: MD will work on …. EA will make an issue …": one action per task; "Actions: PR landed" is none.
  const split = owner === undefined && body !== '' ? markedTasks(body, known, isDate) : 'whole';
  if (split === 'outcome') return true;
  if (split !== 'whole') {
    for (const t of split) add(ctx, { ...t, due: t.due ?? a?.due }, node, resolution, range);
    return true;
  }
  // "2. That the report be circulated. - Action: Programme Director": the decision is the task, the name its owner.
  const decided = resolution !== undefined ? b.content.resolutions?.[resolution]?.text : undefined;
  if (decided && (body === '' || (owner === undefined && NAME_ONLY.test(body)))) {
    add(ctx, { text: decided, ...ownerFields(owner ?? body), due: a?.due, start: 0, end: text.length }, node, resolution, range);
    return true;
  }
  add(ctx, { text: body, ...ownerFields(owner), due: a?.due, start: 0, end: text.length }, node, resolution, range);
  return true;
}

/** A name or a post and nothing else: "Governance Officer", "Health & Social Care Programme Director", "J. Slater". */
const NAME_ONLY = /^(?:(?:[A-Z][\w.'’-]*|&|and|of|the|for)\s+){0,7}[A-Z][\w.'’-]*$/;

function ownerFields(owner: string | undefined): Pick<TaskClause, 'owner' | 'owners'> {
  if (!owner) return {};
  const list = splitOwners(owner);
  return list.length > 1 ? { owner, owners: list } : { owner };
}

function add(ctx: ReadContext, t: TaskClause, node: Nodes, resolution: number | undefined, range: Range | undefined): void {
  const { b } = ctx;
  const list = b.content.actions!;
  const i = list.length;
  const action: Action = { text: t.text };
  if (t.owner) action.owner = t.owner;
  if (t.owners && t.owners.length > 1) action.owners = t.owners;
  if (t.due) {
    const due = parseFuzzyDate(t.due);
    if (due) {
      action.due = due;
      if (due.invalid) b.report('impossible-date', 'error', { reason: due.invalid, range: dueRange(ctx, node, t.due) });
    }
  }
  if (resolution !== undefined) action.resolution = resolution;
  if (ctx.meeting !== undefined) action.meeting = ctx.meeting;
  const status = t.status ?? writtenStatus(ctx, node, t.text);
  if (status) action.status = status;
  list.push(action);
  b.map(`/content/actions/${i}`, range);
  const within = range ?? rangeOfNode(node);
  b.mapWritten(`/content/actions/${i}/owner`, action.owner, within);
  // The due date comes last in an action ("… by 31 March"): an owner or task may hold the same words.
  b.mapWritten(`/content/actions/${i}/due`, action.due?.text, within, true);
}

/** The status a task's line gives: a checkbox before it (`- [x]`), or a status it ends with ("… — done"). */
function writtenStatus(ctx: ReadContext, node: Nodes, text: string): Action['status'] {
  const offset = node.type === 'listItem' ? node.position?.start.offset : undefined;
  const box = offset !== undefined ? checkboxStatus(ctx.b.text.slice(offset, offset + 16)) : undefined;
  return trailingStatus(text) ?? box;
}

/** Where the due date is written in the node (the cell, the words after "by"), else the whole node. */
function dueRange(ctx: ReadContext, node: Nodes, due: string): Range {
  const whole = rangeOfNode(node)!;
  const at = ctx.b.text.slice(whole.start.offset, whole.end.offset).lastIndexOf(due);
  return at < 0 ? whole : ctx.b.range(whole.start.offset + at, whole.start.offset + at + due.length);
}

/**
 * A paragraph of minutes read for assigned tasks. A paragraph of several
 * source lines (a Google-Docs export, one statement a line) is read line by
 * line, each task mapped to its own line; a line whose next one starts in
 * lower case continues on it.
 */
function readLines(ctx: ReadContext, p: Paragraph, known: NameTest, strong: NameTest): boolean {
  const start = p.position?.start.line;
  const end = p.position?.end.line;
  if (start === undefined || end === undefined) return false;
  if (start === end) {
    const tasks = assignedTasks(textOf(p), known, isDate);
    for (const t of tasks) add(ctx, t, p, undefined, rangeOfNode(p));
    return tasks.length > 0;
  }
  const byLine = lineTexts(p);
  // Statements: a line, joined with the next ones while they start in lower case.
  const statements: { line: number; last: number; text: string }[] = [];
  for (let l = start; l <= end; l++) {
    const t = (byLine.get(l) ?? '').replace(/\s+/g, ' ').trim();
    if (t === '') continue;
    const prev = statements[statements.length - 1];
    if (prev && /^[a-z(]/.test(t)) {
      prev.text += ' ' + t;
      prev.last = l;
    } else statements.push({ line: l, last: l, text: t });
  }
  let found = false;
  const { lines } = ctx.b;
  const imperative = statements.filter((s) => isImperativeLine(s.text)).length >= 2;
  const inRun = imperative ? taskListTest(statements.slice(0, 200).map((s) => s.text), strong) : () => strong;
  for (const [i, s] of statements.entries()) {
    if (readStatementMarker(ctx, s, known)) {
      found = true;
      continue;
    }
    const tasks = assignedTasks(s.text, known, isDate, { imperative, strong: inRun(i) });
    const range = lines.range(lines.offsetAt(s.line, 1), lines.lineEnd(s.last));
    for (const t of tasks) add(ctx, t, p, undefined, range);
    if (tasks.length > 0) found = true;
  }
  return found;
}

/** A marked action on one line of a longer paragraph ("Actions: PR landed" between other lines). */
function readStatementMarker(ctx: ReadContext, s: { line: number; last: number; text: string }, known: NameTest): boolean {
  const { lines } = ctx.b;
  const fake = { type: 'paragraph', children: [], position: lines.range(lines.offsetAt(s.line, 1), lines.lineEnd(s.last)) } as unknown as Paragraph;
  return readAction(ctx, s.text, fake, undefined, known);
}

/** The plain text of each source line of a paragraph (soft line breaks kept apart). */
function lineTexts(p: Paragraph): Map<number, string> {
  const out = new Map<number, string>();
  const put = (line: number, s: string) => out.set(line, (out.get(line) ?? '') + s);
  for (const c of p.children as PhrasingContent[]) {
    const line = c.position?.start.line;
    if (line === undefined) continue;
    if (c.type === 'text') {
      c.value.split('\n').forEach((part, k) => put(line + k, part));
    } else if (c.type === 'break') {
      put(line, ' ');
    } else put(line, textOf(c));
  }
  return out;
}

/**
 * "Review TAC PR 277 (WG incubating criteria)" with the reviewers nested
 * under it as `@handles` only ("@Arnaud, @Bob, @Daniel"): each handle line is
 * a task for those people.
 */
function readHandles(ctx: ReadContext, item: ListItem): boolean {
  const lead = itemLead(item);
  const handles = handleList(lead);
  if (!handles || handles.length < 2) return false;
  add(ctx, { text: lead, owner: handles.join(', '), owners: handles, start: 0, end: lead.length }, item, undefined, rangeOfNode(item));
  return true;
}

/** The task column of an action plan: "Action", "Actions", "Action required", "Task", "Next step(s)". */
const TASK_COLUMN = /^(?:agreed\s+)?(?:actions?(?:\s+(?:required|agreed|to be taken|points?))?|tasks?|next steps?|what)$/;
/** Who: "Lead", "Owner", "Responsible", "Who", "By whom", "Assigned to", "Lead officer". */
const OWNER_COLUMN = /^(?:lead(?:\s+(?:officer|member|person|organisation|organization))?|owners?|responsible(?:\s+(?:officer|person|lead))?|who|by whom|assigned(?:\s+to)?|action\s+(?:by|owner)|assignee)$/;
/** When: "Timescale", "Due", "Due date", "Deadline", "By when", "Target date", "When", "Completion date". */
const DUE_COLUMN = /^(?:timescales?|due(?:\s+date)?|deadline|by when|target(?:\s+date)?|when|completion(?:\s+date)?|date)$/;

/** Where it stands: "Status", "Progress", "RAG", "Update". */
const STATUS_COLUMN = /^(?:status|progress|update|rag|rag status|current status|progress update|outcome)$/;

/**
 * An action plan table (Recommendation · Action · Group · Lead · Timescale):
 * one action per row whose task cell is written, with the owner from the
 * Lead (Owner, Who) column and the due date from the Timescale (Due, By when)
 * column. Rows whose task is empty are a plan still to be filled in: nothing
 * is read from them.
 */
function readActionPlan(ctx: ReadContext, t: Table): boolean {
  if (ATTENDANCE_KINDS.has(ctx.section?.kind ?? '')) return false;
  const { rows, col, cell, headers } = tableColumns(t);
  const norm = (h: string) => h.replace(/[*_:]/g, '').replace(/\s+/g, ' ').trim();
  const task = col((h) => TASK_COLUMN.test(norm(h)));
  const owner = col((h) => OWNER_COLUMN.test(norm(h)));
  if (task < 0 || owner < 0 || headers.length > 12) return false;
  const due = col((h) => DUE_COLUMN.test(norm(h)));
  const status = col((h) => STATUS_COLUMN.test(norm(h)));
  let read = 0;
  for (const row of rows.slice(0, 2000)) {
    const text = cell(row, task).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const who = cell(row, owner).replace(/\s+/g, ' ').trim();
    const when = due >= 0 ? cell(row, due).trim() : '';
    const clause: TaskClause = { text, start: 0, end: text.length, ...ownerFields(who === '' ? undefined : who) };
    // "March 2022", "Q1 2022", "31/03/2022" is not read (day and month order), "Ongoing" is no date.
    if (when !== '' && parseFuzzyDate(when)) clause.due = when;
    const stated = status >= 0 ? statusWords(cell(row, status)) : undefined;
    if (stated) clause.status = stated;
    add(ctx, clause, row, undefined, rangeOfNode(row));
    read++;
  }
  return read > 0;
}

/** After the walk: the RESOLVED items that direct someone are actions too, on the decision's line. */
function readDirectives(ctx: ReadContext): void {
  const { b } = ctx;
  const resolutions = b.content.resolutions;
  if (!resolutions || !ctx.reading.attendance) return;
  const linked = new Set(b.content.actions?.map((a) => a.resolution));
  resolutions.forEach((r, i) => {
    // A clause with its action nested under it already has it.
    if (linked.has(i)) return;
    if (!/^resolved\b/i.test(r.marker) && !/resolution/i.test(r.marker)) return;
    const d = resolvedDirective(r.text);
    if (!d) return;
    const range = b.sourceMap.get(`/content/resolutions/${i}`)?.range;
    if (!range) return;
    const fake = { type: 'paragraph', children: [], position: { start: range.start, end: range.end } } as unknown as Paragraph;
    // "the Chair of … and the Director of Public Health"; "Health & Social Care" is one role.
    const owners = d.owner ? d.owner.split(/\s+and\s+the\s+/i) : [];
    const t: TaskClause = { text: r.text, start: 0, end: r.text.length };
    if (d.owner) t.owner = d.owner;
    if (owners.length > 1) t.owners = owners;
    add(ctx, t, fake, i, range);
  });
}

