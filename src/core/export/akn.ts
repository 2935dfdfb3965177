/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML) XML:
 *
 * - minutes → `<debateReport name="minutes">`: `<meta>` (FRBR identification
 *   dated by the meeting, the meeting in `<lifecycle>`, the quorum check in
 *   `<analysis>` when the terms in force state a quorum, the people, bodies and
 *   roles in `<references>`), a `<preface>` with the title and date, and a
 *   `<mainBody>` with the `<rollCall>` (present, in attendance, apologies:
 *   `<person refersTo>`) and a `<debateSection>` per agenda item holding its
 *   decisions (a `<blockList>` after the RESOLVED marker) and actions;
 * - resolutions → `<statement name="resolution">`;
 * - terms of reference → `<doc name="termsOfReference">` (functions,
 *   membership, quorum as `<hcontainer>`s);
 * - timelines → `<doc name="timeline">`.
 *
 * Several documents are the components of one `<documentCollection>`. Every
 * element read from a line of a document carries `govmark:source="file#L12"`
 * in govmark's own namespace, which Akoma Ntoso allows on any element.
 * (`debateReport` is an open structure: its body is `mainBody`, which may hold
 * `rollCall` and `debateSection`; `debateBody` belongs to verbatim `debate`s.)
 */
import type { GovDocument, Meeting, Resolution } from '../model.js';
import { termsInForceOn } from '../workspace/in-force.js';
import { createIndex, summarize, type WorkspaceIndex } from '../workspace/summary.js';
import { bodyOf, documentDay, exactDay, handleOf, nameOf, registerEntries, slug, sourceRef, text, type ExportDocument, type ExportInput } from './input.js';
import { el, writeXml, type XmlElement, type XmlNode } from './xml.js';

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
/** govmark's namespace for the `govmark:source` attribute (`file#L12`). */
export const GOVMARK_NAMESPACE = 'https://govmark.dev/ns/akn-source/1';

/** The references of one document: every person, body and role it names, each once, by eId. */
class References {
  private readonly items = new Map<string, XmlElement>();
  private readonly eIds = new Map<string, string>();
  private readonly taken = new Set<string>();
  constructor() {
    this.add('TLCOrganization', 'govmark', 'govmark');
  }
  /** The eId of a TLC reference (`TLCPerson`, `TLCOrganization`, `TLCRole`, `TLCConcept`) for `name`, added on first use; unique in the document. */
  add(kind: 'TLCPerson' | 'TLCOrganization' | 'TLCRole' | 'TLCConcept', name: string, wanted = ncname(slug(name))): string {
    const key = `${kind}\0${name}`;
    const known = this.eIds.get(key);
    if (known) return known;
    // "Governance Officer" may be both a role and an organisation: eIds must still be unique.
    let eId = wanted;
    for (let n = 2; this.taken.has(eId); n++) eId = `${wanted}_${n}`;
    this.taken.add(eId);
    this.eIds.set(key, eId);
    const ontology = { TLCPerson: 'person', TLCOrganization: 'organization', TLCRole: 'role', TLCConcept: 'concept' }[kind];
    this.items.set(key, el(kind, { eId, href: `/akn/ontology/${ontology}/${eId}`, showAs: name }));
    return eId;
  }
  element(original: { href: string; showAs: string }): XmlElement {
    return el('references', { source: '#govmark' }, el('original', { eId: 'original', ...original }), [...this.items.values()]);
  }
}

/** An eId-safe token: letters, digits, `_`, `-`, `.`; never starting with a digit. */
function ncname(value: string): string {
  const s = value.replace(/[^A-Za-z0-9_.-]+/g, '-');
  return /^[A-Za-z_]/.test(s) ? s : `_${s}`;
}

/** A part of an eId after a fixed prefix (`18.1` in `dbsect_18__res_18.1`): unsafe characters replaced. */
const token = (value: string) => value.replace(/[^A-Za-z0-9_.-]+/g, '-');

const src = (d: ExportDocument, pointer: string) => ({ 'govmark:source': sourceRef(d, pointer) });

/** What the Akoma Ntoso document of one governance document needs from the others (the terms in force, the register). */
interface Context {
  index: WorkspaceIndex;
  register: ReturnType<typeof registerEntries>;
  today: string;
}

/** The documents as Akoma Ntoso XML: one document, or a `documentCollection` of several. */
export function exportAkn(input: ExportInput): string {
  const ctx: Context = { index: createIndex(input.documents.map((d) => summarize(d.doc))), register: registerEntries(input), today: input.today };
  const docs = input.documents.map((d) => documentOf(d, ctx)).filter((x): x is XmlElement => x !== undefined);
  const ns = { xmlns: AKN_NAMESPACE, 'xmlns:govmark': GOVMARK_NAMESPACE };
  if (docs.length === 1) return writeXml(el('akomaNtoso', ns, docs[0]));
  const refs = new References();
  const collection = el(
    'documentCollection',
    { name: 'govmark-export' },
    el('meta', {}, identification({ type: 'documentCollection', handle: 'govmark-export', date: input.today, dateName: 'export', author: 'govmark', today: input.today }), refs.element({ href: '/akn/zz/documentCollection/govmark-export', showAs: 'govmark export' })),
    el('preface', {}, el('p', {}, el('docTitle', {}, `${docs.length} governance documents`))),
    el('collectionBody', {}, docs.map((doc, i) => el('component', { eId: `cmp_${i + 1}` }, doc))),
  );
  return writeXml(el('akomaNtoso', ns, collection));
}

function documentOf(d: ExportDocument, ctx: Context): XmlElement | undefined {
  switch (d.doc.type) {
    case 'minutes':
      return minutesOf(d, ctx);
    case 'resolution':
      return resolutionDocOf(d, ctx);
    case 'terms-of-reference':
      return termsOf(d, ctx);
    case 'timeline':
      return timelineOf(d, ctx);
    default:
      // Custom types that read like minutes (attendance or decisions) are exported as minutes.
      return d.doc.data.content.attendance || d.doc.data.content.resolutions ? minutesOf(d, ctx) : undefined;
  }
}

/** FRBR identification of a work, its English expression and its XML manifestation, under `/akn/<country>/<type>/<date>/<handle>`. */
function identification(o: { type: string; handle: string; date: string; dateName: string; author: string; today: string; country?: string; language?: string }): XmlElement {
  const work = `/akn/${o.country ?? 'zz'}/${o.type}/${o.date}/${ncname(o.handle)}`;
  const language = o.language ?? 'eng';
  const expression = `${work}/${language}@${o.date}`;
  const author = el('FRBRauthor', { href: `#${o.author}` });
  return el(
    'identification',
    { source: '#govmark' },
    el('FRBRWork', {}, el('FRBRthis', { value: `${work}/!main` }), el('FRBRuri', { value: work }), el('FRBRdate', { date: o.date, name: o.dateName }), author, el('FRBRcountry', { value: o.country ?? 'zz' })),
    el('FRBRExpression', {}, el('FRBRthis', { value: `${expression}/!main` }), el('FRBRuri', { value: expression }), el('FRBRdate', { date: o.date, name: o.dateName }), author, el('FRBRlanguage', { language })),
    el('FRBRManifestation', {}, el('FRBRthis', { value: `${expression}/!main.xml` }), el('FRBRuri', { value: `${expression}.akn` }), el('FRBRdate', { date: o.today, name: 'export' }), el('FRBRauthor', { href: '#govmark' })),
  );
}

/** `country:` (two letters) and `language:` (three) from the front matter, else unknown country (`zz`) and English. */
function place(doc: GovDocument): { country?: string; language?: string } {
  const country = text(doc.data.meta.country);
  const language = text(doc.data.meta.language);
  return { ...(country && /^[a-z]{2}$/i.test(country) ? { country: country.toLowerCase() } : {}), ...(language && /^[a-z]{3}$/i.test(language) ? { language: language.toLowerCase() } : {}) };
}

function preface(d: ExportDocument, date: string | undefined, dateText: string | undefined, body: { eId: string; name: string } | undefined): XmlElement {
  return el(
    'preface',
    {},
    el('p', { ...src(d, '/content/title') }, el('docTitle', {}, nameOf(d.doc))),
    body && el('p', { ...src(d, '/meta/body') }, el('docProponent', { refersTo: `#${body.eId}` }, body.name)),
    date && el('p', {}, el('docDate', { date }, dateText ?? date)),
  );
}

/** Minutes → `debateReport`. */
function minutesOf(d: ExportDocument, ctx: Context): XmlElement {
  const { doc } = d;
  const { meta, content } = doc.data;
  const refs = new References();
  const bodyName = bodyOf(doc);
  const body = bodyName ? { eId: refs.add('TLCOrganization', bodyName), name: bodyName } : undefined;
  const meetings = content.meetings ?? [];
  const day = documentDay(doc) ?? exactDay(meetings[0]?.date);
  const date = day ?? ctx.today;
  const lifecycle = el('lifecycle', { source: '#govmark' }, ...meetings.map((m, i) => {
    const when = exactDay(m.date) ?? (meetings.length === 1 ? day : undefined);
    return when && el('eventRef', { eId: `evt_meeting_${i + 1}`, date: when, source: '#original', type: 'generation', refersTo: `#${refs.add('TLCConcept', 'meeting', 'meeting')}`, ...src(d, `/content/meetings/${i}`) });
  }));
  const quorum = quorumCheck(d, ctx, day, refs);
  const actionsOf = actionsByResolution(d, ctx, refs);
  const sections: XmlElement[] = [];
  const several = meetings.length > 1;
  if (!several && meetings[0]) sections.push(rollCall(d, meetings[0], 0, refs, 'rollCall_1'));
  else if (!several && content.attendance) sections.push(rollCall(d, { date: { text: '', precision: 'unknown' }, title: '', attendance: content.attendance }, -1, refs, 'rollCall_1'));
  const resolutions = content.resolutions ?? [];
  const used = new Set<number>();
  if (several) {
    meetings.forEach((m, i) => {
      const mine = resolutions.map((r, j) => ({ r, j })).filter(({ r }) => r.meeting === i);
      mine.forEach(({ j }) => used.add(j));
      sections.push(el('debateSection', { name: 'meeting', eId: `dbsect_meeting_${i + 1}`, ...src(d, `/content/meetings/${i}`) }, el('heading', {}, m.title), rollCall(d, m, i, refs, `dbsect_meeting_${i + 1}__rollCall`), decisions(d, mine, `dbsect_meeting_${i + 1}`, refs, actionsOf)));
    });
  } else {
    (content.items ?? []).forEach((item, i) => {
      const eId = `dbsect_${token(item.number ?? String(i + 1))}`;
      const mine = resolutions.map((r, j) => ({ r, j })).filter(({ r }) => item.number !== undefined && r.item === item.number && r.meeting === undefined);
      mine.forEach(({ j }) => used.add(j));
      sections.push(el('debateSection', { name: 'item', eId, ...src(d, `/content/items/${i}`) }, item.number && el('num', {}, item.number), el('heading', {}, item.title), mine.length ? decisions(d, mine, eId, refs, actionsOf) : el('p', {}, '')));
    });
  }
  const rest = resolutions.map((r, j) => ({ r, j })).filter(({ j }) => !used.has(j));
  if (rest.length) sections.push(el('debateSection', { name: 'decisions', eId: 'dbsect_decisions' }, el('heading', {}, 'Decisions'), decisions(d, rest, 'dbsect_decisions', refs, actionsOf)));
  const loose = (content.actions ?? []).map((a, i) => ({ a, i })).filter(({ a }) => a.resolution === undefined);
  if (loose.length) sections.push(el('debateSection', { name: 'actions', eId: 'dbsect_actions' }, el('heading', {}, 'Actions'), loose.map(({ i }) => actionOf(d, i, ctx, refs))));
  if (sections.length === 0) sections.push(el('debateSection', { name: 'minutes', eId: 'dbsect_1' }, el('p', {}, '')));
  return el(
    'debateReport',
    { name: 'minutes', ...src(d, '/meta') },
    el(
      'meta',
      {},
      identification({ type: 'debateReport', handle: handleOf(d), date, dateName: day ? 'meeting' : 'export', author: body?.eId ?? 'govmark', today: ctx.today, ...place(doc) }),
      lifecycle.children.length ? lifecycle : undefined,
      quorum,
      refs.element({ href: `/akn/${place(doc).country ?? 'zz'}/debateReport/${date}/${ncname(handleOf(d))}/!main`, showAs: d.path }),
    ),
    preface(d, day, meetings[0]?.date.text ?? text(meta.date), body),
    el('mainBody', {}, sections),
  );
}

/** The attendance of one meeting: present, in attendance and apologies, each person a `TLCPerson`. */
function rollCall(d: ExportDocument, m: Meeting, index: number, refs: References, eId: string): XmlElement {
  const base = index >= 0 ? `/content/meetings/${index}/attendance` : '/content/attendance';
  const groups = [
    ['present', 'Present', m.attendance.present],
    ['inAttendance', 'In attendance', m.attendance.inAttendance],
    ['apologies', 'Apologies', m.attendance.apologies],
  ] as const;
  return el(
    'rollCall',
    { eId, ...src(d, `${base}/present`) },
    el('heading', {}, 'Attendance'),
    groups
      .filter(([, , people]) => people.length > 0)
      .map(([key, heading, people]) =>
        el(
          'container',
          { name: key, eId: `${eId}__${key}`, ...src(d, `${base}/${key}`) },
          el('p', { class: 'heading' }, heading),
          people.map((a, i) => {
            const who = refs.add('TLCPerson', a.name);
            const role = a.role ? refs.add('TLCRole', a.role) : undefined;
            const shown = `${a.honorificPrefix ? a.honorificPrefix + ' ' : ''}${a.name}`;
            const extra: XmlNode[] = [];
            if (a.role) extra.push(' (', el('role', { refersTo: `#${role}` }, a.role), ')');
            if (a.affiliation) extra.push(', ', el('organization', { refersTo: `#${refs.add('TLCOrganization', a.affiliation)}` }, a.affiliation));
            return el('p', { eId: `${eId}__${key}_${i + 1}`, ...src(d, `${base}/${key}/${i}`) }, el('person', { refersTo: `#${who}`, ...(role ? { as: `#${role}` } : {}) }, shown), ...extra);
          }),
        ),
      ),
  );
}

/** The quorum check of the meeting: the quorum of the terms in force (or stated in the minutes) against the voting members present. */
function quorumCheck(d: ExportDocument, ctx: Context, day: string | undefined, refs: References): XmlElement | undefined {
  const { doc } = d;
  const own = doc.data.content.quorum;
  const terms = text(doc.data.meta.terms);
  const inForce = day ? termsInForceOn(ctx.index, { date: day, ...(terms ? { termsId: terms } : {}), ...(bodyOf(doc) ? { body: bodyOf(doc)! } : {}) }).terms : undefined;
  const quorum = own ?? inForce?.quorum;
  const present = doc.data.content.attendance?.present.filter((a) => a.voting !== false).length;
  if (quorum?.count === undefined || present === undefined || !doc.sourceMap.has('/content/attendance/present')) return undefined;
  const outcome = present >= quorum.count ? 'quorate' : 'inquorate';
  return el(
    'analysis',
    { source: '#govmark' },
    el(
      'parliamentary',
      {},
      el(
        'quorumVerification',
        { eId: 'quorumVerification_1', outcome: `#${refs.add('TLCConcept', outcome, outcome)}`, href: '#rollCall_1', ...src(d, '/content/attendance/present') },
        el('quorum', { refersTo: `#${refs.add('TLCConcept', 'quorum', 'quorum')}`, value: quorum.count }),
        el('count', { refersTo: `#${refs.add('TLCConcept', 'voting members present', 'votingMembersPresent')}`, value: present }),
      ),
    ),
  );
}

/** Decisions in blocks: each `RESOLVED:` and its clauses as a `blockList`, the actions given under a clause after it. */
function decisions(d: ExportDocument, list: { r: Resolution; j: number }[], prefix: string, refs: References, actionsOf: (j: number) => XmlElement[]): XmlElement[] {
  const blocks = new Map<number, { r: Resolution; j: number }[]>();
  for (const x of list) {
    const b = blocks.get(x.r.block);
    if (b) b.push(x);
    else blocks.set(x.r.block, [x]);
  }
  return [...blocks.entries()].map(([block, items]) =>
    el(
      'blockList',
      { eId: `${prefix}__list_${block + 1}`, class: 'resolutions' },
      el('listIntroduction', {}, items[0].r.marker),
      items.map(({ r, j }) =>
        el(
          'item',
          { eId: `${prefix}__list_${block + 1}__res_${token(r.identifier ?? String(j + 1))}`, ...(r.outcome ? { class: r.outcome } : {}), ...src(d, `/content/resolutions/${j}`) },
          r.number !== undefined && el('num', {}, `${r.number}.`),
          el('p', {}, r.text, ...votesOf(r)),
          actionsOf(j),
        ),
      ),
    ),
  );
}

function votesOf(r: Resolution): XmlNode[] {
  const v = r.votes;
  if (!v) return [];
  const parts = [v.yes !== undefined ? `${v.yes} for` : '', v.no !== undefined ? `${v.no} against` : '', v.abstain !== undefined ? `${v.abstain} abstaining` : '', v.unanimous ? 'unanimous' : ''].filter(Boolean);
  return parts.length ? [' ', el('span', { class: 'votes' }, `(${parts.join(', ')})`)] : [];
}

/** The actions of each decision, as `<p class="action">` (status from the register, when a later meeting reported on it). */
function actionsByResolution(d: ExportDocument, ctx: Context, refs: References): (j: number) => XmlElement[] {
  const byResolution = new Map<number, number[]>();
  (d.doc.data.content.actions ?? []).forEach((a, i) => {
    if (a.resolution === undefined) return;
    const list = byResolution.get(a.resolution);
    if (list) list.push(i);
    else byResolution.set(a.resolution, [i]);
  });
  return (j) => (byResolution.get(j) ?? []).map((i) => actionOf(d, i, ctx, refs));
}

function actionOf(d: ExportDocument, i: number, ctx: Context, refs: References): XmlElement {
  const a = d.doc.data.content.actions![i];
  const entry = ctx.register.get(d.doc.uri)?.get(i);
  const status = entry?.status ?? a.status;
  const owner: XmlNode[] = a.owner ? ['Action: ', el('role', { refersTo: `#${refs.add('TLCRole', a.owner)}`, class: 'owner' }, a.owner), ' — '] : ['Action: '];
  const due: XmlNode[] = a.due ? [' (due ', a.due.start && !a.due.invalid ? el('date', { date: a.due.end ?? a.due.start }, a.due.text) : a.due.text, ')'] : [];
  // "Action: <owner>" under a decision makes the decision the task: its words are not written twice.
  const decision = a.resolution !== undefined ? d.doc.data.content.resolutions?.[a.resolution] : undefined;
  const words: XmlNode[] = decision && decision.text.trim() === a.text.trim() ? (a.owner ? [] : ['(no owner named)']) : [a.text];
  if (words.length === 0 && owner.length === 3) owner.pop();
  return el('p', { class: status ? `action ${status}` : 'action', ...src(d, `/content/actions/${i}`) }, ...owner, ...words, ...due);
}

/** A resolution document → `statement name="resolution"`. */
function resolutionDocOf(d: ExportDocument, ctx: Context): XmlElement {
  const { doc } = d;
  const refs = new References();
  const bodyName = bodyOf(doc);
  const body = bodyName ? { eId: refs.add('TLCOrganization', bodyName), name: bodyName } : undefined;
  const day = documentDay(doc);
  const date = day ?? '9999-12-31';
  const list = (doc.data.content.resolutions ?? []).map((r, j) => ({ r, j }));
  const actions = actionsByResolution(d, ctx, refs);
  // Built before the references are written: the owners of its actions are among them.
  const main = el('mainBody', {}, list.length ? decisions(d, list, 'main', refs, actions) : el('p', {}, ''));
  return el(
    'statement',
    { name: 'resolution', ...src(d, '/meta') },
    el('meta', {}, identification({ type: 'statement', handle: handleOf(d), date, dateName: 'decision', author: body?.eId ?? 'govmark', today: ctx.today, ...place(doc) }), refs.element({ href: `/akn/zz/statement/${date}/${ncname(handleOf(d))}/!main`, showAs: d.path })),
    preface(d, day, text(doc.data.meta.date), body),
    main,
  );
}

/** Terms of reference → `doc name="termsOfReference"`: adopted and expiring in the lifecycle; functions, membership and quorum. */
function termsOf(d: ExportDocument, ctx: Context): XmlElement {
  const { doc } = d;
  const { content } = doc.data;
  const refs = new References();
  const bodyName = bodyOf(doc);
  const body = bodyName ? { eId: refs.add('TLCOrganization', bodyName), name: bodyName } : undefined;
  const s = summarize(doc);
  const adopted = s.adopted;
  const date = adopted ?? s.effective ?? '9999-12-31';
  const events = [
    adopted && el('eventRef', { eId: 'evt_adopted', date: adopted, source: '#original', type: 'generation', refersTo: `#${refs.add('TLCConcept', 'adoption', 'adoption')}`, ...src(d, '/meta/adopted') }),
    s.effective && el('eventRef', { eId: 'evt_effective', date: s.effective, source: '#original', type: 'generation', refersTo: `#${refs.add('TLCConcept', 'entry into force', 'entryIntoForce')}`, ...src(d, '/meta/effective') }),
    s.expires && el('eventRef', { eId: 'evt_expires', date: s.expires, source: '#original', type: 'repeal', refersTo: `#${refs.add('TLCConcept', 'expiry', 'expiry')}`, ...src(d, '/meta/expires') }),
  ].filter((x): x is XmlElement => !!x);
  const parts: XmlElement[] = [];
  if (content.functions?.length) {
    parts.push(el('hcontainer', { name: 'functions', eId: 'hcontainer_functions', ...src(d, '/content/functions/0') }, el('heading', {}, 'Functions'), el('content', {}, el('blockList', { eId: 'hcontainer_functions__list_1' }, content.functions.map((f, i) => el('item', { eId: `hcontainer_functions__list_1__item_${i + 1}`, ...src(d, `/content/functions/${i}`) }, f.number !== undefined && el('num', {}, `${f.number}.`), el('p', {}, f.text)))))));
  }
  if (content.seats?.length) {
    parts.push(
      el(
        'hcontainer',
        { name: 'membership', eId: 'hcontainer_membership', ...src(d, '/content/seats/0') },
        el('heading', {}, 'Membership'),
        el(
          'content',
          {},
          el(
            'blockList',
            { eId: 'hcontainer_membership__list_1' },
            content.seats.map((seat, i) => {
              const facts = [`${seat.variable ? 'at least ' : ''}${seat.count} seat${seat.count === 1 ? '' : 's'}`, seat.statutory ? 'statutory' : '', seat.voting === false ? 'non-voting' : seat.voting ? 'voting' : ''].filter(Boolean).join(', ');
              return el(
                'item',
                { eId: `hcontainer_membership__list_1__seat_${i + 1}`, ...src(d, `/content/seats/${i}`) },
                el('p', {}, el('role', { refersTo: `#${refs.add('TLCRole', seat.label)}` }, seat.label), ...(seat.organization ? [' (', el('organization', { refersTo: `#${refs.add('TLCOrganization', seat.organization)}` }, seat.organization), ')'] : []), ...(seat.holder ? [': ', el('person', { refersTo: `#${refs.add('TLCPerson', seat.holder)}` }, seat.holder)] : []), `; ${facts}`),
              );
            }),
          ),
        ),
      ),
    );
  }
  if (content.quorum) {
    const q = content.quorum;
    parts.push(el('hcontainer', { name: 'quorum', eId: 'hcontainer_quorum', ...src(d, '/content/quorum') }, el('heading', {}, 'Quorum'), el('content', {}, el('p', {}, q.count !== undefined ? el('quantity', { normalized: String(q.count), refersTo: `#${refs.add('TLCConcept', 'quorum', 'quorum')}` }, q.text) : q.text))));
  }
  if (parts.length === 0) parts.push(el('hcontainer', { name: 'terms', eId: 'hcontainer_terms' }, el('content', {}, el('p', {}, ''))));
  return el(
    'doc',
    { name: 'termsOfReference', ...src(d, '/meta') },
    el('meta', {}, identification({ type: 'doc', handle: handleOf(d), date, dateName: adopted ? 'adoption' : 'effective', author: body?.eId ?? 'govmark', today: ctx.today, ...place(doc) }), events.length ? el('lifecycle', { source: '#govmark' }, events) : undefined, refs.element({ href: `/akn/zz/doc/${date}/${ncname(handleOf(d))}/!main`, showAs: d.path })),
    preface(d, adopted, adopted, body),
    el('mainBody', {}, parts),
  );
}

/** A timeline → `doc name="timeline"`: its milestones in a list, each day-dated one with a `<date>`. */
function timelineOf(d: ExportDocument, ctx: Context): XmlElement {
  const { doc } = d;
  const refs = new References();
  const bodyName = bodyOf(doc);
  const body = bodyName ? { eId: refs.add('TLCOrganization', bodyName), name: bodyName } : undefined;
  const milestones = doc.data.content.milestones ?? [];
  const first = milestones.map((m) => exactDay(m.date)).find((x) => x !== undefined) ?? '9999-12-31';
  return el(
    'doc',
    { name: 'timeline', ...src(d, '/meta') },
    el('meta', {}, identification({ type: 'doc', handle: handleOf(d), date: first, dateName: 'first-milestone', author: body?.eId ?? 'govmark', today: ctx.today, ...place(doc) }), refs.element({ href: `/akn/zz/doc/${first}/${ncname(handleOf(d))}/!main`, showAs: d.path })),
    preface(d, undefined, undefined, body),
    el(
      'mainBody',
      {},
      el(
        'blockList',
        { eId: 'list_milestones' },
        milestones.length === 0 ? el('item', { eId: 'list_milestones__item_0' }, el('p', {}, '')) : undefined,
        milestones.map((m, i) => {
          const day = exactDay(m.date);
          return el('item', { eId: `list_milestones__item_${i + 1}`, ...(m.status ? { class: m.status } : {}), ...src(d, `/content/milestones/${i}`) }, el('p', {}, day ? el('date', { date: day }, m.date.text) : el('span', { class: `date ${m.date.precision}` }, m.date.text), ' — ', m.title));
        }),
      ),
    ),
  );
}
