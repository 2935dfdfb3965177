/**
 * Generates governance documents for the benchmark: minutes, terms of
 * reference, resolutions and timelines shaped like ../shared/examples, with
 * tables only where real documents have them (membership, budgets, votes).
 * Deterministic: the same seed gives the same bytes.
 */
import * as P from './phrases.js';
import { Random } from './random.js';

export type Kind = 'minutes' | 'terms-of-reference' | 'resolution' | 'timeline';

/** The share of each kind in the corpus (minutes dominate real governance folders). */
export const KIND_WEIGHTS: readonly (readonly [Kind, number])[] = [
  ['minutes', 45],
  ['terms-of-reference', 20],
  ['resolution', 20],
  ['timeline', 15],
];

interface Context {
  r: Random;
  place: string;
  body: string;
  slug: string;
  orgs: string[];
  members: string[];
  date: Date;
  /** Hard-wrap prose at 80 columns, as many repositories do. */
  wrap: boolean;
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function longDate(d: Date): string {
  return `${d.getUTCDate()} ${P.MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

function person(r: Random): string {
  const title = r.pick(P.TITLES);
  const initial = String.fromCharCode(65 + r.int(0, 25));
  return `${title ? title + ' ' : ''}${initial}. ${r.pick(P.SURNAMES)}`;
}

function context(r: Random, index: number): Context {
  const place = r.pick(P.PLACES);
  const kind = r.pick(P.BODY_KINDS);
  const body = `${place} ${kind}`;
  const orgs = r.sample(P.ORGANISATIONS, 6).map((o) => o.replace('{place}', place));
  const members = Array.from({ length: r.int(10, 18) }, () => person(r));
  const date = new Date(Date.UTC(2015, 0, 1) + r.int(0, 10 * 365) * 86_400_000);
  return { r, place, body, slug: `${slugify(body)}-${index}`, orgs, members, date, wrap: r.chance(0.4) };
}

/** Fills `{slot}`s with words that fit the document. */
function fill(c: Context, template: string): string {
  const r = c.r;
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'role': return r.pick(P.ROLES);
      case 'body': return c.body;
      case 'place': return c.place;
      case 'person': return r.pick(c.members);
      case 'month': return r.pick(P.MONTHS);
      case 'longdate': return longDate(addDays(c.date, r.int(-120, 120)));
      case 'amount': return `${r.int(12, 980)},${String(r.int(0, 999)).padStart(3, '0')}`;
      case 'count': return String(r.int(3, 240));
      case 'topic': return r.pick(P.TOPICS);
      case 'year': return `${c.date.getUTCFullYear()}/${String((c.date.getUTCFullYear() + 1) % 100).padStart(2, '0')}`;
      case 'org': return c.orgs[0];
      case 'org2': return c.orgs[1];
      case 'words': return r.pick(P.NUMBER_WORDS);
      case 'url': return `https://democracy.${slugify(c.place)}.gov.uk/documents/s${r.int(10000, 99999)}/report.pdf`;
      default: return slot;
    }
  });
}

function wrapText(text: string, width = 80): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}

function paragraph(c: Context, bank: readonly string[], sentences: number): string {
  const text = Array.from({ length: sentences }, () => fill(c, c.r.pick(bank))).join(' ');
  return c.wrap ? wrapText(text) : text;
}

function table(header: string[], rows: string[][], align?: string[]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${(align ?? header.map(() => '---')).join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function frontMatter(fields: Record<string, string | undefined>): string {
  const lines = ['---'];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    // A nested map goes on the lines below; `a: b` inside a plain scalar needs quotes.
    lines.push(v.startsWith('\n') ? `${k}:${v}` : v.includes(': ') ? `${k}: "${v}"` : `${k}: ${v}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

/** Adds parts until the document reaches `target` bytes; stops before passing `max`. */
function grow(parts: string[], target: number, max: number, next: () => string): void {
  let size = parts.reduce((s, p) => s + Buffer.byteLength(p) + 1, 0);
  for (let guard = 0; size < target && guard < 10_000; guard++) {
    const part = next();
    const bytes = Buffer.byteLength(part) + 1;
    if (size + bytes > max && size >= target * 0.8) break;
    parts.push(part);
    size += bytes;
  }
}

function resolvedBlock(c: Context, startAt = 1): string {
  const r = c.r;
  const label = r.pick(P.RESOLVED_LABELS);
  if (r.chance(0.3)) return `${label} ${fill(c, r.pick(P.RESOLUTIONS))}`;
  const n = r.int(2, 6);
  const closer = r.chance(0.8) ? '.' : ')';
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    items.push(`${startAt + i}${closer} ${fill(c, r.pick(P.RESOLUTIONS))}`);
    if (r.chance(0.25)) {
      const due = r.chance(0.6) ? ` — due ${iso(addDays(c.date, r.int(14, 180)))}` : '';
      items.push(`   - Action: ${r.pick(P.ROLES)}${due}`);
    }
  }
  return `${label}\n\n${items.join('\n')}`;
}

function minutes(c: Context, target: number, max: number, terms: string | undefined): string {
  const r = c.r;
  const start = `${String(r.int(9, 18)).padStart(2, '0')}:${r.pick(['00', '15', '30'])}`;
  const parts = [
    frontMatter({
      type: 'minutes',
      id: `${c.slug}-${iso(c.date)}`,
      body: c.body,
      terms,
      date: iso(c.date),
      start: `"${start}"`,
      end: `"${String(Number(start.slice(0, 2)) + r.int(1, 3)).padStart(2, '0')}:${start.slice(3)}"`,
      location: r.pick(['Virtual meeting', 'Council Chamber, Town Hall', 'Committee Room 2', 'Trust Headquarters, Boardroom']),
      chair: c.members[0],
      status: r.pick(['approved', 'approved', 'draft', 'confirmed']),
    }),
    `# ${c.body} — ${longDate(c.date)}`,
    '',
    '## Present',
    '',
    c.members.slice(0, r.int(7, c.members.length)).map((m, i) => `- ${m}${i === 0 ? ' (Chair)' : i === 1 ? ' (Vice-Chair)' : ''}`).join('\n'),
    '',
    '## In attendance',
    '',
    Array.from({ length: r.int(2, 5) }, () => `- ${person(r)}, ${r.pick(P.ROLES)}`).join('\n'),
    '',
    '## Apologies',
    '',
    Array.from({ length: r.int(1, 6) }, () => `- ${person(r)}`).join('\n'),
    '',
  ];
  let item = r.int(1, 40);
  parts.push(`## ${item++}. Minutes`, '', `RESOLVED: That the minutes of the meeting held ${longDate(addDays(c.date, -r.int(28, 90)))} be agreed as an accurate record.`, '');
  parts.push(`## ${item++}. Declarations of interest`, '', r.pick(['No additional declarations were made.', `${r.pick(c.members)} declared a personal interest in item ${item + 1} as a trustee of a local charity.`]), '');
  grow(parts, target, max, () => {
    const topic = r.pick(P.TOPICS);
    const body = [`## ${item++}. ${topic}`, '', paragraph(c, P.DISCUSSION, r.int(2, 5)), ''];
    if (r.chance(0.4)) body.push(paragraph(c, P.DISCUSSION, r.int(1, 3)), '');
    // Budget reports carry a table; most items are prose only.
    if (r.chance(0.06)) {
      const rows = Array.from({ length: r.int(3, 7) }, () => [r.pick(P.TOPICS), `£${r.int(100, 9000)}k`, `£${r.int(100, 9000)}k`, `${r.int(-15, 15)}%`]);
      body.push(table(['Budget line', 'Budget', 'Forecast', 'Variance'], rows, ['---', '---:', '---:', '---:']), '');
    }
    body.push(resolvedBlock(c), '');
    return body.join('\n');
  });
  return parts.join('\n');
}

function termsOfReference(c: Context, target: number, max: number): string {
  const r = c.r;
  const adopted = c.date;
  const parts = [
    frontMatter({
      type: 'terms-of-reference',
      id: `${c.slug}-tor`,
      title: `${c.body} — Terms of Reference`,
      body: c.body,
      authority: c.orgs[0],
      period: `${adopted.getUTCFullYear()}/${String((adopted.getUTCFullYear() + 1) % 100).padStart(2, '0')}`,
      adopted: `\n  date: ${iso(adopted)}\n  by: ${r.pick(['Annual Council Meeting', 'Cabinet', 'the Board', 'Full Council'])}`,
      review: iso(addDays(adopted, r.int(300, 730))),
      quorum: r.chance(0.8) ? String(r.int(3, 6)) : '"one third of voting members"',
      chair: r.chance(0.5) ? `\n  rotation: annual\n  between:\n    - ${c.orgs[0]}\n    - ${c.orgs[1]}` : `"${c.members[0]}"`,
    }),
    `# ${c.body}: Terms of Reference`,
    '',
    r.pick(['## Functions', '## Purpose', '## Role and functions', '## Responsibilities']),
    '',
    r.sample(P.FUNCTIONS, r.int(6, 12)).map((f, i) => `${i + 1}. ${fill(c, f)}`).join('\n'),
    '',
    r.pick(['## Membership', '## Members', '## Composition']),
    '',
    paragraph(c, ['The membership is nominated by the Leader of the Council. Seats marked statutory must be filled under the Health and Social Care Act 2012.', 'Each member organisation may nominate a named substitute, who shall have the same rights as the member.'], 2),
    '',
  ];
  const seats = r.sample(P.SEATS, r.int(8, 16));
  // Most terms of reference list seats in a table; some as a list.
  if (r.chance(0.7)) {
    parts.push(table(['Seat', 'Organisation', 'Count', 'Statutory', 'Voting'], seats.map((s) => [s, r.pick(c.orgs), String(r.int(1, 3)), r.pick(['yes', 'no']), r.chance(0.85) ? 'yes' : 'no']), ['---', '---', '---:', '---', '---']), '');
  } else {
    parts.push(seats.map((s) => `- ${s}, ${r.pick(c.orgs)}`).join('\n'), '');
  }
  for (const [heading, key] of [['## Chair', 'chair'], ['## Quorum', 'quorum'], ['## Meetings', 'meetings'], ['## Voting', 'voting']] as const) {
    parts.push(heading, '', paragraph(c, P.TOR_PROSE[key], r.int(1, 3)), '');
  }
  grow(parts, target - 400, max - 400, () =>
    [`## ${r.pick(['Sub-groups', 'Reporting', 'Conduct', 'Declarations of interest', 'Public participation', 'Support'])}`, '', paragraph(c, [...P.BACKGROUND, ...P.TOR_PROSE.meetings], r.int(2, 5)), ''].join('\n'),
  );
  parts.push('## Review', '', paragraph(c, P.TOR_PROSE.review, 1), '');
  return parts.join('\n');
}

function resolution(c: Context, target: number, max: number): string {
  const r = c.r;
  const number = `${c.date.getUTCFullYear()}/${String(r.int(1, 250)).padStart(3, '0')}`;
  const topic = r.pick(P.TOPICS);
  const yes = r.int(5, 14);
  const parts = [
    frontMatter({
      type: 'resolution',
      id: `${c.slug}-${number.replace('/', '-')}`,
      title: `${topic}`,
      body: c.body,
      date: iso(c.date),
      status: r.pick(['adopted', 'adopted', 'adopted', 'proposed', 'rejected', 'deferred']),
      identifier: `"${number}"`,
      vote: r.chance(0.6) ? `\n  yes: ${yes}\n  no: ${r.int(0, 4)}\n  abstain: ${r.int(0, 2)}` : undefined,
    }),
    `# Resolution ${number}: ${topic}`,
    '',
    '## Background',
    '',
    paragraph(c, P.BACKGROUND, r.int(3, 5)),
    '',
  ];
  grow(parts, target - 900, max - 900, () => [paragraph(c, [...P.BACKGROUND, ...P.DISCUSSION], r.int(2, 5)), ''].join('\n'));
  if (r.chance(0.2)) {
    parts.push('## Financial implications', '', table(['Year', 'Revenue', 'Capital'], Array.from({ length: r.int(2, 4) }, (_, i) => [`${c.date.getUTCFullYear() + i}/${String((c.date.getUTCFullYear() + i + 1) % 100).padStart(2, '0')}`, `£${r.int(10, 900)}k`, `£${r.int(0, 900)}k`]), ['---', '---:', '---:']), '');
  }
  parts.push('## Resolved', '', resolvedBlock(c), '', '## Reasons for the decision', '', paragraph(c, P.BACKGROUND, 2), '');
  return parts.join('\n');
}

function timeline(c: Context, target: number, max: number): string {
  const r = c.r;
  let d = c.date;
  const dateText = (day: Date): string => {
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth();
    return r.weighted<string>([
      [iso(day), 6],
      [longDate(day), 2],
      [`${P.MONTHS[m]} ${y}`, 2],
      [`Q${Math.floor(m / 3) + 1} ${y}`, 1],
    ]);
  };
  const title = `${r.pick(['Forming the', 'Delivering the', 'Implementing the', 'Reviewing the'])} ${r.pick(P.TOPICS)}`;
  const parts = [
    frontMatter({ type: 'timeline', id: `${c.slug}-timeline`, title, body: c.body, status: r.pick(['agreed', 'in-progress', 'draft', 'complete']) }),
    `# ${title}`,
    '',
    paragraph(c, P.BACKGROUND, r.int(1, 3)),
    '',
  ];
  let phase = 1;
  grow(parts, target, max, () => {
    const items: string[] = [`## Phase ${phase++}: ${r.pick(['Engagement', 'Design', 'Consultation', 'Approval', 'Implementation', 'Evaluation', 'Transition'])}`, ''];
    if (r.chance(0.5)) items.push(paragraph(c, P.BACKGROUND, r.int(1, 2)), '');
    for (let i = r.int(3, 7); i > 0; i--) {
      d = addDays(d, r.int(7, 60));
      const tag = r.pick(P.STATUS_TAGS);
      items.push(`- ${dateText(d)} ${r.pick(['—', '—', '–', ':'])} ${fill(c, r.pick(P.MILESTONES))}${tag ? ' ' + tag : ''}`);
    }
    items.push('');
    return items.join('\n');
  });
  return parts.join('\n');
}

export interface GeneratedDocument {
  kind: Kind;
  id: string;
  text: string;
}

/**
 * Document `index` of the corpus, between `min` and `max` bytes. `torIds` are
 * terms of reference already generated, which minutes may name in `terms:`.
 */
export function generateDocument(seed: number, index: number, min: number, max: number, torIds: string[]): GeneratedDocument {
  const r = new Random(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const kind = r.weighted(KIND_WEIGHTS);
  const c = context(r, index);
  const target = r.int(min, max - 512);
  let text: string;
  switch (kind) {
    case 'minutes':
      text = minutes(c, target, max, torIds.length > 0 && r.chance(0.6) ? r.pick(torIds) : undefined);
      break;
    case 'terms-of-reference':
      text = termsOfReference(c, target, max);
      break;
    case 'resolution':
      text = resolution(c, target, max);
      break;
    case 'timeline':
      text = timeline(c, target, max);
      break;
  }
  const id = /^id: (.*)$/m.exec(text)![1];
  return { kind, id, text };
}

/** One long minutes document (a meeting book): many agenda items, some budget tables. */
export function generateLarge(seed: number, bytes: number): string {
  const r = new Random(seed);
  const c = context(r, 0);
  return minutes(c, bytes, bytes + 4096, undefined);
}
