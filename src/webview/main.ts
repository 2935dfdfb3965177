/**
 * The timeline preview's script, running in the webview (bundled to dist/webview.js).
 * Draws each model the extension sends with the same renderer the extension and the CLI
 * use, turns clicks on entries and problem marks into `reveal` messages, offers the scope
 * toggle, swimlanes, zoom and pan, filters by status and body, and export, keeps its state
 * for the serializer, and reports what it drew.
 *
 * Zoom and pan move the layout's view window (src/render/view.ts): the drawing is laid out
 * again for those days, so the axis shows days when zoomed in — never a CSS scale.
 *
 * Every string in the SVG is escaped by the renderer; this script adds no document text to
 * the page other than through that markup and `textContent`.
 */
import type { TimelineModel } from '../protocol/requests.js';
import {
  describeView,
  filterChoices,
  filterModel,
  fractionAt,
  fullPeriod,
  GROUP_BY,
  daysPerPixel,
  MIN_VIEW_DAYS,
  normaliseView,
  PAN_STEP,
  panView,
  panViewBy,
  renderTimelineSvg,
  summaryLine,
  zoomView,
  ZOOM_STEP,
  type FilterChoice,
  type GroupBy,
  type ViewWindow,
} from '../render/index.js';
import type { FromPreview, PreviewState, ToPreview } from './protocol.js';

interface VsCodeApi {
  postMessage(message: FromPreview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: FromPreview) => vscode.postMessage(message);
let current: { model: TimelineModel; scope: PreviewState['scope']; uri?: string } | undefined;
const saved = vscode.getState();
let groupBy: GroupBy = saved?.groupBy && GROUP_BY.includes(saved.groupBy) ? saved.groupBy : 'none';
/** The days shown; undefined: the whole period (Fit). */
let view: ViewWindow | undefined = saved?.view;
let hiddenStatuses: string[] = strings(saved?.hiddenStatuses);
let hiddenBodies: string[] = strings(saved?.hiddenBodies);
/** The whole period of what the filters let through, at the current width: what zoom and pan stay inside. */
let full: ViewWindow | undefined;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const main = document.querySelector('main') ?? document.body;
const container = document.getElementById('timeline') ?? main.appendChild(document.createElement('div'));
const heading = document.querySelector('h1');
const summary = document.querySelector('.summary');
// Focusable from script only: a redraw that removes the focused entry leaves the focus here, not on the page.
container.tabIndex = -1;

function button(text: string, className: string, label: string | undefined, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  if (label !== undefined) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

/** The toolbar: scope, swimlanes, zoom, filters, export. */
const toolbar = document.createElement('nav');
toolbar.className = 'govmark-toolbar';
toolbar.setAttribute('aria-label', 'Timeline');
const scopeButtons = (['document', 'workspace'] as const).map((scope) => {
  const b = button(scope === 'document' ? 'This document' : 'Whole workspace', 'scope', undefined, () => post({ type: 'setScope', scope }));
  b.dataset.scope = scope;
  return b;
});
const exportButtons = (['svg', 'html'] as const).map((format) => button(`Export ${format.toUpperCase()}`, 'export', undefined, () => post({ type: 'export', format, hiddenStatuses, hiddenBodies })));

const LANE_WORDS: Record<GroupBy, string> = { none: 'None', body: 'By body', document: 'By document', workstream: 'By workstream' };
const lanesLabel = document.createElement('label');
lanesLabel.className = 'lanes';
lanesLabel.textContent = 'Lanes ';
const lanesSelect = document.createElement('select');
lanesSelect.id = 'govmark-lanes';
for (const g of GROUP_BY) {
  const option = document.createElement('option');
  option.value = g;
  option.textContent = LANE_WORDS[g];
  lanesSelect.append(option);
}
lanesSelect.addEventListener('change', () => {
  const value = lanesSelect.value as GroupBy;
  if (!GROUP_BY.includes(value)) return;
  groupBy = value;
  post({ type: 'setGroupBy', groupBy });
  saveState();
  draw();
});
lanesLabel.append(lanesSelect);

const zoomGroup = document.createElement('span');
zoomGroup.className = 'zoom';
zoomGroup.setAttribute('role', 'group');
zoomGroup.setAttribute('aria-label', 'Zoom');
const zoomOutButton = button('−', 'zoom-out', 'Zoom out', () => zoomBy(1 / ZOOM_STEP));
const zoomInButton = button('+', 'zoom-in', 'Zoom in', () => zoomBy(ZOOM_STEP));
const fitButton = button('Fit', 'fit', 'Fit', () => setView(undefined));
zoomOutButton.title = 'Zoom out (−)';
zoomInButton.title = 'Zoom in (+, or Ctrl+wheel); drag or arrow keys to pan';
fitButton.title = 'The whole period (0 or Home)';
zoomGroup.append(zoomOutButton, zoomInButton, fitButton);

/** Filters: a checkbox per status and per body, in a disclosure so a long list of bodies does not crowd the toolbar. */
const filters = document.createElement('details');
filters.className = 'filters';
const filtersSummary = document.createElement('summary');
filtersSummary.textContent = 'Filter';
const statusSet = fieldset('Status');
const bodySet = fieldset('Body');
filters.append(filtersSummary, statusSet.element, bodySet.element);

const viewStatus = document.createElement('p');
viewStatus.className = 'view-status';
viewStatus.setAttribute('aria-live', 'polite');

toolbar.append(...scopeButtons, lanesLabel, zoomGroup, spacer(), ...exportButtons, filters);
main.prepend(toolbar);
// Just above the drawing: what the axis shows.
container.before(viewStatus);

function spacer(): HTMLElement {
  const span = document.createElement('span');
  span.className = 'spacer';
  return span;
}

function fieldset(legendText: string): { element: HTMLFieldSetElement; keys: string } {
  const element = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = legendText;
  element.append(legend);
  return { element, keys: '' };
}

/** The checkboxes of one fieldset, rebuilt only when the choices change (typing keeps focus). */
function fillFieldset(set: { element: HTMLFieldSetElement; keys: string }, choices: FilterChoice[], hidden: () => string[], setHidden: (keys: string[]) => void): void {
  const keys = JSON.stringify(choices.map((c) => [c.key, c.text, c.count]));
  if (keys !== set.keys) {
    set.keys = keys;
    for (const old of set.element.querySelectorAll('label')) old.remove();
    for (const choice of choices) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = choice.key;
      box.addEventListener('change', () => {
        const others = hidden().filter((k) => k !== choice.key);
        setHidden(box.checked ? others : [...others, choice.key]);
        saveState();
        draw();
      });
      label.append(box, document.createTextNode(` ${choice.text} (${choice.count})`));
      set.element.append(label);
    }
  }
  const off = new Set(hidden());
  // One choice is nothing to filter by, unless it is the one hidden (the way back must stay).
  set.element.hidden = choices.length < 2 && !choices.some((c) => off.has(c.key));
  for (const box of set.element.querySelectorAll('input')) box.checked = !off.has(box.value);
}

function width(): number {
  return Math.max(320, Math.floor(container.clientWidth || document.body.clientWidth - 40));
}

/** Which entry or problem mark has the focus, so a redraw can give it back. */
function focusKey(): string | undefined {
  const el = document.activeElement;
  if (!(el instanceof Element) || !container.contains(el)) return undefined;
  const g = el.closest('g.problem-mark[data-for], g.entry[data-id]');
  if (!g) return 'container:';
  return g.classList.contains('problem-mark') ? `mark:${g.getAttribute('data-for')}` : `entry:${g.getAttribute('data-id')}`;
}

function restoreFocus(key: string | undefined): void {
  if (!key) return;
  if (key === 'container:') return container.focus({ preventScroll: true });
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const match = [...container.querySelectorAll<SVGGElement>(kind === 'mark' ? 'g.problem-mark' : 'g.entry')].find((g) => g.getAttribute(kind === 'mark' ? 'data-for' : 'data-id') === id);
  (match ?? container).focus({ preventScroll: true });
}

function draw(): void {
  if (!current) return;
  const { model, scope } = current;
  const focused = focusKey();
  const shown = filterModel(model, { hiddenStatuses, hiddenBodies });
  const w = width();
  full = fullPeriod(shown, { width: w });
  view = normaliseView(view, full);
  lanesSelect.value = groupBy;
  // The renderer escapes every document string: this markup is the only HTML set from a model.
  container.innerHTML = renderTimelineSvg(shown, { title: false, interactive: true, width: w, groupBy, ...(view ? { view } : {}) });
  container.classList.toggle('zoomed', view !== undefined);
  restoreFocus(focused);
  if (heading) heading.textContent = model.title;
  const hidden = model.entries.length - shown.entries.length;
  if (summary) summary.textContent = summaryLine(shown) + (hidden > 0 ? ` · ${hidden} hidden by the filter` : '');
  viewStatus.textContent = describeView(shown, view);
  const choices = filterChoices(model);
  fillFieldset(statusSet, choices.statuses, () => hiddenStatuses, (k) => (hiddenStatuses = k));
  fillFieldset(bodySet, choices.bodies, () => hiddenBodies, (k) => (hiddenBodies = k));
  filtersSummary.textContent = hidden > 0 ? `Filter (${hidden} hidden)` : 'Filter';
  filters.hidden = statusSet.element.hidden && bodySet.element.hidden;
  const length = view ? view.end - view.start + 1 : undefined;
  zoomInButton.setAttribute('aria-disabled', String(!full || (length !== undefined && length <= MIN_VIEW_DAYS)));
  zoomOutButton.setAttribute('aria-disabled', String(view === undefined));
  fitButton.setAttribute('aria-disabled', String(view === undefined));
  // The table under the drawing belongs to the first page only; it would go stale.
  document.querySelector('details.entries')?.remove();
  for (const b of scopeButtons) b.setAttribute('aria-pressed', String(b.dataset.scope === scope));
  const drawn = [...container.querySelectorAll<SVGGElement>('g.entry[data-id]')].map((g) => ({
    id: g.dataset.id ?? '',
    title: g.querySelector('title')?.textContent?.split('\n')[0] ?? '',
  }));
  const lanes = [...container.querySelectorAll('text.lane-name')].map((t) => t.textContent ?? '');
  post({ type: 'rendered', scope, entries: drawn, groupBy, lanes });
}

function saveState(): void {
  if (!current) return;
  vscode.setState({
    scope: current.scope,
    ...(current.uri ? { uri: current.uri } : {}),
    groupBy,
    ...(view ? { view } : {}),
    ...(hiddenStatuses.length > 0 ? { hiddenStatuses } : {}),
    ...(hiddenBodies.length > 0 ? { hiddenBodies } : {}),
  });
}

function setView(next: ViewWindow | undefined): void {
  const same = next?.start === view?.start && next?.end === view?.end;
  view = next;
  if (same) return;
  saveState();
  draw();
}

/** Zoom by `factor` around `at` (0 the axis's start, 1 its end). */
function zoomBy(factor: number, at = 0.5): void {
  if (full) setView(zoomView(view, full, factor, at));
}

/** A click (or Enter/Space) on an entry reveals its line; on a problem mark, its diagnostic's range. */
function revealFrom(target: EventTarget | null): void {
  const g = target instanceof Element ? target.closest<SVGGElement>('g.problem-mark[data-uri], g.entry[data-uri]') : null;
  if (!g) return;
  const at = (line?: string, character?: string) => ({ line: Number(line), character: Number(character ?? 0) });
  const start = at(g.dataset.line, g.dataset.character);
  const end = g.dataset.endLine !== undefined ? at(g.dataset.endLine, g.dataset.endCharacter) : start;
  if (![start.line, start.character, end.line, end.character].every(Number.isInteger)) return;
  post({ type: 'reveal', uri: g.dataset.uri ?? '', range: { start, end } });
}

let dragged = false;
container.addEventListener('click', (e) => {
  if (dragged) {
    dragged = false;
    return;
  }
  revealFrom(e.target);
});
container.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    revealFrom(e.target);
  }
});

/** Keyboard zoom and pan anywhere but in a form control (where the keys type or choose). */
document.addEventListener('keydown', (e) => {
  const t = e.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || e.altKey) return;
  let handled = true;
  switch (e.key) {
    case '+':
    case '=':
      zoomBy(ZOOM_STEP, focusedFraction());
      break;
    case '-':
    case '_':
      zoomBy(1 / ZOOM_STEP, focusedFraction());
      break;
    case '0':
    case 'Home':
      setView(undefined);
      break;
    case 'ArrowLeft':
    case 'ArrowRight':
      if (!full || !view) handled = false;
      else setView(panViewBy(view, full, e.key === 'ArrowLeft' ? -PAN_STEP : PAN_STEP));
      break;
    default:
      handled = false;
  }
  if (handled) e.preventDefault();
});

/** Zooming from the keyboard keeps the focused entry where it is; else the middle. */
function focusedFraction(): number {
  const el = document.activeElement;
  const g = el instanceof Element && container.contains(el) ? el.closest('g.entry:not(.undated), g.problem-mark') : null;
  const mark = g?.classList.contains('problem-mark') ? g : g?.querySelector('.mark');
  if (!mark) return 0.5;
  const r = mark.getBoundingClientRect();
  return axisFraction(r.x + r.width / 2);
}

/** Where a pointer is along the axis: 0 at its start, 1 at its end. */
function axisFraction(clientX: number): number {
  const svg = container.querySelector('svg');
  const left = svg ? svg.getBoundingClientRect().left : container.getBoundingClientRect().left;
  return fractionAt(clientX - left, width());
}

/** Ctrl/⌘ + wheel zooms around the pointer; a sideways wheel (or Shift + wheel) pans a zoomed view. */
container.addEventListener(
  'wheel',
  (e) => {
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      if (e.deltaY !== 0) zoomBy(e.deltaY < 0 ? Math.SQRT2 : Math.SQRT1_2, axisFraction(e.clientX));
      return;
    }
    const sideways = e.shiftKey ? e.deltaY : e.deltaX;
    if (view && full && sideways !== 0 && (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY))) {
      e.preventDefault();
      setView(panView(view, full, sideways * daysPerPixel(view, width())));
    }
  },
  { passive: false },
);

/** Drag to pan a zoomed view. A drag is not a click: it reveals nothing. */
let drag: { x: number; start: ViewWindow; pointer: number } | undefined;
let frame = 0;
container.addEventListener('pointerdown', (e) => {
  if (e.button !== 0 || !view) return;
  drag = { x: e.clientX, start: view, pointer: e.pointerId };
  dragged = false;
});
container.addEventListener('pointermove', (e) => {
  if (!drag || e.pointerId !== drag.pointer || !full) return;
  const dx = e.clientX - drag.x;
  if (!dragged && Math.abs(dx) < 4) return;
  if (!dragged) {
    dragged = true;
    container.setPointerCapture(e.pointerId);
    container.classList.add('dragging');
  }
  const next = panView(drag.start, full, -dx * daysPerPixel(drag.start, width()));
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(() => setView(next));
});
const endDrag = (e: PointerEvent) => {
  if (!drag || e.pointerId !== drag.pointer) return;
  drag = undefined;
  container.classList.remove('dragging');
  if (container.hasPointerCapture(e.pointerId)) container.releasePointerCapture(e.pointerId);
};
container.addEventListener('pointerup', endDrag);
container.addEventListener('pointercancel', endDrag);

window.addEventListener('message', (event: MessageEvent<ToPreview>) => {
  const message = event.data;
  if (message?.type !== 'model') return;
  current = { model: message.model, scope: message.scope, uri: message.uri };
  if (message.groupBy && GROUP_BY.includes(message.groupBy)) groupBy = message.groupBy;
  draw();
  saveState();
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(draw, 100);
});

post({ type: 'ready' });
