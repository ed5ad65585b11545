import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { readPngChunks } from '@opsworker/shared/node/png-chunks.ts';
import { describe, expect, it } from 'vitest';
import { drawAppIcon } from './app-icon.ts';

/** Reads the PNG back (signature and CRCs checked) into its size, pixel rows and chunks. */
function readPng(png: Buffer) {
  const chunks = new Map(readPngChunks(png).map(({ type, data }) => [type, data]));
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
