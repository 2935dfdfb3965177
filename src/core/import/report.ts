/** What an import says about each document it wrote: what it recognised and where it was unsure. */
import type { SourcePlace } from './source.js';

/** The kinds of governance document an agenda pack holds. */
export type ImportKind = 'agenda' | 'terms-of-reference' | 'membership' | 'minutes' | 'action-plan' | 'schedule' | 'document';

/** Counts of what was recognised, by what govmark reads. */
export interface ImportCounts {
  items: number;
  resolutions: number;
  attendees: number;
  apologies: number;
  actions: number;
  milestones: number;
  functions: number;
  seats: number;
  tables: number;
  paragraphs: number;
}

/** A place the importer was not sure about: the officer reviews these. */
export interface ImportUncertainty {
  /** Stable code: `import/joined-page-break`, `import/unread-date`… */
  code: string;
  message: string;
  source: SourcePlace;
  /** The line of the output Markdown (from 1) where the place is marked. */
  outputLine?: number;
  /** The source text the message is about. */
  text: string;
}

/** The import report of one output document: what it is, what was recognised, where to look. */
export interface ImportReport {
  kind: ImportKind;
  counts: ImportCounts;
  uncertain: ImportUncertainty[];
  /** Where the document starts and ends in the source. */
  from: SourcePlace;
  to: SourcePlace;
}

export function emptyCounts(): ImportCounts {
  return { items: 0, resolutions: 0, attendees: 0, apologies: 0, actions: 0, milestones: 0, functions: 0, seats: 0, tables: 0, paragraphs: 0 };
}
