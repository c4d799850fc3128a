// Draws the app icons the web app manifest names (web/manifest.webmanifest), at build time, so no
// binary image is kept in the repository: a white speech bubble with two dots of "conversation" on
// the site's green, filling the square (safe for "maskable" cropping: the bubble stays in the
// middle 60%). PNG written here: 8-bit RGBA, one zlib stream, CRC-32 per chunk (RFC 2083).
//
//   node scripts/generate-icons.mjs OUT_DIR      → OUT_DIR/icon-192.png, OUT_DIR/icon-512.png
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const GREEN = [0x0b, 0x6e, 0x5d];
const WHITE = [0xff, 0xff, 0xff];

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
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG bytes for a size×size RGBA image; pixel(x, y) → [r, g, b, a] with x, y in 0..1. */
export function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      const at = y * (size * 4 + 1) + 1 + x * 4;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
      raw[at + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Is the point (u, v) in 0..1 inside the bubble (white) rather than the background or a dot?
function inBubble(u, v) {
  const dx = (u - 0.5) / 0.3;
  const dy = (v - 0.46) / 0.22;
  const body = dx * dx + dy * dy <= 1;
  // The tail: a triangle below the bubble's lower left.
  const tail = v >= 0.6 && v <= 0.76 && u >= 0.34 && u <= 0.46 && u - 0.34 <= (0.76 - v) * 0.75;
  const dot = (cx) => (u - cx) ** 2 + (v - 0.46) ** 2 <= 0.045 ** 2;
  return (body || tail) && !dot(0.41) && !dot(0.59);
}

// 4×4 samples per pixel, so edges are smooth at any size.
function iconPixel(x, y, size) {
  let inside = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inBubble((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) inside++;
  const t = inside / 16;
  return [0, 1, 2].map((k) => Math.round(GREEN[k] * (1 - t) + WHITE[k] * t)).concat(255);
}

export function writeIcons(outDir) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const size of [192, 512]) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, png(size, iconPixel));
    written.push(file);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = writeIcons(process.argv[2] || "build/site/icons");
  console.log(`generate-icons: wrote ${files.join(", ")}`);
}
