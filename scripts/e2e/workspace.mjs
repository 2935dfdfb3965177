/**
 * The workspace the end-to-end tests open: fresh copies of ../shared/examples (valid/ and
 * invalid/, so cross-document rules resolve and a fix can be applied without touching the
 * originals) and one plain Markdown file that govmark must leave alone.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function examplesFolder(repo) {
  const folder = process.env.GOVMARK_EXAMPLES ?? resolve(repo, '../shared/examples');
  if (!existsSync(join(folder, 'valid'))) throw new Error(`the shared examples are not at ${folder} (set GOVMARK_EXAMPLES)`);
  return folder;
}

export function prepareWorkspace(repo, target) {
  const examples = examplesFolder(repo);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const part of ['valid', 'invalid']) cpSync(join(examples, part), join(target, part), { recursive: true });
  writeFileSync(
    join(target, 'notes.md'),
    '# Release checklist\n\nNot a governance document: no front matter with a `type`, and nothing a reader would take for minutes, terms of reference, a decision or a timeline.\n\n1. Build the site.\n3. Publish it (the list may skip a number: it is not checked).\n',
  );
  return target;
}
