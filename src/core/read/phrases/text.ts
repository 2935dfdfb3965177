/** Small helpers to read mdast nodes and the source text behind them. */
import type { ListItem, Nodes, Parent, Table } from 'mdast';
import type { Range } from '../../text/range.js';

/**
 * Plain texts already made, per node. Many readers ask for the same paragraph's text, and the
 * chunk cache hands the editor the same node objects for every section an edit did not touch
 * (their text is the same; only their positions move), so a re-validation reads those for free.
 */
const texts = new WeakMap<Nodes, string>();

/** The plain text of a node; iterative, so deeply nested input cannot overflow the stack. */
export function textOf(node: Nodes): string {
  let text = texts.get(node);
  if (text === undefined) {
    text = plainText(node);
    texts.set(node, text);
  }
  return text;
}

function plainText(node: Nodes): string {
  const out: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ('value' in n && typeof n.value === 'string' && n.type !== 'html' && n.type !== 'yaml') out.push(n.value);
    else if (n.type === 'break') out.push(' ');
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

export function rangeOfNode(node: Nodes): Range | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return {
    start: { line: p.start.line, column: p.start.column, offset: p.start.offset },
    end: { line: p.end.line, column: p.end.column, offset: p.end.offset },
  };
}

/**
 * The number the author wrote on an ordered list item. mdast keeps only the
 * list's start number, so read the marker from the source.
 */
export function itemNumber(text: string, item: ListItem): number | undefined {
  const offset = item.position?.start.offset;
  if (offset === undefined) return undefined;
  const m = /^[ \t>]*(\d{1,9})[.)]/.exec(text.slice(offset, offset + 16));
  return m ? Number(m[1]) : undefined;
}

/** Range of an ordered list item's marker (`4.`). */
export function itemMarkerRange(text: string, item: ListItem, toRange: (s: number, e: number) => Range): Range | undefined {
  const offset = item.position?.start.offset;
  if (offset === undefined) return undefined;
  const m = /^([ \t>]*)(\d{1,9}[.)])/.exec(text.slice(offset, offset + 16));
  if (!m) return undefined;
  const s = offset + m[1].length;
  return toRange(s, s + m[2].length);
}

/** The first paragraph's text of a list item (what the item says, without nested lists). */
export function itemLead(item: ListItem): string {
  const first = item.children[0];
  return first && first.type === 'paragraph' ? textOf(first) : '';
}

export function childrenOf(node: Nodes): Nodes[] {
  return 'children' in node ? ((node as Parent).children as Nodes[]) : [];
}

/** Normalises a heading for matching: lower case, no numbering, bold or trailing colon. */
export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/^(?:section\s+)?\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/[:*_]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A table cell's "yes": `x`, `✓`, `Yes`, `voting`. */
export function isYes(s: string): boolean {
  return /^(yes|y|true|x|✓|✔|✅|voting|statutory)$/i.test(s.trim());
}

type Row = Table['children'][number];

/** A table's header texts (lower case), its body rows, a column finder and a cell reader. */
export function tableColumns(table: Table): {
  headers: string[];
  rows: Row[];
  col: (test: RegExp | ((header: string) => boolean)) => number;
  cell: (row: Row, i: number) => string;
} {
  const [head, ...rows] = table.children;
  const headers = head ? head.children.map((c) => textOf(c).toLowerCase()) : [];
  const col = (test: RegExp | ((header: string) => boolean)) => headers.findIndex((h) => (typeof test === 'function' ? test(h) : test.test(h)));
  const cell = (row: Row, i: number) => (i >= 0 && row.children[i] ? textOf(row.children[i]) : '');
  return { headers, rows, col, cell };
}

/** A table cell's text without its pipes and padding: where a value in it is underlined. */
export function cellContentRange(cell: Row['children'][number]): Range | undefined {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  const a = first && rangeOfNode(first);
  const b = last && rangeOfNode(last);
  return a && b ? { start: a.start, end: b.end } : rangeOfNode(cell);
}

/**
 * The lines of a node as written (soft and hard breaks kept apart), trimmed,
 * a trailing hard-break `\\` removed, blank ones left out; bounded to
 * `maxChars` of source and `maxLines` lines.
 */
export function sourceLines(text: string, node: Nodes, maxChars: number, maxLines: number): string[] {
  const pos = node.position;
  if (pos?.start.offset === undefined || pos.end.offset === undefined) return [textOf(node)];
  return text
    .slice(pos.start.offset, Math.min(pos.end.offset, pos.start.offset + maxChars))
    .split(/\r?\n/)
    .slice(0, maxLines)
    .map((l) => l.replace(/\\$/, '').trim())
    .filter((l) => l !== '');
}
