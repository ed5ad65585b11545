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

  describe('when most of a large value holds no secret', () => {
    it('copies only the path to what it redacted and shares the rest', () => {
      const clean = {
        metadata: { name: 'web-1', labels: { app: 'web' } },
        spec: { containers: [{ image: 'web:1' }] },
      };
      const leaky = {
        metadata: { name: 'web-2' },
        spec: { containers: [{ env: [{ name: 'API_TOKEN', value: 's3cr3t-v4lue' }] }] },
      };
      const list = { items: [clean, leaky] };

      const redacted = redactValue(list);

      expect(redacted).not.toBe(list);
      expect(redacted.items[0]).toBe(clean);
      expect(redacted.items[1]?.metadata).toBe(leaky.metadata);
      expect((redacted.items[1] as typeof leaky).spec.containers[0]?.env[0]?.value).toBe('[REDACTED]');
      expect(leaky.spec.containers[0]?.env[0]?.value).toBe('s3cr3t-v4lue');
    });

    it('returns a value without secrets as it is', () => {
      const clean = { items: [{ metadata: { name: 'web-1' } }], continue: 'abc' };
      expect(redactValue(clean)).toBe(clean);
    });
  });
});
