/**
 * What a reader of the body is (after unified-lint-rule's rules and
 * mdast-util-from-markdown's handlers keyed by node type): a small object that
 * says which document types it reads and which nodes it wants, and writes only
 * its part of the model. One walk (`walk.ts`) calls every reader for each node;
 * no reader walks the tree itself.
 *
 * Readers share what the walk knows in `ReadContext` (the section a node is in,
 * its agenda item, how deep in nested lists it is). A reader keeps anything
 * else it needs in the state `create` returns, which lives for one document.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import type { ModelBuilder } from './builder.js';

/** What a type's body is read for. Custom types reuse the reading of the type they extend. */
export interface BodyReading {
  functions: boolean;
  membership: boolean;
  attendance: boolean;
  agendaItems: boolean;
  decisions: boolean;
  milestones: boolean;
  /** Only the schedules inside the body (a Timeline section, a list announced as a timeline) are read for milestones. */
  schedules: boolean;
  /** The numbered items of an agenda, with their pages, presenters and parts. */
  agenda: boolean;
}

export function readingFor(type: string | undefined): BodyReading {
  return {
    functions: type === 'terms-of-reference',
    membership: type === 'terms-of-reference',
    attendance: type === 'minutes',
    agendaItems: type === 'minutes' || type === 'resolution',
    decisions: type === 'minutes' || type === 'resolution',
    milestones: type === 'timeline',
    schedules: type === 'minutes',
    agenda: type === 'agenda',
  };
}

/** The heading a node sits under, and what it was recognised as. */
export interface CurrentSection {
  kind?: string;
  title: string;
  depth: number;
}

/** What the walk knows about where it is; shared, read-only for readers. */
export interface ReadContext {
  readonly b: ModelBuilder;
  readonly reading: BodyReading;
  /** The source text the tree's offsets refer to. */
  readonly text: string;
  /** The front matter as read (empty when there is none). */
  readonly meta: Readonly<Record<string, unknown>>;
  /** The nearest heading above the node. */
  section: CurrentSection | undefined;
  /** The agenda item number the node is under ("18", "7(a)"). */
  item: string | undefined;
  /** How deep the list item being read is nested (0: an item of a top-level list). */
  depth: number;
  /**
   * Index into `content.meetings` of the meeting the node belongs to, in a
   * document that records several (set by the meetings reader, which comes
   * before the readers that use it). Items read while it is set say so.
   */
  meeting: number | undefined;
}

/**
 * The handlers of one reader for one document. A handler that returns true
 * has read the node: for paragraphs, lists, list items and tables, readers
 * after it in the registry do not see it. Headings are seen by every reader.
 */
export interface ReaderHandlers {
  heading?(h: Heading, ctx: ReadContext): void;
  paragraph?(p: Paragraph, ctx: ReadContext): boolean | void;
  /** A whole list; when nobody reads it, its items are offered one by one. */
  list?(l: List, ctx: ReadContext): boolean | void;
  /**
   * One item of a list nobody read whole. When nobody reads the item either,
   * the lists nested in it are offered (to a bounded depth). `'lead'` says
   * the reader read only the item's own line: later readers do not see the
   * item, but the lists nested in it are still offered ("- What about
   * note-taking? Crob will create an Issue" above "- Riaan will draft …").
   */
  listItem?(item: ListItem, list: List, ctx: ReadContext): boolean | 'lead' | void;
  table?(t: Table, ctx: ReadContext): boolean | void;
  /** Any other top-level node (code, thematic break, blockquote, html). */
  other?(node: Nodes, ctx: ReadContext): void;
  /** After the last node. */
  end?(ctx: ReadContext): void;
}

export interface Reader {
  /** Stable id, kebab-case, as the fixtures folder is named: `decisions`. */
  id: string;
  /** One line for docs: what the reader reads. */
  description: string;
  /** Whether this reader runs for a document read this way. */
  applies(reading: BodyReading): boolean;
  /** Handlers with fresh state for one document; may also initialise its part of the model. */
  create(ctx: ReadContext): ReaderHandlers;
}

/** A front matter value as text, when it is one (`title:` often holds the body's acronym). */
export function metaText(ctx: ReadContext, key: string): string {
  const v = ctx.meta[key];
  return typeof v === 'string' ? v : '';
}
