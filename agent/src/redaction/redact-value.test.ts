import { describe, expect, it } from 'vitest';
import { PLANTED_VALUES } from './corpus/planted-secrets.ts';
import { REDACTED } from './redact-text.ts';
import { redactValue } from './redact-value.ts';

describe('redactValue', () => {
  describe('when a value holds a planted secret', () => {
    it.each(PLANTED_VALUES.map((p) => [p.context, p.value, p.secret]))(
      'removes it from %s',
      (_context, value, secret) => {
        expect(JSON.stringify(redactValue(value))).not.toContain(secret);
      },
    );
  });

  describe('when it walks a pod spec', () => {
    const container = {
      name: 'api',
      args: ['--listen', ':8080', '--db-password', 'argpass1', '--verbose'],
      env: [
        { name: 'DB_HOST', value: 'db' },
        { name: 'DB_PASSWORD', value: 'hunter2' },
        { name: 'STRIPE_KEY', valueFrom: { secretKeyRef: { name: 'stripe', key: 'key' } } },
        { name: 'TOKEN_TTL_SECONDS', value: '3600' },
      ],
    };

    it('replaces secret env values and the value after a secret flag, nothing else', () => {
      expect(redactValue(container)).toEqual({
        name: 'api',
        args: ['--listen', ':8080', '--db-password', REDACTED, '--verbose'],
        env: [
          { name: 'DB_HOST', value: 'db' },
          { name: 'DB_PASSWORD', value: REDACTED },
          { name: 'STRIPE_KEY', valueFrom: { secretKeyRef: { name: 'stripe', key: 'key' } } },
          { name: 'TOKEN_TTL_SECONDS', value: '3600' },
        ],
      });
    });

    it('does not change its input', () => {
      const before = structuredClone(container);
      redactValue(container);
      expect(container).toEqual(before);
    });
  });

  describe('when keys name secrets but values are not strings', () => {
    it('keeps numbers, booleans and nulls', () => {
      const value = { automountServiceAccountToken: false, tokenExpirationSeconds: 3607, password: null };
      expect(redactValue(value)).toEqual(value);
    });
  });

  describe('when keys only mention secrets', () => {
    it('keeps references such as secretName and secretKeyRef', () => {
      const volume = {
        name: 'tls',
        secret: { secretName: 'web-tls' },
        env: { secretKeyRef: { name: 'db', key: 'password' } },
      };
      expect(redactValue(volume)).toEqual(volume);
    });
  });
});
