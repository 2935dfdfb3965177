/**
 * Never silent: a section govmark recognises (Actions, Membership, Present…)
 * that holds text but yields nothing says so, as information on its heading,
 * with an example of what would be read. Kept by the walk, which sees every
 * section start and end; it counts what the readers wrote, never reads it.
 */
import type { Heading, Nodes } from 'mdast';
import { rangeOfNode, textOf } from './phrases/text.js';
import type { ReadContext } from './reader.js';

interface Expectation {
  /** What the section is called in the message. */
  name: string;
  /** Whether this document is read for it. */
  applies(ctx: ReadContext): boolean;
  /** What would be read, in the user's words. */
  example: string;
}

/** Anything a reader took from a section: what it holds was read, if not as the heading promised (a "Next steps" list of dated milestones, an action log of reports on the last meeting's actions). */
const ANYTHING_READ = /^\/content\/(?:(?:meetings\/\d+\/)?attendance\/(?:present|inAttendance|apologies)\/\d+|actions\/\d+|reports\/\d+|resolutions\/\d+|milestones\/\d+|seats\/\d+|functions\/\d+|membershipNotes\/\d+|quorum)$/;

const EXPECTED: Record<string, Expectation> = {
  actions: { name: 'Actions', applies: (x) => x.reading.decisions, example: '`- Alex to send the survey by 1 March`, `- Action: Alex — send the survey`, `- [ ] @alex send the survey`' },
  resolutions: { name: 'decisions', applies: (x) => x.reading.decisions, example: '`RESOLVED: That the report be noted.`, `**Decision:** …`, `Agreed: …`, or a numbered list under the heading' },
  membership: { name: 'Membership', applies: (x) => x.reading.membership, example: '`- Three elected members`, `- Executive Director (non-voting)`, or a table with a Seat (or Role) column and a Count column' },
  functions: { name: 'functions', applies: (x) => x.reading.functions, example: 'a list of what the body does: `1. To approve the annual budget`' },
  present: { name: 'attendance', applies: (x) => x.reading.attendance, example: 'one person per list item or line: `- Councillor J. Slater (Chair)`, `- Dana Jones, Acme Ltd`' },
  'in-attendance': { name: 'attendance', applies: (x) => x.reading.attendance, example: 'one person per list item or line: `- Dana Jones (Head of Finance)`' },
  apologies: { name: 'apologies', applies: (x) => x.reading.attendance, example: '`- Alex Smith`, or a sentence: `Apologies were received from Alex Smith and Dana Jones.`' },
};

/** A cell that says something: a word other than yes, no, true, false, n/a. */
const PLACEHOLDER = /\b(?:yes|no|true|false|n\/a|y|n)\b/gi;
const says = (cell: string) => /\p{L}/u.test(cell.replace(PLACEHOLDER, ''));

interface Open {
  kind: string;
  depth: number;
  heading: Heading;
  /** Where the section's text ends (the next heading of its level or above). */
  end?: number;
  /** Nodes with text under it (lists, paragraphs, tables). */
  blocks: number;
  items: number;
  rows: number;
  paragraphs: number;
}

/** "None.", "Nil", "N/A", "No apologies were received": a section that says it is empty holds nothing unread. */
function saysNothing(text: string): boolean {
  const t = text.trim();
  return t === '' || /^(?:none|nil|n\/a|no-?one|nobody|no apologies(?: (?:were |have been )?received)?|no (?:actions?|decisions?)(?: (?:were )?(?:recorded|taken|agreed))?|-+|—)[.!]?$/i.test(t);
}

export class SectionGaps {
  private open: Open | undefined;
  /** Sections closed, judged at the end: a reader may write what it read of a section later (after seeing the whole list). */
  private readonly closed: Open[] = [];

  constructor(private readonly ctx: ReadContext) {}

  /**
   * A heading, seen twice: `before` the walk reads it (it may close the open
   * section), then after (it may open one, now that its kind is known).
   */
  heading(h: Heading, before: boolean): void {
    if (before) {
      if (this.open && h.depth <= this.open.depth) this.close(h.position?.start.offset);
      return;
    }
    if (this.open) return; // a subsection ("### Composition" under "## Membership") belongs to it
    const kind = this.ctx.section?.kind;
    const e = kind !== undefined ? EXPECTED[kind] : undefined;
    if (!e || !e.applies(this.ctx)) return;
    this.open = { kind: kind!, depth: h.depth, heading: h, blocks: 0, items: 0, rows: 0, paragraphs: 0 };
  }

  /** A block under the current heading. */
  block(node: Nodes): void {
    if (!this.open) return;
    if (node.type === 'list') {
      // Items with no text (`- ` or `- <!-- seat -->` in a template) are yet to be written, not unread.
      const written = node.children.filter((item) => !saysNothing(textOf(item))).length;
      if (written === 0) return;
      this.open.blocks++;
      this.open.items += written;
    } else if (node.type === 'table') {
      // A template's row ("|  |  | 1 | no | yes |") names nothing yet: only rows with words count.
      const written = node.children.slice(1).filter((row) => row.children.some((cell) => says(textOf(cell)))).length;
      if (written === 0) return;
      this.open.blocks++;
      this.open.rows += written;
    } else if (node.type === 'paragraph' && !saysNothing(textOf(node))) {
      this.open.blocks++;
      this.open.paragraphs++;
    }
  }

  /** The open section ends at `end` (or the end of the document). */
  close(end?: number): void {
    const o = this.open;
    this.open = undefined;
    if (!o || o.blocks === 0) return;
    o.end = end ?? this.ctx.text.length;
    this.closed.push(o);
  }

  /** After the walk: every closed section from which nothing was read says so. */
  finish(): void {
    this.close();
    if (this.closed.length === 0) return;
    const starts: number[] = [];
    for (const [pointer, entry] of this.ctx.b.sourceMap) {
      if (ANYTHING_READ.test(pointer)) starts.push(entry.range.start.offset);
    }
    for (const o of this.closed) {
      const range = rangeOfNode(o.heading);
      if (!range) continue;
      const from = range.start.offset;
      if (starts.some((at) => at >= from && at < o.end!)) continue;
      const e = EXPECTED[o.kind];
      const n = (k: number, one: string, many: string) => (k === 0 ? [] : [`${k} ${k === 1 ? one : many}`]);
      const held = [...n(o.items, 'list item', 'list items'), ...n(o.rows, 'table row', 'table rows'), ...n(o.paragraphs, 'paragraph', 'paragraphs')].join(', ');
      this.ctx.b.report('section-unread', 'info', {
        reason: `Nothing was read as ${e.name} from this section (it holds ${held}): govmark reads ${e.example}.`,
        range,
      });
    }
  }
}
