/**
 * The timeline's colours and type, as CSS: VS Code's theme variables first
 * (`--vscode-charts-green` and friends are set inside webviews), then
 * fallbacks for a page or SVG opened anywhere else, light or dark as the
 * reader's system prefers. Colours live here only; the SVG carries classes.
 */

const LIGHT = {
  fg: 'var(--vscode-editor-foreground, #1f2328)',
  muted: 'var(--vscode-descriptionForeground, #59636e)',
  bg: 'var(--vscode-editor-background, #ffffff)',
  lane: 'var(--vscode-editorWidget-background, #f6f8fa)',
  grid: 'var(--vscode-editorRuler-foreground, #d8dee4)',
  gridMajor: 'var(--vscode-editorLineNumber-foreground, #8c959f)',
  done: 'var(--vscode-charts-green, #388a34)',
  planned: 'var(--vscode-charts-blue, #1a85ff)',
  atRisk: 'var(--vscode-charts-yellow, #bf8803)',
  delayed: 'var(--vscode-charts-orange, #e8590c)',
  cancelled: 'var(--vscode-disabledForeground, #8c959f)',
  tbc: 'var(--vscode-charts-purple, #652d90)',
  overdue: 'var(--vscode-charts-red, #e51400)',
  today: 'var(--vscode-editorCursor-foreground, #0550ae)',
  problem: 'var(--vscode-editorWarning-foreground, #9a6700)',
  error: 'var(--vscode-editorError-foreground, #cf222e)',
  band: 'var(--vscode-editorWidget-background, #f6f8fa)',
};

const DARK: typeof LIGHT = {
  fg: 'var(--vscode-editor-foreground, #e6edf3)',
  muted: 'var(--vscode-descriptionForeground, #9198a1)',
  bg: 'var(--vscode-editor-background, #0d1117)',
  lane: 'var(--vscode-editorWidget-background, #161b22)',
  grid: 'var(--vscode-editorRuler-foreground, #30363d)',
  gridMajor: 'var(--vscode-editorLineNumber-foreground, #6e7681)',
  done: 'var(--vscode-charts-green, #89d185)',
  planned: 'var(--vscode-charts-blue, #3794ff)',
  atRisk: 'var(--vscode-charts-yellow, #cca700)',
  delayed: 'var(--vscode-charts-orange, #f0883e)',
  cancelled: 'var(--vscode-disabledForeground, #8b949e)',
  tbc: 'var(--vscode-charts-purple, #b180d7)',
  overdue: 'var(--vscode-charts-red, #f14c4c)',
  today: 'var(--vscode-editorCursor-foreground, #aeafad)',
  problem: 'var(--vscode-editorWarning-foreground, #d29922)',
  error: 'var(--vscode-editorError-foreground, #f85149)',
  band: 'var(--vscode-editorWidget-background, #161b22)',
};

function variables(c: typeof LIGHT): string {
  return [
    `--gm-fg: ${c.fg};`,
    `--gm-muted: ${c.muted};`,
    `--gm-bg: ${c.bg};`,
    `--gm-lane: ${c.lane};`,
    `--gm-grid: ${c.grid};`,
    `--gm-grid-major: ${c.gridMajor};`,
    `--gm-done: ${c.done};`,
    `--gm-planned: ${c.planned};`,
    `--gm-at-risk: ${c.atRisk};`,
    `--gm-delayed: ${c.delayed};`,
    `--gm-cancelled: ${c.cancelled};`,
    `--gm-tbc: ${c.tbc};`,
    `--gm-overdue: ${c.overdue};`,
    `--gm-today: ${c.today};`,
    `--gm-problem: ${c.problem};`,
    `--gm-error: ${c.error};`,
    `--gm-band: ${c.band};`,
  ].join(' ');
}

/** The stylesheet of the timeline SVG (root class `govmark-timeline`). No `<` or `&`: safe inside an XML `<style>`. */
export function timelineCss(): string {
  return `
.govmark-timeline { ${variables(LIGHT)} font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif); font-size: 12px; }
@media (prefers-color-scheme: dark) { .govmark-timeline { ${variables(DARK)} } }
.govmark-timeline .bg { fill: var(--gm-bg); }
.govmark-timeline text { fill: var(--gm-fg); }
.govmark-timeline .doc-title { font-size: 16px; font-weight: 600; }
.govmark-timeline .axis-label { fill: var(--gm-muted); font-size: 11px; }
.govmark-timeline .year-label { fill: var(--gm-fg); font-size: 11px; font-weight: 600; }
.govmark-timeline .grid { stroke: var(--gm-grid); stroke-width: 1; }
.govmark-timeline .grid.major { stroke: var(--gm-grid-major); }
.govmark-timeline .axis-line { stroke: var(--gm-grid-major); stroke-width: 1; }
.govmark-timeline .today-line { stroke: var(--gm-today); stroke-width: 1.5; stroke-dasharray: 5 3; }
.govmark-timeline .today-label { fill: var(--gm-today); font-size: 11px; font-weight: 600; }
.govmark-timeline .lane { fill: var(--gm-lane); stroke: var(--gm-grid); stroke-dasharray: 4 3; }
.govmark-timeline .lane-title { fill: var(--gm-muted); font-weight: 600; }
.govmark-timeline .empty { fill: var(--gm-muted); }
.govmark-timeline .entry, .govmark-timeline .swatch { --c: var(--gm-planned); }
.govmark-timeline .st-done { --c: var(--gm-done); }
.govmark-timeline .st-planned { --c: var(--gm-planned); }
.govmark-timeline .st-at-risk { --c: var(--gm-at-risk); }
.govmark-timeline .st-delayed { --c: var(--gm-delayed); }
.govmark-timeline .st-cancelled { --c: var(--gm-cancelled); }
.govmark-timeline .st-tbc { --c: var(--gm-tbc); }
.govmark-timeline .mark { fill: var(--c); stroke: var(--c); stroke-width: 1.5; }
.govmark-timeline .span .mark { fill-opacity: 0.3; stroke-dasharray: 4 2; }
.govmark-timeline .cut { fill: var(--c); }
.govmark-timeline .swimlane { fill: none; stroke: var(--gm-grid); stroke-width: 1; }
.govmark-timeline .swimlane.alt { fill: var(--gm-band); fill-opacity: 0.6; }
.govmark-timeline .lane-name { fill: var(--gm-muted); font-weight: 600; font-size: 12px; paint-order: stroke; stroke: var(--gm-bg); stroke-width: 3px; stroke-linejoin: round; }
.govmark-timeline .problem-mark polygon { fill: var(--gm-problem); stroke: var(--gm-bg); stroke-width: 1; }
.govmark-timeline .problem-mark.error polygon { fill: var(--gm-error); }
.govmark-timeline .problem-mark .bang { fill: var(--gm-bg); font-weight: 700; font-size: 11px; stroke: none; }
.govmark-timeline .not-recorded .mark { stroke: var(--gm-cancelled); stroke-dasharray: 2 2; }
.govmark-timeline .label .not-recorded-tag { fill: var(--gm-muted); font-style: italic; }
.govmark-timeline .st-none .mark { fill: var(--gm-bg); fill-opacity: 1; stroke-width: 2; }
.govmark-timeline .undated .mark { fill: none; stroke-dasharray: 3 2; }
.govmark-timeline .overdue .mark { stroke: var(--gm-overdue); stroke-width: 2.5; }
.govmark-timeline .overdue-ring { fill: none; stroke: var(--gm-overdue); stroke-width: 1; stroke-dasharray: 2 2; }
.govmark-timeline .label { paint-order: stroke; stroke: var(--gm-bg); stroke-width: 3px; stroke-linejoin: round; }
.govmark-timeline .label.inside { stroke: none; }
.govmark-timeline .label .date { font-weight: 600; }
.govmark-timeline .label .overdue-tag { fill: var(--gm-overdue); font-weight: 600; }
.govmark-timeline .st-cancelled .label { fill: var(--gm-muted); }
.govmark-timeline .st-cancelled .label .title { text-decoration: line-through; }
.govmark-timeline .swatch.shape .mark { fill: var(--gm-muted); stroke: var(--gm-muted); }
.govmark-timeline .legend text { fill: var(--gm-muted); font-size: 11px; }
.govmark-timeline.interactive .entry { cursor: pointer; }
.govmark-timeline.interactive .problem-mark { cursor: pointer; }
.govmark-timeline.interactive .problem-mark:focus { outline: none; }
.govmark-timeline.interactive .problem-mark:hover polygon, .govmark-timeline.interactive .problem-mark:focus polygon { stroke: var(--gm-fg); stroke-width: 2; }
.govmark-timeline.interactive .entry:hover .mark, .govmark-timeline.interactive .entry:focus .mark { stroke-width: 3; }
.govmark-timeline.interactive .entry:focus { outline: none; }
.govmark-timeline.interactive .entry:focus .label { text-decoration: underline; }
`.trim();
}

/** The page around the SVG in the HTML export and the webview. */
export function pageCss(): string {
  return `
:root { color-scheme: light dark; }
body { margin: 0; padding: 16px 20px; background: var(--vscode-editor-background, #ffffff); color: var(--vscode-editor-foreground, #1f2328); font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif); font-size: var(--vscode-font-size, 13px); }
@media (prefers-color-scheme: dark) { body { background: var(--vscode-editor-background, #0d1117); color: var(--vscode-editor-foreground, #e6edf3); } }
h1 { font-size: 1.35em; font-weight: 600; margin: 0 0 4px; }
.summary { margin: 0 0 12px; color: var(--vscode-descriptionForeground, #6e7781); }
.timeline { overflow-x: auto; }
.timeline svg { display: block; }
details { margin-top: 16px; }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-editorRuler-foreground, #d8dee4); }
td.overdue { color: var(--vscode-charts-red, #e51400); font-weight: 600; }
`.trim();
}
