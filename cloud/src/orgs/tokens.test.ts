import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, sameHash } from './tokens.ts';

describe('tokens', () => {
  it('generates tokens whose prefix names their kind, never the same twice', () => {
    const [first, second] = [generateToken('webhook'), generateToken('webhook')];
    expect(first).toMatch(/^owh_[A-Za-z0-9_-]{32}$/);
    expect(generateToken('api')).toMatch(/^owa_/);
    expect(first).not.toBe(second);
  });

  it('hashes a token to a SHA-256 hex digest', () => {
    expect(hashToken('owh_example')).toBe('90186db40fa667f625942857ef0d1faf892ebb86c35b54acbe7220b57df34de7');
  });

  it('tells equal digests from digests that differ anywhere, or in length', () => {
    const digest = hashToken('owh_example');
    const flip = (at: number) =>
      digest.slice(0, at) + (digest[at] === '0' ? '1' : '0') + digest.slice(at + 1);
    expect(sameHash(digest, `${digest}`)).toBe(true);
    for (const at of [0, 31, 63]) expect(sameHash(digest, flip(at))).toBe(false);
    expect(sameHash(digest, digest.slice(0, 63))).toBe(false);
    expect(sameHash(digest, hashToken('owh_other'))).toBe(false);
  });
});
