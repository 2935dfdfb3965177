/**
 * CSV as spreadsheets read it (RFC 4180): fields with commas, quotes or line
 * breaks quoted, quotes doubled. A cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return) is written
 * with a leading apostrophe, so text taken from a document cannot run
 * (OWASP's CSV injection advice).
 */

/** One CSV field: guarded against formulas, quoted when it must be. */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV record (without its line ending). */
export function csvRow(values: readonly string[]): string {
  return values.map(csvCell).join(',');
}
