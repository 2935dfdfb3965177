/**
 * One count of overdue items everywhere (issue 10): the `overdue` rule (its
 * messages carry `data.due`), the CLI's `timeline --format json`, the Governance tree's documents (src/server/documents-tree.ts)
 * and the timeline model agree on the shared examples, on a day when some
 * items are overdue and others are in historical records, and years later
 * when every example is a record of the past.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../src/core/config.js';
import { parse } from '../../src/core/parse/parse.js';
import { workspaceTimeline } from '../../src/core/timeline/index.js';
import { analyse } from '../../src/core/workspace/workspace.js';
import type { TimelineModel } from '../../src/protocol/requests.js';
import { validatePaths } from '../../src/node/validate.js';
import { documentsResult } from '../../src/server/documents-tree.js';
import { examplesDir, repoRoot } from '../helpers.js';

const files = ['valid', 'invalid'].flatMap((d) =>
  readdirSync(join(examplesDir, d))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(examplesDir, d, f)),
);

function govmark(...args: string[]): string {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'govmark.js'), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.ok(run.status === 0 || run.status === 1, `govmark ${args[0]} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

interface Counts {
  overdue: number;
  notRecorded: number;
}

/**
 * The `overdue` rule's messages, as `govmark validate` reports them (its engine, validatePaths:
 * `validate` has no --today option and takes the real day), told apart by `data.due`.
 */
async function fromValidate(today: string): Promise<Counts> {
  const results = await validatePaths(files, { config: resolveConfig({ today }), cacheDir: false });
  const due = results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'overdue');
  return { overdue: due.filter((m) => m.data?.due === 'overdue').length, notRecorded: due.filter((m) => m.data?.due === 'outcome-not-recorded').length };
}

function fromTimelineCli(today: string): Counts {
  const model = JSON.parse(govmark('timeline', '--format', 'json', '--today', today, ...files)) as TimelineModel;
  return count(model);
}

function count(model: TimelineModel): Counts {
  return { overdue: model.entries.filter((e) => e.overdue).length, notRecorded: model.entries.filter((e) => e.outcomeNotRecorded).length };
}

function fromModel(today: string): Counts {
  const docs = files.map((f) => parse(readFileSync(f, 'utf8'), { uri: pathToFileURL(f).href }));
  return count(workspaceTimeline(docs, today));
}

/** What the tree's Overdue node counts: the items of each document node the server marks overdue. */
function fromTree(today: string): number {
  const config = resolveConfig({ today });
  const analyses = files.map((f) => {
    const uri = pathToFileURL(f).href;
    return { uri, analysis: analyse(readFileSync(f, 'utf8'), { uri, config }) };
  });
  const { documents } = documentsResult(analyses, new Map(), today);
  return documents.reduce(
    (n, d) => n + (d.review?.overdue ? 1 : 0) + d.actions.filter((a) => a.due && a.overdue).length + d.milestones.filter((m) => m.overdue).length,
    0,
  );
}

describe('acceptance: overdue counts agree across CLI, tree and timeline', function () {
  this.timeout(120_000);

  it('on 10 February 2022: the terms of reference are live (their review overdue), the 2020 minutes a record', async () => {
    const today = '2022-02-10';
    const validate = await fromValidate(today);
    const model = fromModel(today);
    assert.ok(model.overdue > 0, 'something is overdue that day');
    assert.ok(model.notRecorded > 0, 'and something is in a historical record');
    assert.deepEqual(validate, model, 'the overdue rule');
    assert.deepEqual(fromTimelineCli(today), model, 'timeline --format json');
    assert.equal(fromTree(today), model.overdue, 'the Governance tree');
  });

  it('on 23 November 2026: every example is a historical record, nothing is overdue, outcomes are not recorded', async () => {
    const today = '2026-11-23';
    const model = fromModel(today);
    assert.equal(model.overdue, 0);
    assert.ok(model.notRecorded > 0);
    assert.deepEqual(await fromValidate(today), model);
    assert.deepEqual(fromTimelineCli(today), model);
    assert.equal(fromTree(today), 0);
  });
});
