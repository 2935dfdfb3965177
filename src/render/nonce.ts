/**
 * A fresh nonce for each rendered page, from the platform's cryptographic
 * generator (`crypto.getRandomValues`: Node 20's global `crypto`, and every
 * browser's), never `Math.random`. 16 bytes, base64: what CSP expects.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A random nonce for a Content-Security-Policy, from `crypto`. */
export function createNonce(bytes = 16): string {
  const random = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  let out = '';
  for (let i = 0; i < random.length; i += 3) {
    const n = (random[i] << 16) | ((random[i + 1] ?? 0) << 8) | (random[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((random.length - i) * 8) / 6));
    for (let k = 0; k < 4; k++) out += k < chars ? BASE64[(n >> (18 - 6 * k)) & 63] : '=';
  }
  return out;
}

/** What a nonce or a CSP source may look like, so neither can smuggle in a directive. */
export const NONCE_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;
