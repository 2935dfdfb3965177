/**
 * The npm package as a user gets it: `npm pack` (which builds dist/lib/ through
 * `prepack`), installed into a fresh folder, used from an ES module, a CommonJS
 * module and strict TypeScript (`nodenext`), bundled for the date parser alone,
 * and its language server bin started and asked for diagnostics.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { examplesDir, repoRoot } from '../helpers.js';
import { TestClient } from '../server/client.js';

// 250 KB until issue 9 added the exporters (Popolo, Akoma Ntoso, iCalendar), votes and scaffolding (279 KB);
// 300 KB until issue 12 added the importer (src/core/import, its node readers and the import command: 309 KB);
// 320 KB until the importer and the timeline's overdue module and layout together made it 322.9 KB;
// the budget catches what should never ship (maps, screenshots, the extension), which the test also names.
const TARBALL_BUDGET = 340 * 1024;
const DATE_PARSER_BUDGET = 20 * 1024;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult {
  filename: string;
  size: number;
  files: { path: string; size: number }[];
}

describe('the npm package (npm pack, installed into a fresh folder)', function () {
  this.timeout(300_000);
  let work: string;
  let packed: PackResult;
  let consumer: string;
  let installed: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'govmark-pack-'));
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    packed = (JSON.parse(out.slice(out.indexOf('['))) as PackResult[])[0];
    consumer = join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    // Dependencies from npm's cache (the project's own install put them there); the network only when missing.
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, packed.filename)], { cwd: consumer, stdio: 'pipe' });
    installed = join(consumer, 'node_modules', 'govmark');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it(`is at most ${TARBALL_BUDGET / 1024} KB, without source maps, screenshots or the extension`, () => {
    assert.ok(packed.size <= TARBALL_BUDGET, `tarball ${(packed.size / 1024).toFixed(1)} KB`);
    const paths = packed.files.map((f) => f.path);
    assert.deepEqual(paths.filter((p) => p.endsWith('.map') || p.endsWith('.png') || p.includes('extension') || p.includes('webview') || p.startsWith('src/') || p.startsWith('test/')), []);
    for (const required of ['LICENSE', 'README.md', 'package.json', 'bin/govmark.js', 'bin/govmark-language-server.js', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'schemas/govmark.config.schema.json']) {
      assert.ok(paths.includes(required), `${required} is in the package`);
    }
  });

  it('points main, types and every export at files it contains, and its dependencies are the library\'s, the CLI\'s and the server\'s', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { main: string; types: string; exports: Record<string, string | Record<string, string>>; dependencies: Record<string, string>; sideEffects: unknown };
    assert.ok(existsSync(join(installed, pkg.main)), `main ${pkg.main}`);
    assert.ok(existsSync(join(installed, pkg.types)), `types ${pkg.types}`);
    for (const [name, target] of Object.entries(pkg.exports)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) assert.ok(existsSync(join(installed, file)), `exports['${name}'] → ${file}`);
    }
    // Tree-shakeable: only the scripts that start something when loaded (the workers, the server's entry) are side effects.
    assert.ok(Array.isArray(pkg.sideEffects), 'sideEffects lists the entry scripts');
    assert.deepEqual((pkg.sideEffects as string[]).filter((f) => !/\/(?:node\/worker|server\/worker|server\/main)\.[jt]s$/.test(f)), [], 'nothing but worker and server entry scripts');
    assert.ok(!('vscode-languageclient' in pkg.dependencies), 'the extension\'s client is bundled, not a dependency');
    // A resolver that reads only `main` (the `resolve` package, older bundlers) finds the library.
    assert.equal(createRequire(join(consumer, 'x.js')).resolve('govmark'), join(installed, pkg.main));
  });

  it('works from an ES module: parse, fixes, validation from govmark/node, the in-process language service', () => {
    const minutes = readFileSync(join(examplesDir, 'invalid', 'minutes-resolution-gap.md'), 'utf8');
    writeFileSync(join(consumer, 'minutes.md'), minutes);
    writeFileSync(
      join(consumer, 'esm.mjs'),
      `import { parse, applyFixes, parseFuzzyDate, getSchemaForType } from 'govmark';
import { validatePaths, loadConfig } from 'govmark/node';
import { getLanguageService } from 'govmark/server';
import { readFileSync } from 'node:fs';
const text = readFileSync('minutes.md', 'utf8');
const doc = parse(text, { uri: 'file:///minutes.md' });
const { config } = await loadConfig(process.cwd());
const [result] = await validatePaths(['minutes.md'], { config, cacheDir: false });
const fixed = applyFixes(text, result.messages);
const service = getLanguageService();
const diagnostics = service.validate({ uri: 'file:///minutes.md', text });
console.log(JSON.stringify({ type: doc.type, resolutions: doc.data.content.resolutions.length, rules: result.messages.map((m) => m.ruleId), fixed: fixed.applied.length, lsp: diagnostics.map((d) => d.code), date: parseFuzzyDate('Q1 2022')?.start, schema: getSchemaForType('minutes')?.$id }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['esm.mjs'], { cwd: consumer, encoding: 'utf8' })) as Record<string, unknown>;
    assert.equal(out.type, 'minutes');
    assert.equal(out.resolutions, 3);
    assert.ok((out.rules as string[]).includes('resolution-numbering'));
    assert.equal(out.fixed, 1);
    assert.ok((out.lsp as string[]).includes('resolution-numbering'));
    assert.equal(out.date, '2022-01-01');
    assert.equal(out.schema, 'https://govmark.dev/schemas/minutes.schema.json', 'the document schemas come with the library');
  });

  it('works from CommonJS (require)', () => {
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const { parse, describeFuzzyDate, parseFuzzyDate } = require('govmark');
const { getLanguageService } = require('govmark/server');
const doc = parse('---\\ntype: timeline\\nid: t\\ntitle: T\\n---\\n\\n# T\\n\\n- March/April 2021 — Consultation.\\n', { uri: 'file:///t.md' });
console.log(JSON.stringify({ type: doc.type, described: describeFuzzyDate(parseFuzzyDate('March/April 2021')), symbols: getLanguageService().documentSymbols({ uri: 'file:///t.md', text: doc.text }).length }));
`,
    );
    const run = spawnSync(process.execPath, ['cjs.cjs'], { cwd: consumer, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { type: string; described: string; symbols: number };
    assert.equal(out.type, 'timeline');
    assert.match(out.described, /March.*April 2021/);
    assert.ok(out.symbols >= 1);
  });

  it('type-checks from strict TypeScript with module nodenext (the declarations it ships are complete)', () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(repoRoot, 'node_modules', '@types')] },
        files: ['consumer.mts'],
      }),
    );
    writeFileSync(
      join(consumer, 'consumer.mts'),
      `import { parse, applyFixes, type GovDocument, type GovMessage, type FuzzyDate, parseFuzzyDate } from 'govmark';
import { validatePaths, loadConfig, type FileResult } from 'govmark/node';
import { getLanguageService, type GovmarkLanguageService } from 'govmark/server';
const doc: GovDocument = parse('# x', { uri: 'file:///x.md' });
const date: FuzzyDate | undefined = parseFuzzyDate('Tbc');
const messages: GovMessage[] = doc.messages;
const fixed: string = applyFixes(doc.text, messages).text;
const service: GovmarkLanguageService = getLanguageService();
const loaded = await loadConfig('.');
const results: FileResult[] = await validatePaths([], { config: loaded.config });
// @ts-expect-error parse needs a string
parse(42);
export { date, fixed, service, results };
`,
    );
    const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], { cwd: consumer, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });

  it(`bundles the date parser alone in at most ${DATE_PARSER_BUDGET / 1024} KB (sideEffects lists only entry scripts)`, async () => {
    writeFileSync(join(consumer, 'dates.mjs'), `import { parseFuzzyDate } from 'govmark';\nconsole.log(parseFuzzyDate('Q1 2022')?.start);\n`);
    const esbuild = (await import(pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('esbuild')).href)) as typeof import('esbuild');
    const result = await esbuild.build({ entryPoints: [join(consumer, 'dates.mjs')], bundle: true, minify: true, write: false, platform: 'node', format: 'esm', absWorkingDir: consumer, logLevel: 'silent' });
    const size = result.outputFiles[0].contents.length;
    assert.ok(size <= DATE_PARSER_BUDGET, `the date parser bundles to ${(size / 1024).toFixed(1)} KB`);
    const bundled = join(consumer, 'dates.bundle.mjs');
    writeFileSync(bundled, result.outputFiles[0].contents);
    assert.equal(execFileSync(process.execPath, [bundled], { encoding: 'utf8' }).trim(), '2022-01-01');
  });

  it('runs the govmark bin and the language server bin from the installed package', async () => {
    const cli = spawnSync(process.execPath, [join(consumer, 'node_modules', 'govmark', 'bin', 'govmark.js'), 'validate', '--no-cache', 'minutes.md'], { cwd: consumer, encoding: 'utf8' });
    assert.match(cli.stdout, /resolution-numbering/);
    const bin = join(consumer, 'node_modules', '.bin', 'govmark-language-server');
    assert.ok(existsSync(bin), 'npm linked the bin');
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version);

    const client = await TestClient.start({ command: { script: bin, args: ['--stdio'] }, folder: consumer });
    try {
      const uri = pathToFileURL(join(consumer, 'minutes.md')).href;
      client.open(uri, readFileSync(join(consumer, 'minutes.md'), 'utf8'));
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 30_000);
      assert.ok(published.diagnostics.some((d) => d.code === 'resolution-numbering' && d.range.start.line === 25), JSON.stringify(published.diagnostics));
    } finally {
      await client.stop();
    }
  });
});
