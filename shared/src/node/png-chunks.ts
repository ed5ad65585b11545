import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  type: string;
  data: Buffer;
}

/**
 * Reads a PNG back chunk by chunk, as a decoder would: the signature and every chunk's CRC are
 * checked, and a PNG that fails either is refused. What the encoder's users test their images with.
 */
export function readPngChunks(png: Buffer): PngChunk[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: the signature is wrong');
  const chunks: PngChunk[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    if (png.readUInt32BE(offset + 8 + length) !== crc32(typeAndData)) {
      throw new Error(`PNG chunk at byte ${offset}: the CRC does not match`);
    }
    chunks.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: typeAndData.subarray(4) });
    offset += 12 + length;
  }
  return chunks;
}
