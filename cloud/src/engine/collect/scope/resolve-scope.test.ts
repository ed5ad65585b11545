import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { Scope } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { type MemoryAgent, shopAgent } from '../__fixtures__/memory-agent.ts';
import { Collection } from '../collection.ts';
import { EvidenceSession } from '../evidence-session.ts';
import { resolveScope } from './resolve-scope.ts';

async function resolve(scope: Scope, agent: MemoryAgent = shopAgent()) {
  const steps: string[] = [];
  const session = new EvidenceSession({
    transport: agent.transport,
    blobs: agent.blobs,
    orgId: 'acme',
    investigationId: 'inv_scope',
  });
  const c = new Collection(session, (step) => steps.push(step));
  const focus = await resolveScope(c, scope);
  await session.close();
  const names = (kind: string) => c.bundle.ofKind(kind).map((o) => o.metadata?.name);
  return { focus, names, steps, records: session.records, calls: agent.reader.calls };
}

const pod = (
  name: string,
  namespace: string,
  labels: Record<string, string>,
  owner?: KubeObject,
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace,
    labels,
    ...(owner
      ? {
          ownerReferences: [
            { kind: owner.kind ?? '', name: owner.metadata?.name ?? '', uid: 'u', controller: true },
          ],
        }
      : {}),
  },
  spec: { containers: [{ name: 'app' }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});

describe('resolveScope', () => {
  describe('when the alert names a pod of a Deployment', () => {
    it('settles on the Deployment and keeps the alerted pod, its siblings and the ReplicaSets', async () => {
      const { focus, names } = await resolve({
        namespace: 'shop',
        kind: 'pods',
        name: 'web-7d9f8c6b5-x2x4k',
      });
      expect(focus.target).toEqual({ kind: 'Deployment', namespace: 'shop', name: 'web' });
      expect(focus.alertedPod).toBe('web-7d9f8c6b5-x2x4k');
      expect(names('Pod').sort()).toEqual(['web-7d9f8c6b5-q8w7e', 'web-7d9f8c6b5-x2x4k']);
      expect(names('ReplicaSet').sort()).toEqual(['web-5c6d7e8f9', 'web-7d9f8c6b5']);
    });

    it('says which workload the pod belongs to, step by step', async () => {
      const { steps } = await resolve({ namespace: 'shop', kind: 'pods', name: 'web-7d9f8c6b5-x2x4k' });
      expect(steps).toContain('Reading the owner chain of pod web-7d9f8c6b5-x2x4k in shop');
      expect(steps).toContain('Pod web-7d9f8c6b5-x2x4k belongs to deployment/web');
    });
  });

  describe('when the alerted pod was replaced since the alert fired', () => {
    it('finds the Deployment from the pod name and says the pod is gone', async () => {
      const { focus, records } = await resolve({
        namespace: 'shop',
        kind: 'pods',
        name: 'web-7d9f8c6b5-zzzzz',
      });
      expect(focus.target).toMatchObject({ kind: 'Deployment', name: 'web' });
      expect(focus.missing).toEqual([
        expect.stringContaining('pod shop/web-7d9f8c6b5-zzzzz no longer exists'),
      ]);
      expect(records[0]).toMatchObject({ ok: false, operation: { op: 'ownerChain' } });
    });
  });

  describe('when the alert names a pod of a CronJob', () => {
    it('settles on the Job that failed and reads its CronJob too', async () => {
      const { focus, names } = await resolve({
        namespace: 'shop',
        kind: 'pods',
        name: 'backup-29012345-abcde',
      });
      expect(focus.target).toEqual({ kind: 'Job', namespace: 'shop', name: 'backup-29012345' });
      expect(names('CronJob')).toEqual(['backup']);
      expect(focus.pods.map((p) => p.metadata?.name)).toEqual(['backup-29012345-abcde']);
    });
  });

  it.each([
    [{ kind: 'deployments', name: 'web' }, { kind: 'Deployment', name: 'web' }, 2],
    [{ kind: 'replicasets', name: 'web-7d9f8c6b5' }, { kind: 'Deployment', name: 'web' }, 2],
    [{ kind: 'cronjobs', name: 'backup' }, { kind: 'CronJob', name: 'backup' }, 1],
    [{ kind: 'horizontalpodautoscalers', name: 'web' }, { kind: 'HorizontalPodAutoscaler', name: 'web' }, 2],
    [{ kind: 'services', name: 'web' }, { kind: 'Service', name: 'web' }, 2],
    [
      { kind: 'persistentvolumeclaims', name: 'data-db-0' },
      { kind: 'PersistentVolumeClaim', name: 'data-db-0' },
      0,
    ],
  ] as const)('resolves %o to %o with its %i pods', async (named, target, pods) => {
    const { focus } = await resolve({ namespace: 'shop', ...named });
    expect(focus.target).toMatchObject(target);
    expect(focus.pods).toHaveLength(pods);
  });

  describe('when the alert names a node', () => {
    it('reads the node, the pods scheduled on it and the workloads of those in trouble', async () => {
      const { focus, names, calls } = await resolve({ kind: 'nodes', name: 'node-1' });
      expect(focus.target).toEqual({ kind: 'Node', name: 'node-1' });
      expect(calls).toContain('list pods *');
      expect(focus.pods.map((p) => p.metadata?.name)).toContain('web-7d9f8c6b5-x2x4k');
      expect(names('Deployment')).toEqual(['web']);
    });
  });

  describe('when the alert names a service that selects no pods', () => {
    it("reads the namespace's pods and workloads to show which labels exist", async () => {
      const orphan = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'users', namespace: 'shop' },
        spec: { selector: { app: 'users' } },
      };
      const { focus, names, steps } = await resolve(
        { namespace: 'shop', kind: 'services', name: 'users' },
        shopAgent([orphan]),
      );
      expect(focus.pods).toEqual([]);
      expect(steps.at(-1)).toContain('selects no pods (app=users)');
      expect(names('Deployment')).toEqual(['web']);
    });
  });

  describe('when the alert gives a workload name without its kind (Container Insights)', () => {
    it('finds the workload of that name without failed reads for the kinds it is not', async () => {
      const db = pod('db-0', 'shop', { app: 'db' });
      const { focus, records } = await resolve({ namespace: 'shop', name: 'db' }, shopAgent([db]));
      expect(focus.target).toEqual({ kind: 'StatefulSet', namespace: 'shop', name: 'db' });
      expect(records.every((r) => r.ok)).toBe(true);
    });
  });

  describe('when the alert names an object without its namespace', () => {
    it('finds the one namespace that has it', async () => {
      const { focus } = await resolve({ kind: 'deployments', name: 'web' });
      expect(focus.target).toEqual({ kind: 'Deployment', namespace: 'shop', name: 'web' });
    });
  });

  describe('when the scope names nothing the cluster has', () => {
    it.each([
      [
        { namespace: 'shop', kind: 'deployments', name: 'ghost' },
        'deployment/ghost does not exist in namespace shop',
      ],
      [{ kind: 'nodes', name: 'node-9' }, 'node node-9 does not exist'],
      [
        { namespace: 'shop', name: 'ghost' },
        'no Deployment, StatefulSet, DaemonSet or pod named ghost exists in shop',
      ],
      [{ cluster: 'prod' }, 'the alert names no namespace or Kubernetes object'],
    ] as const)('gives no target for %o and says why', async (scope, why) => {
      const { focus } = await resolve(scope);
      expect(focus.target).toBeUndefined();
      expect(focus.missing.join(' ')).toContain(why);
    });
  });
});
