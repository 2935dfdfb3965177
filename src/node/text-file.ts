/**
 * Reading a document's text: UTF-8 (with or without a byte-order mark), and
 * UTF-16 when the file starts with its byte-order mark, as Windows editors
 * and Word's "Unicode text" export write it. Read as UTF-8, a UTF-16 file
 * would be a string of NULs that no reader recognises: a silent pass.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Big-endian: swap each pair into little-endian (a last odd byte is a cut-off character, dropped).
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return swapped.swap16().toString('utf16le');
  }
  return bytes.toString('utf8');
}

/** `text` in the encoding `original` was in (one of `decodeText`'s three), to write a file back as it was. */
export function encodeLike(original: Buffer, text: string): Buffer {
  if (original.length >= 2 && original[0] === 0xff && original[1] === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (original.length >= 2 && original[0] === 0xfe && original[1] === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  return Buffer.from(text, 'utf8');
}

export function readTextSync(path: string): string {
  return decodeText(readFileSync(path));
}

export async function readText(path: string): Promise<string> {
  return decodeText(await readFile(path));
}
