/**
 * The timeline as SVG markup, written from the layout. Every string that
 * comes from a document goes through `escapeXml`; numbers are rounded;
 * nothing here reads the DOM, so the same code runs in Node (the CLI), in the
 * webview bundle and in the extension host.
 *
 * No `style` attributes and no `<style>` inside the inline SVG: a strict CSP
 * blocks both. The stylesheet travels separately (HTML `<style nonce>`), and
 * only the standalone SVG document embeds it.
 */
import type { TimelineEntry, TimelineModel } from '../protocol/requests.js';
import { describeFuzzyDate, formatShortDate } from '../core/dates/describe.js';
import { escapeXml } from './escape.js';
import {
  BAR_HEIGHT,
  dateLabel,
  KIND_WORDS,
  layoutTimeline,
  LINE_HEIGHT,
  tagOf,
  POINT_RADIUS,
  STATUS_WORDS,
  statusKey,
  type EntryBox,
  type LabelBox,
  type LayoutOptions,
  type LegendItem,
  type TimelineLayout,
} from './layout.js';
import { timelineCss } from './theme.js';

/** How `renderTimelineSvg` draws: the layout options, and whether entries respond to clicks (the webview). */
export interface SvgOptions extends LayoutOptions {
  /** Entries are focusable (`tabindex="0"`) and show a pointer: the webview reveals their line on click. */
  interactive?: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** `name="value"` pairs, every value escaped; undefined values are left out. */
function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : escapeXml(v)}"`)
    .join('');
}

/** The `<svg>` element, for inline use in HTML (styles come from the page). */
export function renderTimelineSvg(model: TimelineModel, options: SvgOptions = {}): string {
  return svgMarkup(model, layoutTimeline(model, options), options, '');
}

/**
 * A standalone SVG file: XML prolog, the stylesheet embedded, no external
 * reference of any kind (fonts, images, scripts), so it opens anywhere.
 */
export function renderTimelineSvgDocument(model: TimelineModel, options: LayoutOptions = {}): string {
  const style = `<style>\n${timelineCss()}\n</style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgMarkup(model, layoutTimeline(model, options), { ...options, interactive: false }, style)}`;
}

function svgMarkup(model: TimelineModel, layout: TimelineLayout, options: SvgOptions, head: string): string {
  const out: string[] = [];
  const cls = options.interactive ? 'govmark-timeline interactive' : 'govmark-timeline';
  out.push(
    `<svg${attrs({ xmlns: SVG_NS, class: cls, width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}` })}>`,
  );
  out.push(`<title>${escapeXml(`${model.title} — timeline`)}</title>`);
  out.push(`<desc>${escapeXml(summaryLine(model))}</desc>`);
  if (head) out.push(head);
  out.push(`<rect class="bg"${attrs({ x: 0, y: 0, width: layout.width, height: layout.height })}/>`);
  if (layout.title) out.push(`<text class="doc-title"${attrs({ x: layout.title.x, y: layout.title.y })}>${escapeXml(layout.title.text)}</text>`);
  out.push(...lanes(layout));
  out.push(...axis(layout));
  if (layout.empty) out.push(`<text class="empty"${attrs({ x: layout.empty.x, y: layout.empty.y })}>${escapeXml(layout.empty.text)}</text>`);
  out.push(...todayLine(layout));
  if (layout.dated.length > 0) {
    out.push('<g class="entries">');
    // Document order (by date), not row order: screen readers and Tab follow time.
    for (const box of layout.dated) out.push(entry(box, options));
    out.push('</g>');
  }
  out.push(...undatedLane(layout, options));
  out.push(...todayLabel(layout));
  out.push(...legend(layout.legend));
  out.push('</svg>');
  return out.join('\n');
}

/** One line saying what is drawn: for `<desc>`, the HTML page and the CLI. */
export function summaryLine(model: TimelineModel): string {
  const count = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const overdue = model.entries.filter((e) => e.overdue).length;
  const notRecorded = model.entries.filter((e) => e.outcomeNotRecorded).length;
  const problems = model.entries.filter((e) => e.problems?.length).length;
  const undated = model.entries.filter((e) => e.date.start === undefined || e.date.end === undefined || e.date.invalid !== undefined).length;
  const parts = [count(model.entries.length, 'entry').replace(/entrys$/, 'entries')];
  if (overdue > 0) parts.push(`${overdue} overdue`);
  if (notRecorded > 0) parts.push(`${notRecorded} outcome${notRecorded === 1 ? '' : 's'} not recorded`);
  if (problems > 0) parts.push(`${problems} with a problem`);
  if (undated > 0) parts.push(`${undated} without a date`);
  parts.push(`today ${formatShortDate(model.today)}`);
  return parts.join(' · ');
}

/** Swimlanes: a band per lane (alternate ones shaded) and the lane's full name above its rows. */
function lanes(layout: TimelineLayout): string[] {
  const named = layout.lanes.filter((l) => l.title.length > 0);
  if (named.length === 0) return [];
  const out = ['<g class="lanes">'];
  for (const lane of named) {
    out.push(`<rect class="swimlane${lane.index % 2 === 1 ? ' alt' : ''}"${attrs({ x: 4, y: lane.top, width: layout.width - 8, height: lane.bottom - lane.top + 2 })}/>`);
    // A space where a wrapped name breaks, so its text content reads as the whole name.
    const lines = lane.title.map((t, i) => `<tspan${attrs({ x: 12, dy: i === 0 ? undefined : LINE_HEIGHT })}>${escapeXml(t)}${i < lane.title.length - 1 ? ' ' : ''}</tspan>`).join('');
    out.push(`<text class="lane-name"${attrs({ x: 12, y: lane.titleY })}>${lines}</text>`);
  }
  out.push('</g>');
  return out;
}

function axis(layout: TimelineLayout): string[] {
  const { scale, axis } = layout;
  if (!scale || !axis) return [];
  const out = ['<g class="axis">'];
  const bottom = layout.rowsBottom;
  for (const t of scale.ticks) {
    out.push(`<line class="grid${t.major ? ' major' : ''}"${attrs({ x1: t.x, y1: axis.top, x2: t.x, y2: bottom })}/>`);
  }
  out.push(`<line class="axis-line"${attrs({ x1: scale.left, y1: axis.top, x2: scale.right, y2: axis.top })}/>`);
  for (const l of scale.yearLabels) out.push(`<text class="year-label"${attrs({ x: l.x, y: axis.yearY, 'text-anchor': l.anchor })}>${escapeXml(l.text)}</text>`);
  for (const l of scale.labels) out.push(`<text class="axis-label"${attrs({ x: l.x, y: axis.labelY, 'text-anchor': l.anchor })}>${escapeXml(l.text)}</text>`);
  out.push('</g>');
  return out;
}

/** The tooltip: what the entry is, the date as understood, its status, where it comes from. */
export function tooltip(e: TimelineEntry): string {
  const status = e.status ? STATUS_WORDS[e.status] ?? e.status : STATUS_WORDS.none;
  const due = e.overdue ? ' · OVERDUE: the date has passed' : e.outcomeNotRecorded ? ' · Outcome not recorded: the date has passed in a historical record' : '';
  return [
    e.title,
    describeFuzzyDate(e.date),
    `${KIND_WORDS[e.kind]} · ${status}${due}`,
    ...(e.problems ?? []).map((p) => `${p.severity === 'error' ? 'Error' : 'Warning'} (${p.ruleId}, line ${p.range.start.line + 1}): ${p.message}`),
    `From: ${e.source} (line ${e.range.start.line + 1})`,
  ].join('\n');
}

/** The accessible name: everything the label and the marks say, in one line, never cut. */
export function accessibleName(e: TimelineEntry): string {
  const status = e.status ? STATUS_WORDS[e.status] ?? e.status : undefined;
  const tag = tagOf(e);
  const problems = (e.problems ?? []).map((p) => `problem: ${p.message}`);
  return [`${dateLabel(e)}: ${e.title}`, KIND_WORDS[e.kind], ...(status ? [status] : []), ...(tag ? [tag] : []), ...problems, `from ${e.source}`].join('. ');
}

function entryAttrs(box: EntryBox, options: SvgOptions): string {
  const e = box.entry;
  const classes = [
    'entry',
    box.shape,
    `kind-${e.kind}`,
    `st-${statusKey(e)}`,
    ...(e.overdue ? ['overdue'] : []),
    ...(e.outcomeNotRecorded ? ['not-recorded'] : []),
    ...(e.problems?.length ? ['problem', ...new Set(e.problems.map((p) => `rule-${p.ruleId}`))] : []),
  ];
  return attrs({
    class: classes.join(' '),
    'data-id': e.id,
    'data-uri': e.uri,
    // 0-based, as the LSP range in the model: the webview sends it back to reveal the line.
    'data-line': String(e.range.start.line),
    'data-character': String(e.range.start.character),
    'data-kind': e.kind,
    'data-status': e.status,
    'data-precision': e.date.precision,
    'data-start': e.date.start,
    'data-end': e.date.end,
    'data-body': e.body,
    tabindex: options.interactive ? '0' : undefined,
    role: options.interactive ? 'button' : 'img',
    'aria-label': accessibleName(e),
  });
}

/** The label, one `<tspan>` line after another; the text content reads as the whole label, in order. */
function label(box: EntryBox): string {
  const l: LabelBox = box.label;
  const parts: string[] = [];
  l.lines.forEach((line, i) => {
    const pos = i === 0 ? '' : attrs({ x: l.x, dy: LINE_HEIGHT });
    const bits: string[] = [];
    if (line.date !== undefined) bits.push(`<tspan class="date">${escapeXml(line.date)}</tspan>`);
    const lead = line.date !== undefined ? ' ' : '';
    if (line.text !== '') bits.push(`<tspan class="title">${lead}${escapeXml(line.text)}</tspan>`);
    if (line.tag) bits.push(`<tspan class="${l.overdue ? 'overdue-tag' : 'not-recorded-tag'}">${line.text !== '' || line.date !== undefined ? ' ' : ''}${escapeXml(line.tag)}</tspan>`);
    // A space where the line breaks (at its end, where it shows nothing), so the text content reads as the whole label.
    if (i < l.lines.length - 1) bits.push(' ');
    parts.push(`<tspan class="line"${pos}>${bits.join('')}</tspan>`);
  });
  return `<text class="${l.inside ? 'label inside' : 'label'}"${attrs({ x: l.x, y: l.y, 'text-anchor': l.anchor === 'end' ? 'end' : undefined })}>${parts.join('')}</text>`;
}

/** The problem mark's accessible name: what is wrong and where it is reported. */
export function problemName(e: TimelineEntry): string {
  const problems = e.problems ?? [];
  return problems.map((p) => `${p.severity === 'error' ? 'Error' : 'Warning'} on line ${p.range.start.line + 1}: ${p.message}`).join('. ') + `. For: ${e.title}`;
}

/**
 * A warning triangle with "!" where an entry has a problem (out of order, not
 * a date), linked to its diagnostic's line. Beside the entry's group, not in
 * it: in the webview it is a button of its own (Tab reaches it after its
 * entry; Enter reveals the diagnostic, not the entry).
 */
function problemMark(box: EntryBox, options: SvgOptions): string {
  const p = box.problem;
  const first = box.entry.problems?.[0];
  if (!p || !first) return '';
  const r = 7;
  const error = box.entry.problems!.some((x) => x.severity === 'error');
  const tip = (box.entry.problems ?? []).map((x) => `${x.severity === 'error' ? 'Error' : 'Warning'} (${x.ruleId}, line ${x.range.start.line + 1}): ${x.message}`).join('\n');
  return (
    `<g class="problem-mark${error ? ' error' : ''}"${attrs({
      'data-uri': box.entry.uri,
      'data-line': String(first.range.start.line),
      'data-character': String(first.range.start.character),
      'data-end-line': String(first.range.end.line),
      'data-end-character': String(first.range.end.character),
      'data-rule': first.ruleId,
      'data-for': box.entry.id,
      tabindex: options.interactive ? '0' : undefined,
      role: options.interactive ? 'button' : 'img',
      'aria-label': problemName(box.entry),
    })}>` +
    `<title>${escapeXml(tip)}</title>` +
    `<polygon${attrs({ points: `${n(p.x)},${n(p.y - r)} ${n(p.x + r)},${n(p.y + r - 1)} ${n(p.x - r)},${n(p.y + r - 1)}` })}/>` +
    `<text class="bang"${attrs({ x: p.x, y: p.y + 4.5, 'text-anchor': 'middle' })}>!</text></g>`
  );
}

function entry(box: EntryBox, options: SvgOptions): string {
  const parts = [`<g${entryAttrs(box, options)}>`, `<title>${escapeXml(tooltip(box.entry))}</title>`];
  const cy = box.y;
  if (box.shape === 'span') {
    parts.push(`<rect class="mark"${attrs({ x: box.x0, y: cy - BAR_HEIGHT / 2, width: box.x1 - box.x0, height: BAR_HEIGHT, rx: 3 })}/>`);
    // Cut by a zoomed view: an arrow at the cut edge says the bar goes on.
    if (box.clipped?.start) parts.push(`<polygon class="cut"${attrs({ points: `${n(box.x0)},${n(cy - 5)} ${n(box.x0 - 5)},${n(cy)} ${n(box.x0)},${n(cy + 5)}` })}/>`);
    if (box.clipped?.end) parts.push(`<polygon class="cut"${attrs({ points: `${n(box.x1)},${n(cy - 5)} ${n(box.x1 + 5)},${n(cy)} ${n(box.x1)},${n(cy + 5)}` })}/>`);
  } else {
    const cx = (box.x0 + box.x1) / 2;
    parts.push(pointMark(box.entry.kind, cx, cy));
    if (box.entry.overdue) parts.push(`<circle class="overdue-ring"${attrs({ cx, cy, r: POINT_RADIUS + 3.5 })}/>`);
  }
  parts.push(label(box), '</g>', problemMark(box, options));
  return parts.join('');
}

/** A shape per kind, so a meeting, an action and a milestone on the same day look different. */
function pointMark(kind: TimelineEntry['kind'] | 'undated', cx: number, cy: number): string {
  const r = POINT_RADIUS;
  switch (kind) {
    case 'meeting':
      return `<polygon class="mark"${attrs({ points: `${n(cx)},${n(cy - r - 1)} ${n(cx + r + 1)},${n(cy)} ${n(cx)},${n(cy + r + 1)} ${n(cx - r - 1)},${n(cy)}` })}/>`;
    case 'action':
      return `<rect class="mark"${attrs({ x: cx - r + 0.5, y: cy - r + 0.5, width: 2 * r - 1, height: 2 * r - 1 })}/>`;
    case 'review':
      return `<polygon class="mark"${attrs({ points: `${n(cx)},${n(cy - r - 1)} ${n(cx + r + 1)},${n(cy + r)} ${n(cx - r - 1)},${n(cy + r)}` })}/>`;
    default:
      return `<circle class="mark"${attrs({ cx, cy, r })}/>`;
  }
}

function undatedLane(layout: TimelineLayout, options: SvgOptions): string[] {
  const lane = layout.undated;
  if (!lane) return [];
  const out = ['<g class="undated-lane">'];
  const left = layout.scale?.left ?? 20;
  const right = layout.scale?.right ?? layout.width - 20;
  out.push(`<rect class="lane"${attrs({ x: left - 8, y: lane.top, width: right - left + 16, height: lane.bottom - lane.top, rx: 4 })}/>`);
  out.push(`<text class="lane-title"${attrs({ x: left, y: lane.titleY })}>${escapeXml(lane.title)}</text>`);
  for (const box of lane.entries) {
    out.push(`<g${entryAttrs(box, options)}><title>${escapeXml(tooltip(box.entry))}</title><circle class="mark"${attrs({ cx: (box.x0 + box.x1) / 2, cy: box.y, r: POINT_RADIUS })}/>${label(box)}</g>${problemMark(box, options)}`);
  }
  out.push('</g>');
  return out;
}

/** The line goes under the entries (drawn first), its label after them. */
function todayLine(layout: TimelineLayout): string[] {
  const t = layout.today;
  if (!t || t.x === undefined || !layout.axis) return [];
  return [`<line class="today-line"${attrs({ 'data-date': t.iso, x1: t.x, y1: layout.axis.yearY - 10, x2: t.x, y2: layout.rowsBottom + 2 })}/>`];
}

function todayLabel(layout: TimelineLayout): string[] {
  const t = layout.today;
  if (!t || !layout.axis) return [];
  return [`<text class="today-label"${attrs({ 'data-date': t.iso, x: t.label.x, y: t.label.y, 'text-anchor': t.label.anchor })}>${escapeXml(t.label.text)}</text>`];
}

function legend(items: readonly LegendItem[]): string[] {
  if (items.length === 0) return [];
  const out = ['<g class="legend">'];
  for (const item of items) {
    const cx = item.x + 6;
    const cy = item.y;
    let swatch: string;
    switch (item.kind) {
      case 'status':
        swatch = `<g class="swatch point st-${escapeXml(item.key)}"><circle class="mark"${attrs({ cx, cy, r: 5 })}/></g>`;
        break;
      case 'shape':
        swatch = `<g class="swatch shape">${pointMark(item.key as TimelineEntry['kind'], cx, cy)}</g>`;
        break;
      case 'span':
        swatch = `<g class="swatch span st-planned"><rect class="mark"${attrs({ x: item.x, y: cy - 5, width: 14, height: 10, rx: 2 })}/></g>`;
        break;
      case 'overdue':
        swatch = `<g class="swatch point st-planned overdue"><circle class="mark"${attrs({ cx, cy, r: 5 })}/></g>`;
        break;
      case 'not-recorded':
        swatch = `<g class="swatch point st-none not-recorded"><circle class="mark"${attrs({ cx, cy, r: 5 })}/></g>`;
        break;
      case 'problem':
        swatch = `<g class="problem-mark"><polygon${attrs({ points: `${n(cx)},${n(cy - 6)} ${n(cx + 6)},${n(cy + 5)} ${n(cx - 6)},${n(cy + 5)}` })}/><text class="bang"${attrs({ x: cx, y: cy + 4, 'text-anchor': 'middle' })}>!</text></g>`;
        break;
      case 'today':
        swatch = `<line class="today-line"${attrs({ x1: cx, y1: cy - 7, x2: cx, y2: cy + 7 })}/>`;
        break;
      default:
        swatch = `<g class="swatch undated st-planned"><circle class="mark"${attrs({ cx, cy, r: 5 })}/></g>`;
    }
    out.push(swatch, `<text${attrs({ x: item.x + 18, y: cy + 4 })}>${escapeXml(item.text)}</text>`);
  }
  out.push('</g>');
  return out;
}
