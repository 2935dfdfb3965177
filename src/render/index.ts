/**
 * Drawing the timeline: pure string building (no DOM), used by the CLI in
 * Node, by the extension host and by the webview bundle alike.
 */
export { renderTimelineSvg, renderTimelineSvgDocument, summaryLine, tooltip, type SvgOptions } from './svg.js';
export { renderTimelineHtml, contentSecurityPolicy, type HtmlOptions, type StandaloneHtmlOptions, type WebviewHtmlOptions } from './html.js';
export { layoutTimeline, shapeOf, entryDays, dateLabel, GROUP_BY, type TimelineLayout, type EntryBox, type LayoutOptions, type Shape, type GroupBy } from './layout.js';
export { createScale, type TimeScale, type TickUnit } from './scale.js';
export { escapeXml, escapeHtml } from './escape.js';
export { createNonce } from './nonce.js';
export { timelineCss, pageCss } from './theme.js';
export { fullPeriod, zoomView, panView, panViewBy, normaliseView, fractionAt, daysPerPixel, describeView, MIN_VIEW_DAYS, ZOOM_STEP, PAN_STEP, type ViewWindow } from './view.js';
export { filterModel, filterChoices, bodyKey, type TimelineFilter, type FilterChoice } from './filter.js';
