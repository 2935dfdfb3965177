/**
 * Document symbols: an outline of what the document means, not of its
 * headings. Terms of reference → Functions (each clause), Membership (each
 * seat with its count), Quorum; minutes → Attendance (Present / In attendance
 * / Apologies with counts), agenda items containing their resolutions and
 * actions; resolutions → clauses; timelines → milestones with their dates.
 * Read from the model's content, so custom types that extend a built-in type
 * get the same outline.
 */
import { SymbolKind, type CancellationToken, type DocumentSymbol } from 'vscode-languageserver/node';
import type { GovDocument } from '../core/model.js';
import { recognisedRange } from '../core/parse/parse.js';
import type { Range } from '../core/text/range.js';
import { toLspRange } from './edge.js';
import { actionName, agendaItemName, milestoneName, resolutionDetail, resolutionName, seatDetail, seatName } from './names.js';

interface Node {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selection: Range;
  children: Node[];
}

export function documentSymbols(doc: GovDocument, token?: CancellationToken): DocumentSymbol[] {
  if (doc.type === undefined) return [];
  const outline = new Outline(doc);
  const nodes = [...outline.kind(), ...outline.functions(), ...outline.membership(), ...outline.quorum(), ...outline.attendance(), ...outline.decisions(), ...outline.milestones()];
  if (token?.isCancellationRequested) return [];
  return nodes.sort((a, b) => a.range.start.offset - b.range.start.offset).map(toSymbol);
}

function toSymbol(n: Node): DocumentSymbol {
  const s: DocumentSymbol = { name: n.name === '' ? '(untitled)' : n.name, kind: n.kind, range: toLspRange(n.range), selectionRange: toLspRange(n.selection) };
  if (n.detail) s.detail = n.detail;
  if (n.children.length > 0) s.children = n.children.sort((a, b) => a.range.start.offset - b.range.start.offset).map(toSymbol);
  return s;
}

/** The smallest range covering all of `ranges`. */
function hull(ranges: (Range | undefined)[]): Range | undefined {
  let out: Range | undefined;
  for (const r of ranges) {
    if (!r) continue;
    if (!out) out = r;
    else out = { start: r.start.offset < out.start.offset ? r.start : out.start, end: r.end.offset > out.end.offset ? r.end : out.end };
  }
  return out;
}

function contains(outer: Range, inner: Range): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

interface Extent {
  title: string;
  kind?: string;
  heading: Range;
  extent: Range;
}

class Outline {
  private readonly extents: Extent[];

  constructor(private readonly doc: GovDocument) {
    this.extents = this.sectionExtents();
  }

  private at(pointer: string): Range | undefined {
    return this.doc.sourceMap.get(pointer)?.range;
  }

  /**
   * Each section from its heading to the last non-blank text before the next
   * heading of the same or a higher level.
   */
  private sectionExtents(): Extent[] {
    const { sections } = this.doc.data.content;
    const out: Extent[] = [];
    sections.forEach((s, i) => {
      const heading = this.at(`/content/sections/${i}`);
      if (!heading) return;
      let end = this.doc.text.length;
      for (let j = i + 1; j < sections.length; j++) {
        const next = this.at(`/content/sections/${j}`);
        if (next && sections[j].depth <= s.depth) {
          end = next.start.offset;
          break;
        }
      }
      while (end > heading.end.offset && /\s/.test(this.doc.text[end - 1])) end--;
      out.push({ title: s.title, kind: s.kind, heading, extent: this.doc.lines.range(heading.start.offset, Math.max(end, heading.end.offset)) });
    });
    return out;
  }

  private section(kind: string): { heading: Range; extent: Range } | undefined {
    return this.extents.find((e) => e.kind === kind);
  }

  /** A group: the section of `kind` if there is one, grown to cover its children. */
  private group(name: string, kind: SymbolKind, sectionKind: string, children: Node[], detail?: string, fallback?: Range): Node[] {
    const section = this.section(sectionKind);
    const range = hull([section?.extent, fallback, ...children.map((c) => c.range)]);
    if (!range) return [];
    return [{ name, detail, kind, range, selection: section?.heading ?? children[0]?.selection ?? range, children }];
  }

  functions(): Node[] {
    const fns = this.doc.data.content.functions;
    if (!fns?.length) return [];
    const children = fns.flatMap((f, i): Node[] => {
      const range = this.at(`/content/functions/${i}`);
      if (!range) return [];
      const name = f.number !== undefined ? `${f.number}. ${f.text}` : f.text;
      return [{ name: name.length > 160 ? name.slice(0, 159) + '…' : name, kind: SymbolKind.Function, range, selection: range, children: [] }];
    });
    return this.group('Functions', SymbolKind.Namespace, 'functions', children, `${fns.length}`);
  }

  membership(): Node[] {
    const seats = this.doc.data.content.seats;
    if (!seats?.length) return [];
    const children = seats.flatMap((s, i): Node[] => {
      const range = this.at(`/content/seats/${i}`);
      return range ? [{ name: seatName(s), detail: seatDetail(s), kind: SymbolKind.Field, range, selection: range, children: [] }] : [];
    });
    const total = seats.reduce((n, s) => n + s.count, 0);
    return this.group('Membership', SymbolKind.Struct, 'membership', children, `${total} seat${total === 1 ? '' : 's'}`);
  }

  quorum(): Node[] {
    const q = this.doc.data.content.quorum;
    const section = this.section('quorum');
    if (!q && !section) return [];
    const stated = this.at('/content/quorum');
    const detail = q ? (q.count !== undefined ? `${q.count} members` : q.fraction ? `${q.fraction.numerator}/${q.fraction.denominator} of the members` : q.text) : undefined;
    // Where the quorum is stated: the section, else the front matter value.
    const range = section?.extent ?? stated;
    if (!range) return [];
    return [{ name: 'Quorum', detail, kind: SymbolKind.Number, range, selection: section?.heading ?? range, children: [] }];
  }

  attendance(): Node[] {
    const att = this.doc.data.content.attendance;
    if (!att) return [];
    const lists: { key: 'present' | 'inAttendance' | 'apologies'; name: string; kind: string }[] = [
      { key: 'present', name: 'Present', kind: 'present' },
      { key: 'inAttendance', name: 'In attendance', kind: 'in-attendance' },
      { key: 'apologies', name: 'Apologies', kind: 'apologies' },
    ];
    const children = lists.flatMap(({ key, name, kind }): Node[] => {
      const people = att[key];
      const section = this.section(kind);
      const list = this.at(`/content/attendance/${key}`);
      if (!section && !list) return [];
      const persons = people.flatMap((p, i): Node[] => {
        const range = this.at(`/content/attendance/${key}/${i}`);
        if (!range) return [];
        const detail = [p.role, p.affiliation, p.voting === false ? 'non-voting' : undefined].filter(Boolean).join(' · ');
        // As written: "Councillor J. Slater" (the model keeps the honorific apart, Popolo's honorific_prefix).
        const written = p.honorificPrefix ? `${p.honorificPrefix} ${p.name}` : p.name;
        return [{ name: written, detail: detail || undefined, kind: SymbolKind.Object, range, selection: range, children: [] }];
      });
      const range = hull([section?.extent, list, ...persons.map((p) => p.range)])!;
      return [{ name, detail: `${people.length}`, kind: SymbolKind.Array, range, selection: section?.heading ?? list ?? range, children: persons }];
    });
    if (children.length === 0) return [];
    const range = hull(children.map((c) => c.range))!;
    return [{ name: 'Attendance', detail: `${att.present.length} present`, kind: SymbolKind.Namespace, range, selection: children[0].selection, children }];
  }

  /** Agenda items with the resolutions made under them, each resolution with its actions. */
  decisions(): Node[] {
    const { items = [], resolutions = [], actions = [] } = this.doc.data.content;
    const resolutionNodes = resolutions.map((r, i): Node | undefined => {
      const range = this.at(`/content/resolutions/${i}`);
      if (!range) return undefined;
      const detail = resolutionDetail(r);
      return { name: resolutionName(r), ...(detail ? { detail } : {}), kind: SymbolKind.Event, range, selection: this.at(`/content/resolutions/${i}/number`) ?? range, children: [] };
    });
    const loose: Node[] = [];
    actions.forEach((a, j) => {
      const range = this.at(`/content/actions/${j}`);
      if (!range) return;
      const node: Node = { name: actionName(a), detail: a.due ? `due ${a.due.text}` : undefined, kind: SymbolKind.Method, range, selection: range, children: [] };
      const parent = a.resolution !== undefined ? resolutionNodes[a.resolution] : undefined;
      if (parent && contains(parent.range, range)) parent.children.push(node);
      else loose.push(node);
    });
    const itemNodes = items.flatMap((item, k): Node[] => {
      const heading = this.at(`/content/items/${k}`);
      if (!heading) return [];
      const extent = this.extents.find((e) => e.heading.start.offset === heading.start.offset)?.extent ?? heading;
      return [{ name: agendaItemName(item), kind: SymbolKind.Module, range: extent, selection: heading, children: [] }];
    });
    const top: Node[] = [...itemNodes];
    const place = (n: Node) => {
      const item = itemNodes.find((i) => contains(i.range, n.range));
      if (item) item.children.push(n);
      else top.push(n);
    };
    for (const n of resolutionNodes) if (n) place(n);
    for (const n of loose) place(n);
    return top;
  }

  /** For a document whose kind was recognised, not declared: what it was read as, and why. */
  kind(): Node[] {
    if (this.doc.typeSource !== 'inferred') return [];
    const range = recognisedRange(this.doc);
    const why = (this.doc.typeInference?.evidence ?? []).filter((e) => e.weight > 0).slice(0, 2).map((e) => e.reason).join('; ');
    return [{ name: `Read as ${this.doc.type}`, detail: why ? `recognised: ${why}` : 'recognised', kind: SymbolKind.File, range, selection: range, children: [] }];
  }

  milestones(): Node[] {
    const ms = this.doc.data.content.milestones;
    if (!ms?.length) return [];
    const groups = new Map<string, Node[]>();
    const top: Node[] = [];
    ms.forEach((m, i) => {
      const range = this.at(`/content/milestones/${i}`);
      if (!range) return;
      const node: Node = { name: milestoneName(m), detail: m.status, kind: SymbolKind.Event, range, selection: this.at(`/content/milestones/${i}/date`) ?? range, children: [] };
      if (m.group === undefined) top.push(node);
      else {
        const list = groups.get(m.group);
        if (list) list.push(node);
        else groups.set(m.group, [node]);
      }
    });
    for (const [title, children] of groups) {
      const heading = this.extents.find((e) => e.title === title && contains(e.extent, children[0].range));
      const range = hull([heading?.extent, ...children.map((c) => c.range)])!;
      top.push({ name: title, kind: SymbolKind.Namespace, range, selection: heading?.heading ?? children[0].selection, children, detail: `${children.length}` });
    }
    return top;
  }
}
