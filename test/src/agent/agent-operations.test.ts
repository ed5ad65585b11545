import type { ClusterInfo } from '@opsworker/agent/operations/cluster-info.ts';
import type { ListResult } from '@opsworker/agent/operations/list.ts';
import type { CompactEvent } from '@opsworker/agent/operations/load-events.ts';
import type { NodeSummaryResult } from '@opsworker/agent/operations/node-summary.ts';
import type { OwnerLink } from '@opsworker/agent/operations/owner-chain.ts';
import type { RolloutHistory } from '@opsworker/agent/operations/rollout-history.ts';
import type { TopResult } from '@opsworker/agent/operations/top.ts';
import type { AgentOperation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentAgainstFake, resultOf, startAgentAgainstFake } from './fake-cluster-agent.ts';

const CRASH_POD = 'payment-worker-9jztgp8xfw-llpsv';
const OOM_POD = 'report-exporter-w48fhdm6q6-xg55p';
const NODE = 'ip-10-0-6-18.eu-west-1.compute.internal';

describe('the agent against the simulated cluster', () => {
  let agent: AgentAgainstFake;

  beforeAll(async () => {
    agent = await startAgentAgainstFake({
      scenarios: [
        'crash-loop-missing-env',
        'oom-killed',
        'job-backoff-limit',
        'node-memory-pressure',
        'bad-rollout',
      ],
    });
  });
  afterAll(() => agent?.close());

  describe('when every kind of operation runs', () => {
    it('gets one object without managedFields', async () => {
      const pod = resultOf<{ kind: string; metadata: Record<string, unknown> }>(
        await agent.run({ op: 'get', kind: 'pods', namespace: 'payments', name: CRASH_POD }),
      );
      expect(pod.kind).toBe('Pod');
      expect(pod.metadata).not.toHaveProperty('managedFields');
    });

    it('lists with label and field selectors and a limit', async () => {
      const byLabel = resultOf<ListResult>(
        await agent.run({
          op: 'list',
          kind: 'pods',
          namespace: 'payments',
          labelSelector: 'app=payment-worker',
        }),
      );
      expect(byLabel.items.map((p) => p.metadata?.name).sort()).toEqual([
        CRASH_POD,
        'payment-worker-9jztgp8xfw-phlgb',
      ]);
      const byField = resultOf<ListResult>(
        await agent.run({ op: 'list', kind: 'pods', fieldSelector: `spec.nodeName=${NODE}` }),
      );
      expect(byField.items.length).toBeGreaterThan(0);
      for (const pod of byField.items) expect((pod.spec as { nodeName: string }).nodeName).toBe(NODE);
      const limited = resultOf<ListResult>(await agent.run({ op: 'list', kind: 'pods', limit: 2 }));
      expect(limited.items).toHaveLength(2);
      expect(limited.continue).toBeTruthy();
    });

    it("reads a long list in pages with the API server's continue token", async () => {
      const all = resultOf<ListResult>(await agent.run({ op: 'list', kind: 'pods', limit: 5000 }));
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = resultOf<ListResult>(
          await agent.run({ op: 'list', kind: 'pods', limit: 3, ...(cursor ? { continue: cursor } : {}) }),
        );
        paged.push(...page.items.map((p) => p.metadata?.name ?? ''));
        cursor = page.continue;
      } while (cursor);
      expect(paged).toEqual(all.items.map((p) => p.metadata?.name));
    });

    it('reads the events of one object, newest last', async () => {
      const events = resultOf<CompactEvent[]>(
        await agent.run({
          op: 'events',
          namespace: 'payments',
          involvedObject: { kind: 'pods', name: CRASH_POD },
        }),
      );
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.object).toBe(`Pod/${CRASH_POD}`);
      const times = events.map((e) => Date.parse(e.lastSeen ?? ''));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(events.at(-1)?.reason).toBe('BackOff');
    });

    it("reads the previous container's log", async () => {
      const log = resultOf<string>(
        await agent.run({ op: 'logs', namespace: 'payments', pod: CRASH_POD, previous: true }),
      );
      expect(log).toContain('Missing required environment variable: STRIPE_API_BASE');
    });

    it('follows owners from a pod to its deployment and from a job pod to its cronjob', async () => {
      const chain = resultOf<OwnerLink[]>(
        await agent.run({ op: 'ownerChain', kind: 'pods', namespace: 'payments', name: CRASH_POD }),
      );
      expect(chain.map((l) => `${l.kind}/${l.name}`)).toEqual([
        `Pod/${CRASH_POD}`,
        'ReplicaSet/payment-worker-9jztgp8xfw',
        'Deployment/payment-worker',
      ]);
      const job = resultOf<ListResult>(
        await agent.run({ op: 'list', kind: 'pods', namespace: 'etl', limit: 1 }),
      );
      const jobPod = job.items[0]?.metadata?.name ?? '';
      const jobChain = resultOf<OwnerLink[]>(
        await agent.run({ op: 'ownerChain', kind: 'pods', namespace: 'etl', name: jobPod }),
      );
      expect(jobChain.map((l) => l.kind)).toEqual(['Pod', 'Job', 'CronJob']);
    });

    it('reads a deployment rollout history with both revisions of a bad rollout', async () => {
      const history = resultOf<RolloutHistory>(
        await agent.run({
          op: 'rolloutHistory',
          kind: 'deployments',
          namespace: 'checkout',
          name: 'checkout',
        }),
      );
      expect(history.revisions.length).toBeGreaterThanOrEqual(2);
      expect(history.revisions.filter((r) => r.current)).toHaveLength(1);
      expect(new Set(history.revisions.flatMap((r) => r.images)).size).toBeGreaterThanOrEqual(2);
    });

    it('describes a crash-looping pod like kubectl', async () => {
      const text = resultOf<string>(
        await agent.run({ op: 'describe', kind: 'pods', namespace: 'payments', name: CRASH_POD }),
      );
      expect(text).toMatch(/^Name:\s+payment-worker-9jztgp8xfw-llpsv$/m);
      expect(text).toMatch(/^\s+Reason:\s+CrashLoopBackOff$/m);
      expect(text).toMatch(/^\s+Last State:\s+Terminated$/m);
      expect(text).toMatch(/^\s+Exit Code:\s+1$/m);
      expect(text).toContain('Events:');
      expect(text).toMatch(/Warning\s+BackOff/);
    });

    it.each<[string, AgentOperation, RegExp]>([
      [
        'a deployment',
        { op: 'describe', kind: 'deployments', namespace: 'payments', name: 'payment-worker' },
        /^NewReplicaSet:\s+payment-worker-9jztgp8xfw/m,
      ],
      ['a node', { op: 'describe', kind: 'nodes', name: NODE }, /^Allocated resources:$/m],
      [
        'a job',
        { op: 'describe', kind: 'jobs', namespace: 'etl', name: 'nightly-import-29412840' },
        /^Pods Statuses:\s+\d+ Active/m,
      ],
      [
        'a service',
        { op: 'describe', kind: 'services', namespace: 'analytics', name: 'report-exporter' },
        /^Endpoints:/m,
      ],
    ])('describes %s', async (_what, operation, pattern) => {
      expect(resultOf<string>(await agent.run(operation))).toMatch(pattern);
    });

    it('summarizes a node under memory pressure with live usage', async () => {
      const summary = resultOf<NodeSummaryResult>(await agent.run({ op: 'nodeSummary', name: NODE }));
      const node = summary.nodes[0];
      expect(node?.conditions.find((c) => c.type === 'MemoryPressure')?.status).toBe('True');
      expect(node?.pods.count).toBeGreaterThan(0);
      expect(summary.metrics).toBe('available');
      expect(node?.usage?.memoryPercent).toMatch(/^\d+%$/);
    });

    it('reports pod and node usage from metrics.k8s.io', async () => {
      const pods = resultOf<TopResult>(
        await agent.run({ op: 'top', kind: 'pods', namespace: 'analytics', name: OOM_POD }),
      );
      expect(pods.items).toEqual([expect.objectContaining({ name: OOM_POD, cpu: '912m', memory: '251Mi' })]);
      const nodes = resultOf<TopResult>(await agent.run({ op: 'top', kind: 'nodes' }));
      expect(nodes.items.map((n) => n.name)).toContain(NODE);
    });

    it('describes the cluster', async () => {
      const info = resultOf<ClusterInfo>(await agent.run({ op: 'clusterInfo' }));
      expect(info.version).toMatch(/^v1\.\d+/);
      expect(info.nodes.length).toBeGreaterThan(0);
      expect(info.namespaces.map((n) => n.name)).toEqual(
        expect.arrayContaining(['payments', 'analytics', 'kube-system']),
      );
    });

    it('maps a missing object to not_found', async () => {
      const response = await agent.run({
        op: 'get',
        kind: 'pods',
        namespace: 'payments',
        name: 'no-such-pod',
      });
      expect(response).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  describe('when the whole run is over', () => {
    it('only ever sent GET requests and the fake refused none', () => {
      expect(agent.cluster.requests.length).toBeGreaterThan(20);
      expect(new Set(agent.cluster.requests.map((r) => r.method))).toEqual(new Set(['GET']));
      expect(agent.cluster.refused).toEqual([]);
    });

    it('wrote one audit entry per operation', () => {
      expect(agent.audit.entries.length).toBeGreaterThan(15);
      for (const entry of agent.audit.entries) {
        expect(entry.requestedBy).toEqual({ orgId: 'acme', investigationId: 'inv-it', user: 'integration' });
      }
    });
  });
});
