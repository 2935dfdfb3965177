/**
 * Decision and action markers in their real-world variants (see
 * shared/corpus/real-world/PATTERNS.md §2 and §4).
 */

export interface DecisionMarker {
  /** The marker as written, e.g. "RESOLVED:" or "In noting the report, the Board". */
  marker: string;
  /** What follows the marker in the same paragraph (may be empty: a list follows). */
  rest: string;
  /** A number written with the marker ("DECISION 65.4"). */
  number?: string;
}

const LABEL =
  /^(resolved|resolution|resolutions|decisions?(?: made)?|agreed|decided|approved|conclusion(?:\/resolution)?|consensus|chosen option)(?:\s+(\d{1,4}(?:\.\d{1,4})*))?(\s*[:—–]\s*|\s+-\s+|\.\s+|\.?\s*$|\s+that\b[:,]?\s*)/i;
const NOTING = /^(in noting the (?:report|update|presentation|paper|minutes)s?,? the (?:board|committee|council|panel|partnership|group|trust))\b[,:]?\s*/i;

/** Reads a decision marker at the start of a paragraph's text. */
export function decisionMarker(text: string): DecisionMarker | undefined {
  const t = text.trim();
  const m = LABEL.exec(t);
  if (m) {
    const after = t.slice(m[0].length).trim();
    // "RESOLVED that the report be noted" keeps its "That"; "Resolved that:" alone introduces a list.
    const rest = /that/i.test(m[3]) && after !== '' ? 'That ' + after : after;
    return { marker: (m[1] + (m[2] ? ' ' + m[2] : '') + m[3]).trim(), rest, number: m[2] };
  }
  const n = NOTING.exec(t);
  if (n) return { marker: n[1], rest: t.slice(n[0].length).trim() };
  return undefined;
}

export interface ActionText {
  text: string;
  owner?: string;
  /** The due date text, unparsed. */
  due?: string;
}

const ACTION = /^(?:action(?:\s+item)?s?|actions? required)(?:\s+\d{1,4}(?:\.\d{1,4})*)?\s*[:—–-]\s*/i;

/** A task-list item with its owner in brackets: `- [ ] [Ivan] Write proposal…` (graphql). A bare checkbox may be a goal, not a task. */
const TASK = /^\[[ xX]\]\s+\[([^\][]{1,60})\]\s*:?\s+/;

/** "Alex to send …", "Sam and Priya to draft …": names, then "to" and a verb. */
const OWNER_TO = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}(?:\s*(?:,|\band\b|&|\/)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}){0,3})\s+to\s+\p{Ll}{2,}/u;

/** "Action: owner — text, due 2020-12-31" → owner, text, due. */
export function actionText(text: string, isDate: (s: string) => boolean): ActionText | undefined {
  const t = text.trim();
  if (t.length > 2000) return undefined;
  const task = TASK.exec(t);
  const m = task ?? ACTION.exec(t);
  if (!m) return undefined;
  let body = t.slice(m[0].length).trim();
  if (body === '') return undefined;
  let due: string | undefined;
  const d = /(?:^|[,;(]\s*|\s+)(?:due(?:\s+by)?|by|deadline)\s*:?\s+([^,;()]{3,40}?)\s*\)?\.?$/i.exec(body);
  if (d && isDate(d[1].trim())) {
    due = d[1].trim();
    body = body.slice(0, d.index).trim();
  }
  if (task) return { text: body, owner: task[1].trim(), due };
  let owner: string | undefined;
  // "owner — due 2020-12-31": the dash stays behind once the due date is cut off.
  const trailingDash = /\s*(?:[—–]|--?)\s*$/.test(body) && body.length > 1;
  if (trailingDash) body = body.replace(/\s*(?:[—–]|--?)\s*$/, '');
  const dash = /^(.{2,80}?)\s+(?:[—–]|--?)\s+/.exec(body);
  if (dash) {
    owner = dash[1].trim();
    body = body.slice(dash[0].length).trim();
  } else if (trailingDash) {
    // "Action: Alex to send the revised budget — due 31 January": a task with its owner, not an owner alone.
    const assigned = OWNER_TO.exec(body);
    if (assigned) owner = assigned[1];
    else {
      owner = body;
      body = '';
    }
  }
  return { text: body, owner, due };
}
