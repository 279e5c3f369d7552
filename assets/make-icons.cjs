// Writes the add-in icons (a green ledger sheet with a check mark) as real PNGs without
// any image library: `node assets/make-icons.cjs`.
const { deflateSync } = require('node:zlib');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const GREEN = [16, 124, 65, 255];
const WHITE = [255, 255, 255, 255];
const LINE = [180, 215, 195, 255];
const CLEAR = [0, 0, 0, 0];
function icon(u, v) {
  if (u < 0.08 || u > 0.92 || v < 0.06 || v > 0.94) return CLEAR;
  if (v < 0.24) return GREEN;
  // check mark: two strokes
  const d1 = Math.abs(v - (0.62 + (u - 0.3))) < 0.07 && u > 0.28 && u < 0.46;
  const d2 = Math.abs(v - (0.8 - (u - 0.46) * 1.3)) < 0.07 && u >= 0.44 && u < 0.78;
  if (d1 || d2) return GREEN;
  if (Math.abs(((v - 0.24) * 10) % 1.6) < 0.12) return LINE;
  return WHITE;
}
for (const size of [16, 32, 64, 80]) writeFileSync(join(__dirname, `icon-${size}.png`), png(size, icon));
