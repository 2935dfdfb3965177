import { REQUIRED_SECTIONS, sectionHeading } from '../read/phrases/sections.js';
import type { DocumentSummary, WorkspaceIndex } from '../workspace/summary.js';
import type { WorkspaceRule } from './rule.js';

/** What a missing section's quick fix inserts. */
const SKELETONS: Record<string, string> = {
  membership: '## Membership\n\n| Seat | Organisation | Count | Statutory | Voting |\n| --- | --- | ---: | --- | --- |\n|  |  | 1 | no | yes |\n',
  functions: '## Functions\n\n1. \n',
  quorum: '## Quorum\n\nThe Board is quorate when  voting members are present.\n',
  present: '## Present\n\n- \n',
};

/** The two parts of terms of reference, which a council's pack often keeps in two documents. */
const TERMS_PARTS = ['functions', 'membership'];

export function skeleton(kind: string): string {
  return SKELETONS[kind] ?? `## ${sectionHeading(kind)}\n\n`;
}

function requiredFor(type: string | undefined, customTypes: { name: string; requiredSections?: string[]; extends?: string }[]): string[] {
  const custom = customTypes.find((t) => t.name === type);
  if (custom) return custom.requiredSections ?? (custom.extends ? REQUIRED_SECTIONS[custom.extends] ?? [] : []);
  return REQUIRED_SECTIONS[type ?? ''] ?? [];
}

const TYPE_NAMES: Record<string, string> = {
  'terms-of-reference': 'Terms of reference',
  minutes: 'Minutes',
  resolution: 'A resolution',
  timeline: 'A timeline',
};

/**
 * A section counts when its heading is there or what it holds was read under
 * another heading ("## Terms of Reference" over the functions, seats from a
 * "Membership of the Board" table). Terms of reference that hold only one of
 * their two parts are complete when another document of the same body holds
 * the other part, and only that: a council's pack keeps the terms apart from
 * the membership agreed for the municipal year.
 */
export const requiredSections: WorkspaceRule = {
  id: 'required-sections',
  optIn: true,
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'A document must have the sections its type requires.',
  docs:
    'Terms of reference need `## Functions` (or Purpose, Role, Terms of Reference) and `## Membership` (or Members, Composition); what those sections hold counts too, under any heading (functions or seats govmark reads). A pack that keeps the two parts in two documents of one body ("Health and Wellbeing Board - Terms of Reference" and "Health and Wellbeing Board - Membership 2020/21"; the body is the `body:` key or the title before " - ") is complete: each document holds one part and the other holds the rest. A document of the same body that holds both parts is another version of the terms, not the missing half. Headings are matched case-insensitively and with synonyms; custom types list theirs in the configuration (`requiredSections`). The quick fix appends a skeleton of the missing section.',
  check({ summary, index, config, report }) {
    const present = new Set(summary.sectionKinds ?? []);
    const required = requiredFor(summary.type, config.customTypes);
    const parts = summary.type === 'terms-of-reference' ? TERMS_PARTS.filter((p) => present.has(p)) : [];
    for (const kind of required) {
      if (present.has(kind)) continue;
      if (parts.length === 1 && TERMS_PARTS.includes(kind) && companionHolds(summary, index, kind)) continue;
      const heading = sectionHeading(kind);
      const at = summary.end;
      report({
        reason: `${TYPE_NAMES[summary.type ?? ''] ?? 'This document'} ${summary.type === 'terms-of-reference' || summary.type === 'minutes' ? 'have' : 'has'} no ${heading} section.`,
        range: summary.titleRange ?? summary.anchor,
        expected: [`## ${heading}`],
        data: { section: kind },
        fixes: at ? [{ title: `Add a ${heading} section`, needsInput: true, edits: [{ range: { start: at.point, end: at.point }, newText: (at.newline ? '\n' : '\n\n') + skeleton(kind) }] }] : undefined,
      });
    }
  },
};

/** Whether another terms-of-reference document of the same body holds `part` and nothing else of the two. */
function companionHolds(summary: DocumentSummary, index: WorkspaceIndex, part: string): boolean {
  const key = bodyKey(summary);
  if (key === undefined) return false;
  return (byBody(index).get(key) ?? []).some((o) => o.uri !== summary.uri && o.sectionKinds !== undefined && TERMS_PARTS.filter((p) => o.sectionKinds!.includes(p)).join() === part);
}

const BODIES = new WeakMap<WorkspaceIndex, Map<string, DocumentSummary[]>>();

/** Terms of reference by body, built once per index (the rule runs once per document). */
function byBody(index: WorkspaceIndex): Map<string, DocumentSummary[]> {
  let map = BODIES.get(index);
  if (map) return map;
  map = new Map();
  for (const s of index.all()) {
    if (s.type !== 'terms-of-reference') continue;
    const key = bodyKey(s);
    if (key === undefined) continue;
    const list = map.get(key);
    if (list) list.push(s);
    else map.set(key, [s]);
  }
  BODIES.set(index, map);
  return map;
}

/** The body a document is about: `body:`, or its title before " - Terms of Reference", " — Membership 2020/21". */
function bodyKey(s: DocumentSummary): string | undefined {
  const name = s.body ?? /^(.{3,120}?)\s+[-–—:]\s+\S/.exec(s.title ?? '')?.[1];
  return name === undefined ? undefined : name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
