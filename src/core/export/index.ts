/**
 * The exporters, by format name: pure functions from the documents (with the
 * paths their sources are written as) to the text of one file. The CLI's
 * `govmark export` reads the documents and writes what these return.
 */
import { exportAkn } from './akn.js';
import { exportCsv } from './csv.js';
import { exportIcs } from './ics.js';
import type { ExportInput } from './input.js';
import { exportPopolo } from './popolo.js';

export type { ExportDocument, ExportInput } from './input.js';

/** The formats `govmark export` writes. */
export const EXPORT_FORMATS = ['popolo', 'akn', 'ics', 'csv'] as const;
/** One of `EXPORT_FORMATS`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An exporter: what it writes and how. */
export interface Exporter {
  /** One line for help and docs. */
  description: string;
  /** The usual file extension, with its dot (`--out` with it picks the format). */
  extension: string;
  /** The media type of what it writes. */
  mediaType: string;
  /** The file's text. */
  export(input: ExportInput): string;
}

/** Every exporter, by format name. */
export const exporters: Record<ExportFormat, Exporter> = {
  popolo: { description: 'Popolo JSON: organizations, posts, persons, memberships, events, motions, vote events', extension: '.json', mediaType: 'application/json', export: exportPopolo },
  akn: { description: 'Akoma Ntoso 3.0 XML: minutes as debateReport, terms of reference and timelines as doc, resolutions as statement', extension: '.xml', mediaType: 'application/akn+xml', export: exportAkn },
  ics: { description: 'iCalendar: meetings, milestones and reviews as events, actions as to-dos', extension: '.ics', mediaType: 'text/calendar', export: exportIcs },
  csv: { description: 'CSV: one row per meeting, decision, action, milestone and seat, with its file and line', extension: '.csv', mediaType: 'text/csv', export: exportCsv },
};

/** The documents in `format`. */
export function exportDocuments(format: ExportFormat, input: ExportInput): string {
  return exporters[format].export(input);
}
