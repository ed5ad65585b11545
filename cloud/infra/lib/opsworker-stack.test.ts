import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_ENTRIES } from './lambda-entries.ts';
import { synthTestStack } from './test-stack.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const OIDC = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC123';

describe('OpsworkerStack', () => {
  let template: Template;
  let resources: Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

  beforeAll(() => {
    const { stack } = synthTestStack({
      clusters: 'acme/prod,globex/eu-1',
      agentTrust: JSON.stringify({ 'acme/prod': { oidcProviderArn: OIDC } }),
      bedrockModelArns:
        'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0',
      digestTime: '07:30',
      digestTimeZone: 'Europe/Berlin',
    });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources as Resources;
  });

  describe('functions', () => {
    it('creates one function per Lambda entry, each Node 24 on arm64', () => {
      const ours = ofType('AWS::Lambda::Function').filter(([, f]) =>
        String(f.Properties.Description ?? '').startsWith('OpsWorker'),
      );
      expect(ours).toHaveLength(Object.keys(LAMBDA_ENTRIES).length);
      for (const [, fn] of ours) {
        expect(fn.Properties.Runtime).toBe('nodejs24.x');
        expect(fn.Properties.Architectures).toEqual(['arm64']);
      }
    });

    it('consumes investigation jobs and heartbeats reporting partial batch failures', () => {
      const mappings = ofType('AWS::Lambda::EventSourceMapping');
      // Investigations + one heartbeat queue per organization (acme, globex).
      expect(mappings).toHaveLength(3);
      for (const [, mapping] of mappings) {
        expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      }
    });

    it('lets only the API and the worker call the configured Bedrock model', () => {
      const bedrockPolicies = ofType('AWS::IAM::Policy').filter(([, policy]) =>
        JSON.stringify(policy.Properties).includes('bedrock:InvokeModel'),
      );
      expect(bedrockPolicies.map(([id]) => id).sort()).toEqual([
        expect.stringMatching(/^FunctionsHttp/),
        expect.stringMatching(/^FunctionsWorker/),
      ]);
      expect(JSON.stringify(bedrockPolicies)).toContain('foundation-model/anthropic.claude-3-5-haiku');
    });
  });

  describe('queues', () => {
    it('gives every work queue a dead-letter queue and keeps messages encrypted and on TLS', () => {
      const queues = ofType('AWS::SQS::Queue');
      const deadLetters = queues.filter(([id]) => /DeadLetter|AsyncFailures/.test(id));
      const work = queues.filter(([id]) => !/DeadLetter|AsyncFailures/.test(id));
      // Investigations, 2 heartbeat queues, 2 clusters × (requests, responses).
      expect(work).toHaveLength(7);
      for (const [, queue] of work) expect(queue.Properties.RedrivePolicy).toBeDefined();
      for (const [, queue] of queues) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      expect(ofType('AWS::SQS::QueuePolicy').length).toBe(deadLetters.length + work.length);
    });

    it('alarms on anything in a dead-letter queue and on investigation jobs waiting too long', () => {
      const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
      const deadLetterAlarms = alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
      expect(deadLetterAlarms).toHaveLength(8); // 7 DLQs + the async failures queue
      expect(
        alarms.filter((a) => a.MetricName === 'ApproximateAgeOfOldestMessage').map((a) => a.AlarmDescription),
      ).toEqual(expect.arrayContaining([expect.stringContaining('Investigation jobs')]));
    });
  });

  describe('agent clusters', () => {
    const agentRole = (cluster: string) => {
      const entry = ofType('AWS::IAM::Role').find(([, role]) =>
        String(role.Properties.Description).includes(cluster),
      );
      if (!entry) throw new Error(`no role for ${cluster}`);
      return entry;
    };
    const policyOf = (roleId: string) =>
      ofType('AWS::IAM::Policy').find(([, policy]) =>
        JSON.stringify(policy.Properties.Roles).includes(roleId),
      )?.[1];

    it.each([
      ['acme/prod', 'acme', 'globex'],
      ['globex/eu-1', 'globex', 'acme'],
    ])(
      'allows the agent of %s only its own queues and its organization heartbeats',
      (cluster, own, other) => {
        const [roleId] = agentRole(cluster);
        const policy = JSON.stringify(policyOf(roleId));
        const queueIds = (org: string) =>
          ofType('AWS::SQS::Queue')
            .filter(([id]) => id.toLowerCase().includes(org))
            .map(([id]) => id);
        const referenced = queueIds(own).filter((id) => policy.includes(`"${id}"`));
        expect(referenced.some((id) => /Requests/.test(id))).toBe(true);
        expect(referenced.some((id) => /Responses/.test(id))).toBe(true);
        expect(referenced.some((id) => /Heartbeats/.test(id))).toBe(true);
        for (const id of queueIds(other)) expect(policy).not.toContain(`"${id}"`);
        expect(policy).not.toMatch(/"Resource":"\*"/);
        expect(policy).not.toContain('dynamodb');
        expect(policy).not.toContain('s3:');
      },
    );

    it('trusts only the configured service account through IRSA', () => {
      const [, role] = agentRole('acme/prod');
      const trust = JSON.stringify(role.Properties.AssumeRolePolicyDocument);
      expect(trust).toContain('sts:AssumeRoleWithWebIdentity');
      expect(trust).toContain('oidc.eks.eu-west-1.amazonaws.com/id/ABC123:sub');
      expect(trust).toContain('system:serviceaccount:opsworker:opsworker-agent');
    });

    it('prints the helm install command with the real value names of the chart', () => {
      const outputs = template.toJSON().Outputs as Record<string, { Value: unknown; Description: string }>;
      const helm = Object.values(outputs).find(
        (o) => o.Description.startsWith('acme/prod') && o.Description.includes('run this'),
      );
      const text = JSON.stringify(helm?.Value);
      for (const value of [
        'clusterName=prod',
        'queues.requestUrl=',
        'queues.responseUrl=',
        'queues.heartbeatUrl=',
        'aws.region=',
        'serviceAccount.roleArn=',
      ]) {
        expect(text).toContain(value);
      }
      expect(text).toContain('-n opsworker --create-namespace');
    });
  });

  describe('data', () => {
    it('builds the table from the adapter definition: on demand, PITR, TTL, kept on delete', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
          DeletionProtectionEnabled: true,
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [
            Match.objectLike({ IndexName: 'gsi1' }),
            Match.objectLike({ IndexName: 'gsi2' }),
            Match.objectLike({ IndexName: 'gsi3' }),
          ],
        }),
      });
    });

    it('encrypts every bucket and blocks public access to all of them', () => {
      const buckets = ofType('AWS::S3::Bucket');
      expect(buckets.length).toBe(3); // access logs, evidence, portal
      for (const [, bucket] of buckets) {
        expect(bucket.Properties.BucketEncryption).toBeDefined();
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
      }
    });

    it('expires evidence after 90 days and aborts stale uploads', () => {
      const [, evidence] = ofType('AWS::S3::Bucket').find(([id]) => id.startsWith('Evidence')) ?? [];
      expect(JSON.stringify(evidence?.Properties.LifecycleConfiguration)).toContain('"ExpirationInDays":90');
      expect(JSON.stringify(evidence?.Properties.LifecycleConfiguration)).toContain(
        'AbortIncompleteMultipartUpload',
      );
    });
  });

  describe('edges', () => {
    it('routes webhooks, the API, health and Slack through the HTTP API', () => {
      const routes = ofType('AWS::ApiGatewayV2::Route')
        .map(([, route]) => route.Properties.RouteKey)
        .sort();
      expect(routes).toEqual([
        'ANY /api/{proxy+}',
        'ANY /healthz',
        'ANY /metrics',
        'ANY /webhooks/{proxy+}',
        'POST /slack/events',
      ]);
    });

    it('serves the portal through CloudFront only, HTTPS, with client-side routes answered by index.html', () => {
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultRootObject: 'index.html',
          DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
          CustomErrorResponses: [
            Match.objectLike({ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }),
            Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }),
          ],
        }),
      });
      template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    });

    it('sends the digest at the configured time in the configured time zone', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(30 7 * * ? *)',
        ScheduleExpressionTimezone: 'Europe/Berlin',
      });
    });

    it('subscribes the notifier to the encrypted events topic', () => {
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
      template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    });
  });
});
