#!/usr/bin/env node
/**
 * Builds what the npm package ships, dist/lib/, from tsc's output in dist/src/
 * (`npm run build` first; `npm pack` runs both through `prepack`):
 *
 *   - every module's JavaScript without comments and without whitespace
 *     (esbuild's minifyWhitespace; names are kept, so a stack trace still names
 *     the function and the module, and the TSDoc lives in the declarations):
 *     the tarball stays under its 300 KB budget (test/package/tarball.test.ts);
 *     no source maps, since the sources are not shipped;
 *   - the declarations the public entry points reach (index, node, server),
 *     with their TSDoc comments; internal modules' declarations are left out;
 *   - the document schemas only inside the library (core/schemas/bundled.js,
 *     exported as `builtinSchemas` and `getSchemaForType`), not also as files:
 *     package.json's `files` ships the config schema alone;
 *   - nothing from the VS Code extension or the webview (bundled apart).
 *
 * The layout mirrors dist/src/, so `new URL('../../../schemas/x.json', import.meta.url)`
 * finds the same files. usage: node scripts/build-lib.mjs
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'dist', 'src');
const to = join(root, 'dist', 'lib');
/** The package's public entry points (package.json `exports`), as declaration files under dist/src. */
export const ENTRY_DECLARATIONS = ['index.d.ts', 'node/index.d.ts', 'server/service.d.ts'];
if (!existsSync(join(from, 'index.js'))) {
  console.error('build-lib: dist/src/ is missing: run npm run build first');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });

const t0 = Date.now();
let modules = 0;
for (const file of readdirSync(from, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.js')) continue;
  const source = readFileSync(join(from, file), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '');
  const { code } = await esbuild.transform(source, { loader: 'js', format: 'esm', target: 'node20', legalComments: 'none', charset: 'utf8', minifyWhitespace: true });
  const out = join(to, file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  modules++;
}

// Declarations: from the entry points, follow every relative import.
const seen = new Set();
const stack = ENTRY_DECLARATIONS.map((f) => join(from, f)).filter((f) => existsSync(f));
while (stack.length > 0) {
  const file = stack.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), m[1].replace(/\.js$/, '.d.ts'));
    if (!existsSync(target)) {
      console.error(`build-lib: ${relative(root, file)} imports ${m[1]}, which has no declaration file`);
      process.exit(1);
    }
    stack.push(target);
  }
}
for (const file of seen) {
  const out = join(to, relative(from, file));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, ''));
}
console.log(`build-lib: dist/lib/ ${modules} modules, ${seen.size} declaration files (${Date.now() - t0} ms)`);
