/**
 * How the things of the model are named in the outline, workspace symbols and
 * tree view, so the three agree: "18.2 That the Winter Plan be noted.",
 * "2022-01-18 — Health and Wellbeing Board considers…".
 */
import type { Action, AgendaItem, Milestone, Resolution, Seat } from '../core/model.js';

const MAX_NAME = 160;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_NAME ? t.slice(0, MAX_NAME - 1).trimEnd() + '…' : t;
}

export function resolutionName(r: Resolution): string {
  return clip(r.identifier !== undefined ? `${r.identifier} ${r.text}` : r.text);
}

/** What the Outline shows beside a decision: its outcome and the vote that took it ("not carried · 2 for, 3 against, recorded vote"). */
export function resolutionDetail(r: Resolution): string | undefined {
  const outcome = r.outcome === 'adopted' ? 'agreed' : r.outcome === 'rejected' ? 'not carried' : r.outcome;
  const v = r.votes;
  const tally = v
    ? [v.yes !== undefined ? `${v.yes} for` : '', v.no !== undefined ? `${v.no} against` : '', v.abstain ? `${v.abstain} abstaining` : '', v.unanimous ? 'unanimous' : '', v.named?.length ? 'recorded vote' : '']
        .filter(Boolean)
        .join(', ')
    : '';
  const out = [outcome && tally ? outcome : '', tally].filter(Boolean).join(' · ');
  return out === '' ? undefined : out;
}

export function agendaItemName(item: AgendaItem): string {
  return clip(item.number !== undefined ? `${item.number}. ${item.title}` : item.title);
}

export function milestoneName(m: Milestone): string {
  return clip(`${m.date.text} — ${m.title}`);
}

export function actionName(a: Action): string {
  const what = [a.owner, a.text].filter((s): s is string => s !== undefined && s.trim() !== '').join(' — ');
  return clip(`Action: ${what === '' ? '(no text)' : what}`);
}

export function seatName(s: Seat): string {
  return clip(s.label);
}

export function seatDetail(s: Seat): string {
  const parts = [`${s.count} seat${s.count === 1 ? '' : 's'}`];
  if (s.organization) parts.push(s.organization);
  if (s.statutory) parts.push('statutory');
  if (s.voting === false) parts.push('non-voting');
  return parts.join(' · ');
}

/** The title a document goes by: the one the timeline uses too (`title:`, first heading, id, file name). */
export { documentTitle } from '../core/timeline/index.js';
