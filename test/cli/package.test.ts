/**
 * What a published package carries beside the code: the licence, the
 * changelog and the manifest's links, as a user (or npm, or the Marketplace)
 * reads them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY, VERSION, repositoryUrl } from '../../src/version.js';
import { packageVersion, repoRoot } from '../helpers.js';

const read = (name: string) => readFileSync(join(repoRoot, name), 'utf8');

describe('package: licence, changelog and links', () => {
  it('src/version.ts is the version package.json publishes, and builds links at its tag', () => {
    assert.equal(VERSION, packageVersion);
    assert.equal(repositoryUrl('docs/rules/overdue.md'), `https://github.com/govmark/govmark/blob/v${packageVersion}/docs/rules/overdue.md`);
    assert.equal(repositoryUrl('schemas/x.json', 'raw'), `https://raw.githubusercontent.com/govmark/govmark/v${packageVersion}/schemas/x.json`);
  });

  it('LICENSE is the MIT licence package.json names, held by the govmark contributors', () => {
    const pkg = JSON.parse(read('package.json')) as { license: string; homepage: string };
    assert.equal(pkg.license, 'MIT');
    const licence = read('LICENSE');
    assert.match(licence, /^MIT License\n\nCopyright \(c\) 2026 govmark contributors\n/);
    assert.ok(licence.includes('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND'));
    assert.ok(pkg.homepage.startsWith(REPOSITORY));
  });

  it('CHANGELOG.md keeps a changelog: Unreleased first, then this version, each linked', () => {
    const changelog = read('CHANGELOG.md');
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => m[1]);
    assert.equal(versions[0], 'Unreleased');
    assert.ok(versions.includes(packageVersion), `a section for ${packageVersion}`);
    for (const v of versions) assert.match(changelog, new RegExp(`^\\[${v.replace(/\./g, '\\.')}\\]: ${REPOSITORY}/`, 'm'), `a link for ${v}`);
    for (const section of changelog.split(/^## /m).slice(1)) {
      for (const heading of section.match(/^### .*$/gm) ?? []) assert.match(heading, /^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/);
    }
  });
});
