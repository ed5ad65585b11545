import { describe, expect, it } from 'vitest';
import { agentQueueName, siblingQueueUrl } from './agent-queues.ts';
import { heartbeatQueueName, orgOfHeartbeatQueue } from './heartbeat-source.ts';

describe('agent queues', () => {
  it.each([
    ['acme', 'prod-eu-west-1', 'opsworker-agent-acme-prod-eu-west-1-requests'],
    ['acme', 'gke_proj_europe.west1', 'opsworker-agent-acme-gke_proj_europe-west1-requests'],
  ])('org %s, cluster %s → %s', (orgId, cluster, name) => {
    expect(agentQueueName('opsworker-agent', orgId, cluster, 'requests')).toBe(name);
  });

  it('refuses a name SQS would reject rather than truncating it into another cluster’s', () => {
    expect(() => agentQueueName('opsworker-agent', 'acme', 'c'.repeat(60), 'responses')).toThrow(/too long/);
  });

  it('puts sibling queues in the same account and region', () => {
    expect(siblingQueueUrl('https://sqs.eu-west-1.amazonaws.com/123456789012/jobs', 'x-requests')).toBe(
      'https://sqs.eu-west-1.amazonaws.com/123456789012/x-requests',
    );
  });
});

describe('orgOfHeartbeatQueue', () => {
  const arn = (name: string) => `arn:aws:sqs:eu-west-1:123456789012:${name}`;

  it.each([
    [arn(heartbeatQueueName('opsworker-agent', 'acme')), 'acme'],
    [arn(heartbeatQueueName('opsworker-agent', 'acme-eu-2')), 'acme-eu-2'],
    [arn('opsworker-agent-heartbeats'), undefined],
    [arn('opsworker-agent-acme-prod-requests'), undefined],
    [arn('other-acme-heartbeats'), undefined],
    [arn('opsworker-agent-ACME-heartbeats'), undefined],
  ])('%s → %s', (source, orgId) => {
    expect(orgOfHeartbeatQueue(source, 'opsworker-agent')).toBe(orgId);
  });
});
