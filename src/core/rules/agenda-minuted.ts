import { bodyKey } from '../workspace/in-force.js';
import type { DocumentSummary, WorkspaceIndex } from '../workspace/summary.js';
import type { WorkspaceRule } from './rule.js';

const STOP = new Set(['the', 'of', 'and', 'a', 'an', 'to', 'on', 'for', 'in', 'from', 'any', 'if', 'update', 'report', 'item', 'items']);
/** Agenda items minuted as the Present and Apologies lists rather than under a heading of their own. */
const ATTENDANCE_ITEM = /^(?:attendances?|attendance and apologies|apologies(?: for absence)?|apologies and substitutions)$/;
/** Standing items minuted under another name: "Attendances" is the Present list, "Minutes" the approval of the last ones. */
const SYNONYMS: [RegExp, RegExp][] = [
  [ATTENDANCE_ITEM, /^(?:present|attendance|attendances?|apologies(?: for absence)?|members present|in attendance)$/],
  [/^(?:minutes|minutes of the (?:last|previous) meeting|approval of (?:the )?minutes|confirmation of minutes)$/, /\bminutes\b/],
];

function words(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
}
const plain = (t: string) => t.toLowerCase().replace(/^(?:item\s+)?\d{1,4}(?:\.\d{1,3})*(?:\([a-z]{1,3}\))?[.):]?\s+/, '').replace(/\s+/g, ' ').trim();

/** Whether an agenda item is minuted by the Present and Apologies lists ("Attendances", "Apologies for absence"). */
export function minutedByAttendance(agendaTitle: string): boolean {
  return ATTENDANCE_ITEM.test(plain(agendaTitle));
}

/** Whether a minute's heading is the agenda item's: the same words (most of them), or a standing item's usual name. */
export function sameItem(agendaTitle: string, heading: string): boolean {
  const a = plain(agendaTitle);
  const h = plain(heading);
  if (a === h) return true;
  for (const [x, y] of SYNONYMS) if (x.test(a) && y.test(h)) return true;
  const aw = words(a);
  const hw = new Set(words(h));
  if (aw.length === 0 || hw.size === 0) return false;
  const shared = aw.filter((w) => hw.has(w)).length;
  return shared / Math.min(aw.length, hw.size) >= 0.6;
}

/** The agenda of these minutes: named by `agenda:`, else the one of the same body and day. */
export function agendaOf(minutes: DocumentSummary, index: WorkspaceIndex): DocumentSummary | undefined {
  const ref = minutes.refs.find((r) => r.key === 'agenda');
  if (ref) return index.byId(ref.id).find((d) => d.type === 'agenda');
  if (minutes.body === undefined || minutes.date === undefined) return undefined;
  return agendasByMeeting(index).get(`${minutes.date}\0${bodyKey(minutes.body)}`);
}

const AGENDAS = new WeakMap<WorkspaceIndex, Map<string, DocumentSummary>>();

/**
 * Agendas by meeting (date and `bodyKey`), the first of each in the index's
 * order as `agendaOfMeeting` would find it: built once per index, not scanned
 * once per set of minutes.
 */
function agendasByMeeting(index: WorkspaceIndex): Map<string, DocumentSummary> {
  let map = AGENDAS.get(index);
  if (map) return map;
  map = new Map();
  for (const d of index.all()) {
    if (d.type !== 'agenda' || d.date === undefined || d.body === undefined) continue;
    const key = `${d.date}\0${bodyKey(d.body)}`;
    if (!map.has(key)) map.set(key, d);
  }
  AGENDAS.set(index, map);
  return map;
}

/** The agenda (`type: agenda`) of the body's meeting (by `bodyKey`) on `date`, among `summaries`. */
export function agendaOfMeeting(summaries: readonly DocumentSummary[], date: string, body: string): DocumentSummary | undefined {
  return summaries.find((d) => d.type === 'agenda' && d.date === date && d.body !== undefined && bodyKey(d.body) === body);
}

export const agendaMinuted: WorkspaceRule = {
  id: 'agenda-minuted',
  scope: 'workspace',
  defaultSeverity: 'warning',
  types: ['minutes'],
  description: 'Every item of the meeting\'s agenda must be minuted (or the agenda must say it was withdrawn), in the agenda\'s order.',
  docs: 'Minutes are checked against their agenda: the one their `agenda:` names, else the agenda (`type: agenda`) of the same `body:` and `date:`. Each item of the agenda (not its sub-items, not urgent business "if any", not an item the agenda marks withdrawn) must have a minute: a heading with the same words, most of them, or the usual name of a standing item (Attendances → Present and Apologies; Minutes → the minutes of the previous meeting). Councils number minutes through the year, so the numbers need not agree; the order should, and an item minuted out of the agenda\'s order is information (the Chair may have varied the order of business: say so in the minutes).',
  check({ summary, index, report }) {
    const agenda = agendaOf(summary, index);
    if (!agenda?.agenda?.length) return;
    const headings = summary.headings ?? [];
    const range = summary.titleRange ?? summary.anchor;
    let last = -1;
    let lastTitle = '';
    for (const item of agenda.agenda) {
      if (item.parent !== undefined || item.withdrawn || item.urgent) continue;
      const at = headings.findIndex((h) => sameItem(item.title, h));
      const name = `${item.number !== undefined ? `${item.number}. ` : ''}${item.title}`;
      const related = [{ uri: agenda.uri, range: item.range, message: `Agenda item ${name}` }];
      if (at < 0) {
        report({
          reason: `Agenda item ${name} is not minuted: add a minute for it, or say in the minutes that it was withdrawn or deferred.`,
          range,
          related,
        });
        continue;
      }
      if (at < last) {
        report({
          severity: 'info',
          reason: `Agenda item ${name} is minuted before ${lastTitle}, which came earlier on the agenda: if the Chair varied the order of business, the minutes should say so.`,
          range,
          related,
        });
      } else {
        last = at;
        lastTitle = name;
      }
    }
  },
};
