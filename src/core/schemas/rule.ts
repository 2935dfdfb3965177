/** The `schema` rule: a document's model must match its type's JSON Schema. */
import type { DocumentRule } from '../rules/rule.js';
import { validateAgainstSchema } from './validate.js';

export const schemaRule: DocumentRule = {
  id: 'schema',
  description: "Front matter (and what was read from the body) must match the JSON Schema of the document's type.",
  defaultSeverity: 'error',
  scope: 'document',
  // A missing key only matters once the author has declared the type; a value written wrong always does.
  optIn: (m) => (m.data as { keyword?: string } | undefined)?.keyword === 'required',
  docs: [
    "Each document type has a JSON Schema (`schemas/<type>.schema.json`; custom types bring their own). The schema describes the whole model: `meta` is the front matter as written, `content` is what govmark read from the body. This rule reports every place the model does not match, where the text belongs:",
    '',
    '- a value of the wrong kind, not in the allowed list, or in the wrong form: on the value, with a fix for each allowed value;',
    '- a missing key: on the front matter block (from the opening `---`) or on the key it belongs under, with a fix that inserts it before the closing `---`;',
    '- an unknown key inside a closed object (`adopted`, `chair`, `vote`): on the key. Top-level front matter keys are open, but a key one typo away from a known one (`reveiw:`) is a warning.',
    '',
    'Example: these minutes have no meeting date.',
    '',
    '```markdown',
    '---',
    'type: minutes',
    'body: Trafford Health and Wellbeing Board',
    '---',
    '```',
    '',
    '> Minutes need a meeting date: add `date:` to the front matter',
    '',
    'See docs/schemas.md for what each schema allows and why.',
  ].join('\n'),
  check(ctx) {
    for (const message of validateAgainstSchema(ctx.doc, ctx.config)) ctx.report(message);
  },
};
