/**
 * What a rule is (after markdownlint's declarative rules and unified-lint-rule's
 * wrapper): a small object with metadata plus a check function. The wrapper in
 * `run.ts`, not the rule, stamps rule id, severity, uri, source and docs url on
 * what the rule reports, and turns a throw into a fatal message.
 */
import type { ResolvedConfig } from '../config.js';
import type { MessageInput, Severity } from '../message.js';
import type { GovDocument } from '../model.js';
import type { DocumentSummary, WorkspaceIndex } from '../workspace/summary.js';
import { repositoryUrl } from '../../version.js';

/** What every rule declares: its id, description, default severity and the types it applies to. */
export interface RuleMeta {
  /** Stable id, kebab-case: `resolution-numbering`. */
  id: string;
  /** One line for docs and `--help`. */
  description: string;
  defaultSeverity: Severity;
  /**
   * `parse`: reported while reading (YAML syntax, impossible dates); the rule
   * exists for its id, docs and severity. `document`: needs one document.
   * `workspace`: needs the index of every document.
   */
  scope: 'parse' | 'document' | 'workspace';
  /** Document types it applies to; all governance types when absent. */
  types?: string[];
  /** Longer explanation, for docs/rules/<id>.md. */
  docs?: string;
  /**
   * The example on docs/rules/<id>.md, for a rule no document can show (a
   * file that cannot be read, a rule that throws). Other rules leave it out:
   * their example is generated from test/fixtures/rules/<id>/, so it is what
   * govmark does (scripts/gen-docs.mjs).
   */
  example?: RuleExample;
  /**
   * What the rule asks only makes sense once an author has declared the
   * document's type (a missing front matter key, a required section): on a
   * document whose kind was recognised rather than declared, its messages
   * (all, or those the function picks) are hints, unless the configuration
   * sets the rule's severity.
   */
  optIn?: true | ((message: MessageInput) => boolean);
}

/** An example of the rule on its docs page: a document it reports and the same document fixed. */
export interface RuleExample {
  /** The fenced blocks' language: `markdown`, `console`. */
  lang: string;
  wrong: string;
  right: string;
  /** A line after the example saying what tells them apart. */
  note?: string;
}

/** What a document rule is given: the document, the configuration, today's date and `report`. */
export interface DocumentRuleContext {
  doc: GovDocument;
  config: ResolvedConfig;
  /** ISO date of today. */
  today: string;
  /** Reports one problem; the rule's id, severity and docs link are added to it. */
  report(message: MessageInput): void;
}

/** What a workspace rule is given: one document's summary, the workspace index, the configuration, today's date and `report`. */
export interface WorkspaceRuleContext {
  summary: DocumentSummary;
  index: WorkspaceIndex;
  config: ResolvedConfig;
  today: string;
  /** Reports one problem; the rule's id, severity and docs link are added to it. */
  report(message: MessageInput): void;
}

/** A rule that needs one document only. */
export interface DocumentRule extends RuleMeta {
  scope: 'document';
  /** Reports the problems of `ctx.doc` through `ctx.report`. */
  check(ctx: DocumentRuleContext): void;
}

/** A rule that reads other documents (references, duplicate ids, quorum against the terms of reference). */
export interface WorkspaceRule extends RuleMeta {
  scope: 'workspace';
  /** Reports the problems of `ctx.summary` against the workspace index, through `ctx.report`. */
  check(ctx: WorkspaceRuleContext): void;
}

/** A rule whose messages the parser itself makes (YAML syntax, impossible dates): listed for its id, docs and severity. */
export interface ParseRule extends RuleMeta {
  scope: 'parse';
}

/** Any rule of the registry. */
export type Rule = DocumentRule | WorkspaceRule | ParseRule;

/** Where rule pages are, at this version's tag (see src/version.ts). */
export const DOCS_BASE = repositoryUrl('docs/rules/');

export function ruleUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
