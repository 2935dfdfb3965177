#!/usr/bin/env node
/**
 * Builds what the npm package ships, dist/lib/, from tsc's output in dist/src/
 * (`npm run build` first; `npm pack` runs both through `prepack`):
 *
 *   - every module's JavaScript, with comments removed (esbuild, not minified:
 *     the code stays readable in a stack trace, and the TSDoc lives in the
 *     declarations); no source maps, since the sources are not shipped;
 *   - the declarations the public entry points reach (index, node, server),
 *     with their TSDoc comments; internal modules' declarations are left out;
 *   - the JSON Schemas that core/schemas/bundled.js holds are read at load
 *     from the package's schemas/*.schema.json instead (the same files, checked
 *     equal here), so the package does not carry them twice; the package is
 *     for Node only (the extension and the webview bundle src/ themselves);
 *   - nothing from the VS Code extension or the webview (bundled apart).
 *
 * The layout mirrors dist/src/, so `new URL('../../../schemas/x.json', import.meta.url)`
 * finds the same files. usage: node scripts/build-lib.mjs
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'dist', 'src');
const to = join(root, 'dist', 'lib');
/** The package's public entry points (package.json `exports`), as declaration files under dist/src. */
export const ENTRY_DECLARATIONS = ['index.d.ts', 'node/index.d.ts', 'server/service.d.ts'];
/** The JSON Schemas as a module (scripts/gen-schemas.mjs writes it): its only export is `bundledSchemas`. */
const BUNDLED_SCHEMAS = 'core/schemas/bundled.js';

if (!existsSync(join(from, 'index.js'))) {
  console.error('build-lib: dist/src/ is missing: run npm run build first');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });

/** bundled.js for the package: each schema read from schemas/<name>, which must equal what it bundles. */
async function schemasFromFiles(compiled) {
  const { bundledSchemas } = await import(pathToFileURL(compiled).href);
  const names = Object.keys(bundledSchemas);
  for (const name of names) {
    const shipped = join(root, 'schemas', name);
    if (!existsSync(shipped) || JSON.stringify(JSON.parse(readFileSync(shipped, 'utf8'))) !== JSON.stringify(bundledSchemas[name])) {
      console.error(`build-lib: schemas/${name} differs from the bundled copy: run node scripts/gen-schemas.mjs`);
      process.exit(1);
    }
  }
  const depth = '../'.repeat(BUNDLED_SCHEMAS.split('/').length + 1);
  return [
    "import { readFileSync } from 'node:fs';",
    `const read = (name) => JSON.parse(readFileSync(new URL('${depth}schemas/' + name, import.meta.url), 'utf8'));`,
    `export const bundledSchemas = { ${names.map((n) => `${JSON.stringify(n)}: read(${JSON.stringify(n)})`).join(', ')} };`,
    '',
  ].join('\n');
}

const t0 = Date.now();
let modules = 0;
for (const file of readdirSync(from, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.js')) continue;
  const source = readFileSync(join(from, file), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '');
  const { code } = file.split(sep).join('/') === BUNDLED_SCHEMAS ? { code: await schemasFromFiles(join(from, file)) } : await esbuild.transform(source, { loader: 'js', format: 'esm', target: 'node20', legalComments: 'none', charset: 'utf8' });
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
