import { ConfigError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { loadCloudConfig } from './config.ts';

const REQUIRED = {
  OPSWORKER_TABLE_NAME: 'opsworker',
  OPSWORKER_BUCKET_NAME: 'opsworker-evidence',
  OPSWORKER_INVESTIGATION_QUEUE_URL:
    'https://sqs.eu-west-1.amazonaws.com/123456789012/opsworker-investigations',
  OPSWORKER_EVENTS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:opsworker-events',
};

describe('loadCloudConfig', () => {
  describe('when the resource names are set', () => {
    it('applies the defaults and keeps only the model variables for the LLM stage', () => {
      const config = loadCloudConfig({
        ...REQUIRED,
        AWS_REGION: 'eu-west-1',
        OPSWORKER_LLM_PROVIDER: 'bedrock',
        SOMETHING_ELSE: 'x',
        OPSWORKER_PUBLIC_URL: 'https://ops.example.com/',
      });
      expect(config).toMatchObject({
        tableName: 'opsworker',
        agentQueuePrefix: 'opsworker-agent',
        groupWindowMs: 30 * 60_000,
        publicUrl: 'https://ops.example.com',
        llmEnv: { AWS_REGION: 'eu-west-1', OPSWORKER_LLM_PROVIDER: 'bedrock' },
      });
    });
  });

  describe('when names are missing or malformed', () => {
    it('names every problem at once', () => {
      const load = () =>
        loadCloudConfig({
          ...REQUIRED,
          OPSWORKER_TABLE_NAME: '',
          OPSWORKER_EVENTS_TOPIC_ARN: 'opsworker-events',
        });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/OPSWORKER_TABLE_NAME[\s\S]*OPSWORKER_EVENTS_TOPIC_ARN: must be an ARN/);
    });

    it.each([
      ['OPSWORKER_AGENT_QUEUE_PREFIX', 'bad prefix!'],
      ['OPSWORKER_INVESTIGATION_QUEUE_URL', 'not a url'],
      ['OPSWORKER_SLACK_SECRET_ARN', 'slack-secret'],
    ])('rejects %s=%s', (name, value) => {
      expect(() => loadCloudConfig({ ...REQUIRED, [name]: value })).toThrow(name);
    });
  });
});
