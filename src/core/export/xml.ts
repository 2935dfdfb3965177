/**
 * A small XML writer for the exporters: elements as data, written with every
 * document string escaped. Characters XML 1.0 cannot carry at all (control
 * characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF)
 * are replaced by U+FFFD, so no document text can make the output ill-formed.
 */

/** An element: name, attributes (undefined ones are left out) and children (elements or text). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | undefined>;
  children: XmlNode[];
}

/** A child: an element, or text. */
export type XmlNode = XmlElement | string;

/** An element; `children` may hold `undefined`/`false` entries, left out. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlNode | XmlNode[] | undefined | false)[]): XmlElement {
  const flat: XmlNode[] = [];
  for (const c of children) {
    if (c === undefined || c === false) continue;
    if (Array.isArray(c)) flat.push(...c);
    else flat.push(c);
  }
  return { name, attrs, children: flat };
}

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content, escaped (`&`, `<`, `>`), characters XML cannot hold replaced. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value, escaped for double quotes; tabs and line breaks kept as character references (attribute normalisation would fold them). */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** The element as XML, indented two spaces a level; an element with text children is written on one line. */
export function writeXml(root: XmlElement): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + write(root, '') + '\n';
}

function write(e: XmlElement, indent: string): string {
  const attrs = Object.entries(e.attrs)
    .filter((a): a is [string, string | number] => a[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  if (e.children.length === 0) return `${indent}<${e.name}${attrs}/>`;
  const mixed = e.children.some((c) => typeof c === 'string');
  if (mixed) return `${indent}<${e.name}${attrs}>${e.children.map((c) => (typeof c === 'string' ? escapeText(c) : write(c, '').trim())).join('')}</${e.name}>`;
  return `${indent}<${e.name}${attrs}>\n${e.children.map((c) => write(c as XmlElement, indent + '  ')).join('\n')}\n${indent}</${e.name}>`;
}
