/**
 * The rule wrapper: runs rules, stamps metadata on what they report, applies
 * configured severities, and turns a rule that throws into a fatal message on
 * that document instead of a crashed run.
 */
import type { ResolvedConfig } from '../config.js';
import type { GovMessage, MessageInput, Severity } from '../message.js';
import { compareMessages } from '../message.js';
import { expectArgument, expectConfig } from '../arguments.js';
import type { GovDocument } from '../model.js';
import type { DocumentSummary, WorkspaceIndex } from '../workspace/summary.js';
import { ruleById, documentRules, workspaceRules } from './registry.js';
import type { Rule, WorkspaceRule } from './rule.js';
import { ruleUrl } from './rule.js';
import { todayIso } from './today.js';

// Apart, so that a run answered from the cache does not load the rule registry.
export { todayIso } from './today.js';
export { unreadableFileMessage } from './unreadable.js';

/** The severity configured for a rule, or undefined when it is off. */
export function severityFor(rule: Pick<Rule, 'id' | 'defaultSeverity'>, config: ResolvedConfig, own?: Severity): Severity | undefined {
  const setting = config.rules[rule.id];
  if (setting === 'off') return undefined;
  if (setting) return setting;
  return own ?? rule.defaultSeverity;
}

function appliesTo(rule: Rule, type: string | undefined, config: ResolvedConfig): boolean {
  if (!rule.types) return true;
  if (type === undefined) return false;
  if (rule.types.includes(type)) return true;
  const custom = config.customTypes.find((t) => t.name === type);
  return custom?.extends !== undefined && rule.types.includes(custom.extends);
}

export function stamp(rule: Pick<Rule, 'id' | 'defaultSeverity'>, uri: string, input: MessageInput, config: ResolvedConfig): GovMessage | undefined {
  const severity = severityFor(rule, config, input.severity);
  if (!severity) return undefined;
  return { ...input, ruleId: rule.id, severity, uri, source: 'govmark', url: ruleUrl(rule.id) };
}

/**
 * Re-applies configured severities to messages made while reading (their rules
 * have scope `parse`), dropping those of rules that are off.
 */
export function configureParseMessages(messages: readonly GovMessage[], config: ResolvedConfig): GovMessage[] {
  const out: GovMessage[] = [];
  for (const m of messages) {
    const rule = ruleById(m.ruleId);
    if (!rule) {
      out.push(m);
      continue;
    }
    const setting = config.rules[m.ruleId];
    if (setting === 'off') continue;
    out.push(setting ? { ...m, severity: setting } : m);
  }
  return out;
}

/** A rule that threw, as a message of the `internal-error` rule (configurable like any other: off drops it). */
function fatal(ruleId: string, uri: string, anchor: GovMessage['range'], error: unknown, config: ResolvedConfig): GovMessage | undefined {
  const setting = config.rules['internal-error'];
  if (setting === 'off') return undefined;
  const why = error instanceof Error ? error.message : String(error);
  return {
    ruleId: 'internal-error',
    severity: setting ?? 'error',
    reason: `Rule \`${ruleId}\` failed on this document: ${why}. The other rules still ran; please report this.`,
    uri,
    range: anchor,
    source: 'govmark',
    url: ruleUrl('internal-error'),
    fatal: true,
  };
}

/**
 * Runs one rule: what it reports is stamped (id, severity, uri, docs url), and
 * a throw becomes a fatal message on that document instead of a crashed run.
 */
function runRule<Ctx extends { report(message: MessageInput): void }>(
  rule: Pick<Rule, 'id' | 'defaultSeverity'> & { check(ctx: Ctx): void },
  context: Omit<Ctx, 'report'>,
  uri: string,
  anchor: GovMessage['range'],
  config: ResolvedConfig,
  out: GovMessage[],
): void {
  try {
    rule.check({
      ...context,
      report: (input: MessageInput) => {
        const m = stamp(rule, uri, input, config);
        if (m) out.push(m);
      },
    } as Ctx);
  } catch (error) {
    const m = fatal(rule.id, uri, anchor, error, config);
    if (m) out.push(m);
  }
}

const LINE_ONE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Every message about one document that needs only that document. */
export function checkDocument(doc: GovDocument, config: ResolvedConfig): GovMessage[] {
  expectArgument(typeof doc === 'object' && doc !== null && Array.isArray(doc.messages) && typeof doc.text === 'string', 'checkDocument', 'doc', 'a document from parse()', doc);
  expectConfig('checkDocument', config);
  const out = configureParseMessages(doc.messages, config);
  if (doc.type === undefined) return out.sort(compareMessages);
  const today = todayIso(config);
  for (const rule of documentRules()) {
    if (!appliesTo(rule, doc.type, config) || config.rules[rule.id] === 'off') continue;
    runRule(optInFor(rule, doc, config), { doc, config, today }, doc.uri, doc.frontMatterRange ?? LINE_ONE, config, out);
  }
  return out.sort(compareMessages);
}

/**
 * The rule as it runs on this document: on a recognised (not declared)
 * document, an opt-in rule reports hints, unless the config sets its severity.
 */
function optInFor<R extends Rule & { check(ctx: never): void }>(rule: R, doc: { typeSource?: GovDocument['typeSource'] }, config: ResolvedConfig): R {
  const optIn = rule.optIn;
  if (!optIn || doc.typeSource !== 'inferred' || config.rules[rule.id] !== undefined) return rule;
  return {
    ...rule,
    check: (ctx: { report(m: MessageInput): void }) =>
      rule.check({
        ...ctx,
        report: (m: MessageInput) => ctx.report(optIn === true || optIn(m) ? { ...m, severity: 'hint' } : m),
      } as never),
  } as R;
}

/** Messages that depend on other documents, for every document in the index (or only those listed). */
export function checkWorkspace(index: WorkspaceIndex, config: ResolvedConfig, only?: readonly string[]): Map<string, GovMessage[]> {
  expectArgument(typeof index === 'object' && index !== null && typeof index.all === 'function', 'checkWorkspace', 'index', 'a workspace index (from createIndex() or Workspace.index())', index);
  expectConfig('checkWorkspace', config);
  const today = todayIso(config);
  const byUri = new Map<string, GovMessage[]>();
  const targets = only ? only.flatMap((uri) => index.get(uri) ?? []) : index.all();
  // The rules that run on each type, decided once per type, not once per document.
  const rulesOfType = new Map<string | undefined, WorkspaceRule[]>();
  const rulesFor = (type: string | undefined) => {
    let rules = rulesOfType.get(type);
    if (!rules) rulesOfType.set(type, (rules = workspaceRules().filter((rule) => appliesTo(rule, type, config) && config.rules[rule.id] !== 'off')));
    return rules;
  };
  for (const summary of targets) {
    const out: GovMessage[] = [];
    // One context per document for all its rules (what `runRule` does, without an object and a closure per rule).
    let current: WorkspaceRule = undefined as never;
    const context = {
      summary,
      index,
      config,
      today,
      report: (input: MessageInput) => {
        const m = stamp(current, summary.uri, input, config);
        if (m) out.push(m);
      },
    };
    for (const rule of rulesFor(summary.type)) {
      current = optInFor(rule, summary, config);
      try {
        current.check(context);
      } catch (error) {
        const m = fatal(rule.id, summary.uri, summary.anchor, error, config);
        if (m) out.push(m);
      }
    }
    byUri.set(summary.uri, out.sort(compareMessages));
  }
  return byUri;
}

export type { DocumentSummary };
