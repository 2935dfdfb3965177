#!/usr/bin/env node
/**
 * Bundles the VS Code extension with esbuild:
 *   dist/extension.cjs  the extension (CommonJS, `vscode` external) — the staged manifest's `main`
 *   dist/server.js      the language server (ES module) started by the extension over IPC
 *   dist/worker.js      the analysis worker the server starts beside itself (ES module)
 *   dist/webview.js     the timeline preview's script (IIFE for the browser)
 *   dist/e2e/index.cjs  the end-to-end suite run inside VS Code's extension host (--e2e)
 * and with --package the .vsix, govmark-<version>.vsix at the root.
 *
 * usage: node scripts/build-ext.mjs [--dev] [--e2e] [--package]
 *   --dev      no minification, inline source maps (the package is built without them)
 *   --e2e      also bundle test/e2e/suite for the extension host
 *   --package  then package with @vscode/vsce (`npm run package`)
 *
 * Every build stages the extension's folder, dist/vsix/ (see below): package.json's `main`,
 * `exports` and `files` are the npm package's (the library, the CLI, the language server), and
 * vsce refuses a `files` list beside a .vscodeignore. The staged manifest is package.json with
 * the extension's `main` and without what only npm uses; the staged files are filtered by
 * .vscodeignore as usual.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  // jsonc-parser's `main` is a UMD build that requires './impl/format' at run time, which a bundle
  // does not have: take its ES module build, which esbuild can follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
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
// The bundled worker must be the engine's worker: a bundler that drops its module as side-effect
// free (package.json `sideEffects`) leaves an empty file, the server's threads then fail to start
// and it falls back to reading every document on its own thread, without a time bound.
{
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(join(dist, 'worker.js'), { workerData: { config: { rules: {}, customTypes: [], ignores: [], fileTypes: [], infer: true, parseTimeoutMs: 3000 } } });
  const ready = await new Promise((resolveReady) => {
    const timer = setTimeout(() => resolveReady(false), 20_000);
    worker.once('message', (m) => (clearTimeout(timer), resolveReady(m && m.ready === true)));
    worker.once('error', () => (clearTimeout(timer), resolveReady(false)));
    worker.once('exit', () => (clearTimeout(timer), resolveReady(false)));
  });
  await worker.terminate();
  if (!ready) {
    console.error('build-ext: dist/worker.js does not start as the analysis worker (is its module marked side-effect free?)');
    process.exit(1);
  }
}
const outputs = ['dist/extension.cjs', 'dist/server.js', 'dist/worker.js', 'dist/webview.js', ...(args.has('--e2e') ? ['dist/e2e/index.cjs'] : [])];
const sizes = outputs.map((f) => `${f} ${(statSync(join(root, f)).size / 1024).toFixed(0)} KB`).join(', ');
console.log(`build-ext: ${sizes} (${dev ? 'dev' : 'minified'}, ${Date.now() - t0} ms)`);

// The extension's own folder, dist/vsix/: its manifest is package.json with `main` set to the
// extension bundle (the root package.json's `main` is the npm library's) and without what only
// npm uses; beside it the bundles, media, grammar and schemas. VS Code loads the extension from
// here in development and in the end-to-end tests (extensionDevelopmentPath), and the .vsix is
// packed from it, so that what is tested is what is shipped.
const stage = join(dist, 'vsix');
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist'), { recursive: true });
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
manifest.main = './dist/extension.cjs';
// What only npm uses. `type: module` stays: it makes dist/server.js and dist/worker.js ES modules.
for (const key of ['files', 'exports', 'types', 'bin', 'scripts', 'dependencies', 'devDependencies', 'sideEffects']) delete manifest[key];
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of ['README.md', 'LICENSE', 'LICENSE.md', 'CHANGELOG.md', '.vscodeignore']) {
  if (existsSync(join(root, file))) cpSync(join(root, file), join(stage, file));
}
for (const file of ['extension.cjs', 'server.js', 'worker.js', 'webview.js']) cpSync(join(dist, file), join(stage, 'dist', file));
for (const folder of ['media', 'syntaxes', 'schemas']) cpSync(join(root, folder), join(stage, folder), { recursive: true });

if (args.has('--package')) {
  if (dev) {
    console.error('build-ext: --package builds minified bundles; leave out --dev');
    process.exit(1);
  }
  const out = join(root, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = (...vsceArgs) =>
    spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), ...vsceArgs], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // The README's relative links and images resolve at this version's tag, as diagnostics'
  // links do: the bases come from src/version.ts's repositoryUrl, the one place that builds them.
  const versionModule = await esbuild.build({ entryPoints: ['src/version.ts'], absWorkingDir: root, write: false, bundle: false, format: 'esm', logLevel: 'warning' });
  const { repositoryUrl } = await import(`data:text/javascript,${encodeURIComponent(versionModule.outputFiles[0].text)}`);
  const packaged = vsce(
    'package', '--no-dependencies', '--out', out,
    '--baseContentUrl', repositoryUrl(''),
    '--baseImagesUrl', repositoryUrl('', 'raw'),
  );
  process.stdout.write(packaged.stdout);
  process.stderr.write(packaged.stderr);
  if (packaged.status !== 0) process.exit(packaged.status ?? 1);
  const listed = vsce('ls', '--no-dependencies');
  const files = listed.stdout.split('\n').filter(Boolean);
  const size = statSync(out).size;
  console.log(`build-ext: ${relative(root, out)} ${(size / 1024).toFixed(0)} KB, ${files.length} files:\n  ${files.join('\n  ')}`);
  const LIMIT = 2 * 1024 * 1024;
  if (size > LIMIT) {
    console.error(`build-ext: the .vsix is ${(size / 1024 / 1024).toFixed(2)} MB, over the 2 MB budget`);
    process.exit(1);
  }
}
