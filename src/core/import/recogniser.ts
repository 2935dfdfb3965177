/**
 * What a recogniser is: a small object that looks at the block in hand and
 * either writes it (and what follows it that belongs to it) as Markdown, or
 * leaves it to the next. The renderer offers each block to the recognisers
 * in their registry order; a block none takes is written as it is (a
 * heading, a paragraph, a list, a table): nothing is dropped.
 */
import type { Block } from './blocks.js';
import type { ImportCounts, ImportKind } from './report.js';
import type { SourceLine } from './source.js';

export interface RenderContext {
  kind: ImportKind;
  /** The heading the block is under (its text as written, number aside). */
  section: string | undefined;
  /** The agenda or minute item it is under. */
  item: string | undefined;
  counts: ImportCounts;
  /** Markdown lines written so far. */
  out: string[];
  /** Notes a place to review; marked in the output where the next line is written. */
  unsure(code: string, message: string, at: SourceLine, text?: string): void;
  /** Writes a block as the renderer would if nobody took it. */
  plain(block: Block): void;
  /** Records what was recognised, for the tests and the score (agenda items, seats, actions…). */
  found: FoundItems;
}

/** The recognised items themselves, each with its source place. */
export interface FoundItems {
  items: Array<{ number?: string; title: string; pages?: string; presenter?: string; page: number; line: number }>;
  resolutions: Array<{ number: string; text: string; page: number; line: number }>;
  attendees: Array<{ name: string; page: number; line: number }>;
  apologies: Array<{ name: string; page: number; line: number }>;
  functions: Array<{ number?: string; text: string; page: number; line: number }>;
  seats: Array<{ seat: string; count?: number; page: number; line: number }>;
  actions: Array<{ task: string; lead?: string; timescale?: string; page: number; line: number }>;
  milestones: Array<{ date: string; title: string; page: number; line: number }>;
}

export interface Recogniser {
  id: string;
  /** Only in these kinds of document; all when absent. */
  kinds?: readonly ImportKind[];
  /** How many blocks from `i` it wrote (0: not its block). */
  take(blocks: readonly Block[], i: number, ctx: RenderContext): number;
}

export function emptyFound(): FoundItems {
  return { items: [], resolutions: [], attendees: [], apologies: [], functions: [], seats: [], actions: [], milestones: [] };
}
