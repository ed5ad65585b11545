import { hash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i % bytes.length]! % 32];
  return out;
}

function timePart(at: Date): string {
  let ms = at.getTime();
  let out = '';
  for (let i = 0; i < 9; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

/**
 * Ids that sort by creation time (`inv_` + 9 time characters + 12 more). With a `seed` the id is
 * the same every time it is made for the same seed, which is what makes replaying the ingest
 * journal after a crash idempotent; without one it is random.
 */
export function makeId(prefix: string, at: Date, seed?: string): string {
  const entropy = seed === undefined ? randomBytes(12) : hash('sha256', seed, 'buffer');
  return `${prefix}_${timePart(at)}${base32(entropy, 12)}`;
}
