/**
 * The timeline as a whole HTML page: for the VS Code webview, and as a
 * standalone file (the preview's export, the CLI's `timeline --out x.html`).
 *
 * Security, after vscode-extension-samples' webview sample:
 * - a Content-Security-Policy meta with `default-src 'none'`;
 * - webview: styles from the extension (`cspSource`) or with the nonce,
 *   scripts only with the nonce (and only `scriptUri` carries it); no
 *   'unsafe-inline', no 'unsafe-eval';
 * - standalone: no scripts at all (the SVG is static), the one `<style>`
 *   allowed by a nonce made for this render;
 * - every document string escaped by `escapeXml`, and no `style` attributes,
 *   which the policy would block anyway.
 */
import type { TimelineModel } from '../protocol/requests.js';
import { describeFuzzyDate } from '../core/dates/describe.js';
import { escapeHtml } from './escape.js';
import { KIND_WORDS, STATUS_WORDS } from './layout.js';
import { createNonce, NONCE_PATTERN } from './nonce.js';
import { renderTimelineSvg, summaryLine, type SvgOptions } from './svg.js';
import { pageCss, timelineCss } from './theme.js';

/** A standalone HTML page (an export, opened in any browser). */
export interface StandaloneHtmlOptions extends SvgOptions {
  mode: 'standalone';
}

/** A VS Code webview: its CSP source, a fresh nonce, and its script (and styles) from the extension's media folder. */
export interface WebviewHtmlOptions extends SvgOptions {
  mode: 'webview';
  /** Fresh for each render: `createNonce()`. */
  nonce: string;
  /** `webview.cspSource`: where the extension's media may load from. */
  cspSource: string;
  /** `webview.asWebviewUri(...)` of the webview script. */
  scriptUri: string;
  /** `webview.asWebviewUri(...)` of an extra stylesheet, if any. */
  styleUri?: string;
}

/** How `renderTimelineHtml` renders: a standalone page or a VS Code webview. */
export type HtmlOptions = StandaloneHtmlOptions | WebviewHtmlOptions;

/** A CSP source expression: no quotes, semicolons, commas or spaces that could end it and start another directive. */
const SOURCE_PATTERN = /^[^\s;,'"]+$/;

/** The Content-Security-Policy of the page. */
export function contentSecurityPolicy(options: { mode: 'standalone'; nonce: string } | { mode: 'webview'; nonce: string; cspSource: string }): string {
  if (!NONCE_PATTERN.test(options.nonce)) throw new TypeError('the nonce must be base64 characters only');
  const nonce = `'nonce-${options.nonce}'`;
  if (options.mode === 'standalone') {
    return `default-src 'none'; img-src data:; style-src ${nonce}; base-uri 'none'; form-action 'none';`;
  }
  if (!SOURCE_PATTERN.test(options.cspSource)) throw new TypeError(`not a CSP source: ${JSON.stringify(options.cspSource)}`);
  const src = options.cspSource;
  return `default-src 'none'; img-src ${src} data:; style-src ${src} ${nonce}; script-src ${nonce}; base-uri 'none'; form-action 'none';`;
}

/** A timeline as an HTML page with its SVG: standalone, or for a VS Code webview (with its CSP source and nonce). */
export function renderTimelineHtml(model: TimelineModel, options: HtmlOptions): string {
  const webview = options.mode === 'webview';
  const nonce = webview ? options.nonce : createNonce();
  const csp = webview
    ? contentSecurityPolicy({ mode: 'webview', nonce, cspSource: options.cspSource })
    : contentSecurityPolicy({ mode: 'standalone', nonce });
  const svg = renderTimelineSvg(model, { ...options, title: false, interactive: options.interactive ?? webview });
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)} — timeline</title>`,
    webview && options.styleUri !== undefined ? `<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">` : '',
    `<style nonce="${escapeHtml(nonce)}">\n${pageCss()}\n${timelineCss()}\n</style>`,
  ].filter((line) => line !== '');
  const body = [
    '<main class="govmark-timeline-page">',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p class="summary">${escapeHtml(summaryLine(model))}</p>`,
    `<div class="timeline" id="timeline">\n${svg}\n</div>`,
    entryTable(model),
    '</main>',
    webview ? `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>` : '',
  ].filter((line) => line !== '');
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

/** The same entries as a table: readable without the drawing, by screen readers and in text. */
function entryTable(model: TimelineModel): string {
  if (model.entries.length === 0) return '';
  const rows = model.entries.map((e) => {
    const status = e.status ? STATUS_WORDS[e.status] ?? e.status : '';
    const cells = [
      `<td>${escapeHtml(describeFuzzyDate(e.date))}</td>`,
      `<td>${escapeHtml(KIND_WORDS[e.kind])}</td>`,
      `<td>${escapeHtml(e.title)}</td>`,
      `<td${e.overdue ? ' class="overdue"' : ''}>${escapeHtml(status)}${e.overdue ? `${status ? ', ' : ''}overdue` : ''}</td>`,
      `<td>${escapeHtml(e.source)}</td>`,
    ];
    return `<tr data-id="${escapeHtml(e.id)}">${cells.join('')}</tr>`;
  });
  return [
    '<details class="entries">',
    '<summary>The entries as a table</summary>',
    '<table>',
    '<thead><tr><th>Date</th><th>What</th><th>Title</th><th>Status</th><th>From</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '</details>',
  ].join('\n');
}
