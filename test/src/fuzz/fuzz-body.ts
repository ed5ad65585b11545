import { MAX_BODY_BYTES } from '@opsworker/cloud/http/read-json-body.ts';
import type { Random } from '../support/seeded-random.ts';
import { serializeJson } from './mutate-json.ts';

/** A body as the fuzzer sends it; `oversized-stream` is sent chunked, without a Content-Length. */
export type FuzzBody = string | Uint8Array | 'oversized-stream';

/** Just over the 1 MiB limit, and still valid JSON: only the size is wrong. */
export const OVERSIZED_JSON = `{"alerts":[],"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`;

const BAD_CONTENT_TYPES = [
  'application/xml',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded',
  'image/png',
];
const FINE_CONTENT_TYPES = [
  'text/plain; charset=UTF-8',
  'application/vnd.opsworker+json',
  'APPLICATION/JSON; charset=utf-8',
];

/** Mostly JSON's own type; sometimes another JSON-ish one, none, or one the server must refuse. */
export function pickContentType(random: Random): { header: string | undefined; refused: boolean } {
  const roll = random.next();
  if (roll < 0.85) return { header: 'application/json', refused: false };
  if (roll < 0.9) return { header: random.pick(FINE_CONTENT_TYPES), refused: false };
  if (roll < 0.93) return { header: undefined, refused: false };
  return { header: random.pick(BAD_CONTENT_TYPES), refused: true };
}

/**
 * The body as sent: mostly the JSON text, sometimes damaged, or over the 1 MiB limit (sent
 * with a Content-Length, or chunked without one). `broken` bodies are not JSON at all.
 */
export function pickBody(
  random: Random,
  value: unknown,
  recipe: string[],
): { body: FuzzBody; oversized: boolean; broken: boolean } {
  const text = serializeJson(value);
  const sized = (body: string, broken: boolean) => ({
    body,
    oversized: Buffer.byteLength(body) > MAX_BODY_BYTES,
    broken,
  });
  if (random.chance(0.82)) return sized(text, false);
  const pick = random.pick([
    'truncated',
    'random bytes',
    'empty',
    'bom',
    'nul',
    'oversized',
    'oversized-stream',
  ]);
  recipe.push(`body: ${pick}`);
  switch (pick) {
    case 'truncated':
      return sized(text.slice(0, random.int(Math.max(1, text.length - 1))), true);
    case 'random bytes':
      return { body: randomBytesFrom(random, random.between(16, 4096)), oversized: false, broken: true };
    case 'empty':
      return sized('', true);
    // A byte-order mark: some JSON readers skip it, others refuse it; either is fine, a 5xx is not.
    case 'bom':
      return sized(`\ufeff${text}`, false);
    case 'nul':
      return sized(`${text}\u0000`, true);
    case 'oversized':
      return sized(OVERSIZED_JSON, false);
    default:
      return { body: 'oversized-stream', oversized: true, broken: false };
  }
}

/** Bytes from the seeded generator (not crypto), so a failing case replays byte for byte. */
function randomBytesFrom(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = random.int(256);
  return bytes;
}
