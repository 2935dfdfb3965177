import type { RelatedLocation } from '../message.js';
import { actionRegister, type RegisterEntry } from '../workspace/register.js';
import type { WorkspaceRule } from './rule.js';

const MAX_RELATED = 20;

const owned = (e: RegisterEntry) => (e.owner ? ` (${e.owner})` : '');
const quoted = (t: string) => `"${t.length > 80 ? t.slice(0, 79) + '…' : t}"`;
const when = (e: RegisterEntry) => (e.given.date ? `the meeting of ${e.given.date}` : 'an earlier meeting');

/**
 * Actions of the last meeting these minutes say nothing of: not reported on
 * under matters arising, not under the minute they were given at, not listed
 * again. Information: the clerk decides whether silence meant done.
 */
export const actionNotReported: WorkspaceRule = {
  id: 'action-not-reported',
  scope: 'workspace',
  defaultSeverity: 'info',
  types: ['minutes'],
  description: 'An action from the previous meeting of the body that the next minutes do not report on.',
  docs: "The actions given at one meeting of a body are followed to its next meeting (minutes with the same `body:`, else in the same folder, in date order). There each should be reported on, under matters arising, an action log or the minute it was given under (\"Minute 19.5: completed\"), or listed again among the meeting's actions. One that is not is reported as information on the next minutes, once: where those minutes report on other actions, on each action they leave out; where they report on none, once, on the title, listing them. The related location is the action where it was given. `govmark actions` prints the whole register.",
  // Grouped by folder (no `body:`) on a document whose kind was recognised: a hint until the author says more.
  optIn: (m) => m.data?.['groupedBy'] === 'folder',
  check({ summary, index, today, report }) {
    const register = actionRegister(index, today);
    const silent: { entry: RegisterEntry; at: number }[] = [];
    for (const { entry, at } of register.byUri(summary.uri).events) {
      // Once: at the first meeting that said nothing, not at every one after it.
      if (entry.history[at].status === 'not-reported' && (at === 0 || entry.history[at - 1].status !== 'not-reported')) silent.push({ entry, at });
    }
    if (silent.length === 0) return;
    const byFolder = summary.body === undefined || summary.body.trim() === '';
    const data = byFolder ? { groupedBy: 'folder' } : undefined;
    const reviewsAt = new Set<number | undefined>(
      (summary.reports ?? []).map((r) => (summary.meetingDates && summary.meetingDates.length > 1 ? (r.meeting ?? 0) : undefined)),
    );
    const firstReport = (meeting: number | undefined) =>
      (summary.reports ?? []).find((r) => (summary.meetingDates && summary.meetingDates.length > 1 ? (r.meeting ?? 0) : undefined) === meeting);
    const unreviewed: RegisterEntry[] = [];
    for (const { entry } of silent) {
      const meeting = summary.meetingDates && summary.meetingDates.length > 1 ? meetingIndexOf(summary.meetingDates, entry, summary.uri) : undefined;
      const related: RelatedLocation[] = [{ uri: entry.given.uri, range: entry.given.range, message: `Given at ${when(entry)}` }];
      if (reviewsAt.has(meeting)) {
        const at = firstReport(meeting)!;
        report({
          reason: `The action ${quoted(entry.text)}${owned(entry)} from ${when(entry)} is not reported on: say whether it was done, carried forward or dropped.`,
          range: at.range,
          related,
          ...(data ? { data } : {}),
        });
      } else unreviewed.push(entry);
    }
    if (unreviewed.length === 0) return;
    const n = unreviewed.length;
    const list = unreviewed.slice(0, 3).map((e) => quoted(e.text) + owned(e)).join('; ');
    report({
      reason: `${n === 1 ? 'The action' : `${n} actions`} from ${when(unreviewed[0])} ${n === 1 ? 'is' : 'are'} not reported on in these minutes (${list}${n > 3 ? `; and ${n - 3} more` : ''}): add matters arising saying whether each was done, carried forward or dropped.`,
      range: summary.titleRange ?? summary.anchor,
      related: unreviewed.slice(0, MAX_RELATED).map((e) => ({ uri: e.given.uri, range: e.given.range, message: `${quoted(e.text)}${owned(e)}: given at ${when(e)}` })),
      ...(data ? { data } : {}),
    });
  },
};

/** Which meeting of minutes of several an entry's silent event belongs to: the first after it was given, by date. */
function meetingIndexOf(dates: (string | undefined)[], entry: RegisterEntry, uri: string): number | undefined {
  const h = entry.history.find((e) => e.uri === uri && e.status === 'not-reported');
  if (!h?.date) return undefined;
  const i = dates.indexOf(h.date);
  return i >= 0 ? i : undefined;
}
