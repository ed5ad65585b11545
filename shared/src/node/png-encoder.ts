import { crc32, deflateSync } from 'node:zlib';

/** An image as rows of pixels: `channels` 3 (RGB) or 4 (RGBA) bytes each, row by row. */
export interface RasterImage {
  width: number;
  height: number;
  channels: 3 | 4;
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A minimal PNG encoder: 8 bits per channel, truecolour with or without alpha, no interlace,
 * filter 0 on every row, one IDAT. Enough for the digest's chart and the app's icons without a
 * canvas dependency. Node only (node:zlib).
 */
export function encodePng(image: RasterImage): Buffer {
  const { width, height, channels, pixels } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new RangeError('PNG size must be positive integers');
  const stride = width * channels;
  if (pixels.length !== stride * height)
    throw new RangeError(`pixels must hold width × height × ${channels} bytes`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // Bit depth 8; colour type 2 (truecolour) or 6 (with alpha); compression, filter, interlace 0.
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++)
    rows.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
