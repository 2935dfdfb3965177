#!/usr/bin/env node
/**
 * Bundles the VS Code extension with esbuild:
 *   dist/extension.cjs  the extension (CommonJS, `vscode` external) — package.json `main`
 *   dist/server.js      the language server (ES module) started by the extension over IPC
 *   dist/worker.js      the analysis worker the server starts beside itself (ES module)
 *   dist/webview.js     the timeline preview's script (IIFE for the browser)
 *   dist/e2e/index.cjs  the end-to-end suite run inside VS Code's extension host (--e2e)
 *
 * usage: node scripts/build-ext.mjs [--dev] [--e2e]
 *   --dev  no minification, inline source maps (the package is built without them)
 *   --e2e  also bundle test/e2e/suite for the extension host
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');
const dist = join(root, 'dist');

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  // The library's sources import `./x.js` for `./x.ts` (NodeNext); esbuild resolves those.
  resolveExtensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
};

/**
 * A few modules find a file of the repository with `new URL('../../../schemas/x.json',
 * import.meta.url)`, written for tsc's layout (dist/src/node/x.js). Inside one bundle in
 * dist/ that path points elsewhere: re-base every such URL whose target lies outside dist/
 * (schemas/ is packaged beside dist/). URLs into dist/ itself (`./worker.js`) are left as
 * they are: they name a file that sits beside the bundle.
 */
const rebaseFileUrls = {
  name: 'rebase-file-urls',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (file) => {
      const source = readFileSync(file.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const compiledDir = join(dist, relative(root, dirname(file.path)));
      const contents = source.replace(/new URL\((['"])([^'"]+)\1,\s*import\.meta\.url\)/g, (whole, quote, target) => {
        const absolute = resolve(compiledDir, target);
        if (absolute === dist || absolute.startsWith(dist + sep)) return whole;
        const rebased = relative(dist, absolute).split(sep).join('/');
        return `new URL(${quote}${rebased.startsWith('.') ? rebased : `./${rebased}`}${quote}, import.meta.url)`;
      });
      return { contents, loader: 'ts' };
    });
  },
};

// CommonJS dependencies (vscode-languageserver, ajv…) inside an ES module bundle call
// `require` for Node's built-ins: give them one.
const esmBanner = "import { createRequire as __govmarkCreateRequire } from 'node:module'; const require = __govmarkCreateRequire(import.meta.url);";

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.cjs',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { server: 'src/server/main.ts', worker: 'src/server/worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.js' },
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: esmBanner },
    plugins: [rebaseFileUrls],
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    target: 'es2020',
    format: 'iife',
  },
];
if (args.has('--e2e')) {
  builds.push({
    ...common,
    minify: false,
    sourcemap: 'inline',
    entryPoints: ['test/e2e/suite/index.ts'],
    outfile: 'dist/e2e/index.cjs',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // mocha is required from the repository's node_modules at run time; vscode is the host's.
    external: ['vscode', 'mocha'],
  });
}

const t0 = Date.now();
for (const missing of builds.flatMap((b) => Object.values(b.entryPoints)).filter((e) => !existsSync(join(root, e)))) {
  console.error(`build-ext: ${missing} does not exist`);
  process.exit(1);
}
await Promise.all(builds.map((b) => esbuild.build(b)));
const outputs = ['dist/extension.cjs', 'dist/server.js', 'dist/worker.js', 'dist/webview.js', ...(args.has('--e2e') ? ['dist/e2e/index.cjs'] : [])];
const sizes = outputs.map((f) => `${f} ${(statSync(join(root, f)).size / 1024).toFixed(0)} KB`).join(', ');
console.log(`build-ext: ${sizes} (${dev ? 'dev' : 'minified'}, ${Date.now() - t0} ms)`);
