/**
 * The CI recipes a user copies: the pre-commit hook (.pre-commit-hooks.yaml),
 * the composite GitHub Action (action.yml) and the examples in docs/cli.md.
 *
 * pre-commit is rarely installed where these tests run, so the manifest is
 * checked against pre-commit's own manifest format (MANIFEST_HOOK_DICT in
 * pre_commit/clientlib.py), written out here; when `pre-commit` is on PATH its
 * `validate-manifest` is run too. The action's validate step is run for real,
 * with bash, in a temporary project: what GitHub would do, short of uploading.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FORMAT_NAMES } from '../../src/cli/formatters/index.js';
import { packageVersion, repoRoot } from '../helpers.js';
import { removeTree, tempTree } from './util.js';

const read = (name: string) => readFileSync(join(repoRoot, name), 'utf8');
const pkg = JSON.parse(read('package.json')) as { repository: { url: string }; homepage: string; bugs: { url: string }; scripts: Record<string, string> };

// pre-commit's manifest format: every key a hook may have, and what it must be.
type Check = (v: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isBool: Check = (v) => typeof v === 'boolean';
const isStringArray: Check = (v) => Array.isArray(v) && v.every(isString);
const isRegex: Check = (v) => {
  if (typeof v !== 'string') return false;
  try {
    new RegExp(v);
    return true;
  } catch {
    return false;
  }
};
/** pre-commit's languages (3.x and 4.x; `unsupported*` are 4.x's names for system and script). */
const LANGUAGES = ['conda', 'coursier', 'dart', 'docker', 'docker_image', 'dotnet', 'fail', 'golang', 'haskell', 'julia', 'lua', 'node', 'perl', 'pygrep', 'python', 'r', 'ruby', 'rust', 'script', 'swift', 'system', 'unsupported', 'unsupported_script'];
/** A selection of identify's tags (file kinds and the text formats near ours). */
const TAGS = ['file', 'text', 'binary', 'executable', 'non-executable', 'symlink', 'directory', 'markdown', 'mdx', 'yaml', 'json', 'toml', 'html', 'asciidoc', 'rst', 'plain-text'];
const STAGES = ['commit-msg', 'post-checkout', 'post-commit', 'post-merge', 'post-rewrite', 'pre-commit', 'pre-merge-commit', 'pre-push', 'pre-rebase', 'prepare-commit-msg', 'manual'];
const isTags: Check = (v) => isStringArray(v) && (v as string[]).every((t) => TAGS.includes(t));
const HOOK_KEYS: Record<string, { required?: true; check: Check }> = {
  id: { required: true, check: isString },
  name: { required: true, check: isString },
  entry: { required: true, check: isString },
  language: { required: true, check: (v) => typeof v === 'string' && LANGUAGES.includes(v) },
  alias: { check: isString },
  files: { check: isRegex },
  exclude: { check: isRegex },
  types: { check: isTags },
  types_or: { check: isTags },
  exclude_types: { check: isTags },
  additional_dependencies: { check: isStringArray },
  args: { check: isStringArray },
  always_run: { check: isBool },
  fail_fast: { check: isBool },
  pass_filenames: { check: isBool },
  description: { check: isString },
  language_version: { check: isString },
  log_file: { check: isString },
  minimum_pre_commit_version: { check: (v) => typeof v === 'string' && /^\d+(\.\d+)*$/.test(v) },
  require_serial: { check: isBool },
  stages: { check: (v) => isStringArray(v) && (v as string[]).every((s) => STAGES.includes(s)) },
  verbose: { check: isBool },
};

function manifestProblems(manifest: unknown): string[] {
  if (!Array.isArray(manifest)) return ['the manifest is not a list of hooks'];
  const problems: string[] = [];
  manifest.forEach((hook: unknown, i) => {
    if (typeof hook !== 'object' || hook === null || Array.isArray(hook)) return void problems.push(`hook ${i} is not a mapping`);
    const h = hook as Record<string, unknown>;
    for (const [key, spec] of Object.entries(HOOK_KEYS)) if (spec.required && !(key in h)) problems.push(`hook ${i}: missing required key '${key}'`);
    for (const [key, value] of Object.entries(h)) {
      const spec = HOOK_KEYS[key];
      if (!spec) problems.push(`hook ${i}: unknown key '${key}'`);
      else if (!spec.check(value)) problems.push(`hook ${i}: '${key}' is not valid: ${JSON.stringify(value)}`);
    }
  });
  const ids = manifest.map((h: { id?: unknown }) => h?.id);
  if (new Set(ids).size !== ids.length) problems.push('hook ids are not unique');
  return problems;
}

describe('ci recipes: the pre-commit hook', () => {
  const manifest = parseYaml(read('.pre-commit-hooks.yaml')) as Record<string, unknown>[];

  it("matches pre-commit's manifest format", () => {
    assert.deepEqual(manifestProblems(manifest), []);
  });

  it('the manifest check itself catches what pre-commit refuses', () => {
    assert.deepEqual(manifestProblems([{ id: 'x', name: 'x', language: 'nodejs', types: ['md'], pass_filenames: 'yes', colour: true }]), [
      "hook 0: missing required key 'entry'",
      "hook 0: 'language' is not valid: \"nodejs\"",
      "hook 0: 'types' is not valid: [\"md\"]",
      "hook 0: 'pass_filenames' is not valid: \"yes\"",
      "hook 0: unknown key 'colour'",
    ]);
  });

  it("defines 'govmark': govmark validate on the staged Markdown files, in one run", () => {
    const hook = manifest.find((h) => h.id === 'govmark');
    assert.ok(hook, 'a hook with id govmark');
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'govmark validate');
    assert.deepEqual(hook.types, ['markdown']);
    assert.equal(hook.pass_filenames, true);
    assert.equal(hook.require_serial, true, 'files are validated together, not in parallel batches');
    // The entry is the package's bin, built when pre-commit packs the repository (dist/ is not committed).
    assert.ok('govmark' in (JSON.parse(read('package.json')) as { bin: Record<string, string> }).bin);
    assert.match(pkg.scripts.prepack ?? '', /build:lib|tsc/);
  });

  it('passes `pre-commit validate-manifest` when pre-commit is installed', function () {
    const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) this.skip();
    const run = spawnSync('pre-commit', ['validate-manifest', join(repoRoot, '.pre-commit-hooks.yaml')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
});

interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** Every `${{ … }}` expression in a value, with the contexts it names. */
function expressions(value: unknown): string[] {
  return [...JSON.stringify(value ?? '').matchAll(/\$\{\{(.*?)\}\}/g)].map((m) => m[1].trim());
}

describe('ci recipes: the GitHub Action (action.yml)', () => {
  const action = parseYaml(read('action.yml')) as Action;
  const steps = action.runs.steps;

  it('is a composite action with a name, a description and described inputs', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    for (const name of ['paths', 'config', 'format', 'args']) assert.ok(action.inputs[name], `input ${name}`);
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description, `input ${name} is described`);
    assert.ok(FORMAT_NAMES.includes(action.inputs.format.default as never), 'the default log format is one govmark has');
  });

  it('every run step names its shell, every uses step runs nothing, and each step does one of the two', () => {
    for (const step of steps) {
      assert.ok(Boolean(step.run) !== Boolean(step.uses), `${step.name}: run or uses`);
      if (step.run) assert.equal(step.shell, 'bash', `${step.name}: shell`);
    }
  });

  it('references only inputs it declares and steps that come before', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    const checkExpr = (where: string, expr: string) => {
      for (const m of expr.matchAll(/\binputs\.([\w-]+)/g)) if (!action.inputs[m[1]]) problems.push(`${where}: no input '${m[1]}'`);
      for (const m of expr.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (!seen.has(m[1])) problems.push(`${where}: step '${m[1]}' is not before it`);
        else if (!steps.find((s) => s.id === m[1])!.run!.includes(`${m[2]}=`)) problems.push(`${where}: step '${m[1]}' never sets '${m[2]}'`);
      }
    };
    for (const step of steps) {
      for (const expr of [...expressions(step.env), ...expressions(step.with), ...expressions(step.if ? `\${{ ${step.if} }}` : '')]) checkExpr(step.name ?? '?', expr);
      assert.equal(expressions(step.run).length, 0, `${step.name}: inputs reach the script through env, not pasted into it`);
      if (step.id) seen.add(step.id);
    }
    for (const [name, output] of Object.entries(action.outputs)) for (const expr of expressions(output.value)) checkExpr(`output ${name}`, expr);
    assert.deepEqual(problems, []);
  });

  it('writes SARIF, uploads it even when govmark failed, then fails with its exit code', () => {
    const [validate, upload, fail] = steps;
    assert.match(validate.run!, /validate --format sarif --output "\$GOVMARK_SARIF"/);
    assert.match(upload.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.match(upload.if!, /^always\(\)/);
    assert.equal(upload.with!.sarif_file, '${{ steps.validate.outputs.sarif-file }}');
    assert.equal(fail.if, 'always()');
    assert.match(fail.run!, /exit "\$code"/);
  });

  /** Runs a step's script as GitHub runs `shell: bash`: `bash --noprofile --norc -eo pipefail`, its env with the expressions filled in. */
  function runStep(step: ActionStep, cwd: string, inputs: Record<string, string>, outputs: Record<string, string>, outputFile: string) {
    const value = (expr: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expr);
      if (input) return inputs[input[1]] ?? action.inputs[input[1]].default ?? '';
      const out = /^steps\.[\w-]+\.outputs\.([\w-]+)$/.exec(expr);
      if (out) return outputs[out[1]] ?? '';
      if (expr === 'github.action_path') return repoRoot;
      throw new Error(`unknown expression ${expr}`);
    };
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, GITHUB_OUTPUT: outputFile, NO_COLOR: '1' };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = v.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => value(e.trim()));
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd, env, encoding: 'utf8' });
  }

  function outputsOf(file: string): Record<string, string> {
    return Object.fromEntries(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
  }

  it('run in a project with an error: SARIF written, the report in the log, exit code 1 passed on to the last step', function () {
    this.timeout(60000);
    const dir = tempTree({
      'minutes/2021-03-19.md': '---\ntype: minuets\n---\n\n# Minutes\n',
      'notes/not-named.md': '---\ntype: minuets\n---\n',
      'github-output': '',
    });
    try {
      mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
      symlinkSync(join(repoRoot, 'bin', 'govmark.js'), join(dir, 'node_modules', '.bin', 'govmark'));
      const out = join(dir, 'github-output');
      const validate = runStep(steps[0], dir, { paths: 'minutes/*.md\n', args: '--no-cache' }, {}, out);
      assert.equal(validate.status, 0, 'the validate step itself never fails, so the upload can run: ' + validate.stderr);
      const outputs = outputsOf(out);
      assert.deepEqual(outputs, { 'exit-code': '1', 'sarif-file': 'govmark.sarif' });
      const log = JSON.parse(readFileSync(join(dir, 'govmark.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      assert.deepEqual(log.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]), [['unknown-type', 'minutes/2021-03-19.md']]);
      assert.match(validate.stdout, /minutes\/2021-03-19\.md\n\s+2:7\s+error\s+Unknown document type 'minuets'/, 'stylish report in the log');
      const fail = runStep(steps[2], dir, {}, outputs, out);
      assert.equal(fail.status, 1);
    } finally {
      removeTree(dir);
    }
  });

  it('run where govmark cannot: no SARIF to upload, and the last step fails with 2', function () {
    this.timeout(60000);
    const dir = tempTree({ 'github-output': '' });
    try {
      mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
      symlinkSync(join(repoRoot, 'bin', 'govmark.js'), join(dir, 'node_modules', '.bin', 'govmark'));
      const out = join(dir, 'github-output');
      const validate = runStep(steps[0], dir, { paths: 'no-such-folder' }, {}, out);
      assert.equal(validate.status, 0);
      const outputs = outputsOf(out);
      assert.deepEqual(outputs, { 'exit-code': '2' });
      assert.match(validate.stderr, /govmark: cannot read 'no-such-folder'/);
      assert.equal(runStep(steps[2], dir, {}, outputs, out).status, 2);
      assert.equal(runStep(steps[2], dir, {}, {}, out).status, 2, 'no exit code at all (the step crashed) is a failure too');
    } finally {
      removeTree(dir);
    }
  });
});

/** The fenced blocks of one `## ` section of a Markdown file, with their info strings. */
function fencedBlocks(markdown: string, heading: string): { lang: string; text: string }[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `section ${heading}`);
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], text: m[2] }));
}

describe('ci recipes: the examples in docs/cli.md', () => {
  const blocks = fencedBlocks(read('docs/cli.md'), 'CI recipes');
  const yamls = blocks.filter((b) => b.lang === 'yaml').map((b) => parseYaml(b.text) as Record<string, unknown>);
  const action = parseYaml(read('action.yml')) as Action;
  const repository = 'https://github.com/govmark/govmark';

  it('package.json names the repository the recipes point at', () => {
    assert.equal(pkg.repository.url, `git+${repository}.git`);
    assert.equal(pkg.bugs.url, `${repository}/issues`);
    assert.ok(pkg.homepage.startsWith(repository));
  });

  it('pre-commit: a config that uses this repository, at this version, and a hook it defines', () => {
    const config = yamls.find((y) => 'repos' in y) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
    assert.ok(config);
    const hookIds = (parseYaml(read('.pre-commit-hooks.yaml')) as { id: string }[]).map((h) => h.id);
    assert.equal(config.repos[0].repo, repository);
    assert.equal(config.repos[0].rev, `v${packageVersion}`);
    for (const hook of config.repos[0].hooks) assert.ok(hookIds.includes(hook.id), hook.id);
  });

  it('lint-staged: valid JSON running govmark validate on Markdown', () => {
    const json = blocks.find((b) => b.lang === 'json' && b.text.includes('lint-staged'));
    assert.ok(json);
    const config = (JSON.parse(json.text) as { 'lint-staged': Record<string, string> })['lint-staged'];
    assert.deepEqual(Object.values(config), ['govmark validate']);
  });

  it('GitHub Actions: the action at this version with inputs it has, and a plain workflow that uploads always', () => {
    type Workflow = { permissions: Record<string, string>; jobs: Record<string, { steps: ActionStep[] }> };
    const workflows = yamls.filter((y) => 'jobs' in y) as Workflow[];
    assert.equal(workflows.length, 2);
    for (const w of workflows) assert.equal(w.permissions['security-events'], 'write');
    const steps = workflows.flatMap((w) => Object.values(w.jobs).flatMap((j) => j.steps));
    const ours = steps.find((s) => s.uses?.startsWith('govmark/govmark@'));
    assert.ok(ours);
    assert.equal(ours.uses, `govmark/govmark@v${packageVersion}`);
    for (const input of Object.keys(ours.with ?? {})) assert.ok(action.inputs[input], `input ${input}`);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload && upload.if?.startsWith('always()'));
    assert.equal(upload.uses, action.runs.steps[1].uses, 'the same upload action as action.yml');
    assert.ok(steps.some((s) => s.run?.includes(`govmark@${packageVersion} validate --format sarif --output ${upload.with!.sarif_file}`)));
  });

  it('GitLab CI: the gitlab format written to the file the codequality report names', () => {
    const job = yamls.map((y) => Object.values(y)[0] as { script?: string[]; artifacts?: { when?: string; reports?: { codequality?: string } } }).find((j) => j?.artifacts?.reports?.codequality);
    assert.ok(job, 'a job with artifacts: reports: codequality');
    assert.equal(job.artifacts!.when, 'always');
    assert.ok(job.script!.some((line) => line.includes(`--format gitlab --output ${job.artifacts!.reports!.codequality}`)));
  });
});
