/**
 * The HTML page as a string: the Content-Security-Policy of each mode, the
 * nonce on the one style and the one script, a fresh nonce per render,
 * nothing inline that the policy would have to allow.
 */
import assert from 'node:assert/strict';
import { contentSecurityPolicy, renderTimelineHtml } from '../../src/render/html.js';
import { hostileModel, uncertainModel } from './models.js';

const WEBVIEW = {
  mode: 'webview' as const,
  nonce: 'r4nd0mN0nce+/AbCdEfGhQ==',
  cspSource: 'https://*.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/timeline.js',
};

function cspOf(html: string): string {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(m, 'a CSP meta');
  return m[1].replace(/&#39;/g, "'");
}

describe('render: timeline HTML', () => {
  describe('webview mode', () => {
    const html = renderTimelineHtml(uncertainModel(), WEBVIEW);

    it('has the strict policy: nothing by default, scripts and inline styles only with the nonce', () => {
      assert.equal(
        cspOf(html),
        "default-src 'none'; img-src https://*.vscode-cdn.net data:; style-src https://*.vscode-cdn.net 'nonce-r4nd0mN0nce+/AbCdEfGhQ=='; script-src 'nonce-r4nd0mN0nce+/AbCdEfGhQ=='; base-uri 'none'; form-action 'none';",
      );
      assert.doesNotMatch(cspOf(html), /unsafe-inline|unsafe-eval|\*;|script-src[^;]*https/);
    });

    it('loads the one script from scriptUri, with the nonce; no inline script, no event handler attributes', () => {
      const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
      assert.deepEqual(scripts, [`<script nonce="r4nd0mN0nce+/AbCdEfGhQ==" src="${WEBVIEW.scriptUri}"></script>`]);
      for (const tag of html.match(/<[^>]*>/g)!) assert.doesNotMatch(tag, /\son[a-z]+=/);
    });

    it('puts its styles in one <style> with the nonce, and no style attribute anywhere', () => {
      assert.equal((html.match(/<style\b/g) ?? []).length, 1);
      assert.match(html, /<style nonce="r4nd0mN0nce\+\/AbCdEfGhQ==">/);
      assert.doesNotMatch(html, /\sstyle=/);
    });

    it('links the extra stylesheet when given, and makes the entries focusable for click-to-reveal', () => {
      const withStyle = renderTimelineHtml(uncertainModel(), { ...WEBVIEW, styleUri: 'https://x.vscode-cdn.net/media/a.css?v="1"' });
      assert.match(withStyle, /<link rel="stylesheet" href="https:\/\/x\.vscode-cdn\.net\/media\/a\.css\?v=&quot;1&quot;">/);
      assert.match(html, /<svg [^>]*class="govmark-timeline interactive"/);
      assert.match(html, /<g class="entry [^"]*"[^>]* tabindex="0" role="button" aria-label="[^"]+">/);
    });

    it('refuses a nonce or a source that could end the policy and start another directive', () => {
      assert.throws(() => renderTimelineHtml(uncertainModel(), { ...WEBVIEW, nonce: "abc'; script-src *" }), /nonce/);
      assert.throws(() => renderTimelineHtml(uncertainModel(), { ...WEBVIEW, cspSource: "https://a; script-src 'unsafe-inline'" }), /CSP source/);
      assert.throws(() => contentSecurityPolicy({ mode: 'standalone', nonce: '' }), /nonce/);
    });
  });

  describe('standalone mode', () => {
    const html = renderTimelineHtml(uncertainModel(), { mode: 'standalone' });

    it('has no script at all, and a policy that allows none and only its own style', () => {
      assert.doesNotMatch(html, /<script/);
      const csp = cspOf(html);
      assert.match(csp, /^default-src 'none'; img-src data:; style-src 'nonce-[A-Za-z0-9+/]{22}=='; base-uri 'none'; form-action 'none';$/);
      const nonce = csp.match(/'nonce-([^']+)'/)![1];
      assert.ok(html.includes(`<style nonce="${nonce}">`));
    });

    it('makes a fresh nonce for every render', () => {
      const nonces = new Set(Array.from({ length: 20 }, () => cspOf(renderTimelineHtml(uncertainModel(), { mode: 'standalone' })).match(/'nonce-([^']+)'/)![1]));
      assert.equal(nonces.size, 20);
    });

    it('is self-contained: no external references', () => {
      assert.doesNotMatch(html, /\s(href|src)=|@import|url\(/);
    });

    it('names the document and sums up the entries', () => {
      assert.match(html, /<title>Transition to the Integrated Care Board — timeline<\/title>/);
      assert.match(html, /<h1>Transition to the Integrated Care Board<\/h1>/);
      assert.match(html, /<p class="summary">12 entries · 1 overdue · 1 without a date · today 10 Feb 2022<\/p>/);
      assert.match(html, /<svg [^>]*class="govmark-timeline"/);
      assert.doesNotMatch(html, /tabindex/);
    });
  });

  it('escapes every document string in the page around the drawing too', () => {
    for (const html of [renderTimelineHtml(hostileModel(), { mode: 'standalone' }), renderTimelineHtml(hostileModel(), WEBVIEW)]) {
      const tags = html.match(/<[a-zA-Z][^>]*>/g)!.map((t) => t.match(/^<([a-zA-Z]+)/)![1].toLowerCase());
      assert.ok(!tags.includes('img') && !tags.includes('iframe') && !tags.includes('b'), tags.join(' '));
      assert.equal(tags.filter((t) => t === 'script').length, html.includes('vscode-resource') ? 1 : 0);
      assert.match(html, /<h1>&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt; &amp; plan<\/h1>/);
      assert.match(html, /<td>&lt;img src=x onerror=alert\(1\)&gt;<\/td>/);
    }
  });
});
