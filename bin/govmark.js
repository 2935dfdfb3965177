#!/usr/bin/env node
// The govmark command: a shim that hands the real process to the pure `main`.
import { main, onStdoutError } from '../dist/src/cli/main.js';

process.stdout.on('error', (error) => onStdoutError(error, process.stderr, (code) => process.exit(code)));

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks);
  },
});
