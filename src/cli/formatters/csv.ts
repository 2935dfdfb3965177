/**
 * CSV for the CLI's reports: the writer lives in the core (`core/text/csv.ts`)
 * so that the pure exporters (`govmark export --format csv`) guard their
 * cells against formulas the same way `govmark actions --format csv` does.
 */
export { csvCell, csvRow } from '../../core/text/csv.js';
