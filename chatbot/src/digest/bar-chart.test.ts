import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { barChartPng } from './bar-chart.ts';

/** Reads a PNG back chunk by chunk, checking each CRC as a decoder would. */
function readChunks(png: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: typeAndData.subarray(4) });
    offset += 12 + length;
  }
  return chunks;
}

describe('barChartPng', () => {
  it('draws taller bars for busier hours', () => {
    const png = barChartPng([0, 10, 5], { width: 60, height: 40 });
    const rows = inflateSync(readChunks(png)[1]!.data);
    const isBar = (x: number, y: number) => rows[y * (60 * 3 + 1) + 1 + x * 3] === 229;
    const barHeight = (x: number) =>
      Array.from({ length: 40 }, (_, y) => y).filter((y) => isBar(x, y)).length;
    // Columns in the middle of each of the three slots.
    expect(barHeight(17)).toBe(0);
    expect(barHeight(30)).toBeGreaterThan(barHeight(44));
    expect(barHeight(44)).toBeGreaterThan(0);
  });
});
