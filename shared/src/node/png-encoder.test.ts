import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPngChunks as readChunks } from './png-chunks.ts';
import { encodePng } from './png-encoder.ts';

describe('encodePng', () => {
  it('writes a valid PNG: signature, IHDR, IDAT holding the pixels, IEND', () => {
    const pixels = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    const png = encodePng({ width: 2, height: 2, channels: 3, pixels });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = readChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = chunks[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], ihdr[12]]).toEqual([2, 2, 8, 2, 0]);
    const rows = inflateSync(chunks[1]!.data);
    expect([...rows]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 10, 20, 30]);
  });

  it('refuses pixel data that does not match the size', () => {
    expect(() => encodePng({ width: 2, height: 2, channels: 3, pixels: new Uint8Array(5) })).toThrow(
      RangeError,
    );
  });

  it('keeps an alpha channel as colour type 6', () => {
    const png = encodePng({ width: 1, height: 1, channels: 4, pixels: new Uint8Array([1, 2, 3, 4]) });
    const [ihdr, idat] = readChunks(png);
    expect(ihdr!.data[9]).toBe(6);
    expect([...inflateSync(idat!.data)]).toEqual([0, 1, 2, 3, 4]);
  });
});
