/** Small builders for the CLI tests: hand-made results, captured output, temp folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { GovMessage, Severity } from '../../src/core/message.js';
import type { Range } from '../../src/core/text/range.js';
import type { FileResult } from '../../src/node/contract.js';
import { versionedDocsBase } from '../helpers.js';

export function range(line: number, column: number, endLine = line, endColumn = column + 1, offset = 0): Range {
  return { start: { line, column, offset }, end: { line: endLine, column: endColumn, offset: offset + 1 } };
}

export function message(path: string, severity: Severity, line: number, column: number, extra: Partial<GovMessage> = {}): GovMessage {
  return {
    ruleId: 'resolution-numbering',
    severity,
    reason: `A ${severity} on line ${line}.`,
    uri: pathToFileURL(path).href,
    range: range(line, column, line, column + 3, line * 100 + column),
    source: 'govmark',
    url: `${versionedDocsBase}resolution-numbering.md`,
    ...extra,
  };
}

export function result(path: string, messages: GovMessage[], extra: Partial<FileResult> = {}): FileResult {
  return { path, uri: pathToFileURL(path).href, type: 'minutes', messages, skipped: false, complete: true, ...extra };
}

export interface Captured {
  text: string;
  isTTY?: boolean;
  write(chunk: string): boolean;
}

export function capture(isTTY?: boolean): Captured {
  const out: Captured = {
    text: '',
    ...(isTTY !== undefined ? { isTTY } : {}),
    write(chunk: string) {
      out.text += chunk;
      return true;
    },
  };
  return out;
}

/** A CliIO with captured streams; `io.stdout.text` and `io.stderr.text` hold what was written. */
export function fakeIO(argv: string[], cwd: string, extra: Partial<CliIO> = {}): CliIO & { stdout: Captured; stderr: Captured } {
  return { argv, cwd, stdout: capture(), stderr: capture(), env: {}, ...extra } as CliIO & { stdout: Captured; stderr: Captured };
}

/** Runs `govmark ARGS…` in `cwd` with captured streams: the exit code and what was written. */
export async function runCli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIO(args, cwd);
  const code = await main(io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

/** A fresh temp folder holding `files` (path → text); remove it with `rmSync(dir, { recursive: true })`. */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'govmark-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
