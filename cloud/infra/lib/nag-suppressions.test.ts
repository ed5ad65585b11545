import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { synthTestStack } from './test-stack.ts';

const FULL_CONTEXT = {
  clusters: 'acme/prod,acme/staging,globex/eu-1',
  agentTrust: JSON.stringify({
    '*': { principalArn: 'arn:aws:iam::444455556666:role/opsworker-agents' },
    'acme/prod': {
      oidcProviderArn: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/X1',
    },
  }),
  bedrockModelArns: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0',
  modelSecret: 'opsworker/model',
  alarmTopicArn: 'arn:aws:sns:us-east-1:111122223333:oncall',
};

describe('cdk-nag AwsSolutions checks', () => {
  it.each([
    ['no clusters, defaults', {}],
    ['clusters, IRSA and external trust, Bedrock, alarms', FULL_CONTEXT],
    ['a throwaway stack (data not retained)', { ...FULL_CONTEXT, retainData: 'false' }],
  ])('pass with every finding acknowledged: %s', (_name, context) => {
    const { app } = synthTestStack(context);
    expect(() => app.synth()).not.toThrow();
  });

  // Why: the acknowledgements are per finding, so they must not hide a new problem elsewhere.
  it('fail the synth on a finding nobody acknowledged', () => {
    const { app, stack } = synthTestStack({});
    new Bucket(stack, 'Careless');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1|AwsSolutions-S10/);
  });
});

describe('a Lambda entry that does not exist', () => {
  it('is a synth error naming the file, for every missing entry at once', () => {
    const { stack } = synthTestStack({}, { repoRoot: mkdtempSync(join(tmpdir(), 'no-entries-')) });
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('does not exist yet'));
    const named = errors.map((error) => String(error.entry.data).split(' ')[2]);
    expect(named).toEqual(
      expect.arrayContaining([
        'cloud/src/lambda/http.ts',
        'cloud/src/lambda/worker.ts',
        'chatbot/src/lambda/notifier.ts',
      ]),
    );
    expect(named).toHaveLength(7);
  });
});

describe('when the CLI resolved the account and region (cdk deploy)', () => {
  // Why: the bootstrap bucket's ARN then holds the literal region, which the acknowledgement must match.
  it('still passes with every finding acknowledged', () => {
    const previous = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
    process.env.CDK_DEFAULT_ACCOUNT = '111122223333';
    process.env.CDK_DEFAULT_REGION = 'eu-west-1';
    try {
      const { app } = synthTestStack({ clusters: 'acme/prod' });
      expect(() => app.synth()).not.toThrow();
    } finally {
      for (const [key, value] of Object.entries({
        CDK_DEFAULT_ACCOUNT: previous.account,
        CDK_DEFAULT_REGION: previous.region,
      })) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
