import { describe, expect, it } from 'vitest';
import { isSecretName } from './secret-names.ts';

describe('isSecretName', () => {
  describe('when the name holds a secret', () => {
    it.each([
      'password',
      'DB_PASSWORD',
      'dbPassword',
      'PGPASSWORD',
      'passwd',
      'SMTP_PASS',
      'secret',
      'CLIENT_SECRET',
      'clientSecret',
      'GITHUB_TOKEN',
      'x-auth-token',
      'accessToken',
      'api_key',
      'apiKey',
      'X-Api-Key',
      'APIKEY',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_ACCESS_KEY',
      'private_key',
      'ssh-private-key',
      'signing_key',
      'AccountKey',
      'credentials',
      'GOOGLE_APPLICATION_CREDENTIALS_JSON_DATA_CREDENTIAL',
      'Authorization',
      'REDIS_AUTH',
      'SENTRY_DSN',
      'Cookie',
      'passphrase',
      'X-Amz-Signature',
    ])('%s', (name) => {
      expect(isSecretName(name)).toBe(true);
    });
  });

  describe('when the name is about a secret, not the secret', () => {
    it.each([
      'token_count',
      'max_tokens',
      'prompt_tokens',
      'tokenExpirationSeconds',
      'token_type',
      'secretName',
      'SECRET_NAME',
      'secretKeyRef',
      'password_file',
      'DB_PASSWORD_FILE',
      'passwordPolicy',
      'PASSWORD_MIN_LENGTH',
      'auth_method',
      'AUTH_URL',
      'auth-realm',
      'token_budget',
      'author',
      'keyspace',
      'key',
      'pass',
      'PWD',
      'bypass',
      'auth.conf',
      'TOKEN_TTL_SECONDS',
    ])('%s', (name) => {
      expect(isSecretName(name)).toBe(false);
    });
  });
});
