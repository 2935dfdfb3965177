/**
 * Builds the PDF and Word versions of a plain-text paper inside the tests
 * (pdfkit, docx), so no binary is committed or downloaded. The PDF keeps the
 * text's layout: each run of text at its column on a fixed grid (tabbed
 * rows aligned first), one PDF page per page of the text. The Word file is
 * written as a clerk would: one Word paragraph per paragraph (wrapped lines
 * joined), aligned rows as Word tables, a tab before a right-hand page
 * number, a page break between pages, and the running header and page
 * number in the page header and footer.
 */
import * as docx from 'docx';
import PDFDocument from 'pdfkit';

const pagesOf = (text: string) => text.split('\f').map((p) => p.replace(/\n$/, '').split('\n'));

/** Tabbed rows of one block padded into columns, as a printer would set them. */
function expandTabs(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; ) {
    if (!out[i].includes('\t')) {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && out[j].includes('\t')) j++;
    const rows = out.slice(i, j).map((l) => l.split('\t'));
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)) + 3);
    rows.forEach((r, k) => (out[i + k] = r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('')));
    i = j;
  }
  return out;
}

export async function pdfOf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { CreationDate: new Date(0), ModDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  const size = 7.5;
  const char = size * 0.6; // Courier
  for (const page of pagesOf(text)) {
    doc.addPage({ size: [1000, 900], margin: 0 });
    doc.font('Courier').fontSize(size);
    expandTabs(page).forEach((line, k) => {
      for (const m of line.matchAll(/\S+(?: \S+)*/g)) doc.text(m[0], 30 + m.index * char, 30 + k * size * 1.4, { lineBreak: false });
    });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const MARKER = /^\s*(?:\(?\d{1,3}[.)]|\([a-z]{1,4}\))\s/;
const cellsOf = (line: string) => line.trim().split(/\t| {2,}/);
const isRow = (line: string) => cellsOf(line).length >= 2 && !/^\s*\(?\d{1,3}[.)]\s/.test(line) && !/^[\w ]+:\s/.test(line.trim());

export async function docxOf(text: string): Promise<Buffer> {
  const pages = pagesOf(text);
  const children: Array<docx.Paragraph | docx.Table> = [];
  let header = '';
  pages.forEach((lines, p) => {
    const filled = lines.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
    // The running header and the page number of a paper of pages go to Word's header and footer.
    const furnished = pages.length > 1;
    if (furnished) header = lines[filled[0]].trim();
    const body = furnished ? lines.filter((_, i) => i !== filled[0] && i !== filled[filled.length - 1]) : lines;
    if (p > 0) children.push(new docx.Paragraph({ children: [new docx.PageBreak()] }));
    let para: string[] = [];
    const flush = () => {
      if (para.length > 0) children.push(new docx.Paragraph({ children: [new docx.TextRun(para.join(' '))] }));
      para = [];
    };
    for (let i = 0; i < body.length; i++) {
      const line = body[i];
      if (line.trim() === '') {
        flush();
        continue;
      }
      if (isRow(line) && ((i + 1 < body.length && isRow(body[i + 1])) || (i > 0 && isRow(body[i - 1])))) {
        flush();
        const rows: string[][] = [];
        while (i < body.length && isRow(body[i])) {
          const l = body[i++];
          rows.push(l.includes('\t') ? l.split('\t') : cellsOf(l));
        }
        i--;
        children.push(new docx.Table({ rows: rows.map((r) => new docx.TableRow({ children: r.map((c) => new docx.TableCell({ children: [new docx.Paragraph(c.trim())] })) })) }));
        continue;
      }
      const standalone = /\S {2,}\S/.test(line.trim()) || (/^[^a-z]+$/.test(line.trim()) && /[A-Z]{3}/.test(line));
      // A numbered clause, or a labelled line ("Present: …"), starts a Word paragraph of its own.
      if (MARKER.test(line) || standalone || /^[A-Z][\w ]{2,30}:\s/.test(line.trim())) flush();
      if (standalone) {
        children.push(new docx.Paragraph({ children: [new docx.TextRun(line.trim().replace(/ {2,}/g, '\t'))] }));
        continue;
      }
      para.push(line.trim());
    }
    flush();
  });
  const doc = new docx.Document({
    creator: 'govmark tests',
    sections: [
      {
        headers: { default: new docx.Header({ children: [new docx.Paragraph(header)] }) },
        // (an empty header when the paper had no pages to repeat it on)
        footers: { default: new docx.Footer({ children: [new docx.Paragraph({ children: [new docx.TextRun({ children: ['Page ', docx.PageNumber.CURRENT] })] })] }) },
        children,
      },
    ],
  });
  return docx.Packer.toBuffer(doc);
}
