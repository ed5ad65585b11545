import { describe, expect, it } from 'vitest';
import { InfraConfigError, readInfraConfig } from './infra-config.ts';

const read = (context: Record<string, unknown>) => readInfraConfig((key) => context[key]);

describe('readInfraConfig', () => {
  describe('when nothing is given', () => {
    it('deploys no clusters, a digest at 08:00 UTC, and keeps data', () => {
      const config = read({});
      expect(config.clusters).toEqual([]);
      expect(config).toMatchObject({
        digestTime: '08:00',
        digestTimeZone: 'UTC',
        retainData: true,
        slackSecret: 'opsworker/slack',
      });
    });
  });

  describe('when clusters come from -c (strings) or cdk.json (JSON)', () => {
    it.each([
      ['a comma-separated string', 'acme/prod, acme/staging'],
      ['a JSON array in a string', '["acme/prod","acme/staging"]'],
      ['an array', ['acme/prod', 'acme/staging']],
    ])('reads %s', (_kind, clusters) => {
      expect(read({ clusters }).clusters).toEqual([
        { orgId: 'acme', cluster: 'prod' },
        { orgId: 'acme', cluster: 'staging' },
      ]);
    });
  });

  describe('when the context is wrong', () => {
    it.each([
      ['a cluster without org', { clusters: 'prod' }, '-c clusters.0'],
      ['an org the heartbeat queue name cannot carry', { clusters: 'Acme_Corp/prod' }, 'org: lowercase'],
      ['a cluster listed twice', { clusters: 'acme/prod,acme/prod' }, 'listed twice'],
      [
        'trust for an unknown cluster',
        {
          clusters: 'acme/prod',
          agentTrust: '{"acme/dev":{"principalArn":"arn:aws:iam::111122223333:role/x"}}',
        },
        'acme/dev not in -c clusters',
      ],
      [
        'an OIDC provider that is not an ARN',
        { clusters: 'acme/prod', agentTrust: { 'acme/prod': { oidcProviderArn: 'oidc.eks' } } },
        'agentTrust',
      ],
      [
        'an API key in the environment',
        { llm: '{"OPSWORKER_LLM_API_KEY":"sk-1"}' },
        'belong in the modelSecret',
      ],
      ['an unknown time zone', { digestTimeZone: 'Mars/Olympus' }, 'IANA time zone'],
      ['a digest time past midnight', { digestTime: '24:10' }, 'HH:MM'],
      ['a log retention CloudWatch does not offer', { logRetentionDays: 31 }, 'must be one of'],
      [
        'queue names past 80 characters',
        { clusters: `${'a'.repeat(40)}/${'b'.repeat(40)}` },
        'longer than 80',
      ],
    ])('rejects %s, naming the option', (_case, context, message) => {
      expect(() => read(context)).toThrow(InfraConfigError);
      expect(() => read(context)).toThrow(message);
    });
  });
});
