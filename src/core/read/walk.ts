/**
 * The one walk over a document's tree: every reader that applies gets each
 * node it asked for, with the shared context (section, agenda item, nesting
 * depth) kept here. Only the root's children and list items a bounded number
 * of levels down are visited, so the cost is linear in the tree's top levels
 * and deep nesting is harmless. Tolerant: a reader that throws on a node loses
 * that node, never the document.
 */
import type { Heading, List, Nodes, Root } from 'mdast';
import type { ModelBuilder } from './builder.js';
import { agendaItem, isDecisionHeading, sectionKind } from './phrases/sections.js';
import { textOf } from './phrases/text.js';
import type { BodyReading, ReadContext, ReaderHandlers } from './reader.js';
import { SectionGaps } from './gaps.js';
import { READERS } from './registry.js';

/** How deep nested lists are searched (`- Old business` › `- Decide: …` › `- Decision: …`). */
export const MAX_NESTING = 6;

export function readBody(b: ModelBuilder, reading: BodyReading, root: Root, meta: Readonly<Record<string, unknown>> = {}): void {
  const ctx: ReadContext = { b, reading, text: b.text, meta, section: undefined, item: undefined, depth: 0, meeting: undefined };
  const handlers: ReaderHandlers[] = [];
  for (const r of READERS) if (r.applies(reading)) handlers.push(r.create(ctx));
  const heading = new HeadingContext(ctx);
  const gaps = new SectionGaps(ctx);

  /** Offers the node to each reader in order until one reads it. */
  const claim = (f: (h: ReaderHandlers) => boolean | 'lead' | void): boolean | 'lead' => {
    for (const h of handlers) {
      try {
        const r = f(h);
        if (r === true || r === 'lead') return r;
      } catch {
        // A node a reader cannot read is skipped by that reader; the rest of the document still counts.
      }
    }
    return false;
  };
  const each = (f: (h: ReaderHandlers) => void): void => {
    claim((h) => {
      f(h);
      return false;
    });
  };

  const items = (list: List, depth: number): void => {
    for (const item of list.children) {
      ctx.depth = depth;
      if (claim((h) => h.listItem?.(item, list, ctx)) === true) continue;
      if (depth >= MAX_NESTING) continue;
      for (const child of item.children) if (child.type === 'list') items(child, depth + 1);
    }
    ctx.depth = 0;
  };

  for (const node of root.children as Nodes[]) {
    gaps.block(node);
    switch (node.type) {
      case 'heading':
        gaps.heading(node, true);
        heading.enter(node);
        each((h) => h.heading?.(node, ctx));
        gaps.heading(node, false);
        break;
      case 'paragraph':
        claim((h) => h.paragraph?.(node, ctx));
        break;
      case 'list':
        if (!claim((h) => h.list?.(node, ctx))) items(node, 0);
        break;
      case 'table':
        claim((h) => h.table?.(node, ctx));
        break;
      default:
        each((h) => h.other?.(node, ctx));
    }
  }
  each((h) => h.end?.(ctx));
  gaps.finish();
  inCanonicalOrder(b.content);
}

/** The order the model's parts are written in (JSON output, fixtures), whatever order the readers made them. */
const CANONICAL: readonly string[] = ['sections', 'functions', 'seats', 'attendance', 'items', 'resolutions', 'actions', 'milestones'];

function inCanonicalOrder(content: object): void {
  const c = content as Record<string, unknown>;
  const rest = Object.keys(c).filter((k) => !CANONICAL.includes(k));
  for (const k of [...CANONICAL, ...rest]) {
    if (!(k in c)) continue;
    const v = c[k];
    delete c[k];
    c[k] = v;
  }
}

/** Keeps `section` and `item` of the context as headings come. */
class HeadingContext {
  /** Depth of the heading that named the current agenda item. */
  private itemDepth: number | undefined;

  constructor(private readonly ctx: ReadContext) {}

  enter(h: Heading): void {
    const title = textOf(h);
    const kind = sectionKind(title);
    this.ctx.section = kind ? { kind, title, depth: h.depth } : { title, depth: h.depth };
    if (!this.ctx.reading.agendaItems) return;
    const item = h.depth > 1 ? agendaItem(title) : undefined;
    if (item) {
      this.ctx.item = item.number;
      this.itemDepth = h.depth;
    } else if (!isDecisionHeading(title, kind) && !(this.itemDepth !== undefined && h.depth > this.itemDepth)) {
      // A heading under the item ("### Discussion") or its outcome ("## Conclusion/Resolution") keeps it.
      this.ctx.item = undefined;
      this.itemDepth = undefined;
    }
  }
}
