/**
 * Reads decisions: a marker paragraph ("RESOLVED: That …", "**Decision**: …"),
 * a marker or decision heading followed by the list of its clauses (or, in a
 * Conclusion / Decision Outcome section, the paragraph that records it), marked
 * list items, and the actions attached to a clause as nested items. Also
 * decisions written without a marker (votes with a tally, consensus calls,
 * "TAC agreed to …", see phrases/outcomes.ts), the paragraphs after a lead-in
 * ("the Secretary of State has concluded:"), a review's `Status:`, the "we
 * will …" commitments of a proposal's Consequences, and tables whose column
 * says the outcome ("Advanced to"). Each decision says its outcome and tally.
 */
import type { Blockquote, List, ListItem, Paragraph, Table } from 'mdast';
import type { Resolution, ResolutionVotes } from '../model.js';
import type { Range } from '../text/range.js';
import { readAction } from './actions.js';
import { decisionMarker } from './phrases/markers.js';
import {
  isCommitment,
  isDecisionLeadIn,
  isLabelledParagraph,
  isListLeadIn,
  isSpeakerLines,
  outcomeColumn,
  outcomeOf,
  outcomeStatement,
  reviewStatus,
  statusOutcome,
  votesOf,
  type Outcome,
} from './phrases/outcomes.js';
import { isDecisionHeading } from './phrases/sections.js';
import { recordedVote, withRecordedVote } from './phrases/votes.js';
import { itemLead, itemMarkerRange, itemNumber, normaliseHeading, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

export const decisions: Reader = {
  id: 'decisions',
  description: 'Decisions (resolutions) with their number, marker and agenda item, and the actions nested under a clause.',
  applies: (r) => r.decisions,
  create(ctx) {
    const d = new DecisionReading(ctx);
    ctx.b.content.resolutions = [];
    return {
      heading: (h) => d.heading(textOf(h), h.depth),
      paragraph: (p) => d.paragraph(p),
      list: (l) => d.list(l),
      listItem: (item, list) => d.item(item, list),
      table: (t) => d.table(t),
      other: (node) => {
        if (node.type === 'blockquote') d.blockquote(node);
        if (node.type !== 'html' && node.type !== 'yaml') {
          d.pending = undefined;
          d.labelled = false;
        }
      },
    };
  },
};

/** A decision before it is added: its outcome and votes are read from its text when not given. */
type NewResolution = Omit<Resolution, 'block' | 'outcome' | 'votes'> & { outcome?: Outcome };

class DecisionReading {
  /** A decision marker paragraph or heading with nothing after it: the next list holds its clauses. */
  pending: { marker: string } | undefined;
  /** After a lead-in such as "the Secretary of State has concluded:", the paragraphs that follow are its decisions. */
  labelled = false;
  /**
   * Under a decision heading ("### Conclusion", "## Decision Outcome") whose
   * record has not been read yet: its first paragraph is the decision.
   */
  private open: { marker: string } | undefined;
  /** Depth of the "Consequences" heading a proposal's commitments are under. */
  private consequences: number | undefined;
  /** Whether the current heading is that of an assessment or review, where `Status:` is its outcome. */
  private assessment = false;
  /** Decision blocks so far: each marker and its list is one. */
  private blocks = 0;
  /**
   * Decisions read so far from a formal record (a marker, a decision
   * section): once a document keeps one, consensus noted in the discussion
   * restates it and is not read again.
   */
  private formal = 0;

  constructor(private readonly ctx: ReadContext) {}

  heading(title: string, depth: number): void {
    const n = normaliseHeading(title);
    // "### Consented Decisions", "#### Conclusion/Resolution": the list right under it holds the decisions.
    const decision = isDecisionHeading(title, this.ctx.section?.kind);
    this.pending = decision ? { marker: title } : undefined;
    this.open = decision ? { marker: title } : undefined;
    this.labelled = false;
    if (this.consequences !== undefined && depth <= this.consequences) this.consequences = undefined;
    if (n === 'consequences' || n === 'decision and consequences') this.consequences = depth;
    this.assessment = /\b(?:assessment|review|evaluation|outcome|result|verdict)s?\b/.test(n);
  }

  paragraph(p: Paragraph): boolean {
    const text = textOf(p);
    if (text === '') return false;
    const open = this.open;
    this.open = undefined;
    const d = decisionMarker(text);
    if (d) {
      this.labelled = false;
      if (d.rest === '') {
        this.pending = { marker: d.marker };
        return true;
      }
      this.pending = undefined;
      const number = d.number !== undefined && /^\d+$/.test(d.number) ? Number(d.number) : undefined;
      const item = this.ctx.item;
      this.formal++;
      this.add({ text: chosenOption(d.marker, d.rest), marker: d.marker, number, identifier: d.number ?? item, item }, this.blocks++, rangeOfNode(p), undefined);
      return true;
    }
    const item = this.ctx.item;
    // The paragraphs after "…, the Secretary of State has concluded:", each opened by what it is about.
    if (this.labelled && isLabelledParagraph(text)) {
      this.pending = undefined;
      this.formal++;
      this.add({ text, marker: 'concluded', identifier: item, item }, this.blocks - 1, rangeOfNode(p), undefined);
      return true;
    }
    this.labelled = false;
    if (open) {
      // "## Proposed Standard" › "There are just four rules …:" › the rules.
      if (isListLeadIn(text)) {
        this.pending = open;
        return true;
      }
      this.pending = undefined;
      this.formal++;
      this.add({ text, marker: open.marker, identifier: item, item }, this.blocks++, rangeOfNode(p), undefined);
      return true;
    }
    this.pending = undefined;
    if (isDecisionLeadIn(text)) {
      this.pending = { marker: text };
      this.labelled = true;
      this.blocks++;
      return true;
    }
    const status = this.assessment ? reviewStatus(text) : undefined;
    const so = status !== undefined ? statusOutcome(status) : undefined;
    if (status !== undefined && so) {
      this.add({ text: status, marker: 'Status:', identifier: item, item, outcome: so }, this.blocks++, rangeOfNode(p), undefined);
      return true;
    }
    if (this.consequences !== undefined && isCommitment(text)) {
      this.add({ text, marker: 'we will', identifier: item, item }, this.blocks++, rangeOfNode(p), undefined);
      return true;
    }
    const lines = this.sourceLines(p);
    if (lines.length >= 2 && isSpeakerLines(lines.map((l) => l.text))) {
      // Each speaker line alone; the paragraph stays for the readers after this one (its other lines may be actions).
      for (const l of lines) {
        const o = this.informal(l.text.replace(/\*\*|__/g, ''));
        if (o) this.add({ text: o.text, marker: o.marker, identifier: item, item }, this.blocks++, this.ctx.b.range(l.start, l.end), undefined);
      }
      return false;
    }
    const o = this.informal(text);
    if (o) {
      this.add({ text: o.text, marker: o.marker, identifier: item, item }, this.blocks++, rangeOfNode(p), undefined);
      return true;
    }
    return false;
  }

  /** A decision written without a marker, unless it is talk that restates a formal record already read. */
  private informal(text: string): ReturnType<typeof outcomeStatement> {
    const o = outcomeStatement(text);
    return o && (o.kind === 'record' || this.formal === 0) ? o : undefined;
  }

  /** The source lines of a paragraph (at most 80), with their offsets. */
  private sourceLines(p: Paragraph): { text: string; start: number; end: number }[] {
    const s = p.position?.start.offset;
    const e = p.position?.end.offset;
    if (s === undefined || e === undefined) return [];
    const out: { text: string; start: number; end: number }[] = [];
    let at = s;
    while (at < e && out.length < 80) {
      let nl = this.ctx.text.indexOf('\n', at);
      if (nl < 0 || nl > e) nl = e;
      const line = this.ctx.text.slice(at, nl).replace(/\r$/, '');
      if (line.trim() !== '') out.push({ text: line.trim(), start: at, end: at + line.length });
      at = nl + 1;
    }
    return out;
  }

  /** "> **We will disable CD for Publishing API and Collections**. …" under Consequences. */
  blockquote(q: Blockquote): void {
    const first = q.children[0];
    if (this.consequences === undefined || !first || first.type !== 'paragraph') return;
    const text = textOf(first);
    if (isCommitment(text)) this.add({ text, marker: 'we will', identifier: this.ctx.item, item: this.ctx.item }, this.blocks++, rangeOfNode(first), undefined);
  }

  list(list: List): boolean {
    const pending = this.pending;
    this.pending = undefined;
    this.open = undefined;
    this.labelled = false;
    if (!pending) return false;
    this.clauses(list, pending.marker);
    return true;
  }

  /** A list item with a decision marker, or a bare marker with the clauses nested under it. */
  item(item: ListItem, list: List): boolean {
    const lead = itemLead(item);
    const d = decisionMarker(lead);
    const nested = item.children.filter((n): n is List => n.type === 'list');
    if (!d) {
      const item_ = this.ctx.item;
      const o = this.informal(lead);
      const commitment = !o && this.consequences !== undefined && this.ctx.depth === 0 && isCommitment(lead);
      if (!o && !commitment) return false;
      const r = this.add({ text: o ? o.text : lead, marker: o ? o.marker : 'we will', identifier: item_, item: item_ }, this.blocks++, rangeOfNode(item), undefined);
      this.nested(nested, r);
      return true;
    }
    if (d.rest !== '') {
      const item_ = this.ctx.item;
      this.formal++;
      const r = this.add({ text: d.rest, marker: d.marker, identifier: d.number ?? item_, item: item_ }, this.blocks++, rangeOfNode(item), undefined);
      // "- **Decision:** …" with "- **Action:** …" under it.
      this.nested(nested, r);
      return true;
    }
    // "- Decisions:" with the clauses nested under it; not "- Resolved:" among status buckets.
    if (nested[0] && !isStatusBucket(d.marker, list)) this.clauses(nested[0], d.marker);
    return true;
  }

  /**
   * The items nested under a decision: actions attached to it, or the
   * decisions written under it ("- VOTE motion …" › "- 6 in favour – passes").
   */
  private nested(lists: List[], r: number): void {
    for (const sub of lists.flatMap((n) => n.children)) {
      const lead = itemLead(sub);
      const o = decisionMarker(lead) ?? this.informal(lead);
      if (o) {
        const text = 'rest' in o ? o.rest : o.text;
        if (text !== '') this.add({ text, marker: o.marker, identifier: this.ctx.item, item: this.ctx.item }, this.blocks++, rangeOfNode(sub), undefined);
        continue;
      }
      readAction(this.ctx, lead, sub, r);
    }
  }

  /**
   * A table with an outcome column: each row is a decision ("| Stage 4 |
   * ArrayBuffer transfer |" under "Advanced to" is "ArrayBuffer transfer
   * advanced to Stage 4").
   */
  table(t: Table): boolean {
    const { headers, rows, cell } = tableColumns(t);
    this.pending = undefined;
    this.open = undefined;
    this.labelled = false;
    const at = headers.findIndex((h) => outcomeColumn(h) !== undefined);
    if (at < 0 || headers.length < 2 || headers.length > 8) return false;
    const kind = outcomeColumn(headers[at])!;
    const heading = textOf(t.children[0].children[at]);
    const item = this.ctx.item;
    const block = this.blocks++;
    for (const row of rows) {
      const value = cell(row, at);
      if (value === '' || /^(?:-+|—|–|n\/a|tbd|tbc)$/i.test(value)) continue;
      const about = headers
        .map((_, i) => (i === at ? '' : cell(row, i)))
        .filter((c) => c !== '')
        .join(', ');
      if (about === '') continue;
      const text = kind === 'advance' ? `${about} ${heading.charAt(0).toLowerCase()}${heading.slice(1)} ${value}` : `${about}: ${value}`;
      this.add({ text, marker: heading, identifier: item, item, outcome: kind === 'advance' ? 'adopted' : undefined }, block, rangeOfNode(row), undefined);
    }
    this.pending = undefined;
    this.open = undefined;
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
      // "- Action: Clerk to circulate the budget paper" under a Decisions heading: an action, not a decision.
      if (ACTION_LEAD.test(text) && readAction(this.ctx, text, li, undefined)) continue;
      const markerRange = list.ordered ? itemMarkerRange(b.text, li, (s, e) => b.range(s, e)) : undefined;
      this.formal++;
      const r = this.add({ text, marker, number, identifier, item }, block, rangeOfNode(li), markerRange);
      for (const child of li.children) {
        if (child.type !== 'list') continue;
        for (const sub of child.children) readAction(this.ctx, itemLead(sub), sub, r);
      }
    }
  }

  private add(r: NewResolution, block: number, range: Range | undefined, numberRange: Range | undefined): number {
    const { b } = this.ctx;
    const list = b.content.resolutions!;
    const i = list.length;
    const clean: Resolution = { text: r.text, marker: r.marker, block: Math.max(0, block), outcome: r.outcome ?? outcomeOf(r.text) };
    const votes = votesWritten(r.text);
    if (votes) clean.votes = votes;
    if (r.number !== undefined) clean.number = r.number;
    if (r.identifier !== undefined) clean.identifier = r.identifier;
    if (r.item !== undefined) clean.item = r.item;
    if (this.ctx.meeting !== undefined) clean.meeting = this.ctx.meeting;
    list.push(clean);
    b.map(`/content/resolutions/${i}`, range);
    b.map(`/content/resolutions/${i}/number`, numberRange);
    b.mapWritten(`/content/resolutions/${i}/text`, clean.text, range);
    return i;
  }
}

/** MADR `Chosen option: "Use YAML front matter", because …`: the option chosen, without its quotes and reasons. */
/** A list item marked as an action: "Action:", "ACTION POINT -", "Actions:". */
const ACTION_LEAD = /^\*{0,2}actions?(?:\s+points?)?\*{0,2}\s*[:\-–—]/i;

function chosenOption(marker: string, rest: string): string {
  if (!/^chosen option/i.test(marker)) return rest;
  const m = /^["“]([^"”]{1,300})["”]/.exec(rest);
  return m ? m[1].trim() : rest;
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

/**
 * The tally a decision's own text gives: counts ("7 in favour, 2 against",
 * "by 7 votes to 2") and the names of a recorded vote written into it
 * ("… carried. For: Councillors A and B; Against: Councillor C").
 */
function votesWritten(text: string): ResolutionVotes | undefined {
  const counted = votesOf(text);
  const segments = recordedVote(text);
  if (!segments) return counted;
  const v = withRecordedVote(counted, segments);
  return Object.keys(v).length > 0 ? v : undefined;
}
