/**
 * A screenshot made small for the docs: the PNG's colours reduced to a palette of at most
 * 256 (the most frequent ones; every other pixel takes the nearest), written as an indexed
 * PNG. Flat UI colours and anti-aliased text survive this well and the file is a third of
 * the size. Reads the 8-bit RGB or RGBA non-interlaced PNGs Chromium writes; nothing else.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGB pixels of an 8-bit RGB/RGBA PNG (alpha dropped: screenshots are opaque). */
function decode(png) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let bpp = 0;
  const idat = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error('png-palette: only 8-bit RGB/RGBA non-interlaced PNGs');
      bpp = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(width * height * 3);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) line.copy(out, (y * width + x) * 3, x * bpp, x * bpp + 3);
    prev = line;
  }
  return { width, height, rgb: out };
}

function distance(a, b) {
  return 3 * ((a >> 16) - (b >> 16)) ** 2 + 4 * (((a >> 8) & 0xff) - ((b >> 8) & 0xff)) ** 2 + 2 * ((a & 0xff) - (b & 0xff)) ** 2;
}

/** Rewrites `file` as an indexed PNG of at most `colours` colours; returns the new size in bytes. */
export function palettePng(file, colours = 256) {
  const { width, height, rgb } = decode(readFileSync(file));
  const counts = new Map();
  for (let i = 0; i < rgb.length; i += 3) {
    const key = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // The most frequent colours, each some way from those already taken, so a rare but distinct
  // one (a small warning triangle) gets its place before the hundredth shade of grey text.
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const palette = [];
  const taken = new Set();
  for (const k of byCount) {
    if (palette.length >= colours) break;
    if (palette.every((p) => distance(k, p) > 900)) {
      palette.push(k);
      taken.add(k);
    }
  }
  for (const k of byCount) {
    if (palette.length >= colours) break;
    if (!taken.has(k)) palette.push(k);
  }
  const index = new Map(palette.map((k, i) => [k, i]));
  const nearest = (key) => {
    let found = index.get(key);
    if (found !== undefined) return found;
    const r = key >> 16;
    const g = (key >> 8) & 0xff;
    const b = key & 0xff;
    let best = Infinity;
    for (let i = 0; i < palette.length; i++) {
      const p = palette[i];
      const d = 3 * (r - (p >> 16)) ** 2 + 4 * (g - ((p >> 8) & 0xff)) ** 2 + 2 * (b - (p & 0xff)) ** 2;
      if (d < best) {
        best = d;
        found = i;
      }
    }
    index.set(key, found);
    return found;
  };
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[y * (width + 1) + 1 + x] = nearest((rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((p, i) => plte.set([p >> 16, (p >> 8) & 0xff, p & 0xff], i * 3));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  writeFileSync(file, png);
  return png.length;
}
