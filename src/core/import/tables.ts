/**
 * Tables from layout: cells split by tabs, or by runs of two or more spaces
 * that line up under a header row (plain text, and PDF lines rebuilt from
 * the positions of their text). A row whose first cell is empty continues
 * the row above (a cell wrapped onto a second line).
 */
export interface Span {
  text: string;
  start: number;
}

/** The cells of a line: by tabs when it has any, else by runs of 2+ spaces, with their columns. */
export function spansOf(line: string): Span[] {
  if (line.includes('\t')) {
    // For tabbed lines, `start` is the cell's column number.
    const spans: Span[] = line.split('\t').map((cell, i) => ({ text: cell.trim(), start: i }));
    // Leading tabs are indentation, not empty cells.
    while (spans.length > 1 && spans[0].text === '') spans.shift();
    return spans;
  }
  const spans: Span[] = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) spans.push({ text: m[0], start: m.index });
  return spans;
}

/** A line that may be a row: two cells or more, and not a "Label:   value" line. */
export function isRowCandidate(line: string): boolean {
  const spans = spansOf(line).filter((s) => s.text !== '');
  if (spans.length < 2) return false;
  if (spans.length === 2 && /:$/.test(spans[0].text)) return false;
  return true;
}

export interface ParsedTable {
  header: string[];
  rows: string[][];
  /** Indexes (into the lines given) of rows whose cells did not line up with the header. */
  ragged: number[];
  /** For each row, the index of the line it starts on. */
  rowLines: number[];
}

/** Cells of each line under the first line's columns; continuation lines merged into the row above. */
export function parseTable(lines: readonly string[]): ParsedTable {
  const tabbed = lines.some((l) => l.includes('\t'));
  const head = spansOf(lines[0]).filter((s) => s.text !== '' || tabbed);
  const starts = head.map((s) => s.start);
  const width = head.length;
  const rows: string[][] = [];
  const rowLines: number[] = [];
  const ragged: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const spans = spansOf(lines[i]);
    const cells = new Array<string>(width).fill('');
    let bad = false;
    for (const s of spans) {
      if (s.text === '') continue;
      let col: number;
      if (tabbed) col = s.start;
      else {
        // The column this cell starts in: the last whose header starts at or before it (two columns' slack for right-aligned numbers).
        col = 0;
        for (let c = 0; c < width; c++) if (starts[c] <= s.start + 2) col = c;
      }
      if (col >= width) {
        bad = true;
        col = width - 1;
      }
      if (cells[col] !== '') bad = true;
      cells[col] = cells[col] === '' ? s.text : `${cells[col]} ${s.text}`;
    }
    const continues = rows.length > 0 && cells[0] === '' && cells.some((c) => c !== '');
    if (continues) {
      const prev = rows[rows.length - 1];
      cells.forEach((c, j) => {
        if (c !== '') prev[j] = prev[j] === '' ? c : `${prev[j]} ${c}`;
      });
    } else {
      rows.push(cells);
      rowLines.push(i);
    }
    if (bad) ragged.push(i);
  }
  return { header: head.map((s) => s.text), rows, ragged, rowLines };
}

/** A GitHub-flavoured Markdown table; pipes in cells escaped, counts right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string[] {
  const esc = (c: string) => c.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => /^\d+$/.test(r[j] ?? '')));
  return [
    `| ${header.map((h, j) => esc(h) || `Column ${j + 1}`).join(' | ')} |`,
    `| ${header.map((_, j) => (numeric[j] ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${header.map((_, j) => esc(r[j] ?? '')).join(' | ')} |`),
  ];
}
