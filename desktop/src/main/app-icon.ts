import { crc32, deflateSync } from 'node:zlib';

/**
 * The OpsWorker icon drawn in code — a rounded slate square with a teal pulse ring and a dot —
 * so the packaged icons (`desktop/build/icon.png`, made by `desktop/scripts/generate-icons.ts`)
 * and the tray icon come from one drawing without image tooling.
 */
export function drawAppIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const corner = size * 0.2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const offset = (y * size + x) * 4;
      if (!insideRoundedSquare(x, y, size, corner)) continue;
      const distance = Math.hypot(x - centre, y - centre) / size;
      const ring = distance > 0.26 && distance < 0.34;
      const dot = distance < 0.11;
      const [r, g, b] = ring || dot ? [45, 212, 191] : [15, 23, 42];
      pixels.set([r, g, b, 255], offset);
    }
  }
  return encodePng(size, size, pixels);
}

function insideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), size - 1 - radius);
  const cy = Math.min(Math.max(y, radius), size - 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** A minimal PNG encoder: 8-bit RGBA, no interlacing, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
