/**
 * A YAML file read as JSON data (a config file): strict, since a config that
 * is half read would apply rules nobody wrote. The first problem is reported
 * at its line and column, in the same shape as `parseJson`'s, without quoting
 * the text. The cost is bounded as for front matter: duplicate keys are found
 * in linear time (yaml's own check is quadratic) and aliases may not copy
 * values more than `MAX_ALIAS_COUNT` times over.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { openingQuote } from '../parse/frontmatter.js';
import type { JsonProblem, JsonResult, ValuePath } from './json.js';

/** yaml's own default; lifting it makes alias bombs expensive. */
const MAX_ALIAS_COUNT = 100;

export interface YamlData {
  result: JsonResult;
  /** Where the value at `path` (or its key) is written, as `locateJson` answers for JSON. */
  locate(path: ValuePath, part?: 'key' | 'value'): { line: number; column: number };
}

export function parseYamlData(text: string): YamlData {
  // yaml breaks lines at \n only; a lone \r becomes \n, same length, same offsets.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n');
  const lines = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lines.linePos(Math.max(0, Math.min(offset, source.length)));
    return { line, column: col };
  };
  const problem = (offset: number, message: string): YamlData => ({
    result: { ok: false, problem: { ...at(offset), offset, message } satisfies JsonProblem },
    locate: () => at(0),
  });

  let doc: Document;
  try {
    // logLevel 'error': yaml would print its warnings on the host's stderr.
    doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, lineCounter: lines, logLevel: 'error' });
  } catch {
    return problem(0, 'too complex to read (nested too deeply?)');
  }
  const error = doc.errors[0];
  if (error) {
    const at = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? openingQuote(source, error.pos[0])[0] : error.pos[0];
    return problem(at, reason(error.code, error.message));
  }
  const duplicate = firstDuplicateKey(doc.contents as YamlNode | null);
  if (duplicate) return problem(duplicate.offset, `the key '${duplicate.key.slice(0, 80)}' is written twice in one mapping`);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null;
    // Through JSON: a value made of JSON types only, and an alias inside the value it names (a cycle) refused.
    value = JSON.parse(JSON.stringify(value) ?? 'null');
  } catch (e) {
    const why = e instanceof Error && /alias/i.test(e.message) ? `its aliases (*name) would copy values more than ${MAX_ALIAS_COUNT} times over; write the values out` : 'an alias (*name) refers to the value that contains it, or the values are nested too deeply';
    return problem(0, why);
  }
  return {
    result: { ok: true, value },
    locate: (path, part = 'value') => at(locateNode(doc.contents as YamlNode | null, path, part)),
  };
}

/** The offset of the node at `path`, else of its nearest ancestor; 0 when there is none. */
function locateNode(root: YamlNode | null, path: ValuePath, part: 'key' | 'value'): number {
  let node: YamlNode | null = root;
  let offset = root?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as YamlNode;
      const value = pair.value as YamlNode | null;
      offset = (last && part === 'key') || !value?.range ? (key.range?.[0] ?? offset) : value.range[0];
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      node = item;
    } else break;
  }
  return offset;
}

/** The first key written twice in one mapping, found without yaml's quadratic check. */
function firstDuplicateKey(root: YamlNode | null): { key: string; offset: number } | undefined {
  const stack: YamlNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (seen.has(key)) return { key, offset: pair.key.range?.[0] ?? 0 };
          seen.add(key);
        }
        if (pair.value) stack.push(pair.value as YamlNode);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item as YamlNode);
    }
  }
  return undefined;
}

/** yaml's message, first line only and lower-case, with a hint for the usual causes. */
function reason(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const text = first.charAt(0).toLowerCase() + first.slice(1);
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second ---); keep one';
    case 'MISSING_CHAR':
      return `${text} (an unclosed quoted string or bracket?)`;
    case 'BAD_INDENT':
      return `${text} (check the indentation)`;
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces';
    default:
      return text;
  }
}
