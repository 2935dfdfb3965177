/**
 * The timeline preview's script, running in the webview (bundled to dist/webview.js).
 * Draws each model the extension sends with the same renderer the extension and the CLI
 * use, turns clicks on entries into `reveal` messages, offers the scope toggle and export,
 * keeps its state for the serializer, and reports what it drew.
 *
 * Every string in the SVG is escaped by the renderer; this script adds no document text to
 * the page other than through that markup and `textContent`.
 */
import type { TimelineModel } from '../protocol/requests.js';
import { GROUP_BY, renderTimelineSvg, summaryLine, type GroupBy } from '../render/index.js';
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

const main = document.querySelector('main') ?? document.body;
const container = document.getElementById('timeline') ?? main.appendChild(document.createElement('div'));
const heading = document.querySelector('h1');
const summary = document.querySelector('.summary');

/** The toolbar: document/workspace scope, swimlanes, export as SVG or HTML. */
const toolbar = document.createElement('nav');
toolbar.className = 'govmark-toolbar';
toolbar.setAttribute('aria-label', 'Timeline');
const scopeButtons = (['document', 'workspace'] as const).map((scope) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'scope';
  button.dataset.scope = scope;
  button.textContent = scope === 'document' ? 'This document' : 'Whole workspace';
  button.addEventListener('click', () => post({ type: 'setScope', scope }));
  return button;
});
const exportButtons = (['svg', 'html'] as const).map((format) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'export';
  button.textContent = `Export ${format.toUpperCase()}`;
  button.addEventListener('click', () => post({ type: 'export', format }));
  return button;
});
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
toolbar.append(...scopeButtons, lanesLabel, spacer(), ...exportButtons);
main.prepend(toolbar);

function spacer(): HTMLElement {
  const span = document.createElement('span');
  span.className = 'spacer';
  return span;
}

function width(): number {
  return Math.max(320, Math.floor(container.clientWidth || document.body.clientWidth - 40));
}

function draw(): void {
  if (!current) return;
  const { model, scope } = current;
  lanesSelect.value = groupBy;
  // The renderer escapes every document string: this markup is the only HTML set from a model.
  container.innerHTML = renderTimelineSvg(model, { title: false, interactive: true, width: width(), groupBy });
  if (heading) heading.textContent = model.title;
  if (summary) summary.textContent = summaryLine(model);
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
  vscode.setState({ scope: current.scope, ...(current.uri ? { uri: current.uri } : {}), groupBy });
}

/** A click (or Enter/Space) on an entry reveals its line in the editor. */
function revealFrom(target: EventTarget | null): void {
  const g = target instanceof Element ? target.closest<SVGGElement>('g.entry[data-uri]') : null;
  if (!g) return;
  const line = Number(g.dataset.line);
  const character = Number(g.dataset.character ?? 0);
  if (!Number.isInteger(line) || !Number.isInteger(character)) return;
  const position = { line, character };
  post({ type: 'reveal', uri: g.dataset.uri ?? '', range: { start: position, end: position } });
}
container.addEventListener('click', (e) => revealFrom(e.target));
container.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    revealFrom(e.target);
  }
});

window.addEventListener('message', (event: MessageEvent<ToPreview>) => {
  const message = event.data;
  if (message?.type !== 'model') return;
  current = { model: message.model, scope: message.scope, uri: message.uri };
  if (message.groupBy && GROUP_BY.includes(message.groupBy)) groupBy = message.groupBy;
  saveState();
  draw();
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(draw, 100);
});

post({ type: 'ready' });
