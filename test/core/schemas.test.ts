import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { resolveConfig, type ResolvedConfig } from '../../src/core/config.js';
import type { GovMessage, MessageInput } from '../../src/core/message.js';
import type { GovDocument, SourceEntry } from '../../src/core/model.js';
import { parse } from '../../src/core/parse/parse.js';
import { ajv } from '../../src/core/schemas/ajv.js';
import { getValidator, schemaHazard } from '../../src/core/schemas/safety.js';
import { linearRegExp, UnsafePattern } from '../../src/core/schemas/regex.js';
import { bundledSchemas } from '../../src/core/schemas/bundled.js';
import { builtinSchemas, getSchemaForType } from '../../src/core/schemas/registry.js';
import { expand, isSchemaObject, schemaAtPointer, type SchemaObject } from '../../src/core/schemas/resolve.js';
import { schemaRule } from '../../src/core/schemas/rule.js';
import { validateAgainstSchema } from '../../src/core/schemas/validate.js';
import { LineIndex } from '../../src/core/text/lines.js';
import type { Range } from '../../src/core/text/range.js';
import { examplesDir, repoRoot } from '../helpers.js';

/**
 * A GovDocument built from Markdown text with only what the schema needs:
 * front matter data and its source map (value and key ranges, as the parser
 * records them), minimal content. The real parser is tested elsewhere.
 */
function makeDoc(text: string, options: { type?: string; content?: GovDocument['data']['content'] } = {}): GovDocument {
  const lines = new LineIndex(text);
  const sourceMap = new Map<string, SourceEntry>();
  let meta: Record<string, unknown> = {};
  let frontMatterRange: Range | undefined;
  let frontMatterContentRange: Range | undefined;
  if (/^---[ \t]*$/.test(lines.lineText(1))) {
    let close = 2;
    while (close <= lines.lineCount && !/^---[ \t]*$/.test(lines.lineText(close))) close++;
    const contentStart = lines.lineStarts[1];
    const contentEnd = lines.lineStarts[close - 1];
    const end = close < lines.lineCount ? lines.lineStarts[close] : text.length;
    frontMatterRange = lines.range(0, end);
    frontMatterContentRange = lines.range(contentStart, contentEnd);
    const yaml = parseDocument(text.slice(contentStart, contentEnd), { keepSourceTokens: true });
    meta = (yaml.toJS() ?? {}) as Record<string, unknown>;
    const at = (s: number, e: number) => lines.range(contentStart + s, contentStart + e);
    const walk = (node: YamlNode, pointer: string): void => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as YamlNode;
          const value = pair.value as YamlNode | null;
          const child = `${pointer}/${String(isScalar(key) ? key.value : key)}`;
          const keyRange = at(key.range![0], key.range![1]);
          const range = value?.range ? at(value.range[0], value.range[1]) : at(key.range![0], key.range![2]);
          sourceMap.set(child, { range, keyRange });
          if (value) walk(value, child);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          const n = item as YamlNode;
          sourceMap.set(`${pointer}/${i}`, { range: at(n.range![0], n.range![1]) });
          walk(n, `${pointer}/${i}`);
        });
      }
    };
    if (yaml.contents) {
      sourceMap.set('/meta', { range: at(yaml.contents.range[0], yaml.contents.range[2]) });
      walk(yaml.contents as YamlNode, '/meta');
    }
  }
  const type = options.type ?? (typeof meta.type === 'string' ? meta.type : undefined);
  return {
    uri: 'file:///test.md',
    text,
    lines,
    type,
    typeSource: options.type ? 'option' : meta.type ? 'front-matter' : 'none',
    data: { meta, content: options.content ?? { sections: [] } },
    sourceMap,
    frontMatterRange,
    frontMatterContentRange,
    messages: [],
    complete: true,
  };
}

const config = resolveConfig();

function example(path: string): string {
  return readFileSync(join(examplesDir, path), 'utf8');
}

/** The text a range covers. */
function slice(doc: GovDocument, range: Range): string {
  return doc.text.slice(range.start.offset, range.end.offset);
}

function applyFix(text: string, message: MessageInput, index = 0): string {
  const edits = [...message.fixes![index].edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

function only(messages: MessageInput[]): MessageInput {
  assert.equal(messages.length, 1, messages.map((m) => m.reason).join('\n'));
  return messages[0];
}

const MINUTES = `---
type: minutes
id: trafford-hwb-2020-10-16
body: Trafford Health and Wellbeing Board
date: 2020-10-16
status: approved
---

# Health and Wellbeing Board — 16 October 2020
`;

const TOR = `---
type: terms-of-reference
id: trafford-hwb-tor
title: Health and Wellbeing Board — Terms of Reference
body: Trafford Health and Wellbeing Board
adopted:
  date: 2020-11-25
  by: Annual Council Meeting
review: 2021-11-25
quorum: 5
---

# Terms of Reference
`;

describe('schemas', () => {
  describe('the built-in schemas', () => {
    it('all compile under Ajv strict mode', () => {
      for (const [file, schema] of Object.entries(builtinSchemas)) {
        const v = getValidator(schema);
        assert.ok(!(v instanceof Error), `${file}: ${v instanceof Error ? v.message : ''}`);
      }
    });

    it('are valid JSON Schema 2020-12, as is the config schema (Ajv skips the meta-schema check at start-up)', () => {
      const config = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'govmark.config.schema.json'), 'utf8')) as object;
      for (const [file, schema] of [...Object.entries(builtinSchemas), ['govmark.config.schema.json', config] as const]) {
        assert.ok(ajv.validateSchema(schema as object), `${file}: ${ajv.errorsText(ajv.errors)}`);
      }
      // The check can fail: a misspelt type is not valid JSON Schema.
      assert.equal(ajv.validateSchema({ type: 'strnig' }), false);
    });

    it('have $id, title and description', () => {
      for (const [file, schema] of Object.entries(builtinSchemas)) {
        assert.equal(schema.$id, `https://govmark.dev/schemas/${file}`);
        assert.equal(typeof schema.title, 'string', file);
        assert.equal(typeof schema.description, 'string', file);
      }
    });

    it('give every property a title, description and markdownDescription', () => {
      const missing: string[] = [];
      const visit = (node: unknown, where: string): void => {
        if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}/${i}`));
        if (!isSchemaObject(node)) return;
        if (isSchemaObject(node.properties)) {
          for (const [key, prop] of Object.entries(node.properties)) {
            if (prop === true) continue; // only declares a key for strictRequired (see the ToR schema's $comment)
            const merged = expand(prop as SchemaObject);
            for (const a of ['title', 'description', 'markdownDescription']) {
              if (typeof merged[a] !== 'string' || merged[a] === '') missing.push(`${where}/properties/${key}: ${a}`);
            }
          }
        }
        for (const [k, v] of Object.entries(node)) if (typeof v === 'object') visit(v, `${where}/${k}`);
      };
      for (const [file, schema] of Object.entries(builtinSchemas)) visit(schema, file + '#');
      assert.deepEqual(missing, []);
    });

    it('give markdownEnumDescriptions for every enum value where they give any', () => {
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!isSchemaObject(node)) return;
        if (Array.isArray(node.markdownEnumDescriptions)) {
          assert.ok(Array.isArray(node.enum));
          assert.equal(node.markdownEnumDescriptions.length, (node.enum as unknown[]).length, JSON.stringify(node.enum));
        }
        Object.values(node).forEach(visit);
      };
      Object.values(builtinSchemas).forEach(visit);
    });

    it('are bundled: src/core/schemas/bundled.ts matches schemas/*.schema.json', async () => {
      const gen = (await import(pathToFileURL(join(repoRoot, 'scripts', 'gen-schemas.mjs')).href)) as {
        renderBundle(root: string): string;
        schemaFiles(root: string): string[];
      };
      const committed = readFileSync(join(repoRoot, 'src', 'core', 'schemas', 'bundled.ts'), 'utf8');
      for (const file of gen.schemaFiles(repoRoot)) {
        const json = JSON.parse(readFileSync(join(repoRoot, 'schemas', file), 'utf8')) as unknown;
        assert.deepEqual(bundledSchemas[file as keyof typeof bundledSchemas], json, `${file} changed: run node scripts/gen-schemas.mjs`);
      }
      assert.equal(committed, gen.renderBundle(repoRoot), 'bundled.ts is out of date: run node scripts/gen-schemas.mjs');
    });
  });

  describe('getSchemaForType', () => {
    it('gives the built-in schema for a built-in type, nothing for an unknown one', () => {
      assert.equal(getSchemaForType('minutes'), builtinSchemas['minutes.schema.json']);
      assert.equal(getSchemaForType('terms-of-referance'), undefined);
      assert.equal(getSchemaForType('defs'), undefined);
    });

    it('prefers a custom type from the configuration', () => {
      const schema = { type: 'object' };
      const cfg = resolveConfig({ customTypes: [{ name: 'board-minutes', schema }] });
      assert.equal(getSchemaForType('board-minutes', cfg), schema);
    });
  });

  describe('schemaAtPointer', () => {
    const tor = builtinSchemas['terms-of-reference.schema.json'];

    it('follows properties, anyOf and $ref to /meta/adopted/date', () => {
      const s = schemaAtPointer(tor, '/meta/adopted/date');
      assert.ok(s);
      assert.equal(s.title, 'Date of adoption');
      assert.match(String(s.markdownDescription), /adopted/);
      assert.equal(s.pattern, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'); // from the referenced isoDate
    });

    it('finds enums and the type const', () => {
      assert.deepEqual(schemaAtPointer(tor, '/meta/chair/rotation')?.enum, ['annual', 'biennial', 'triennial', 'per-meeting', 'per-term']);
      assert.equal(schemaAtPointer(tor, '/meta/type')?.const, 'terms-of-reference');
      assert.deepEqual(schemaAtPointer(builtinSchemas['minutes.schema.json'], '/meta/status')?.enum?.constructor, Array);
    });

    it('follows items into content', () => {
      const s = schemaAtPointer(builtinSchemas['minutes.schema.json'], '/content/resolutions/3/identifier');
      assert.match(String(s?.markdownDescription), /Motion\.identifier/);
      assert.equal(schemaAtPointer(builtinSchemas['minutes.schema.json'], '/content/attendance/present/0/name')?.title, 'Name');
      assert.equal(schemaAtPointer(tor, '/meta/supersedes/1')?.title, 'Identifier');
    });

    it('gives undefined where the schema says nothing', () => {
      assert.equal(schemaAtPointer(tor, '/meta/clerk'), undefined);
    });
  });

  describe('validateAgainstSchema', () => {
    for (const file of ['valid/trafford-hwb-terms-of-reference.md', 'valid/trafford-hwb-minutes-2020-10-16.md', 'valid/gloucestershire-icp-timeline.md']) {
      it(`accepts the front matter of ${file}`, () => {
        assert.deepEqual(validateAgainstSchema(makeDoc(example(file)), config), []);
      });
    }

    it('says nothing about a document without a type or of an unknown type', () => {
      assert.deepEqual(validateAgainstSchema(makeDoc('# Notes\n'), config), []);
      assert.deepEqual(validateAgainstSchema(makeDoc(example('invalid/unknown-type.md')), config), []);
    });

    describe('a missing required key', () => {
      const doc = makeDoc(example('invalid/minutes-missing-date.md'));
      const message = () => only(validateAgainstSchema(doc, config));

      it('spans the front matter from the opening --- through the last key', () => {
        const m = message();
        assert.ok(m.range.start.line >= 1 && m.range.start.line <= 5);
        assert.deepEqual([m.range.start.line, m.range.start.column], [1, 1]);
        assert.equal(m.range.end.line, 4);
        assert.equal(slice(doc, m.range), '---\ntype: minutes\nid: trafford-hwb-undated\nbody: Trafford Health and Wellbeing Board');
      });

      it('reads well and carries the schema data', () => {
        const m = message();
        assert.equal(m.reason, 'Minutes need a meeting date: add `date:` to the front matter');
        assert.deepEqual(m.expected, ['date']);
        assert.equal(m.data?.keyword, 'required');
        assert.equal(m.data?.instancePath, '/meta');
        assert.match(String(m.data?.schemaPath), /required$/);
      });

      it('is an error when reported through the schema rule', () => {
        const reported: MessageInput[] = [];
        schemaRule.check({ doc, config, today: '2024-01-01', report: (m) => reported.push(m) });
        assert.equal(schemaRule.id, 'schema');
        assert.equal(schemaRule.scope, 'document');
        assert.equal(schemaRule.defaultSeverity, 'error');
        assert.equal(only(reported).severity ?? schemaRule.defaultSeverity, 'error');
      });

      it('has a fix that inserts a placeholder line before the closing ---', () => {
        const m = message();
        assert.equal(m.fixes?.length, 1);
        assert.equal(m.fixes[0].preferred, true);
        const edit = m.fixes[0].edits[0];
        assert.deepEqual([edit.range.start.line, edit.range.start.column], [5, 1]);
        assert.equal(edit.range.start.offset, edit.range.end.offset);
        const fixed = applyFix(doc.text, m);
        assert.equal(fixed.split('\n').slice(0, 6).join('\n'), '---\ntype: minutes\nid: trafford-hwb-undated\nbody: Trafford Health and Wellbeing Board\ndate: YYYY-MM-DD\n---');
        // The placeholder never passes: the problem moves to the value until a real date is written.
        const after = makeDoc(fixed);
        const next = only(validateAgainstSchema(after, config));
        assert.equal(slice(after, next.range), 'YYYY-MM-DD');
        assert.equal(next.reason, '`date` must be a single day written YYYY-MM-DD, e.g. 2020-10-16 (found `YYYY-MM-DD`)');
      });

      it('goes on line 1 and inserts a front matter block when there is none', () => {
        const bare = makeDoc('# Minutes\n\nText.\n', { type: 'minutes' });
        const m = only(validateAgainstSchema(bare, config)); // not "add type": it came from the option
        assert.equal(m.range.start.line, 1);
        assert.equal(m.range.end.line, 1);
        assert.equal(applyFix(bare.text, m), '---\ndate: YYYY-MM-DD\n---\n\n# Minutes\n\nText.\n');
      });

      it('offers one fix per allowed value for a missing enum key', () => {
        const doc = makeDoc('---\ntype: resolution\ndate: 2021-03-19\n---\n\nRESOLVED: That the plan be approved.\n');
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(m.reason, 'A resolution needs a status: add `status:` to the front matter');
        assert.deepEqual(
          m.fixes?.map((f) => f.title),
          ['proposed', 'adopted', 'rejected', 'withdrawn', 'superseded', 'deferred', 'accepted', 'deprecated'].map((v) => `Add \`status: ${v}\` to the front matter`),
        );
        assert.ok(applyFix(doc.text, m, 1).startsWith('---\ntype: resolution\ndate: 2021-03-19\nstatus: adopted\n---\n'));
      });

      it('merges "title or body" into one message with a fix for each', () => {
        const doc = makeDoc('---\ntype: terms-of-reference\nid: x\n---\n');
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(m.reason, 'Terms of reference need a title or a body: add `title:` or `body:` to the front matter');
        assert.deepEqual(m.expected, ['title', 'body']);
        assert.deepEqual(m.fixes?.map((f) => f.edits[0].newText), ['title:\n', 'body:\n']);
        assert.equal(m.range.start.line, 1);
      });
    });

    describe('a missing nested key', () => {
      const text = TOR.replace('  date: 2020-11-25\n', '');
      const doc = makeDoc(text);

      it('goes on the parent key, with a fix indented like its siblings', () => {
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(slice(doc, m.range), 'adopted');
        assert.equal(m.reason, '`adopted` needs a date of adoption: add `date:` under `adopted`');
        assert.equal(m.data?.instancePath, '/meta/adopted');
        const fixed = applyFix(text, m);
        assert.match(fixed, /\nadopted:\n {2}by: Annual Council Meeting\n {2}date: YYYY-MM-DD\nreview:/);
      });
    });

    describe('a value not in the allowed list', () => {
      const doc = makeDoc(MINUTES.replace('status: approved', 'status: aproved'));
      const m = () => only(validateAgainstSchema(doc, config));

      it('goes on the value', () => {
        assert.equal(slice(doc, m().range), 'aproved');
        assert.equal(m().range.start.line, 6);
        assert.equal(m().data?.keyword, 'enum');
        assert.equal(m().data?.instancePath, '/meta/status');
      });

      it('lists the allowed values and suggests the closest', () => {
        assert.equal(
          m().reason,
          '`status` must be one of draft, unconfirmed, approved, confirmed, published (found `aproved`; did you mean `approved`?)',
        );
        assert.deepEqual(m().expected, ['draft', 'unconfirmed', 'approved', 'confirmed', 'published']);
        assert.equal(m().actual, 'aproved');
      });

      it('has a fix per allowed value, the closest preferred', () => {
        const fixes = m().fixes!;
        assert.equal(fixes.length, 5);
        assert.deepEqual(fixes.filter((f) => f.preferred).map((f) => f.edits[0].newText), ['approved']);
        assert.equal(applyFix(doc.text, m(), 2), MINUTES);
      });

      it('keeps the author\'s quotes in the fix', () => {
        const quoted = makeDoc(MINUTES.replace('status: approved', 'status: "aproved"'));
        const q = only(validateAgainstSchema(quoted, config));
        assert.equal(slice(quoted, q.range), '"aproved"');
        assert.equal(q.fixes?.find((f) => f.preferred)?.edits[0].newText, '"approved"');
      });
    });

    describe('values of the wrong form', () => {
      it('puts a pattern mismatch on the value, phrased from the schema', () => {
        const doc = makeDoc(MINUTES.replace('date: 2020-10-16', 'date: 16/10/2020'));
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(slice(doc, m.range), '16/10/2020');
        assert.equal(m.data?.keyword, 'pattern');
      });

      it('reports the branch that fits for anyOf (quorum: 0 → at least 1)', () => {
        const doc = makeDoc(TOR.replace('quorum: 5', 'quorum: 0'));
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(m.reason, '`quorum` must be at least 1 (found `0`)');
        assert.equal(slice(doc, m.range), '0');
      });

      it('merges anyOf type errors into one (quorum: true)', () => {
        const doc = makeDoc(TOR.replace('quorum: 5', 'quorum: true'));
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(m.reason, '`quorum` must be a whole number or text (found `true`)');
        assert.equal(m.data?.keyword, 'type');
      });

      it('reports the object form\'s problems for an object (adopted: { dat, by })', () => {
        const text = TOR.replace('  date: 2020-11-25', '  dat: 2020-11-25');
        const doc = makeDoc(text);
        const messages = validateAgainstSchema(doc, config);
        assert.deepEqual(messages.map((x) => x.data?.keyword), ['required', 'additionalProperties']);
        const [missing, unknown] = messages;
        assert.equal(slice(doc, missing.range), 'adopted');
        // An unknown key goes on the key, with a rename fix.
        assert.equal(slice(doc, unknown.range), 'dat');
        assert.equal(unknown.reason, 'Unknown key `dat` under `adopted`; did you mean `date`?');
        assert.equal(applyFix(text, unknown), TOR);
      });

      it('says an empty value has no value', () => {
        const doc = makeDoc(MINUTES.replace('body: Trafford Health and Wellbeing Board', 'body:'));
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(m.reason, '`body` has no value: write text after the colon');
        assert.equal(slice(doc, m.range), 'body');
      });

      it('names the form for a value YAML did not read as text (start: 9.30)', () => {
        const doc = makeDoc(MINUTES.replace('status:', 'start: 9.30\nstatus:'));
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(m.reason, '`start` must be a time of day written HH:MM on the 24-hour clock, e.g. 14:30 (found `9.30`)');
        assert.equal(slice(doc, m.range), '9.30');
      });

      it('reports a wrong list entry on the entry', () => {
        const doc = makeDoc(TOR.replace('quorum: 5', 'supersedes:\n  - good-id\n  - Bad Id'));
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(slice(doc, m.range), 'Bad Id');
        assert.equal(m.data?.instancePath, '/meta/supersedes/1');
        assert.match(m.reason, /^`supersedes\[2\]` must be an identifier/);
      });
    });

    it('leaves front matter with a YAML syntax error to that error', () => {
      const doc = makeDoc(example('invalid/minutes-missing-date.md'));
      const yamlError = { ruleId: 'yaml-syntax', severity: 'error', reason: 'unclosed quote', uri: doc.uri, range: doc.frontMatterRange!, source: 'govmark' } satisfies GovMessage;
      assert.deepEqual(validateAgainstSchema({ ...doc, messages: [yamlError] }, config), []);
    });

    describe('unknown front matter keys', () => {
      it('allows an author\'s own keys', () => {
        assert.deepEqual(validateAgainstSchema(makeDoc(MINUTES.replace('status:', 'clerk: A. Murray\nwebcast: https://example.org/w\nstatus:')), config), []);
      });

      it('warns, on the key, about one a typo away from a known key', () => {
        const text = TOR.replace('review:', 'reveiw:');
        const doc = makeDoc(text);
        const m = only(validateAgainstSchema(doc, config));
        assert.equal(m.severity, 'warning');
        assert.equal(slice(doc, m.range), 'reveiw');
        assert.equal(m.reason, 'Unknown key `reveiw` in the front matter; did you mean `review`?');
        assert.equal(applyFix(text, m), TOR);
      });
    });

    describe('custom types', () => {
      const schema = {
        $id: 'https://example.org/board-minutes.schema.json',
        type: 'object',
        properties: {
          meta: { $ref: 'https://govmark.dev/schemas/minutes.schema.json#/$defs/meta' },
          content: {
            $ref: 'https://govmark.dev/schemas/defs.schema.json#/$defs/content',
            type: 'object',
            required: ['resolutions'],
            properties: { resolutions: { type: 'array', minItems: 1 } },
          },
        },
      };
      const cfg: ResolvedConfig = resolveConfig({ customTypes: [{ name: 'board-minutes', schema, extends: 'minutes' }] });
      const text = '---\ntype: board-minutes\ndate: 2021-01-29\n---\n\n# Board — 29 January 2021\n\nNo decisions.\n';

      it('constrain the content, placing problems at the start of the body', () => {
        const none = makeDoc(text);
        const m = only(validateAgainstSchema(none, cfg));
        assert.equal(m.data?.keyword, 'required');
        assert.equal(slice(none, m.range), '# Board — 29 January 2021');
        assert.match(m.reason, /^A document of type `board-minutes` needs resolutions in the body/);
        const empty = makeDoc(text, { content: { sections: [], resolutions: [] } });
        assert.match(only(validateAgainstSchema(empty, cfg)).reason, /resolutions: at least 1, but 0 found in the body/);
      });

      it('reuse the built-in definitions', () => {
        const doc = makeDoc(text.replace('date: 2021-01-29\n', ''), { content: { sections: [], resolutions: [{ text: 'That…', marker: 'RESOLVED:', block: 0 }] } });
        assert.equal(only(validateAgainstSchema(doc, cfg)).reason, 'A document of type `board-minutes` needs a meeting date: add `date:` to the front matter');
      });

      it('are compiled once per schema object', () => {
        const calls: unknown[] = [];
        const original = ajv.compile.bind(ajv);
        const fresh = { ...schema, $id: 'https://example.org/once.schema.json' };
        const cfg2 = resolveConfig({ customTypes: [{ name: 'board-minutes', schema: fresh }] });
        (ajv as { compile: unknown }).compile = (s: unknown) => {
          calls.push(s);
          return original(s as object);
        };
        try {
          validateAgainstSchema(makeDoc(text), cfg2);
          validateAgainstSchema(makeDoc(text), cfg2);
        } finally {
          (ajv as { compile: unknown }).compile = original;
        }
        assert.deepEqual(calls, [fresh]);
        assert.equal(getValidator(fresh), getValidator(fresh));
      });

      it('report a schema that cannot be compiled once, on the type, instead of throwing', () => {
        const broken = { type: 'object', properties: { meta: { type: 'object', notAKeyword: true } } };
        const doc = makeDoc(text);
        const m = only(validateAgainstSchema(doc, resolveConfig({ customTypes: [{ name: 'board-minutes', schema: broken }] })));
        assert.equal(slice(doc, m.range), 'board-minutes');
        assert.match(m.reason, /^The JSON Schema for type `board-minutes` cannot be used: .*notAKeyword/);
      });
    });

    describe('through the real parser', () => {
      for (const file of ['valid/trafford-hwb-terms-of-reference.md', 'valid/trafford-hwb-minutes-2020-10-16.md', 'valid/gloucestershire-icp-timeline.md']) {
        it(`accepts ${file}, content included`, () => {
          assert.deepEqual(validateAgainstSchema(parse(example(file), { uri: 'file:///' + file }), config), []);
        });
      }

      it('reports the missing date of invalid/minutes-missing-date.md on lines 1-5', () => {
        const m = only(validateAgainstSchema(parse(example('invalid/minutes-missing-date.md'), { uri: 'file:///m.md' }), config));
        assert.ok(m.range.start.line >= 1 && m.range.start.line <= 5);
        assert.equal(m.data?.keyword, 'required');
      });

      it('adds nothing to the YAML error of invalid/yaml-syntax-error.md', () => {
        assert.deepEqual(validateAgainstSchema(parse(example('invalid/yaml-syntax-error.md'), { uri: 'file:///y.md' }), config), []);
      });
    });

    it('compiles each built-in schema once', () => {
      const schema = builtinSchemas['minutes.schema.json'];
      const first = getValidator(schema);
      validateAgainstSchema(makeDoc(MINUTES), config);
      validateAgainstSchema(makeDoc(MINUTES), config);
      assert.equal(getValidator(schema), first);
      assert.equal(ajv.getSchema('https://govmark.dev/schemas/minutes.schema.json'), first);
    });
  });

  describe('custom schemas that cannot be run safely', () => {
    it('are refused by the library before compiling, with the reason, and never throw', () => {
      let deep: Record<string, unknown> = { type: 'object' };
      for (let i = 0; i < 5000; i++) deep = { allOf: [deep] };
      const refused: [unknown, RegExp][] = [
        [deep, /nests deeper than 64 levels/],
        [{ $ref: '#' }, /refers to itself without descending into the value/],
        [{ $defs: { a: { not: { $ref: '#/$defs/a' } } }, $ref: '#/$defs/a' }, /refers to itself/],
        [{ type: 'object', patternProperties: { '^(?=x)(x+)+$': {} } }, /cannot run in linear time \(it has a lookahead\) .*patternProperties/],
        [{ type: 'object', properties: { a: { type: 'string', pattern: '([' } } }, /is not a valid regular expression/],
        [{ type: 'object', properties: { a: { type: 'string', pattern: '(?<=^(a+)+)!' } } }, /cannot run in linear time \(it has a lookbehind\)/],
        [{ $dynamicAnchor: 'm', anyOf: [{ $dynamicRef: '#m' }] }, /refers to itself/],
        [{ $defs: { a: { $anchor: 'x', allOf: [{ $ref: '#x' }] } }, $ref: '#/$defs/a' }, /refers to itself/],
        [{ $ref: 'file:///etc/passwd' }, /points to another file or address .* govmark never fetches/],
      ];
      for (const [schema, reason] of refused) {
        const v = getValidator(schema as Record<string, unknown>);
        assert.ok(v instanceof Error, String(reason));
        assert.match(v.message, reason);
        assert.equal(schemaHazard(schema), v.message);
      }
    });

    it('keep recursion through properties, and safe lookaround; nested repetition runs in linear time', () => {
      const tree = { type: 'object', properties: { children: { type: 'array', items: { $ref: '#' } } } };
      assert.equal(schemaHazard(tree), undefined);
      const v = getValidator({ type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' }, b: { type: 'string', pattern: '^(?!tbc$)[a-z]+$' } } });
      assert.ok(!(v instanceof Error));
      const started = Date.now();
      assert.equal(v({ a: `${'a'.repeat(5000)}!` }), false);
      assert.ok(Date.now() - started < 2000, 'a backtracking engine takes longer than the age of the universe here');
      assert.equal(v({ a: 'aaa', b: 'draft' }), true);
      assert.equal(v({ b: 'tbc' }), false);
      assert.throws(() => linearRegExp('(?<=a)(a+)+b'), UnsafePattern);
      assert.equal(linearRegExp('(?<=\\$)\\d+').test('$12'), true, 'a lookbehind without repetition runs');
      const recursiveByAnchor = { $defs: { n: { $anchor: 'node', type: 'object', properties: { kids: { type: 'array', items: { $ref: '#node' } } } } }, $ref: '#node' };
      assert.equal(schemaHazard(recursiveByAnchor), undefined);
    });
  });
});
