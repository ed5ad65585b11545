import { createMemoryAuditSink, type MemoryAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { kubeClusterIdentity } from '@opsworker/agent/heartbeat-cluster-identity.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import type { KubeConnection } from '@opsworker/agent/kube/kube-connection.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { createSqsAgentTransport } from '@opsworker/agent/transport/sqs-agent-transport.ts';
import { silentLog } from '@opsworker/agent/transport/sqs-log.ts';
import { AGENT_PROTOCOL_VERSION, type AgentHeartbeat, type AgentOperation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import { type RunningAgent, startAgent } from './agent-harness.ts';
import { readRbacRules } from './chart-files.ts';
import { type SqsFixture, startSqsFixture } from './sqs-fixture.ts';

const POD = 'report-exporter-w48fhdm6q6-xg55p';

/**
 * The whole path an investigation takes: the cloud's transport → SQS (fauxqs) → the agent loop →
 * the real executor → the Kubernetes API (the simulated cluster, over TLS) and back.
 */
describe('the SQS agent, end to end', () => {
  let fixture: SqsFixture;
  let cluster: FakeCluster;
  let connection: KubeConnection;
  let agent: RunningAgent;
  let audit: MemoryAuditSink;
  let transport: ReturnType<typeof createSqsAgentTransport>;
  const heartbeats: AgentHeartbeat[] = [];
  let nextId = 0;

  beforeAll(async () => {
    [fixture, cluster] = await Promise.all([
      startSqsFixture(),
      startFakeCluster({ scenarios: ['oom-killed'] }),
    ]);
    connection = await connectWithKubeConfig({ kubeconfigPath: cluster.kubeconfigPath });
    const reader = createApiKubeReader(connection);
    audit = createMemoryAuditSink();
    agent = await startAgent(fixture, {
      executor: createAgentExecutor({ reader, audit }),
      cluster: kubeClusterIdentity(reader, 'prod-eu-west-1'),
      agentVersion: '0.1.0',
    });
    transport = createSqsAgentTransport({
      sqs: fixture.sqs,
      requestQueueUrl: agent.requestQueueUrl,
      responseQueueUrl: agent.responseQueueUrl,
      waitTimeSeconds: 1,
      timeoutMs: 15_000,
      onHeartbeat: (heartbeat) => heartbeats.push(heartbeat),
      log: silentLog,
    });
  });

  afterAll(async () => {
    await transport?.close();
    await agent?.stop();
    connection?.close();
    await Promise.all([cluster?.close(), fixture?.close()]);
  });

  const ask = (operation: AgentOperation) =>
    transport.call({
      version: AGENT_PROTOCOL_VERSION,
      id: `e2e-${++nextId}`,
      operation,
      requestedBy: { user: 'e2e' },
    });

  describe('when an investigation asks about a crash-looping pod', () => {
    it.each<{ what: string; operation: AgentOperation; shows: string }>([
      { what: 'cluster info', operation: { op: 'clusterInfo' }, shows: 'analytics' },
      {
        what: 'the pod',
        operation: { op: 'get', kind: 'pods', namespace: 'analytics', name: POD },
        shows: 'OOMKilled',
      },
      { what: 'the pods', operation: { op: 'list', kind: 'pods', namespace: 'analytics' }, shows: POD },
      {
        what: 'its previous logs',
        operation: { op: 'logs', namespace: 'analytics', pod: POD, previous: true },
        shows: 'ReportExporterApplication',
      },
      {
        what: 'its events',
        operation: { op: 'events', namespace: 'analytics', involvedObject: { kind: 'pods', name: POD } },
        shows: 'BackOff',
      },
      {
        what: 'its owners',
        operation: { op: 'ownerChain', kind: 'pods', namespace: 'analytics', name: POD },
        shows: 'Deployment',
      },
      {
        what: 'the rollout history',
        operation: {
          op: 'rolloutHistory',
          kind: 'deployments',
          namespace: 'analytics',
          name: 'report-exporter',
        },
        shows: 'report-exporter-w48fhdm6q6',
      },
      {
        what: 'a description',
        operation: { op: 'describe', kind: 'pods', namespace: 'analytics', name: POD },
        shows: '256Mi',
      },
      { what: 'the nodes', operation: { op: 'nodeSummary' }, shows: 'Ready' },
    ])('answers with $what', async ({ operation, shows }) => {
      const answer = await ask(operation);
      expect(answer).toMatchObject({ ok: true });
      expect(answer.ok && JSON.stringify(answer.result)).toContain(shows);
    });

    it('answers a pod that does not exist with not_found, not a timeout', async () => {
      const answer = await ask({ op: 'get', kind: 'pods', namespace: 'analytics', name: 'gone' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  describe('when the agent has been at work', () => {
    it('made only requests the Helm chart grants, and the cluster refused none', async () => {
      await ask({ op: 'top', kind: 'pods', namespace: 'analytics' });
      const rules = readRbacRules();
      const grants = [...rules.namespaced, ...rules.clusterScoped].flatMap((rule) =>
        rule.apiGroups.flatMap((group) =>
          rule.resources.flatMap((resource) => rule.verbs.map((verb) => `${group}/${resource}:${verb}`)),
        ),
      );
      const made = cluster.requests
        .filter((request) => request.resource !== undefined)
        .map((request) => {
          const group = /^\/apis\/([^/]+)\//.exec(request.path)?.[1] ?? '';
          return `${group}/${request.resource}:${request.verb}`;
        });
      expect(made.length).toBeGreaterThan(10);
      expect([...new Set(made)].filter((request) => !grants.includes(request))).toEqual([]);
      expect(cluster.refused).toEqual([]);
      // Every answer is on record, with who asked.
      expect(audit.entries.length).toBeGreaterThanOrEqual(nextId);
      expect(audit.entries.every((entry) => entry.requestedBy.user === 'e2e')).toBe(true);
    });

    it('has told the cloud which cluster it serves', async () => {
      await expect.poll(() => heartbeats.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
      const info = await ask({ op: 'clusterInfo' });
      const nodes = info.ok ? (info.result as { nodes: unknown[]; version: string }) : undefined;
      expect(heartbeats[0]).toMatchObject({
        cluster: 'prod-eu-west-1',
        agentVersion: '0.1.0',
        kubernetesVersion: nodes?.version,
        nodeCount: nodes?.nodes.length,
      });
    });
  });
});
