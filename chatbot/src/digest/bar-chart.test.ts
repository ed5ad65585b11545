import { inflateSync } from 'node:zlib';
import { readPngChunks as readChunks } from '@opsworker/shared/node/png-chunks.ts';
import { describe, expect, it } from 'vitest';
import { barChartPng } from './bar-chart.ts';

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
