import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadSlackLambdaConfig } from '@opsworker/chatbot/lambda/lambda-config.ts';
import { SecretReader } from '@opsworker/cloud/lambda/secrets.ts';
import { ConfigError } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS_CLIENT_CONFIG } from '../support/local-aws.ts';
import { type LocalSecretsManager, startLocalSecretsManager } from './local-secrets-manager.ts';

/** Credentials come only from Secrets Manager: read once per container, never echoed in errors. */
describe('secrets for the cloud functions', () => {
  let secrets: LocalSecretsManager;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    secrets = await startLocalSecretsManager();
    client = new SecretsManagerClient({ ...LOCAL_AWS_CLIENT_CONFIG, endpoint: secrets.endpoint });
  });
  afterAll(async () => {
    client?.destroy();
    await secrets?.close();
  });

  describe('SecretReader', () => {
    it('reads a secret once however often it is asked', async () => {
      const arn = secrets.put('model', { OPSWORKER_LLM_API_KEY: 'sk-test-123456' });
      const reader = new SecretReader(client);
      const before = secrets.reads();
      const values = await Promise.all([reader.read(arn), reader.read(arn), reader.read(arn)]);
      expect(values[2]).toEqual({ OPSWORKER_LLM_API_KEY: 'sk-test-123456' });
      expect(secrets.reads() - before).toBe(1);
    });

    it('tries again after a failed read instead of keeping the failure', async () => {
      const reader = new SecretReader(client);
      await expect(reader.read('later')).rejects.toThrow();
      secrets.put('later', { A: 'b' });
      expect(await reader.read('later')).toEqual({ A: 'b' });
    });
  });

  describe('the Slack functions’ configuration', () => {
    const env = (arn: string) => ({
      OPSWORKER_SLACK_SECRET_ARN: arn,
      OPSWORKER_API_URL: 'https://api.example.com/',
      OPSWORKER_TABLE_NAME: 'opsworker',
    });

    it('takes the credentials from the secret and the rest from the environment', async () => {
      const arn = secrets.put('slack-ok', {
        SLACK_BOT_TOKEN: 'xoxb-1-2-3',
        SLACK_SIGNING_SECRET: 'signing-secret-0123456789',
        OPSWORKER_API_TOKEN: 'owa_0123456789abcdef',
        OPSWORKER_ORG_ID: 'acme',
      });
      const config = await loadSlackLambdaConfig(client, {
        ...env(arn),
        OPSWORKER_SLACK_CHANNEL: '#incidents',
      });
      expect(config).toMatchObject({
        apiUrl: 'https://api.example.com',
        orgId: 'acme',
        slack: { botToken: 'xoxb-1-2-3', defaultChannel: '#incidents', connection: { mode: 'http' } },
      });
    });

    it('names what the secret lacks without showing what it holds', async () => {
      const arn = secrets.put('slack-bad', {
        SLACK_BOT_TOKEN: 'xoxb-secret-value',
        OPSWORKER_ORG_ID: 'acme',
      });
      const load = loadSlackLambdaConfig(client, env(arn));
      await expect(load).rejects.toThrow(ConfigError);
      const message = await load.catch((error: Error) => error.message);
      expect(message).toContain('SLACK_SIGNING_SECRET');
      expect(message).toContain('OPSWORKER_API_TOKEN');
      expect(message).not.toContain('xoxb-secret-value');
    });
  });
});
