// Draws the app's PNG icons (pwa/icon-192.png, pwa/icon-512.png), the same picture as
// pwa/icon.svg: lines of text, one marked. Run once with node; the PNGs are committed.
import fs from 'node:fs';
import zlib from 'node:zlib';

const BLUE = [0x1e, 0x88, 0xe5], WHITE = [0xff, 0xff, 0xff], MARK = [0xff, 0xe0, 0x82];
// In units of a 64-unit square, as in the SVG.
const BARS = [[10, 16, 44, WHITE], [10, 30, 18, MARK], [32, 30, 22, WHITE], [10, 44, 30, WHITE]];

function pixel(x, y) {
  for (const [bx, by, w, color] of BARS) if (x >= bx && x < bx + w && y >= by && y < by + 8) return color;
  return BLUE;
}

function crc32(bytes) {
  let c, crc = 0xffffffff;
  for (const b of bytes) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter 0, then RGB
    for (let x = 0; x < size; x++) {
      const color = pixel((x * 64) / size, (y * 64) / size);
      row.set(color, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = new URL('../pwa/', import.meta.url);
for (const size of [192, 512]) fs.writeFileSync(new URL(`icon-${size}.png`, here), png(size));
