/**
 * `govmark/documents`: every governance document the server knows, with what
 * the extension's tree view shows of it — problem counts, resolutions,
 * actions (with overdue marks), milestones.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { GovMessage } from '../core/message.js';
import { dueItems, dueStatesByPath } from '../core/overdue.js';
import type { Range } from '../core/text/range.js';
import { actionRegister, type RegisterEvent } from '../core/workspace/register.js';
import type { WorkspaceIndex } from '../core/workspace/summary.js';
import type { DocumentAnalysis } from '../core/workspace/workspace.js';
import type { DocumentNode, DocumentsResult, InForceNode, RegisterBodyNode } from '../protocol/requests.js';
import { bodyKey, candidatesInForce, inForceFrom, termsInForceOn } from '../core/workspace/in-force.js';
import { toLspRange } from './edge.js';
import { documentTitle } from './names.js';

const LINE_ONE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

export function documentNode(analysis: DocumentAnalysis, messages: readonly GovMessage[], today: string): DocumentNode | undefined {
  const { doc, summary } = analysis;
  if (doc.type === undefined) return undefined;
  const at = (p: string) => doc.sourceMap.get(p)?.range;
  const { resolutions = [], actions = [], milestones = [] } = doc.data.content;
  // Overdue as the rule and the timeline decide it (core/overdue.ts): only in documents that are current.
  const due = dueStatesByPath(doc, today);
  const overdue = (path: string) => due.get(path) === 'overdue';
  const review = dueItems(doc).find((d) => d.kind === 'review');
  const reviewRange = review ? at(review.path) : undefined;
  const node: DocumentNode = {
    uri: doc.uri,
    type: doc.type,
    title: documentTitle(doc),
    range: toLspRange(at('/content/title') ?? at('/meta/id') ?? doc.frontMatterRange ?? LINE_ONE),
    problems: {
      errors: messages.filter((m) => m.severity === 'error').length,
      warnings: messages.filter((m) => m.severity === 'warning').length,
    },
    resolutions: resolutions.flatMap((r, i) => {
      const range = at(`/content/resolutions/${i}`);
      return range ? [{ ...(r.identifier !== undefined ? { identifier: r.identifier } : {}), text: r.text, range: toLspRange(range) }] : [];
    }),
    actions: actions.flatMap((a, i) => {
      const range = at(`/content/actions/${i}`);
      if (!range) return [];
      return [
        {
          text: a.text,
          ...(a.owner !== undefined ? { owner: a.owner } : {}),
          ...(a.due ? { due: a.due } : {}),
          ...(overdue(`/content/actions/${i}`) ? { overdue: true } : {}),
          range: toLspRange(range),
        },
      ];
    }),
    milestones: milestones.flatMap((m, i) => {
      const range = at(`/content/milestones/${i}`);
      if (!range) return [];
      const late = overdue(`/content/milestones/${i}`);
      return [{ title: m.title, date: m.date, ...(m.status !== undefined ? { status: m.status } : {}), ...(late ? { overdue: true } : {}), range: toLspRange(range) }];
    }),
  };
  if (review && reviewRange) node.review = { date: review.date, ...(overdue(review.path) ? { overdue: true } : {}), range: toLspRange(reviewRange) };
  if (summary.body !== undefined) node.body = summary.body;
  if (summary.id !== undefined) node.id = summary.id;
  if (summary.date !== undefined) node.date = summary.date;
  return node;
}

export function documentsResult(
  analyses: Iterable<{ uri: string; analysis: DocumentAnalysis }>,
  messages: Map<string, GovMessage[]>,
  today: string,
  token?: CancellationToken,
  index?: WorkspaceIndex,
): DocumentsResult {
  const documents: DocumentNode[] = [];
  for (const { uri, analysis } of analyses) {
    if (token?.isCancellationRequested) break;
    const node = documentNode(analysis, messages.get(uri) ?? [], today);
    if (node) documents.push(node);
  }
  documents.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const register = index ? registerNodes(index, today) : [];
  const inForce = index ? inForceNodes(index, today) : [];
  return { today, documents, ...(register.length > 0 ? { register } : {}), ...(inForce.length > 0 ? { inForce } : {}) };
}

/** Per body named in the workspace, the terms of reference in force today, when they can be told. */
export function inForceNodes(index: WorkspaceIndex, today: string): InForceNode[] {
  const bodies = new Map<string, string>();
  for (const s of index.all()) if (s.body !== undefined && s.body.trim() !== '' && !bodies.has(bodyKey(s.body))) bodies.set(bodyKey(s.body), s.body);
  const out: InForceNode[] = [];
  for (const body of bodies.values()) {
    const { terms: unique } = termsInForceOn(index, { date: today, body });
    const several = unique ? [] : candidatesInForce(index, body, today).sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const terms = unique ?? several[0];
    if (!terms) continue;
    const from = inForceFrom(terms);
    out.push({
      body,
      uri: terms.uri,
      ...(terms.id !== undefined ? { id: terms.id } : {}),
      title: terms.title ?? terms.id ?? 'Terms of reference',
      range: toLspRange(terms.titleRange ?? terms.anchor),
      ...(from !== undefined ? { from } : {}),
      ...(terms.quorum ? { quorum: terms.quorum.text } : {}),
      ...(terms.votingSeats !== undefined ? { votingSeats: terms.votingSeats } : {}),
      ...(several.length > 1 ? { conflicting: several.map((t) => t.id ?? t.title ?? t.uri) } : {}),
    });
  }
  return out.sort((a, b) => (a.body < b.body ? -1 : a.body > b.body ? 1 : 0));
}

const SAID: Record<RegisterEvent['status'], string> = {
  open: 'still open',
  done: 'done',
  carried: 'carried forward',
  dropped: 'dropped',
  reported: 'reported on',
  'not-reported': 'not reported',
};

/** The action register per body, as the tree shows it: counts and the open actions, oldest first. */
export function registerNodes(index: WorkspaceIndex, today: string): RegisterBodyNode[] {
  const bodies = new Map<string, RegisterBodyNode>();
  for (const e of actionRegister(index, today).entries) {
    const given = index.get(e.given.uri);
    const named = given?.body !== undefined && given.body.trim() !== '';
    const key = (named ? 'body:' : 'dir:') + e.body;
    let node = bodies.get(key);
    if (!node) bodies.set(key, (node = { ...(named ? { body: e.body } : {}), name: e.body, counts: { actions: 0, open: 0, overdue: 0, done: 0, dropped: 0 }, open: [] }));
    node.counts.actions++;
    node.counts[e.status]++;
    if (e.status !== 'open') continue;
    if (e.overdue) node.counts.overdue++;
    const h = e.history[e.history.length - 1];
    node.open.push({
      text: e.text,
      ...(e.owner ? { owner: e.owner } : {}),
      ...(e.ref ? { ref: e.ref } : {}),
      ...(e.due ? { due: e.due.text } : {}),
      ...(e.given.date ? { given: e.given.date } : {}),
      ...(e.overdue ? { overdueSince: e.overdue.since } : {}),
      ...(h ? { last: `${h.date ?? '?'}: ${SAID[h.status]}` } : {}),
      uri: e.given.uri,
      range: toLspRange(e.given.range),
    });
  }
  return [...bodies.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
