#!/usr/bin/env node
// The govmark command: a shim that hands the real process to the pure `main`.
// From the npm package it runs dist/lib/ (what `npm pack` ships); in a clone of the repository,
// tsc's dist/src/ (what `npm run build` writes), so a developer never runs a stale package build.
import { existsSync } from 'node:fs';

const build = existsSync(new URL('../dist/src/cli/main.js', import.meta.url)) ? '../dist/src' : '../dist/lib';
const { main, onStdoutError } = await import(`${build}/cli/main.js`);

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
