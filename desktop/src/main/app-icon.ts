import { encodePng } from '@opsworker/shared/node/png-encoder.ts';

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
  return encodePng({ width: size, height: size, channels: 4, pixels });
}

function insideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), size - 1 - radius);
  const cy = Math.min(Math.max(y, radius), size - 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}
