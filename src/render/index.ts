/**
 * Drawing the timeline: pure string building (no DOM), used by the CLI in
 * Node, by the extension host and by the webview bundle alike.
 */
export { renderTimelineSvg, renderTimelineSvgDocument, summaryLine, tooltip, type SvgOptions } from './svg.js';
export { renderTimelineHtml, contentSecurityPolicy, type HtmlOptions, type StandaloneHtmlOptions, type WebviewHtmlOptions } from './html.js';
export { layoutTimeline, shapeOf, entryDays, dateLabel, type TimelineLayout, type EntryBox, type LayoutOptions, type Shape, type GroupBy } from './layout.js';
export { createScale, type TimeScale, type TickUnit } from './scale.js';
export { escapeXml, escapeHtml } from './escape.js';
export { createNonce } from './nonce.js';
export { timelineCss, pageCss } from './theme.js';
