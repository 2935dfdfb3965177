/**
 * A badly framed message costs only itself: the server reads on from the next
 * `Content-Length` header. Before, a header without Content-Length made
 * vscode-jsonrpc drop every later message (see src/server/framing.ts).
 */
import assert from 'node:assert/strict';
import { FramingGuard } from '../../src/server/framing.js';
import { frame, RawServer } from './raw.js';

/** What the guard passes on for `chunks` written one after the other, and what it reported. */
async function through(chunks: (string | Buffer)[]): Promise<{ out: string; reports: string[] }> {
  const reports: string[] = [];
  const guard = new FramingGuard((problem) => reports.push(problem));
  const out: Buffer[] = [];
  guard.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((resolve) => guard.on('end', resolve));
  for (const c of chunks) guard.write(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  guard.end();
  await ended;
  return { out: Buffer.concat(out).toString('utf8'), reports };
}

const message = (id: number) => frame({ jsonrpc: '2.0', id, method: 'workspace/symbol', params: { query: 'é' } }).toString('utf8');

describe('server: message framing', function () {
  this.timeout(60_000);

  describe('the framing guard', () => {
    it('passes well-framed messages through byte for byte, however they are split', async () => {
      const all = message(1) + 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' + message(2) + message(3);
      const bytes = Buffer.from(all, 'utf8');
      for (const size of [1, 2, 7, 64, bytes.length]) {
        const chunks: Buffer[] = [];
        for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
        const { out, reports } = await through(chunks);
        assert.equal(out, all, `chunks of ${size}`);
        assert.deepEqual(reports, []);
      }
    });

    it('drops a message whose header is malformed and reads on from the next Content-Length', async () => {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'workspace/symbol', params: { query: '' } });
      for (const [what, bad] of [
        ['no Content-Length', `Content-Type: application/vscode-jsonrpc\r\n\r\n${body}`],
        ['a length that is not a number', `Content-Length: abc\r\n\r\n${body}`],
        ['a negative length', `Content-Length: -5\r\n\r\n${body}`],
        ['an absurd length', `Content-Length: 99999999999\r\n\r\n${body}`],
        ['a header line without a colon', `Content-Length ${body.length}\r\n\r\n${body}`],
        ['garbage bytes', '\u0000\u00ff garbage \r\n\r\n\r\n'],
        ['a body without a header', body],
      ]) {
        const { out, reports } = await through([bad, message(1), message(2)]);
        assert.equal(out, message(1) + message(2), what);
        assert.equal(reports.length, 1, `${what}: ${JSON.stringify(reports)}`);
        assert.match(reports[0], /dropped a malformed message/);
      }
    });

    it('loses only itself and the next message when a Content-Length is too short or too long', async () => {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'workspace/symbol', params: { query: '' } });
      // Too short: the library gets a cut body (which it cannot parse), then the rest is skipped up to message 1.
      const short = await through([`Content-Length: 10\r\n\r\n${body}`, message(1)]);
      assert.equal(short.out, `Content-Length: 10\r\n\r\n${body.slice(0, 10)}` + message(1));
      // Too long by 5 bytes: the body swallows the start of message 1, which is lost; message 2 is read.
      const long = await through([`Content-Length: ${body.length + 5}\r\n\r\n${body}`, message(1), message(2)]);
      assert.ok(long.out.endsWith(message(2)) && !long.out.includes('"id":1'), long.out);
    });
  });

  describe('over stdio', () => {
    let server: RawServer;
    before(async () => {
      server = await RawServer.start();
    });
    after(async () => server.stop());

    it('answers the requests that follow a header without Content-Length, and one split into single bytes', async () => {
      const lost = server.id();
      server.write(`Content-Type: application/vscode-jsonrpc\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', id: lost, method: 'workspace/symbol', params: { query: '' } })}`);
      for (let i = 0; i < 3; i++) {
        const response = await server.request('workspace/symbol', { query: '' });
        assert.deepEqual([response.error, response.result], [undefined, []]);
      }
      const id = server.id();
      const bytes = frame({ jsonrpc: '2.0', id, method: 'govmark/timeline', params: { scope: 'workspace' } });
      const answer = server.response(id);
      for (const byte of bytes) server.write(Buffer.from([byte]));
      assert.equal(((await answer).result as { title: string }).title, 'Workspace timeline');
      assert.equal(server.received.some((m) => m.id === lost), false, 'the malformed message itself is not answered');
      assert.ok(server.logs.some((l) => /dropped a malformed message: a header without Content-Length/.test(l)), server.logs.join('\n'));
    });
  });
});
