/**
 * Which terms of reference were in force on a date, for a body: the question
 * a clerk asks of every set of minutes. Terms are in force from `effective:`
 * (else `adopted:`) until they expire (`expires:`) or until the terms that
 * supersede them (`supersedes: <id>` on the newer ones) come into force.
 */
import type { DocumentSummary, WorkspaceIndex } from './summary.js';

/** The day terms come into force, ISO: `effective:`, else `adopted:`. */
export function inForceFrom(terms: DocumentSummary): string | undefined {
  return terms.effective ?? terms.adopted;
}

/** The documents that name `terms` in their `supersedes:`. */
export function supersedersOf(terms: DocumentSummary, index: WorkspaceIndex): DocumentSummary[] {
  if (terms.id === undefined) return [];
  const id = terms.id;
  return index.referencing('supersedes', id).filter((s) => s.uri !== terms.uri);
}

/** The documents `doc` names in its `supersedes:`. */
export function supersededBy(doc: DocumentSummary, index: WorkspaceIndex): DocumentSummary[] {
  return doc.refs.filter((r) => r.key === 'supersedes').flatMap((r) => index.byId(r.id).filter((s) => s.uri !== doc.uri));
}

/** What `termsInForceOn` found: the terms in force, the terms named, and how the named ones stood on the day. */
export interface InForce {
  /** The terms in force on the date, when they can be told. */
  terms?: DocumentSummary;
  /** The terms the minutes name (`terms:`), when they name any that exist. */
  named?: DocumentSummary;
  /**
   * How the named terms stand on the date: `in-force`; `not-yet` (adopted or
   * effective after it); `superseded` (newer terms in force by then);
   * `expired`. Undefined when the minutes name none, or the date is unknown.
   */
  namedState?: 'in-force' | 'not-yet' | 'superseded' | 'expired';
}

/** A `body:` as compared: case and runs of spaces do not count. */
export const bodyKey = (body: string): string => body.toLowerCase().replace(/\s+/g, ' ').trim();

const TERMS_BY_BODY = new WeakMap<WorkspaceIndex, Map<string, DocumentSummary[]>>();

/** Terms of reference by normalised `body:`, built once per index (asked once per set of minutes). */
function termsOfBody(index: WorkspaceIndex, body: string): readonly DocumentSummary[] {
  let map = TERMS_BY_BODY.get(index);
  if (!map) {
    map = new Map();
    for (const s of index.all()) {
      if (s.type !== 'terms-of-reference' || s.body === undefined) continue;
      const key = bodyKey(s.body);
      const list = map.get(key);
      if (list) list.push(s);
      else map.set(key, [s]);
    }
    TERMS_BY_BODY.set(index, map);
  }
  return map.get(bodyKey(body)) ?? [];
}

/**
 * The terms of reference in force on `date`: the ones `termsId` names, moved
 * back along `supersedes` while they were adopted after the date and forward
 * while newer terms had come into force by it; without `termsId`, the terms
 * of `body` in force then (when exactly one set is).
 */
export function termsInForceOn(index: WorkspaceIndex, query: { date?: string; termsId?: string; body?: string }): InForce {
  const { date, termsId, body } = query;
  const isTerms = (s: DocumentSummary) => s.type === 'terms-of-reference';
  if (termsId !== undefined) {
    const named = index.byId(termsId).find(isTerms) ?? index.byId(termsId)[0];
    if (!named) return {};
    if (date === undefined) return { terms: named, named };
    let terms = named;
    const seen = new Set<string>([terms.uri]);
    // Adopted after the meeting: the ones they replaced were in force.
    while ((inForceFrom(terms) ?? '') > date) {
      const older = supersededBy(terms, index).find((s) => !seen.has(s.uri));
      if (!older) break;
      seen.add(older.uri);
      terms = older;
    }
    // Replaced before the meeting: the newer ones were in force.
    for (;;) {
      const newer = supersedersOf(terms, index)
        .filter((s) => !seen.has(s.uri) && isTerms(s) && (inForceFrom(s) ?? '9999') <= date)
        .sort((a, b) => (inForceFrom(b) ?? '').localeCompare(inForceFrom(a) ?? ''))[0];
      if (!newer) break;
      seen.add(newer.uri);
      terms = newer;
    }
    const from = inForceFrom(named);
    const state: InForce['namedState'] =
      terms !== named ? ((from ?? '') > date ? 'not-yet' : 'superseded') : (from ?? '') > date ? 'not-yet' : named.expires !== undefined && named.expires < date ? 'expired' : 'in-force';
    return { terms, named, namedState: state };
  }
  if (body === undefined || date === undefined) return {};
  const candidates = candidatesInForce(index, body, date);
  if (candidates.length === 1) return { terms: candidates[0] };
  // Several sets of one body in force at once and none supersedes the others: the latest adopted, only if it is the only one that late.
  const latest = [...candidates].sort((a, b) => inForceFrom(b)!.localeCompare(inForceFrom(a)!));
  return latest.length > 1 && inForceFrom(latest[0]) !== inForceFrom(latest[1]) ? { terms: latest[0] } : {};
}

/**
 * The terms of `body` that could be in force on `date`: adopted or effective
 * by then, not expired, and not superseded by another of them. One is the
 * answer; several mean the repository does not say which (no `supersedes:`).
 */
export function candidatesInForce(index: WorkspaceIndex, body: string, date: string): DocumentSummary[] {
  const adopted = termsOfBody(index, body).filter((s) => inForceFrom(s) !== undefined && inForceFrom(s)! <= date);
  return (
    adopted
      .filter((s) => s.expires === undefined || s.expires >= date)
      // Not replaced by terms in force by then, even if those have expired since: superseded terms never come back.
      .filter((s) => !adopted.some((o) => o !== s && o.refs.some((r) => r.key === 'supersedes' && r.id === s.id)))
  );
}
