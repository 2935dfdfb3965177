/**
 * `govmark timeline` as CI runs it: a child process on the shared examples.
 * From the regular build (dist/) this is bin/govmark.js itself; from another
 * build folder (a developer's own outDir) the same two-line shim, pointed at
 * that build, so the test always runs the code it was compiled with.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { examplesDir, repoRoot } from '../helpers.js';
import { compiledRoot } from './models.js';

function govmarkCommand(): string[] {
  if (resolve(compiledRoot) === resolve(repoRoot, 'dist')) return [join(repoRoot, 'bin', 'govmark.js')];
  const main = pathToFileURL(join(compiledRoot, 'src', 'cli', 'main.js')).href;
  const shim = `import { main } from ${JSON.stringify(main)};
process.exitCode = await main({ argv: process.argv.slice(1), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: process.stdout.isTTY === true });`;
  return ['--input-type=module', '-e', shim];
}

function govmark(...args: string[]) {
  const run = spawnSync(process.execPath, [...govmarkCommand(), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cli: govmark timeline in a child process', function () {
  this.timeout(60000);
  const valid = relative(repoRoot, join(examplesDir, 'valid'));
  let dir: string;

  before(() => {
    assert.ok(existsSync(join(compiledRoot, 'src', 'cli', 'commands', 'timeline.js')), 'build first: npx tsc -p .');
    dir = mkdtempSync(join(tmpdir(), 'govmark-timeline-cli-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes a standalone SVG of the valid examples, the format taken from --out', () => {
    const out = join(dir, 'site', 'timeline.svg');
    const { status, stdout, stderr } = govmark('timeline', valid, '--today', '2021-01-15', '--out', out);
    assert.equal(stderr, '');
    assert.equal(stdout, '');
    assert.equal(status, 0);
    const svg = readFileSync(out, 'utf8');
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.match(svg, /<style>/);
    // 5 milestones, the meeting, the action due 2020-12-31 (overdue on 15 Jan 2021), the review.
    assert.equal((svg.match(/<g class="entry /g) ?? []).length, 8);
    assert.equal((svg.match(/<g class="entry [^"]*\boverdue\b/g) ?? []).length, 1);
    assert.match(svg, /data-kind="meeting"/);
    assert.match(svg, /data-kind="review"/);
    assert.match(svg, /<line class="today-line" data-date="2021-01-15"/);
  });

  it('prints a standalone HTML page to stdout by default', () => {
    const { status, stdout, stderr } = govmark('timeline', join(valid, 'gloucestershire-icp-timeline.md'), '--today', '2022-02-10');
    assert.equal(status, 0, stderr);
    assert.ok(stdout.startsWith('<!DOCTYPE html>'));
    assert.match(stdout, /<h1>Formation of the Gloucestershire Integrated Care Partnership<\/h1>/);
    assert.match(stdout, /content="default-src &#39;none&#39;;/);
    assert.doesNotMatch(stdout, /<script/);
    assert.equal((stdout.match(/<g class="entry /g) ?? []).length, 5);
  });

  it('--format svg wins over the extension; --title names the drawing', () => {
    const { status, stdout } = govmark('timeline', valid, '--format', 'svg', '--title', 'Boards <2021>', '--today', '2021-01-15');
    assert.equal(status, 0);
    assert.ok(stdout.startsWith('<?xml'));
    assert.match(stdout, /<text class="doc-title"[^>]*>Boards &lt;2021&gt;<\/text>/);
  });

  it('--group-by body draws a swimlane named after each body, its entries inside it', () => {
    const { status, stdout, stderr } = govmark('timeline', valid, '--format', 'svg', '--group-by', 'body', '--today', '2021-01-15');
    assert.equal(status, 0, stderr);
    const names = [...stdout.matchAll(/<text class="lane-name"[^>]*>(.*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    assert.deepEqual(names.sort(), ['Gloucestershire Health and Wellbeing Board', 'Trafford Health and Wellbeing Board']);
    assert.equal((stdout.match(/<rect class="swimlane/g) ?? []).length, 2);
    // Every entry drawn inside its body's lane.
    const lanes = [...stdout.matchAll(/<rect class="swimlane[^"]*" x="[^"]*" y="([\d.]+)" width="[^"]*" height="([\d.]+)"/g)].map((m) => ({ top: Number(m[1]), bottom: Number(m[1]) + Number(m[2]) }));
    const bodies = [...stdout.matchAll(/<g class="entry [^"]*"[^>]*data-body="([^"]*)"[^>]*>.*?<text class="label[^"]*" x="[\d.]+" y="([\d.]+)"/gs)];
    assert.equal(bodies.length, 8);
    const laneOf = (y: number) => lanes.findIndex((l) => y >= l.top && y <= l.bottom);
    const byBody = new Map<string, Set<number>>();
    for (const [, body, y] of bodies) byBody.set(body, (byBody.get(body) ?? new Set()).add(laneOf(Number(y))));
    assert.equal(byBody.size, 2);
    for (const [body, inLanes] of byBody) assert.equal(inLanes.size, 1, `${body} in one lane`);
    assert.notDeepEqual([...byBody.values()][0], [...byBody.values()][1]);
    assert.ok(![...byBody.values()].some((s) => s.has(-1)));

    const none = govmark('timeline', valid, '--format', 'svg', '--today', '2021-01-15');
    assert.doesNotMatch(none.stdout, /class="swimlane/);
  });

  it('a --group-by the drawing does not know exits 2 naming the choices', () => {
    const bad = govmark('timeline', valid, '--group-by', 'bodies');
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^govmark: option '--group-by' must be one of none, body, document, workstream, not 'bodies'/);
  });

  it('an unreadable path exits 2 with one line on stderr', () => {
    const { status, stdout, stderr } = govmark('timeline', 'no-such-folder', '--out', join(dir, 'x.html'));
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, "govmark: cannot read 'no-such-folder': no such file or directory\n");
    assert.ok(!existsSync(join(dir, 'x.html')));
  });

  it('an output file whose format cannot be told, or a bad --today, exits 2 with the reason', () => {
    const png = govmark('timeline', valid, '--out', join(dir, 'x.png'));
    assert.equal(png.status, 2);
    assert.match(png.stderr, /^govmark: cannot tell the format from '.*x\.png': name it \.html, \.svg or \.json, or give --format html\|svg\|json\n$/);
    const today = govmark('timeline', valid, '--today', '2021-02-30');
    assert.equal(today.status, 2);
    assert.equal(today.stderr, "govmark: option '--today' must be a date written YYYY-MM-DD, not '2021-02-30'\n");
  });
});
