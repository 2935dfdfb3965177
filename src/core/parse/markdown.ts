/**
 * The Markdown parser: unified + remark-parse + remark-frontmatter, with the
 * GFM table extension only where a table can be. The other GFM extensions
 * (autolinks, footnotes, strikethrough, task lists) roughly halve parse speed
 * and nothing govmark reads needs them.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function remarkTables(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const withTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables).freeze();

/** A GFM delimiter row (`| --- | :-: |`); checked line by line, never backtracking. */
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/** True when some line could be a table's delimiter row, so the table extension is needed. */
export function mayContainTable(text: string): boolean {
  let from = 0;
  for (;;) {
    const bar = text.indexOf('|', from);
    if (bar < 0) return false;
    const lineStart = text.lastIndexOf('\n', bar) + 1;
    let lineEnd = text.indexOf('\n', bar);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line.length < 2000 && line.includes('-') && DELIMITER_ROW.test(line)) return true;
    from = lineEnd + 1;
  }
}

export function parseMarkdown(text: string): Root {
  return (mayContainTable(text) ? withTables : plain).parse(text) as Root;
}
