import { REQUIRED_SECTIONS, sectionHeading } from '../read/phrases/sections.js';
import type { GovDocument } from '../model.js';
import { rangeOf } from '../source-map.js';
import type { DocumentRule } from './rule.js';

/** What a missing section's quick fix inserts. */
const SKELETONS: Record<string, string> = {
  membership: '## Membership\n\n| Seat | Organisation | Count | Statutory | Voting |\n| --- | --- | ---: | --- | --- |\n|  |  | 1 | no | yes |\n',
  functions: '## Functions\n\n1. \n',
  quorum: '## Quorum\n\nThe Board is quorate when  voting members are present.\n',
  present: '## Present\n\n- \n',
};

export function skeleton(kind: string): string {
  return SKELETONS[kind] ?? `## ${sectionHeading(kind)}\n\n`;
}

function requiredFor(doc: GovDocument, customTypes: { name: string; requiredSections?: string[]; extends?: string }[]): string[] {
  const custom = customTypes.find((t) => t.name === doc.type);
  if (custom) return custom.requiredSections ?? (custom.extends ? REQUIRED_SECTIONS[custom.extends] ?? [] : []);
  return REQUIRED_SECTIONS[doc.type ?? ''] ?? [];
}

const TYPE_NAMES: Record<string, string> = {
  'terms-of-reference': 'Terms of reference',
  minutes: 'Minutes',
  resolution: 'A resolution',
  timeline: 'A timeline',
};

export const requiredSections: DocumentRule = {
  id: 'required-sections',
  optIn: true,
  scope: 'document',
  defaultSeverity: 'error',
  description: 'A document must have the sections its type requires.',
  docs: 'Terms of reference need `## Functions` (or Purpose, Role) and `## Membership` (or Members). Headings are matched case-insensitively and with synonyms; custom types list theirs in the configuration (`requiredSections`). The quick fix appends a skeleton of the missing section.',
  check({ doc, config, report }) {
    const present = new Set(doc.data.content.sections.map((s) => s.kind));
    const titleRange = rangeOf(doc, '/content/title');
    const range = titleRange ?? doc.frontMatterRange ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    const endPoint = doc.lines.point(doc.text.length);
    for (const kind of requiredFor(doc, config.customTypes)) {
      if (present.has(kind)) continue;
      const heading = sectionHeading(kind);
      const lead = doc.text.endsWith('\n') ? '\n' : '\n\n';
      report({
        reason: `${TYPE_NAMES[doc.type ?? ''] ?? 'This document'} ${doc.type === 'terms-of-reference' || doc.type === 'minutes' ? 'have' : 'has'} no ${heading} section.`,
        range,
        expected: [`## ${heading}`],
        data: { section: kind },
        fixes: [{ title: `Add a ${heading} section`, edits: [{ range: { start: endPoint, end: endPoint }, newText: lead + skeleton(kind) }] }],
      });
    }
  },
};
