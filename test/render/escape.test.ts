/** The one escaper, and the nonce: unit tests. */
import assert from 'node:assert/strict';
import { escapeHtml, escapeXml } from '../../src/render/escape.js';
import { createNonce } from '../../src/render/nonce.js';

describe('render: escapeXml', () => {
  it('escapes the five characters that end text or an attribute', () => {
    assert.equal(escapeXml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(escapeXml('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
  });

  it('leaves ordinary text, accents, dashes and emoji alone', () => {
    const text = 'Health & Wellbeing — Ünïcödé “quotes” 会议 🗓️ 2021/22';
    assert.equal(escapeXml(text), text.replace('&', '&amp;'));
  });

  it('replaces what XML 1.0 forbids, so a standalone SVG stays well-formed', () => {
    assert.equal(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    assert.equal(escapeXml('lone \uD800 high, lone \uDC00 low'), 'lone \uFFFD high, lone \uFFFD low');
    assert.equal(escapeXml('tab\tline\nreturn\r'), 'tab\tline\nreturn\r');
    assert.equal(escapeXml('pair \uD83D\uDCC5'), 'pair \uD83D\uDCC5');
  });

  it('turns anything into a string: numbers, undefined, null', () => {
    assert.equal(escapeXml(12), '12');
    assert.equal(escapeXml(undefined), '');
    assert.equal(escapeXml(null), '');
  });

  it('is the same function for HTML', () => {
    assert.equal(escapeHtml, escapeXml);
  });
});

describe('render: createNonce', () => {
  it('gives 128 bits as base64, different each time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    assert.equal(nonces.size, 1000);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9+/]{22}==$/);
  });

  it('comes from crypto.getRandomValues, not Math.random', () => {
    const random = Math.random;
    const getRandomValues = globalThis.crypto.getRandomValues;
    let calls = 0;
    Math.random = () => {
      throw new Error('Math.random must not be used for nonces');
    };
    globalThis.crypto.getRandomValues = ((array: Uint8Array) => {
      calls++;
      return getRandomValues.call(globalThis.crypto, array);
    }) as typeof getRandomValues;
    try {
      createNonce();
    } finally {
      Math.random = random;
      globalThis.crypto.getRandomValues = getRandomValues;
    }
    assert.equal(calls, 1);
  });

  it('encodes bytes as standard base64', () => {
    const getRandomValues = globalThis.crypto.getRandomValues;
    globalThis.crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T) => {
      const bytes = array as unknown as Uint8Array;
      bytes.set([0xfb, 0xff, 0xbf, 0x00, 0x10].slice(0, bytes.length));
      return array;
    }) as typeof getRandomValues;
    try {
      assert.equal(createNonce(5), Buffer.from([0xfb, 0xff, 0xbf, 0x00, 0x10]).toString('base64'));
    } finally {
      globalThis.crypto.getRandomValues = getRandomValues;
    }
  });
});
