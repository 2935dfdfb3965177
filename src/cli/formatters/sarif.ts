/**
 * `--format sarif`: SARIF 2.1.0, the format code-scanning services read.
 * The driver lists every rule of the registry (with its docs link and default
 * level) plus any other rule id the run reported; locations are relative to
 * the working folder through the `%SRCROOT%` base, absolute `file:` URIs for
 * files outside it. info and hint become `note`.
 */
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { isAbsolute, relative, sep } from 'node:path';
import type { Fix, GovMessage, Severity } from '../../core/message.js';
import type { Range } from '../../core/text/range.js';
import { allRules } from '../../core/rules/registry.js';
import { ruleUrl } from '../../core/rules/rule.js';
import { HOMEPAGE, VERSION } from '../version.js';
import { toCliRange } from './position.js';
import { sortedResults, type Formatter } from './results.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export const sarif: Formatter = (results, ctx) => {
  const rules: Record<string, unknown>[] = allRules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.docs ? { fullDescription: { text: rule.docs } } : {}),
    helpUri: ruleUrl(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { scope: rule.scope, ...(rule.types ? { types: rule.types } : {}) },
  }));
  const ruleIndex = new Map(allRules.map((rule, i) => [rule.id, i]));

  const sarifResults: Record<string, unknown>[] = [];
  for (const result of sortedResults(results)) {
    for (const m of result.messages) {
      if (!ruleIndex.has(m.ruleId)) {
        ruleIndex.set(m.ruleId, rules.length);
        rules.push({ id: m.ruleId, shortDescription: { text: m.ruleId }, ...(m.url ? { helpUri: m.url } : {}) });
      }
      sarifResults.push(toSarifResult(m, artifactFor(result.path, ctx.cwd), ruleIndex.get(m.ruleId)!, ctx.cwd));
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'govmark', version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd.endsWith(sep) ? ctx.cwd : ctx.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function toSarifResult(m: GovMessage, artifactLocation: ArtifactLocation, index: number, cwd: string): Record<string, unknown> {
  const properties = {
    ...(m.expected !== undefined ? { expected: m.expected } : {}),
    ...(m.actual !== undefined ? { actual: m.actual } : {}),
    ...(m.fatal ? { fatal: true } : {}),
  };
  return {
    ruleId: m.ruleId,
    ruleIndex: index,
    level: sarifLevel(m.severity),
    message: { text: m.reason },
    locations: [{ physicalLocation: { artifactLocation, region: region(m.range) } }],
    ...(m.related && m.related.length > 0
      ? {
          relatedLocations: m.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation: artifactForUri(r.uri, cwd), region: region(r.range) },
          })),
        }
      : {}),
    ...(m.fixes && m.fixes.length > 0 ? { fixes: m.fixes.map((f) => toSarifFix(f, artifactLocation)) } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

function toSarifFix(fix: Fix, artifactLocation: ArtifactLocation): Record<string, unknown> {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      },
    ],
  };
}

function region(range: Range): Record<string, number> {
  const { start, end } = toCliRange(range);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** Relative to `%SRCROOT%` when inside the working folder, else an absolute `file:` URI. */
export function artifactFor(path: string, cwd: string): ArtifactLocation {
  const rel = relative(cwd, path);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return { uri: pathToFileURL(path).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function artifactForUri(uri: string, cwd: string): ArtifactLocation {
  if (!uri.startsWith('file:')) return { uri };
  try {
    return artifactFor(fileURLToPath(uri), cwd);
  } catch {
    return { uri };
  }
}
