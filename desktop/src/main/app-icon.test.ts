import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawAppIcon } from './app-icon.ts';

/** Reads the chunks of a PNG back, checking each chunk's CRC is what a decoder expects. */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks = new Map<string, Buffer>();
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    chunks.set(type, png.subarray(offset + 8, offset + 8 + length));
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    offset += 12 + length;
  }
  const header = chunks.get('IHDR')!;
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    rows: inflateSync(chunks.get('IDAT')!),
    chunks,
  };
}

describe('drawAppIcon', () => {
  it('makes a valid RGBA PNG of the requested size', () => {
    const { width, height, rows, chunks } = readPng(drawAppIcon(32));
    expect([width, height]).toEqual([32, 32]);
    expect(rows.length).toBe((32 * 4 + 1) * 32);
    expect([...chunks.keys()]).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('is transparent in the rounded corners and opaque in the middle', () => {
    const { rows } = readPng(drawAppIcon(64));
    const alpha = (x: number, y: number) => rows[y * (64 * 4 + 1) + 1 + x * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(32, 32)).toBe(255);
  });

  it('matches the committed build/icon.png (run desktop/scripts/generate-icons.ts after changing it)', async () => {
    const committed = await readFile(join(import.meta.dirname, '..', '..', 'build', 'icon.png'));
    expect(committed.equals(drawAppIcon(512))).toBe(true);
  });
});
