import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBusyNamespace } from './busy-namespace.ts';
import { type FakeCluster, startFakeCluster } from './fake-cluster.ts';
import { kubeRequest } from './kube-request.ts';

let cluster: FakeCluster;
let core: CoreV1Api;

beforeAll(async () => {
  cluster = await startFakeCluster({ objects: generateBusyNamespace({ namespace: 'bench', pods: 500 }) });
  const config = new KubeConfig();
  config.loadFromString(cluster.kubeconfigYaml);
  core = config.makeApiClient(CoreV1Api);
});

afterAll(() => cluster.close());

describe('generateBusyNamespace', () => {
  describe('when asked for 500 pods', () => {
    it('builds deployments, replica sets, services and pod events around exactly 500 pods', () => {
      const objects = generateBusyNamespace({ namespace: 'bench', pods: 500 });
      const count = (kind: string) => objects.filter((o) => o.kind === kind).length;
      expect(count('Pod')).toBe(500);
      expect(count('Deployment')).toBe(100);
      expect(count('ReplicaSet')).toBe(100);
      expect(count('Service')).toBe(100);
      expect(count('Endpoints')).toBe(100);
      expect(count('Event')).toBeGreaterThan(2000);
      expect(new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`)).size).toBe(objects.length);
    });

    it('is deterministic', () => {
      expect(generateBusyNamespace({ namespace: 'a', pods: 12 })).toEqual(
        generateBusyNamespace({ namespace: 'a', pods: 12 }),
      );
    });

    it('gives an uneven remainder to the last deployment', () => {
      const pods = generateBusyNamespace({ namespace: 'a', pods: 12, replicasPerDeployment: 5 }).filter(
        (o) => o.kind === 'Pod',
      );
      expect(pods).toHaveLength(12);
    });
  });

  describe('when served by the fake cluster', () => {
    it('lists all 500 pods, every tenth with one restart', async () => {
      const { items } = await core.listNamespacedPod({ namespace: 'bench' });
      expect(items).toHaveLength(500);
      expect(items.filter((p) => p.status?.containerStatuses?.[0]?.restartCount === 1)).toHaveLength(50);
    });

    it('pages through them with limit and continue', async () => {
      const first = await core.listNamespacedPod({ namespace: 'bench', limit: 200 });
      expect(first.items).toHaveLength(200);
      expect(first.metadata?.remainingItemCount).toBe(300);
      const second = await core.listNamespacedPod({
        namespace: 'bench',
        limit: 200,
        _continue: first.metadata?._continue,
      });
      expect(second.items[0]?.metadata?.name).not.toBe(first.items[199]?.metadata?.name);
    });

    it('renders them as a Table for kubectl', async () => {
      const response = await kubeRequest(cluster, '/api/v1/namespaces/bench/pods?limit=500', {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
      });
      expect(JSON.parse(response.text).rows).toHaveLength(500);
    });
  });
});
