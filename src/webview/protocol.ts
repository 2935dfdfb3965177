/**
 * The preview's messages: the shared protocol (src/protocol/requests.ts) plus what only the
 * preview needs — the document the panel follows, so a reloaded window can restore it, and
 * a report of what was drawn, which the end-to-end tests and the extension's API read.
 * Types only; imported by both the extension and the webview script.
 */
import type { ExtensionToWebview, WebviewToExtension } from '../protocol/requests.js';

/** What the webview keeps with `setState` and the serializer receives after a reload. */
export interface PreviewState {
  scope: 'document' | 'workspace';
  /** The document shown when `scope` is `document`. */
  uri?: string;
}

export type ToPreview = ExtensionToWebview & { uri?: string };

/** Sent after every render: the ids and titles of the entries now on screen. */
export interface RenderedReport {
  type: 'rendered';
  scope: 'document' | 'workspace';
  entries: { id: string; title: string }[];
}

export type FromPreview = WebviewToExtension | RenderedReport;
