/**
 * Reads actions: "Action: owner — text, due 2020-12-31", `- [ ] [Ivan] …`,
 * wherever they are (paragraphs, list items, clauses of a decision).
 */
import type { Nodes } from 'mdast';
import { parseFuzzyDate } from '../dates/index.js';
import type { Action } from '../model.js';
import { actionText } from './phrases/markers.js';
import { itemLead, rangeOfNode, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

export const actions: Reader = {
  id: 'actions',
  description: 'Actions with their owner and due date, from action markers and owner-tagged task-list items.',
  applies: (r) => r.decisions,
  create(ctx) {
    ctx.b.content.actions = [];
    return {
      paragraph: (p) => readAction(ctx, textOf(p), p, undefined),
      listItem: (item) => readAction(ctx, itemLead(item), item, undefined),
    };
  },
};

/**
 * Reads `text` (from `node`) as an action, adding it to the model: true when
 * it is one. `resolution` is the index of the decision it belongs to.
 */
export function readAction(ctx: ReadContext, text: string, node: Nodes, resolution: number | undefined): boolean {
  const { b } = ctx;
  const a = actionText(text, (s) => {
    const d = parseFuzzyDate(s);
    return d !== undefined && d.precision !== 'unknown';
  });
  if (!a) return false;
  const list = b.content.actions;
  if (!list) return false;
  const i = list.length;
  const action: Action = { text: a.text };
  if (a.owner) action.owner = a.owner;
  if (a.due) {
    const due = parseFuzzyDate(a.due);
    if (due) {
      action.due = due;
      if (due.invalid) b.report('impossible-date', 'error', { reason: due.invalid, range: rangeOfNode(node)! });
    }
  }
  if (resolution !== undefined) action.resolution = resolution;
  if (ctx.meeting !== undefined) action.meeting = ctx.meeting;
  list.push(action);
  b.map(`/content/actions/${i}`, rangeOfNode(node));
  return true;
}
