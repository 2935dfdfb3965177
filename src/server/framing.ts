/**
 * The base protocol's framing (`Content-Length: n\r\n\r\n` then n bytes),
 * checked before vscode-jsonrpc reads the stream, so that one badly framed
 * message costs only itself.
 *
 * vscode-jsonrpc's `ReadableStreamMessageReader` consumes a header block and
 * only then looks for `Content-Length`; when it is missing, not a number, or a
 * header line has no `:`, it reports an error and stops there, leaving the
 * message's body in its buffer. The next header block it finds is that body
 * glued to the next message's header (`{"jsonrpc":…}Content-Length: 52`),
 * whose first "key" is `{"jsonrpc"`: no Content-Length again, and the body of
 * that next message is left behind in turn. So from one bad header on, every
 * later message was dropped, for good, and silently (the reader's error event
 * is not logged). A negative length (`parseInt('-5')`) corrupted its buffer.
 *
 * This stream passes well-framed messages through byte for byte and, on a
 * malformed header, drops bytes up to the next `Content-Length:` (where the
 * next message begins), so the library only ever sees whole frames. What it
 * cannot recover is in the protocol itself: a Content-Length larger than the
 * body makes the body swallow the start of the next message (that message is
 * lost too; the one after is read again), and one that is never satisfied
 * waits for bytes that may never come — beyond MAX_BODY it is not believed.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const MARK = 'content-length:';
/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER = 8 * 1024;
/** A Content-Length beyond this is not believed (no document the server reads comes near it). */
export const MAX_BODY = 256 * 1024 * 1024;

/** The Content-Length of a header block, or what is wrong with it. */
export function contentLength(block: string): number | string {
  let length: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `a header line without a name and ':' (${JSON.stringify(line.slice(0, 60))})`;
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') length = line.slice(colon + 1).trim();
  }
  if (length === undefined) return 'a header without Content-Length';
  if (!/^\d+$/.test(length) || Number(length) > MAX_BODY) return `a Content-Length that is not a length (${JSON.stringify(length.slice(0, 20))})`;
  return Number(length);
}

export class FramingGuard extends Transform {
  /** Header bytes not yet passed on (a body is passed on as it comes, never held). */
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of the current body still to pass on. */
  private remaining = 0;
  /** Skipping bytes since the last good frame (reported once). */
  private skipping = false;

  /** `report` hears of each run of dropped bytes, once, with the reason. */
  constructor(private readonly report: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.remaining > 0) {
        if (this.buffer.length === 0) return;
        const n = Math.min(this.remaining, this.buffer.length);
        this.push(this.buffer.subarray(0, n));
        this.buffer = this.buffer.subarray(n);
        this.remaining -= n;
        if (this.remaining === 0) this.skipping = false;
        continue;
      }
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length <= MAX_HEADER) return;
        this.skip('a header longer than 8 KB');
        continue;
      }
      const length = contentLength(this.buffer.subarray(0, end).toString('latin1'));
      if (typeof length === 'string') {
        this.skip(length);
        continue;
      }
      this.push(this.buffer.subarray(0, end + HEADER_END.length));
      this.buffer = this.buffer.subarray(end + HEADER_END.length);
      this.remaining = length;
      if (length === 0) this.skipping = false;
    }
  }

  /** Drops bytes up to the next `Content-Length:` after the first byte, or all but a tail that may be the start of one. */
  private skip(problem: string): void {
    if (!this.skipping) this.report(`govmark: dropped a malformed message: ${problem}; reading on from the next Content-Length header`);
    this.skipping = true;
    const next = this.buffer.toString('latin1').toLowerCase().indexOf(MARK, 1);
    const drop = next > 0 ? next : Math.max(1, this.buffer.length - (MARK.length - 1));
    this.buffer = this.buffer.subarray(drop);
  }
}
