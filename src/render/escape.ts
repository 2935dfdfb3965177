/**
 * The one escaper for every string that reaches the timeline's SVG or HTML:
 * titles, sources, URIs, dates, ids. Safe in element content and in quoted
 * attribute values of both HTML and XML, so one function serves all places.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone
 * surrogates, U+FFFE/U+FFFF): a stand-alone SVG with one of them is not
 * well-formed and will not open, so they become U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text escaped for XML and HTML (`&`, `<`, `>`, quotes). */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** The same function: HTML needs nothing more than XML here. */
export const escapeHtml = escapeXml;
