/**
 * Reads decisions: a marker paragraph ("RESOLVED: That …", "**Decision**: …"),
 * a marker or decision heading followed by the list of its clauses, marked
 * list items, and the actions attached to a clause as nested items.
 */
import type { List, ListItem, Paragraph } from 'mdast';
import type { Resolution } from '../model.js';
import type { Range } from '../text/range.js';
import { readAction } from './actions.js';
import { decisionMarker } from './phrases/markers.js';
import { isDecisionHeading } from './phrases/sections.js';
import { itemLead, itemMarkerRange, itemNumber, rangeOfNode, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

export const decisions: Reader = {
  id: 'decisions',
  description: 'Decisions (resolutions) with their number, marker and agenda item, and the actions nested under a clause.',
  applies: (r) => r.decisions,
  create(ctx) {
    const d = new DecisionReading(ctx);
    ctx.b.content.resolutions = [];
    return {
      heading: (h) => {
        // "### Consented Decisions", "#### Conclusion/Resolution": the list right under it holds the decisions.
        d.pending = isDecisionHeading(textOf(h), ctx.section?.kind) ? { marker: textOf(h) } : undefined;
      },
      paragraph: (p) => d.paragraph(p),
      list: (l) => d.list(l),
      listItem: (item, list) => d.item(item, list),
      other: (node) => {
        if (node.type !== 'html' && node.type !== 'yaml') d.pending = undefined;
      },
    };
  },
};

class DecisionReading {
  /** A decision marker paragraph or heading with nothing after it: the next list holds its clauses. */
  pending: { marker: string } | undefined;
  /** Decision blocks so far: each marker and its list is one. */
  private blocks = 0;

  constructor(private readonly ctx: ReadContext) {}

  paragraph(p: Paragraph): boolean {
    const text = textOf(p);
    const d = decisionMarker(text);
    if (!d) {
      if (text !== '') this.pending = undefined;
      return false;
    }
    if (d.rest === '') {
      this.pending = { marker: d.marker };
      return true;
    }
    this.pending = undefined;
    const number = d.number !== undefined && /^\d+$/.test(d.number) ? Number(d.number) : undefined;
    const item = this.ctx.item;
    this.add({ text: d.rest, marker: d.marker, number, identifier: d.number ?? item, item }, this.blocks++, rangeOfNode(p), undefined);
    return true;
  }

  list(list: List): boolean {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return false;
    this.clauses(list, pending.marker);
    return true;
  }

  /** A list item with a decision marker, or a bare marker with the clauses nested under it. */
  item(item: ListItem, list: List): boolean {
    const d = decisionMarker(itemLead(item));
    if (!d) return false;
    const nested = item.children.filter((n): n is List => n.type === 'list');
    if (d.rest !== '') {
      const item_ = this.ctx.item;
      const r = this.add({ text: d.rest, marker: d.marker, identifier: d.number ?? item_, item: item_ }, this.blocks++, rangeOfNode(item), undefined);
      // "- **Decision:** …" with "- **Action:** …" under it.
      for (const sub of nested.flatMap((n) => n.children)) readAction(this.ctx, itemLead(sub), sub, r);
      return true;
    }
    // "- Decisions:" with the clauses nested under it; not "- Resolved:" among status buckets.
    if (nested[0] && !isStatusBucket(d.marker, list)) this.clauses(nested[0], d.marker);
    return true;
  }

  /** The clauses of one decision block, numbered as written, with actions nested under them. */
  private clauses(list: List, marker: string): void {
    const { b } = this.ctx;
    const block = this.blocks++;
    const item = this.ctx.item;
    for (const li of list.children) {
      const number = list.ordered ? itemNumber(b.text, li) : undefined;
      const identifier = number !== undefined ? (item ? `${item}.${number}` : String(number)) : item;
      const text = itemLead(li).replace(/^(?:resolved\s*)?that\b/i, (m) => m.replace(/^resolved\s*/i, ''));
      const markerRange = list.ordered ? itemMarkerRange(b.text, li, (s, e) => b.range(s, e)) : undefined;
      const r = this.add({ text, marker, number, identifier, item }, block, rangeOfNode(li), markerRange);
      for (const child of li.children) {
        if (child.type !== 'list') continue;
        for (const sub of child.children) readAction(this.ctx, itemLead(sub), sub, r);
      }
    }
  }

  private add(r: Omit<Resolution, 'block'>, block: number, range: Range | undefined, numberRange: Range | undefined): number {
    const { b } = this.ctx;
    const list = b.content.resolutions!;
    const i = list.length;
    const clean: Resolution = { text: r.text, marker: r.marker, block };
    if (r.number !== undefined) clean.number = r.number;
    if (r.identifier !== undefined) clean.identifier = r.identifier;
    if (r.item !== undefined) clean.item = r.item;
    if (this.ctx.meeting !== undefined) clean.meeting = this.ctx.meeting;
    list.push(clean);
    b.map(`/content/resolutions/${i}`, range);
    b.map(`/content/resolutions/${i}/number`, numberRange);
    return i;
  }
}

/**
 * "- Resolved:" with nothing after it beside other bare labels ("- Under
 * investigation:", "- Observing:") is a status bucket of an issue list, not a
 * decision (k8s sig-release meeting updates).
 */
function isStatusBucket(marker: string, list: List): boolean {
  if (!/^resolved/i.test(marker)) return false;
  return list.children.some((i) => {
    const t = itemLead(i);
    return /^[^:]{1,60}:$/.test(t) && decisionMarker(t) === undefined;
  });
}
