#!/usr/bin/env node
// The govmark language server for any LSP client (Neovim, Helix, Emacs eglot, Zed, …):
//   govmark-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>
// From the npm package it runs dist/lib/; in a clone of the repository, tsc's dist/src/.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const USAGE = `usage: govmark-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The govmark language server: diagnostics, completion, hover, document and workspace
symbols, go to definition, references and quick fixes for governance documents in
Markdown. Start it from your editor's LSP client; see docs/editor.md for Neovim,
Helix, Emacs (eglot) and Zed.
`;
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe=') || a.startsWith('--clientProcessId'))) {
  process.stderr.write(`govmark-language-server: say how the client talks to it\n${USAGE}`);
  process.exit(2);
}
const build = existsSync(new URL('../dist/src/server/main.js', import.meta.url)) ? '../dist/src' : '../dist/lib';
await import(`${build}/server/main.js`);
