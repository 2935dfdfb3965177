/**
 * govmark: governance documents in Markdown as typed, source-mapped data.
 *
 * ```ts
 * import { parse, Workspace } from 'govmark';
 * const doc = parse(text, { uri: 'file:///minutes.md' });
 * doc.data.content.resolutions; // [{ identifier: '18.2', text: 'That the Winter Plan be noted', ... }]
 * doc.sourceMap.get('/content/resolutions/0'); // { range: { start: { line, column, offset }, end } }
 * ```
 */
export { parse, knownTypes, baseType, type ParseOptions } from './core/parse/parse.js';
export { analyse, combine, Workspace, type DocumentAnalysis, type WorkspaceDocument, type AsAt } from './core/workspace/workspace.js';
export { termsInForceOn, inForceFrom, supersedersOf, supersededBy, type InForce } from './core/workspace/in-force.js';
export { actionRegister, registerBodyOf, type ActionRegister, type RegisterEntry, type RegisterEvent, type RegisterMeeting, type Approval } from './core/workspace/register.js';
export { summarize, createIndex, type DocumentSummary, type WorkspaceIndex, type Reference, type ActionSummary, type ReportSummary, type VoteSummary } from './core/workspace/summary.js';
export { scaffoldMinutes, type MinutesScaffoldInput, type Scaffold } from './core/scaffold/minutes.js';
export { scaffoldAgenda, type AgendaScaffoldInput } from './core/scaffold/agenda.js';
export { checkDocument, checkWorkspace } from './core/rules/run.js';
export { applyFixes, chosenFix, type AppliedFixes, type ApplyFixesOptions } from './core/fixes/apply.js';
export { allRules, ruleById } from './core/rules/registry.js';
export type { Rule, RuleMeta, DocumentRule, WorkspaceRule, ParseRule, RuleExample, DocumentRuleContext, WorkspaceRuleContext } from './core/rules/rule.js';
export type { KindInference, KindEvidence, InferredType } from './core/kind/infer.js';
export type { ChunkCache } from './core/parse/markdown.js';
export { resolveConfig, DEFAULT_CONFIG, type ResolvedConfig, type CustomTypeConfig } from './core/config.js';
export * from './core/model.js';
export * from './core/message.js';
export type { Point, Range } from './core/text/range.js';
export { LineIndex } from './core/text/lines.js';
export { locate, rangeOf, pointer } from './core/source-map.js';
export { serializeDocument, deserializeDocument, SERIALIZED_DOCUMENT_FORMAT, type SerializedDocument, type SerializedModel } from './core/serialize.js';
export * from './core/dates/index.js';
export { timelineOf, workspaceTimeline } from './core/timeline/index.js';
export type { TimelineModel, TimelineEntry, TimelineProblem, LspRange, LspPosition } from './protocol/requests.js';
export type { HtmlOptions, StandaloneHtmlOptions, WebviewHtmlOptions, SvgOptions, LayoutOptions, GroupBy } from './render/index.js';
export { renderTimelineSvg, renderTimelineSvgDocument, renderTimelineHtml, escapeXml, createNonce } from './render/index.js';
export { getSchemaForType, builtinSchemas, SCHEMA_BASE } from './core/schemas/registry.js';
export type { BundledSchemaFile } from './core/schemas/bundled.js';
export { exporters, exportDocuments, EXPORT_FORMATS, type ExportFormat, type Exporter, type ExportDocument, type ExportInput } from './core/export/index.js';
export { toPopolo, type PopoloExport, type PopoloPerson, type PopoloOrganization, type PopoloPost, type PopoloMembership, type PopoloEvent, type PopoloMotion, type PopoloVoteEvent, type PopoloSource } from './core/export/popolo.js';
export { importText, paperFromText, type ImportResult, type ImportedDocument, type SourcePaper, type SourceLine, type SourcePlace, type ImportCounts, type ImportKind, type ImportReport, type ImportUncertainty, type FoundItems, type Furniture, type DocumentMeta } from './core/import/index.js';
