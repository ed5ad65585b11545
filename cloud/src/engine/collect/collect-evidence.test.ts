import { AGENT_PROTOCOL_VERSION, type AgentTransport, type Scope } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { type MemoryAgent, shopAgent } from './__fixtures__/memory-agent.ts';
import { ClusterUnreachableError } from './collect-errors.ts';
import { type CollectEvidenceInput, collectEvidence } from './collect-evidence.ts';

const WEB_POD: Scope = { cluster: 'prod', namespace: 'shop', kind: 'pods', name: 'web-7d9f8c6b5-x2x4k' };

function collect(agent: MemoryAgent, overrides: Partial<CollectEvidenceInput> = {}) {
  const steps: string[] = [];
  const reported: string[][] = [];
  const result = collectEvidence({
    scope: WEB_POD,
    transport: agent.transport,
    blobs: agent.blobs,
    orgId: 'acme',
    investigationId: 'inv_1',
    reporter: { step: (m) => steps.push(m), evidence: (records) => reported.push(records.map((r) => r.id)) },
    ...overrides,
  });
  return { result, steps, reported };
}

/** The database the web pods cannot reach: a Service whose cluster IP the web log shows, and its StatefulSet's pod. */
const database = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db', namespace: 'shop' },
    spec: { clusterIP: '10.96.3.44', selector: { app: 'db' } },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'db-0',
      namespace: 'shop',
      labels: { app: 'db' },
      ownerReferences: [{ kind: 'StatefulSet', name: 'db', uid: 'sts-db-uid', controller: true }],
    },
    spec: {
      containers: [{ name: 'postgres' }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }],
    },
    status: { phase: 'Pending' },
  },
];

describe('collectEvidence', () => {
  describe('when the alert names a crash-looping pod', () => {
    it('bundles the target, its events and both logs of the restarting container', async () => {
      const { bundle } = await collect(shopAgent()).result;
      expect(bundle.target).toEqual({ kind: 'Deployment', namespace: 'shop', name: 'web' });
      expect(bundle.events.map((e) => e.object.reason)).toEqual(['Scheduled', 'Pulled', 'BackOff']);
      const logs = bundle.logs.filter((log) => log.pod === 'web-7d9f8c6b5-x2x4k');
      expect(logs.map((log) => log.previous)).toEqual([true]);
      expect(logs[0]?.text).toContain('FATAL cannot start without a database');
    });

    it('never returns the secrets planted in logs and env values', async () => {
      const { bundle } = await collect(shopAgent()).result;
      const text = JSON.stringify(bundle);
      for (const secret of ['hunter2-db', 'sk_live_51HqLyjWDarjtT1zdp7dc2Rz9Kc', 'tok-live-8a7b6c5d4e3f'])
        expect(text).not.toContain(secret);
    });

    it('keeps every raw result in the blob store under the investigation, by evidence id', async () => {
      const agent = shopAgent();
      const { bundle } = await collect(agent).result;
      const ok = bundle.evidence.filter((record) => record.ok);
      expect(agent.blobs.keys().sort()).toEqual(
        bundle.evidence.map((record) => `acme/evidence/inv_1/${record.id}.json`).sort(),
      );
      expect(agent.blobs.json(`acme/evidence/inv_1/${ok[0]?.id}.json`)).toMatchObject({
        id: ok[0]?.id,
        result: expect.anything(),
      });
    });

    it('reports the evidence as it goes, each record once', async () => {
      const { result, reported } = collect(shopAgent());
      const { bundle } = await result;
      expect(reported.flat().sort()).toEqual(bundle.evidence.map((r) => r.id).sort());
      expect(reported.length).toBeGreaterThan(1);
    });
  });

  describe('when the failing pods point at a Service', () => {
    it('follows the trail to the workload behind it, with its pods, events and claims', async () => {
      const { result, steps } = collect(shopAgent(database));
      const { bundle, dependencies } = await result;
      expect(dependencies).toEqual(['shop/db']);
      expect(steps).toContain('The failing pods point at service/db: reading what serves it');
      const kinds = bundle.objects.map((o) => `${o.object.kind}/${o.object.metadata?.name}`);
      expect(kinds).toEqual(
        expect.arrayContaining(['StatefulSet/db', 'Pod/db-0', 'PersistentVolumeClaim/data-db-0']),
      );
      expect(bundle.events.map((e) => e.object.reason)).toContain('ProvisioningFailed');
    });

    it('does not follow a Service the failing pods themselves back', async () => {
      const { dependencies } = await collect(shopAgent()).result;
      expect(dependencies).toEqual([]);
    });
  });

  describe('when the budget is small', () => {
    it('stops at the operation budget, records what it did not read and still bundles the rest', async () => {
      const { bundle, stats } = await collect(shopAgent(), { budget: { maxOperations: 5 } }).result;
      expect(stats.operations).toBe(5);
      const skipped = bundle.evidence.filter((r) => r.error?.startsWith('not run'));
      expect(skipped.length).toBe(stats.skipped);
      expect(skipped[0]?.error).toBe('not run: the budget of 5 operations was used up');
      expect(bundle.target).toMatchObject({ name: 'web' });
    });

    it('stops at the deadline: slow reads time out, later ones are not sent', async () => {
      const agent = shopAgent([], { delayMs: 30 });
      const started = performance.now();
      const { bundle, stats } = await collect(agent, { budget: { deadlineMs: 200 } }).result;
      expect(performance.now() - started).toBeLessThan(1500);
      expect(stats.skipped).toBeGreaterThan(0);
      expect(bundle.evidence.some((r) => r.error?.includes('deadline'))).toBe(true);
    });

    it('keeps no more than `concurrency` operations in flight', async () => {
      const agent = shopAgent([], { delayMs: 5 });
      let inFlight = 0;
      let peak = 0;
      const counting: AgentTransport = {
        async call(request, options) {
          peak = Math.max(peak, ++inFlight);
          try {
            return await agent.transport.call(request, options);
          } finally {
            inFlight--;
          }
        },
      };
      await collect(agent, { transport: counting, budget: { concurrency: 3 } }).result;
      expect(peak).toBe(3);
    });
  });

  describe('when the cluster does not answer', () => {
    it('fails with what the user should do, not with a bundle of failures', async () => {
      const down: AgentTransport = {
        call: async (request) => ({
          version: AGENT_PROTOCOL_VERSION,
          requestId: request.id,
          ok: false,
          error: { code: 'unavailable', message: 'the Kubernetes API server could not be reached' },
          durationMs: 1,
        }),
      };
      const failing = collect(shopAgent(), { transport: down, unreachableHint: 'Set KUBECONFIG.' }).result;
      await expect(failing).rejects.toBeInstanceOf(ClusterUnreachableError);
      await expect(failing).rejects.toMatchObject({
        userMessage:
          "OpsWorker could not reach the cluster's Kubernetes API server (the Kubernetes API server could not be reached). Set KUBECONFIG.",
      });
    });
  });
});
