/**
 * Strict JSON with errors people can act on: the line and column of the first
 * problem and what it is ("a comma is missing"), never the text around it
 * (V8's messages quote the input, which puts a file's first characters, a
 * password file's or a token's, into CI logs).
 */
import { createScanner, findNodeAtLocation, parse as parseTolerant, parseTree, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';

export interface JsonProblem {
  /** 1-based. */
  line: number;
  column: number;
  offset: number;
  /** What is wrong, lower-case, without quoting the text. */
  message: string;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

const WHAT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'a number is not written as JSON writes numbers',
  PropertyNameExpected: 'a key in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected after the key',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'the text goes on after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'a \\u escape is not four hexadecimal digits',
  InvalidEscapeCharacter: 'a backslash escape that JSON does not have',
  InvalidCharacter: 'a control character (a tab or line break) inside a string; write it as \\t or \\n',
};

export function parseJson(text: string): JsonResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    // Located below.
  }
  const errors: ParseError[] = [];
  parseTolerant(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // Several errors at one place: the most specific says most ("a key in double quotes" over "unexpected character").
  const generic = new Set(['InvalidSymbol']);
  const sameSpot = errors.filter((e) => e.offset === errors[0]?.offset);
  const first = sameSpot.find((e) => !generic.has(printParseErrorCode(e.error))) ?? errors[0];
  const offset = first?.offset ?? 0;
  let message = first ? (WHAT[printParseErrorCode(first.error)] ?? 'not valid JSON here') : 'not valid JSON';
  if (first && (body[offset] === '}' || body[offset] === ']') && /,\s*$/.test(body.slice(Math.max(0, offset - 200), offset))) {
    message = 'a comma before a closing bracket (JSON allows no trailing comma)';
  }
  if (message === WHAT.InvalidSymbol) {
    // What was expected where the stray text begins, from the character before it.
    const before = body.slice(Math.max(0, offset - 200), offset).trimEnd().slice(-1);
    if (depthAt(body, offset) === 0 && before !== '') message = WHAT.EndOfFileExpected;
    else if (before === '{' || before === ',') message = 'a key in double quotes is expected';
    else if (before === ':' || before === '[') message = 'a value is expected (text goes in double quotes)';
    else if (before !== '' && offset < body.trimEnd().length && /[}\]"\dletru]/.test(before)) message = 'a comma is expected';
  }
  if (body.trim() === '') message = 'the file is empty';
  const { line, column } = position(body, offset);
  // The BOM was cut off; the column counts from the line's first character either way.
  return { ok: false, problem: { line, column, offset, message } };
}

/** Brackets open at `offset`, outside strings. */
function depthAt(text: string, offset: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** `line 3, column 5: a comma is expected`. */
export function describeJsonProblem(p: JsonProblem): string {
  return `line ${p.line}, column ${p.column}: ${p.message}`;
}

/**
 * JSON with comments (`//`, `/* *\/`) and trailing commas, as VS Code's
 * settings and tsconfig.json allow. Comments and trailing commas are blanked
 * out (offsets kept) and the rest read by `JSON.parse`, so values mean
 * exactly what they mean in JSON (`__proto__` is an ordinary key, nesting has
 * no depth limit); problems are located as `parseJson` locates them.
 */
export function parseJsonc(text: string): JsonResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const blanked = blankCommentsAndTrailingCommas(body);
  try {
    return { ok: true, value: JSON.parse(blanked) };
  } catch {
    // Located below.
  }
  const errors: ParseError[] = [];
  try {
    parseTolerant(body, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false });
  } catch {
    // Nesting deep enough to exhaust the stack: reported at the start.
  }
  const first = errors.find((e) => printParseErrorCode(e.error) !== 'InvalidSymbol') ?? errors[0];
  const offset = first?.offset ?? 0;
  let message = first ? (WHAT[printParseErrorCode(first.error)] ?? 'not valid JSON here') : 'not valid JSON (nested too deeply?)';
  if (blanked.trim() === '') message = 'the file is empty';
  const { line, column } = position(body, offset);
  return { ok: false, problem: { line, column, offset, message } };
}

const VALUE_ENDS = new Set<SyntaxKind>([
  SyntaxKind.StringLiteral,
  SyntaxKind.NumericLiteral,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.CloseBraceToken,
  SyntaxKind.CloseBracketToken,
]);

/** `text` with each comment and each comma before a closing bracket replaced by spaces (line breaks kept). */
function blankCommentsAndTrailingCommas(text: string): string {
  const scanner = createScanner(text, false);
  const out = text.split('');
  const blank = (from: number, length: number) => {
    for (let i = from; i < from + length; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  let pendingComma = -1;
  let previous: SyntaxKind = SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        blank(scanner.getTokenOffset(), scanner.getTokenLength());
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        break;
      case SyntaxKind.CommaToken:
        // Only a comma after a value can be trailing: `[,]` stays an error.
        pendingComma = VALUE_ENDS.has(previous) ? scanner.getTokenOffset() : -1;
        previous = kind;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (pendingComma >= 0) blank(pendingComma, 1);
        pendingComma = -1;
        previous = kind;
        break;
      default:
        pendingComma = -1;
        previous = kind;
    }
  }
  return out.join('');
}

/** A path into a JSON value: keys and array indexes. */
export type ValuePath = readonly (string | number)[];

/**
 * Where the value at `path` (or its key, `part: 'key'`) is written in JSON or
 * JSON-with-comments text: 1-based line and column. A path that is not in the
 * text falls back to its nearest ancestor that is; the start of the text when
 * none is.
 */
export function locateJson(text: string, path: ValuePath, part: 'key' | 'value' = 'value'): { line: number; column: number } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let root;
  try {
    root = parseTree(body, [], { disallowComments: false, allowTrailingComma: true });
  } catch {
    root = undefined; // nested too deeply to walk
  }
  let offset = 0;
  if (root) {
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, [...path.slice(0, n)]);
      if (!node) continue;
      // A key's node is the first child of its property; array items have no key.
      const key = part === 'key' && n === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      offset = (key ?? node).offset;
      break;
    }
  }
  return position(body, offset);
}
