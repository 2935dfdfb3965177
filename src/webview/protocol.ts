/**
 * The preview's messages: the shared protocol (src/protocol/requests.ts) plus what only the
 * preview needs — the document the panel follows, so a reloaded window can restore it, the
 * swimlanes chosen in the panel, and a report of what was drawn, which the end-to-end tests
 * and the extension's API read. Types only; imported by both the extension and the webview script.
 */
import type { ExtensionToWebview, WebviewToExtension } from '../protocol/requests.js';
import type { GroupBy } from '../render/layout.js';

/** What the webview keeps with `setState` and the serializer receives after a reload. */
export interface PreviewState {
  scope: 'document' | 'workspace';
  /** The document shown when `scope` is `document`. */
  uri?: string;
  /** Swimlanes chosen in the panel (else the `govmark.timeline.groupBy` setting). */
  groupBy?: GroupBy;
  /** The days shown when zoomed (days since 1970-01-01, inclusive); absent: the whole period. */
  view?: { start: number; end: number };
  /** Statuses and bodies unticked in the filter (src/render/filter.ts keys). */
  hiddenStatuses?: string[];
  hiddenBodies?: string[];
}

/** A model to draw, with the panel's swimlanes as the extension knows them. */
export type ToPreview = ExtensionToWebview & { uri?: string; groupBy?: GroupBy };

/** Sent after every render: the ids and titles of the entries now on screen. */
export interface RenderedReport {
  type: 'rendered';
  scope: 'document' | 'workspace';
  entries: { id: string; title: string }[];
  /** The swimlanes drawn, by name (empty when not grouped). */
  groupBy?: GroupBy;
  lanes?: string[];
}

/** The Lanes control changed: the extension keeps it for later models and the serializer. */
export interface SetGroupBy {
  type: 'setGroupBy';
  groupBy: GroupBy;
}

/** Export what the panel shows: the shared message plus the filter in force. */
export interface ExportShown {
  type: 'export';
  format: 'svg' | 'html';
  hiddenStatuses?: string[];
  hiddenBodies?: string[];
}

export type FromPreview = Exclude<WebviewToExtension, { type: 'export' }> | ExportShown | RenderedReport | SetGroupBy;
