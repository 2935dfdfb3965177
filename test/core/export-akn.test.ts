/**
 * `govmark export --format akn` in the core: the XML is well-formed (libxml2,
 * through xmllint-wasm), and read back as a DOM it has the element structure
 * written down below, with every reference resolving inside its document and
 * every element read from a line carrying `govmark:source`.
 */
import assert from 'node:assert/strict';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { validateXML } from 'xmllint-wasm';
import { AKN_NAMESPACE, exportAkn, GOVMARK_NAMESPACE } from '../../src/core/export/akn.js';
import { board, doc, HOSTILE, seeds } from './export-inputs.js';

/** The children elements of `e`, by local name. */
const kids = (e: Element): Element[] => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);
const names = (e: Element) => kids(e).map((k) => k.localName);
const child = (e: Element, name: string): Element => {
  const found = kids(e).find((k) => k.localName === name);
  assert.ok(found, `<${e.localName}> has a <${name}> (has ${names(e).join(', ')})`);
  return found;
};
const all = (e: Element, name: string): Element[] => Array.from(e.getElementsByTagNameNS(AKN_NAMESPACE, name));

/** Parses the XML, failing on any error (a warning that U+FFFD is present is expected where a control character was replaced). */
function dom(xml: string): Element {
  const parsed = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
  return parsed.documentElement as unknown as Element;
}

async function assertWellFormed(xml: string): Promise<void> {
  const result = await validateXML({ xml: { fileName: 'export.xml', contents: xml }, normalization: 'c14n' });
  assert.ok(result.valid, result.errors.map((e) => e.rawMessage).join('\n'));
}

/**
 * The structure of minutes: `debateReport` → meta, preface, mainBody; meta →
 * identification (FRBRWork, FRBRExpression, FRBRManifestation), lifecycle,
 * [analysis when the quorum is known], references; mainBody → rollCall, then
 * one debateSection per agenda item.
 */
const FRBR = {
  FRBRWork: ['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor', 'FRBRcountry'],
  FRBRExpression: ['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor', 'FRBRlanguage'],
  FRBRManifestation: ['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor'],
};

describe('export: Akoma Ntoso 3.0', function () {
  this.timeout(60_000);
  const xml = exportAkn(board());
  const root = dom(xml);
  const components = all(root, 'component').map((c) => kids(c)[0]);
  const october = components.find((c) => c.localName === 'debateReport' && c.getAttributeNS(GOVMARK_NAMESPACE, 'source')?.startsWith('valid/trafford-hwb-minutes'))!;
  const december = components.find((c) => c.getAttributeNS(GOVMARK_NAMESPACE, 'source')?.startsWith('minutes/2020-12-11.md'))!;

  it('is well-formed XML in the Akoma Ntoso namespace, one component per document', async () => {
    await assertWellFormed(xml);
    assert.equal(root.localName, 'akomaNtoso');
    assert.equal(root.namespaceURI, AKN_NAMESPACE);
    assert.deepEqual(names(child(root, 'documentCollection')), ['meta', 'preface', 'collectionBody']);
    assert.deepEqual(components.map((c) => `${c.localName}:${c.getAttribute('name')}`), ['debateReport:minutes', 'doc:termsOfReference', 'doc:timeline', 'debateReport:minutes', 'doc:timeline']);
  });

  it('writes minutes as a debateReport: FRBR identification dated by the meeting, rollCall, a debateSection per item', () => {
    assert.deepEqual(names(october), ['meta', 'preface', 'mainBody']);
    const meta = child(october, 'meta');
    // The terms of reference were adopted on 25 November: no quorum was in force on 16 October.
    assert.deepEqual(names(meta), ['identification', 'lifecycle', 'references']);
    const id = child(meta, 'identification');
    for (const [part, expected] of Object.entries(FRBR)) assert.deepEqual(names(child(id, part)), expected, part);
    assert.equal(child(child(id, 'FRBRWork'), 'FRBRdate').getAttribute('date'), '2020-10-16');
    assert.equal(child(child(id, 'FRBRWork'), 'FRBRthis').getAttribute('value'), '/akn/zz/debateReport/2020-10-16/trafford-hwb-2020-10-16/!main');
    assert.equal(child(child(meta, 'lifecycle'), 'eventRef').getAttribute('date'), '2020-10-16');
    assert.equal(child(child(october, 'preface'), 'p').textContent?.trim(), 'Health and Wellbeing Board — 16 October 2020');
    const body = child(october, 'mainBody');
    assert.deepEqual(names(body), ['rollCall', ...Array(7).fill('debateSection')]);
    const sections = kids(body).slice(1);
    assert.deepEqual(sections.map((s) => child(s, 'num').textContent), ['15', '16', '17', '18', '19', '20', '21']);
    assert.equal(child(sections[3], 'heading').textContent, 'COVID 19 Outbreak Plan');
    const list = child(sections[3], 'blockList');
    assert.deepEqual(names(list), ['listIntroduction', 'item', 'item', 'item']);
    assert.deepEqual(kids(list).slice(1).map((i) => child(i, 'p').textContent), ['That the COVID 19 update be noted.', 'That the Winter Plan be noted.', 'That the COVID 19 Outbreak plan be noted.']);
    assert.equal(kids(list)[2].getAttributeNS(GOVMARK_NAMESPACE, 'source'), 'valid/trafford-hwb-minutes-2020-10-16.md#L67');
  });

  it('lists attendance in the rollCall, each person a TLCPerson of the references', () => {
    const roll = child(child(october, 'mainBody'), 'rollCall');
    assert.deepEqual(kids(roll).slice(1).map((c) => c.getAttribute('name')), ['present', 'inAttendance', 'apologies']);
    const present = all(kids(roll)[1], 'person');
    assert.equal(present.length, 12);
    assert.equal(present[0].textContent, 'Councillor J. Slater');
    const refs = child(child(october, 'meta'), 'references');
    const target = kids(refs).find((r) => r.getAttribute('eId') === present[0].getAttribute('refersTo')!.slice(1));
    assert.equal(target?.localName, 'TLCPerson');
    assert.equal(target?.getAttribute('showAs'), 'J. Slater');
    assert.equal(all(kids(roll)[3], 'person').length, 8, 'eight apologies');
  });

  it('verifies the quorum of the terms in force: three voting members present against five', () => {
    const meta = child(december, 'meta');
    assert.deepEqual(names(meta), ['identification', 'lifecycle', 'analysis', 'references']);
    const check = child(child(child(meta, 'analysis'), 'parliamentary'), 'quorumVerification');
    assert.equal(check.getAttribute('outcome'), '#inquorate');
    assert.equal(child(check, 'quorum').getAttribute('value'), '5');
    assert.equal(child(check, 'count').getAttribute('value'), '3');
  });

  it('writes terms of reference as doc name="termsOfReference": adopted in the lifecycle, functions, membership, quorum', () => {
    const terms = components[1];
    assert.deepEqual(names(child(terms, 'meta')), ['identification', 'lifecycle', 'references']);
    assert.equal(child(child(child(terms, 'meta'), 'lifecycle'), 'eventRef').getAttribute('date'), '2020-11-25');
    const parts = kids(child(terms, 'mainBody'));
    assert.deepEqual(parts.map((p) => p.getAttribute('name')), ['functions', 'membership', 'quorum']);
    assert.equal(all(parts[0], 'item').length, 9);
    assert.equal(all(parts[1], 'item').length, 17);
    assert.equal(all(parts[2], 'quantity')[0].getAttribute('normalized'), '5');
  });

  it('keeps eIds unique and every #reference resolving inside its own document', () => {
    for (const c of components) {
      const ids = Array.from(c.getElementsByTagName('*')).map((e) => e.getAttribute('eId')).filter((x): x is string => !!x);
      assert.equal(new Set(ids).size, ids.length, `${c.getAttribute('name')}: duplicate eIds ${ids.filter((x, i) => ids.indexOf(x) !== i)}`);
      for (const e of Array.from(c.getElementsByTagName('*'))) {
        for (const attr of ['refersTo', 'as', 'href', 'source', 'outcome']) {
          const v = e.getAttribute(attr);
          if (v?.startsWith('#')) assert.ok(ids.includes(v.slice(1)), `<${e.localName} ${attr}="${v}"> resolves`);
        }
      }
    }
  });

  it('escapes every document string, and replaces characters XML cannot hold', async () => {
    const hostile = exportAkn({ documents: [doc('odd #1/notes?.md', HOSTILE)], today: '2021-03-01' });
    await assertWellFormed(hostile);
    const report = kids(dom(hostile))[0];
    assert.equal(child(child(child(report, 'preface'), 'p'), 'docTitle').textContent, 'Board alert(1) & "Co" — 5 January 2021');
    assert.equal(all(report, 'docProponent')[0].textContent, 'Board <b>&amp; "Friends"</b>');
    assert.equal(all(report, 'person')[0].textContent, '=HYPERLINK');
    assert.equal(all(report, 'item')[0].textContent!.trim(), 'That the report on "A & B" be noted\uFFFD.');
    assert.equal(report.getAttributeNS(GOVMARK_NAMESPACE, 'source'), 'odd%20%231/notes%3F.md#L2');
  });

  it('writes a single document without a collection around it', async () => {
    const one = exportAkn({ documents: [seeds()[0]], today: '2021-03-01' });
    await assertWellFormed(one);
    assert.deepEqual(names(dom(one)), ['debateReport']);
  });
});
