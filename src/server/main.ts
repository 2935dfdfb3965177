/**
 * The govmark language server's entry point. The transport comes from the
 * command line, as `vscode-languageserver` reads it: `--stdio`, `--node-ipc`
 * or `--socket=<port>`. Bundled as `dist/server.js` (ES module) with its
 * worker `dist/worker.js` beside it; clients may name another worker with the
 * `workerUrl` initialization option.
 *
 * Over stdio the input goes through `FramingGuard` first (see framing.ts: a
 * header without Content-Length used to lose every later message). The
 * library then gets streams instead of `--stdio`, so what it does for
 * `--stdio` besides is done here: nothing but LSP may be written to stdout,
 * so the console goes to the client's log.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { FramingGuard } from './framing.js';
import { createNodeHost } from './node-host.js';
import { createServer } from './server.js';

function stdioConnection(): Connection {
  let report: (message: string) => void = (message) => process.stderr.write(message + '\n');
  const input = process.stdin.pipe(new FramingGuard((message) => report(message)));
  const connection = createConnection(ProposedFeatures.all, input, process.stdout);
  report = (message) => connection.console.error(message);
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
createServer(connection, createNodeHost());
connection.listen();
