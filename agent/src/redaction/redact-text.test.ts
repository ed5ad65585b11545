import { describe, expect, it } from 'vitest';
import { PLANTED_TEXTS } from './corpus/planted-secrets.ts';
import { ordinaryLogLines } from './measure-redaction.ts';
import { REDACTED, redactText } from './redact-text.ts';

describe('redactText', () => {
  describe('when text holds a planted secret', () => {
    it.each(PLANTED_TEXTS.map((p) => [p.context, p.text, p.secret]))(
      'removes it from %s',
      (_context, text, secret) => {
        const out = redactText(text);
        expect(out).not.toContain(secret);
        expect(out).toContain(REDACTED);
      },
    );

    it.each([
      ['DB_PASSWORD=s3cr3t', 'DB_PASSWORD=[REDACTED]'],
      ['level=info user=app password=hunter2 host=db', 'level=info user=app password=[REDACTED] host=db'],
      ['{"api_key":"k-1","user":"x"}', '{"api_key":"[REDACTED]","user":"x"}'],
      ['postgres://app:pw123@db:5432/x', 'postgres://app:[REDACTED]@db:5432/x'],
      [
        'Server=db;User Id=a;Password=p w;Encrypt=True;',
        'Server=db;User Id=a;Password=[REDACTED];Encrypt=True;',
      ],
      ['curl -H "Authorization: Bearer abcdefgh12345678"', 'curl -H "Authorization: Bearer [REDACTED]"'],
    ])('keeps the surrounding text readable: %s', (text, expected) => {
      expect(redactText(text)).toBe(expected);
    });
  });

  describe('when text is ordinary', () => {
    it('leaves every line of the realistic log corpus unchanged', () => {
      const changed = ordinaryLogLines().filter((line) => redactText(line) !== line);
      expect(changed).toEqual([]);
    });

    it.each([
      ['a UUID', 'request 4f7c2a9e-3b1d-4e8f-9a6c-2d5e8f1b7a3c done'],
      ['a git SHA', 'commit=3f2a9c1e8b7d6f5a4e3d2c1b0a9f8e7d6c5b4a39'],
      [
        'an image digest',
        'image=ghcr.io/acme/web@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ],
      ['a token count', 'token_count=5 max_tokens=4096'],
      ['a password reset notice', 'password reset email sent'],
      ['a secret name', 'secretName: db-creds'],
      ['a missing secret event', 'MountVolume.SetUp failed for volume "creds" : secret "db-creds" not found'],
      [
        'a secret-key reference in describe',
        "DB_PASSWORD:  <set to the key 'password' in secret 'db-creds'>  Optional: false",
      ],
      ['a bearer challenge', 'WWW-Authenticate: Bearer realm="kubernetes", error="invalid_token"'],
      ['a basic auth mention', 'using Basic authentication for legacy partner'],
      ['a value reference', `PASSWORD=$${'{'}DB_PASSWORD}`],
      ['an empty value', 'DB_PASSWORD='],
      ['a prose token mid-line', 'INFO token: refreshed for client web-frontend'],
    ])('leaves %s alone', (_case, text) => {
      expect(redactText(text)).toBe(text);
    });
  });

  describe('when a line reads as YAML', () => {
    // A line that is only `key: value` is treated as configuration, so a multi-word password goes whole.
    it('redacts the rest of the line', () => {
      expect(redactText('password: correct horse battery staple')).toBe('password: [REDACTED]');
    });
  });

  describe('when text was already redacted', () => {
    // Regression: `[REDACTED]` itself used to match as a bare value and grow a second bracket.
    it('is idempotent', () => {
      for (const { text } of PLANTED_TEXTS) {
        const once = redactText(text);
        expect(redactText(once)).toBe(once);
      }
    });
  });

  describe('when text is large', () => {
    it('redacts a multi-megabyte log in one pass', () => {
      const block = `${ordinaryLogLines().join('\n')}\nDB_PASSWORD=late-secret-1\n`;
      const big = block.repeat(Math.ceil((2 * 1024 * 1024) / block.length));
      const out = redactText(big);
      expect(out).not.toContain('late-secret-1');
      expect(out.length).toBeLessThan(big.length);
    });
  });
});
