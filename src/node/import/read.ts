/**
 * Reads a paper to import, by its extension: `.txt` (and `.text`) as plain
 * text with form feeds between pages, `.docx` through mammoth, `.pdf`
 * through pdf.js. The readers are loaded only when a file of their kind is
 * read. What comes back is the core's `SourcePaper`: pages of lines.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { paperFromText, type SourcePaper } from '../../core/import/source.js';
import { decodeText } from '../text-file.js';

export const IMPORT_EXTENSIONS = ['.txt', '.text', '.docx', '.pdf'] as const;

/** Thrown for a file the importer has no reader for (the CLI's exit 2). */
export class UnsupportedPaper extends Error {
  constructor(file: string) {
    super(`cannot import '${file}': govmark imports ${IMPORT_EXTENSIONS.join(', ')} files`);
    this.name = 'UnsupportedPaper';
  }
}

export function isImportable(file: string): boolean {
  return (IMPORT_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
}

/** The paper in `bytes`, read as the file name's extension says. */
export async function paperFromBytes(file: string, bytes: Uint8Array): Promise<SourcePaper> {
  const name = basename(file);
  switch (extname(file).toLowerCase()) {
    case '.txt':
    case '.text':
      return paperFromText(name, decodeText(Buffer.from(bytes)));
    case '.docx':
      return (await import('./docx.js')).readDocx(name, bytes);
    case '.pdf':
      return (await import('./pdf.js')).readPdf(name, bytes);
    default:
      throw new UnsupportedPaper(file);
  }
}

export async function readPaper(file: string): Promise<SourcePaper> {
  if (!isImportable(file)) throw new UnsupportedPaper(file);
  return paperFromBytes(file, await readFile(file));
}
