/**
 * The govmark language server's entry point. The transport comes from the
 * command line, as `vscode-languageserver` reads it: `--stdio`, `--node-ipc`
 * or `--socket=<port>`. Bundled as `dist/server.js` (ES module) with its
 * worker `dist/worker.js` beside it; clients may name another worker with the
 * `workerUrl` initialization option.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeHost } from './node-host.js';
import { createServer } from './server.js';

const connection = createConnection(ProposedFeatures.all);
createServer(connection, createNodeHost());
connection.listen();
