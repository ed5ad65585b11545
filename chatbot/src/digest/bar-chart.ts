import { encodePng, type RasterImage } from '@opsworker/shared/node/png-encoder.ts';

export interface BarChartOptions {
  width?: number;
  height?: number;
}

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [255, 255, 255];
const BAR: Rgb = [229, 83, 61];
const AXIS: Rgb = [160, 160, 160];
const GRID: Rgb = [235, 235, 235];
const PADDING = 8;

/**
 * A small bar chart (one bar per value, scaled to the largest) as an RGB image: the alert
 * volume by hour in the digest. No text: the message around it says what it shows.
 */
export function drawBarChart(values: number[], options: BarChartOptions = {}): RasterImage {
  const width = options.width ?? 480;
  const height = options.height ?? 120;
  const pixels = new Uint8Array(width * height * 3);
  const paint = (x: number, y: number, colour: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    pixels.set(colour, (y * width + x) * 3);
  };
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) paint(x, y, BACKGROUND);

  const plotHeight = height - 2 * PADDING;
  const baseline = height - PADDING;
  for (const fraction of [0.25, 0.5, 0.75, 1])
    for (let x = PADDING; x < width - PADDING; x++)
      paint(x, baseline - Math.round(plotHeight * fraction), GRID);

  const max = Math.max(0, ...values);
  const slot = values.length ? (width - 2 * PADDING) / values.length : 0;
  values.forEach((value, index) => {
    const barHeight = max === 0 ? 0 : Math.max(value > 0 ? 1 : 0, Math.round((value / max) * plotHeight));
    const left = Math.round(PADDING + index * slot + slot * 0.15);
    const right = Math.round(PADDING + (index + 1) * slot - slot * 0.15);
    for (let x = left; x < Math.max(right, left + 1); x++)
      for (let y = baseline - barHeight; y < baseline; y++) paint(x, y, BAR);
  });
  for (let x = PADDING; x < width - PADDING; x++) paint(x, baseline, AXIS);
  return { width, height, channels: 3, pixels };
}

/** The chart as PNG bytes. */
export function barChartPng(values: number[], options: BarChartOptions = {}): Buffer {
  return encodePng(drawBarChart(values, options));
}
