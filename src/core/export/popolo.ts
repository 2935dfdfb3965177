/**
 * Popolo JSON (popoloproject.com): the bodies as organizations, the seats of
 * their terms of reference as posts, the people minutes list as present (and
 * the holders terms of reference name) as persons with their memberships, the
 * meetings as events, the decisions as motions and the recorded votes as vote
 * events. Every item keeps where it was read in Popolo's own `sources`
 * (`{ url: 'minutes/2020-10-16.md#L17', note }`); the schema is in
 * schemas/popolo/popolo.schema.json.
 */
import type { Attendee, Resolution } from '../model.js';
import { personKey } from '../read/phrases/votes.js';
import { inForceFrom } from '../workspace/in-force.js';
import { summarize } from '../workspace/summary.js';
import { bodyOf, documentDay, exactDay, handleOf, nameOf, slug, sourceRef, text, type ExportDocument, type ExportInput } from './input.js';

/** Where a Popolo item was read: `url` is the file relative to the export and the line (`#L12`). */
export interface PopoloSource {
  url: string;
  note?: string;
}

/** A Popolo Person: someone listed at a meeting or named as a seat's holder. */
export interface PopoloPerson {
  id: string;
  name: string;
  honorific_prefix?: string;
  sources: PopoloSource[];
}

/** A Popolo Organization: a body (`body:`), the authority it answers to, or an organisation nominating to a seat. */
export interface PopoloOrganization {
  id: string;
  name: string;
  classification?: string;
  parent_id?: string;
  identifiers?: { identifier: string; scheme?: string }[];
  sources: PopoloSource[];
}

/** A Popolo Post: one seat of a body's terms of reference (a seat of count 3 is three posts). */
export interface PopoloPost {
  id: string;
  label: string;
  role?: string;
  organization_id: string;
  start_date?: string;
  end_date?: string;
  sources: PopoloSource[];
}

/** A Popolo Membership: a person in a body, in a post when the terms of reference name the holder. */
export interface PopoloMembership {
  id: string;
  person_id: string;
  organization_id: string;
  post_id?: string;
  on_behalf_of_id?: string;
  role?: string;
  start_date?: string;
  end_date?: string;
  sources: PopoloSource[];
}

/** A Popolo Event: one meeting of a body, with the people who attended it. */
export interface PopoloEvent {
  id: string;
  name: string;
  classification: 'meeting';
  start_date?: string;
  location?: string;
  organization_id?: string;
  attendees: { id: string; name: string; honorific_prefix?: string }[];
  sources: PopoloSource[];
}

/** A Popolo Motion: one decision (a resolution clause), with its result when its wording tells it. */
export interface PopoloMotion {
  id: string;
  identifier?: string;
  text: string;
  classification?: string;
  date?: string;
  organization_id?: string;
  legislative_session_id?: string;
  result?: 'pass' | 'fail';
  sources: PopoloSource[];
}

/** A Popolo VoteEvent: the recorded vote on a motion, with its counts. */
export interface PopoloVoteEvent {
  id: string;
  motion_id: string;
  identifier?: string;
  organization_id?: string;
  legislative_session_id?: string;
  start_date?: string;
  result?: 'pass' | 'fail';
  counts: { option: 'yes' | 'no' | 'abstain' | 'absent'; value: number }[];
  votes?: { voter_id: string; option: string }[];
  sources: PopoloSource[];
}

/** The whole export: Popolo's collections, each in document order. */
export interface PopoloExport {
  persons: PopoloPerson[];
  organizations: PopoloOrganization[];
  posts: PopoloPost[];
  memberships: PopoloMembership[];
  events: PopoloEvent[];
  motions: PopoloMotion[];
  vote_events: PopoloVoteEvent[];
}

/** Popolo's `result`: decisions adopted or noted passed; rejected ones failed; deferred and unknown ones have none. */
export function motionResult(r: Resolution): 'pass' | 'fail' | undefined {
  return r.outcome === 'adopted' || r.outcome === 'noted' ? 'pass' : r.outcome === 'rejected' ? 'fail' : undefined;
}

const fileOf = (url: string) => url.slice(0, url.lastIndexOf('#'));

/** Builds the collections; ids are stable across runs (slugs of names and document ids). */
class Builder {
  readonly out: PopoloExport = { persons: [], organizations: [], posts: [], memberships: [], events: [], motions: [], vote_events: [] };
  private readonly persons = new Map<string, PopoloPerson>();
  private readonly organizations = new Map<string, PopoloOrganization>();
  private readonly memberships = new Map<string, PopoloMembership>();
  private readonly ids = new Set<string>();

  /** A fresh id: `base`, else `base-2`, `base-3`… */
  unique(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  organization(name: string, source: PopoloSource, extra: Partial<PopoloOrganization> = {}): string {
    const id = `organization/${slug(name)}`;
    const known = this.organizations.get(id);
    if (known) {
      if (extra.parent_id && !known.parent_id) known.parent_id = extra.parent_id;
      // One source per file: the seats it nominates to keep their own lines on the posts.
      if (!known.sources.some((s) => fileOf(s.url) === fileOf(source.url))) known.sources.push(source);
      return id;
    }
    const org: PopoloOrganization = { id, name, ...extra, sources: [source] };
    this.organizations.set(id, org);
    this.out.organizations.push(org);
    return id;
  }

  person(a: Pick<Attendee, 'name' | 'honorificPrefix'>, source: PopoloSource): PopoloPerson {
    const id = `person/${slug(a.name)}`;
    const known = this.persons.get(id);
    if (known) {
      if (!known.sources.some((s) => s.url === source.url)) known.sources.push(source);
      if (!known.honorific_prefix && a.honorificPrefix) known.honorific_prefix = a.honorificPrefix;
      return known;
    }
    const person: PopoloPerson = { id, name: a.name, ...(a.honorificPrefix ? { honorific_prefix: a.honorificPrefix } : {}), sources: [source] };
    this.persons.set(id, person);
    this.out.persons.push(person);
    return person;
  }

  /** One membership per person, body and post; a person seen at several meetings keeps one, with every source. */
  membership(m: Omit<PopoloMembership, 'id' | 'sources'>, source: PopoloSource): void {
    const key = `${m.person_id}\0${m.organization_id}\0${m.post_id ?? ''}`;
    const known = this.memberships.get(key);
    if (known) {
      if (!known.sources.some((s) => s.url === source.url)) known.sources.push(source);
      if (!known.role && m.role) known.role = m.role;
      return;
    }
    const id = this.unique(`membership/${m.organization_id.replace(/^organization\//, '')}/${m.person_id.replace(/^person\//, '')}`);
    const membership: PopoloMembership = { id, ...m, sources: [source] };
    this.memberships.set(key, membership);
    this.out.memberships.push(membership);
  }
}

/** The documents as Popolo collections (see `PopoloExport`). */
export function toPopolo(input: ExportInput): PopoloExport {
  const b = new Builder();
  for (const d of input.documents) {
    if (d.doc.type === 'terms-of-reference' || d.doc.data.content.seats) termsOf(b, d);
  }
  for (const d of input.documents) {
    if (d.doc.type === 'terms-of-reference') continue;
    meetingsOf(b, d);
  }
  return b.out;
}

/** The body, its authority, its seats as posts and the named holders as members, in force from the terms' dates. */
function termsOf(b: Builder, d: ExportDocument): void {
  const { meta, content } = d.doc.data;
  const body = bodyOf(d.doc);
  if (!body) return;
  const authority = text(meta.authority);
  const parent = authority ? b.organization(authority, { url: sourceRef(d, '/meta/authority'), note: `authority of ${body}` }) : undefined;
  const orgId = b.organization(body, { url: sourceRef(d, '/meta/body'), note: `body of ${nameOf(d.doc)}` }, parent ? { parent_id: parent } : {});
  // In force from `effective:` (else `adopted:`) until `expires:`, as the rules that ask which terms were in force read them.
  const summary = summarize(d.doc);
  const from = inForceFrom(summary);
  const until = summary.expires;
  const dates = { ...(from ? { start_date: from } : {}), ...(until ? { end_date: until } : {}) };
  (content.seats ?? []).forEach((seat, i) => {
    const source: PopoloSource = { url: sourceRef(d, `/content/seats/${i}`), note: `seat in the membership of ${nameOf(d.doc)}` };
    const nominating = seat.organization ? b.organization(seat.organization, { url: source.url, note: `nominates to: ${seat.label}` }) : undefined;
    const count = Math.max(1, Math.min(seat.count, 100));
    const base = `post/${slug(body)}/${slug(seat.label)}`;
    const postIds: string[] = [];
    for (let n = 1; n <= count; n++) {
      const id = b.unique(count > 1 ? `${base}-${n}` : base);
      postIds.push(id);
      b.out.posts.push({ id, label: seat.label, ...(seat.role ? { role: seat.role } : {}), organization_id: orgId, ...dates, sources: [source] });
    }
    if (seat.holder) {
      const person = b.person({ name: seat.holder }, source);
      b.membership({ person_id: person.id, organization_id: orgId, post_id: postIds[0], ...(nominating ? { on_behalf_of_id: nominating } : {}), ...(seat.role ? { role: seat.role } : {}), ...dates }, source);
    }
  });
}

/** Minutes and resolutions: each meeting as an event, its people as members, its decisions as motions and votes. */
function meetingsOf(b: Builder, d: ExportDocument): void {
  const { doc } = d;
  const { meta, content } = doc.data;
  const body = bodyOf(doc);
  const orgId = body ? b.organization(body, { url: sourceRef(d, '/meta/body'), note: `body of ${nameOf(doc)}` }) : undefined;
  const handle = slug(handleOf(d));
  const meetings = content.meetings ?? [];
  const eventIds: string[] = [];
  meetings.forEach((m, i) => {
    const pointer = `/content/meetings/${i}`;
    const day = exactDay(m.date) ?? (meetings.length === 1 ? documentDay(doc) : undefined);
    const id = b.unique(`event/${handle}${meetings.length > 1 ? `/${i + 1}` : ''}`);
    eventIds.push(id);
    const attendees = [...m.attendance.present.map((a, j) => ({ a, p: `${pointer}/attendance/present/${j}` })), ...m.attendance.inAttendance.map((a, j) => ({ a, p: `${pointer}/attendance/inAttendance/${j}` }))];
    const location = text(meta.location);
    const event: PopoloEvent = {
      id,
      name: m.title || nameOf(doc),
      classification: 'meeting',
      ...(day ? { start_date: day } : {}),
      ...(location && meetings.length === 1 ? { location } : {}),
      ...(orgId ? { organization_id: orgId } : {}),
      attendees: [],
      sources: [{ url: sourceRef(d, pointer), note: `meeting recorded in ${nameOf(doc)}` }],
    };
    for (const { a, p } of attendees) {
      const source = { url: sourceRef(d, p), note: `attended ${event.name}` };
      const person = b.person(a, source);
      event.attendees.push({ id: person.id, name: person.name, ...(person.honorific_prefix ? { honorific_prefix: person.honorific_prefix } : {}) });
      // Members are those the minutes list as present; people in attendance came without being members.
      if (orgId && a.voting !== false && p.includes('/present/')) b.membership({ person_id: person.id, organization_id: orgId, ...(a.role ? { role: a.role } : {}) }, { url: source.url, note: `present as a member at ${event.name}` });
    }
    b.out.events.push(event);
  });
  (content.resolutions ?? []).forEach((r, i) => motionOf(b, d, r, i, { orgId, eventId: r.meeting !== undefined ? eventIds[r.meeting] : eventIds.length === 1 ? eventIds[0] : undefined, handle }));
}

function motionOf(b: Builder, d: ExportDocument, r: Resolution, i: number, at: { orgId?: string; eventId?: string; handle: string }): void {
  const { doc } = d;
  const meeting = r.meeting !== undefined ? doc.data.content.meetings?.[r.meeting] : undefined;
  const date = exactDay(meeting?.date) ?? documentDay(doc);
  const source: PopoloSource = { url: sourceRef(d, `/content/resolutions/${i}`), note: `${r.marker} ${r.identifier ?? ''}`.trim() };
  const id = b.unique(`motion/${at.handle}/${r.identifier ?? String(i + 1)}`);
  const result = motionResult(r);
  const common = {
    ...(at.orgId ? { organization_id: at.orgId } : {}),
    ...(at.eventId ? { legislative_session_id: at.eventId } : {}),
  };
  b.out.motions.push({
    id,
    ...(r.identifier ? { identifier: r.identifier } : {}),
    text: r.text,
    ...(r.outcome ? { classification: r.outcome } : {}),
    ...(date ? { date } : {}),
    ...common,
    ...(result ? { result } : {}),
    sources: [source],
  });
  const v = r.votes;
  if (!v) return;
  const counts: PopoloVoteEvent['counts'] = [];
  if (v.yes !== undefined) counts.push({ option: 'yes', value: v.yes });
  if (v.no !== undefined) counts.push({ option: 'no', value: v.no });
  if (v.abstain !== undefined) counts.push({ option: 'abstain', value: v.abstain });
  if (v.absent !== undefined) counts.push({ option: 'absent', value: v.absent });
  // A recorded vote: each voter as the person the attendance names ("Smith" is Councillor A. Smith, present).
  const votesSource: PopoloSource = { url: sourceRef(d, `/content/resolutions/${i}/votes`), note: `recorded vote on ${r.identifier ?? 'the decision'}` };
  const present = doc.data.content.attendance?.present ?? [];
  const votes = (v.named ?? []).map((n) => {
    const attendee = present.find((a) => personKey(a.name) === personKey(n.voter));
    return { voter_id: b.person(attendee ?? { name: n.voter }, votesSource).id, option: n.option };
  });
  b.out.vote_events.push({
    id: b.unique(`vote-event/${at.handle}/${r.identifier ?? String(i + 1)}`),
    motion_id: id,
    ...(r.identifier ? { identifier: r.identifier } : {}),
    ...common,
    ...(date ? { start_date: date } : {}),
    ...(result ? { result } : {}),
    counts,
    ...(votes.length ? { votes } : {}),
    sources: [{ url: source.url, note: v.unanimous ? 'vote recorded as unanimous' : 'vote recorded' }],
  });
}

/** Popolo JSON, two-space indented, ending with a newline. */
export function exportPopolo(input: ExportInput): string {
  return JSON.stringify(toPopolo(input), null, 2) + '\n';
}
