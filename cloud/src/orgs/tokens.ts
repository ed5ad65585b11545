import { hash, randomBytes } from 'node:crypto';

export type TokenKind = 'webhook' | 'api';

const PREFIX: Record<TokenKind, string> = { webhook: 'owh_', api: 'owa_' };

/** A new random token; the prefix tells a reader which kind it is (and helps secret scanners). */
export function generateToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(24).toString('base64url');
}

/**
 * Tokens are 192-bit random values, so a plain SHA-256 is enough to store them safely. Every
 * webhook delivery hashes its token: the one-shot `hash` costs a third of a Hash object.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/**
 * Compares two hex digests without leaking, through timing, how much of them matched: every
 * character is compared, whatever the first difference. Done on the strings themselves, as
 * `timingSafeEqual` does on bytes: decoding both into buffers first cost every delivery more
 * than the comparison.
 */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
