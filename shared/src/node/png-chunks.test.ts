import { describe, expect, it } from 'vitest';
import { readPngChunks } from './png-chunks.ts';
import { encodePng } from './png-encoder.ts';

const png = () => encodePng({ width: 1, height: 1, channels: 3, pixels: new Uint8Array([1, 2, 3]) });

describe('readPngChunks', () => {
  it('reads back the chunks an encoded PNG holds', () => {
    expect(readPngChunks(png()).map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('refuses a PNG whose chunk was damaged, or that is not a PNG', () => {
    const damaged = png();
    damaged[20] = (damaged[20] ?? 0) ^ 0xff;
    expect(() => readPngChunks(damaged)).toThrow(/CRC does not match/);
    expect(() => readPngChunks(Buffer.from('GIF89a..'))).toThrow(/not a PNG/);
  });
});
