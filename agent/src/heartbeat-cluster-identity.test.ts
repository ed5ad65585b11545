import { describe, expect, it } from 'vitest';
import { kubeClusterIdentity } from './heartbeat-cluster-identity.ts';
import { createMemoryKubeReader } from './kube/memory-kube-reader.ts';

const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });

describe('kubeClusterIdentity', () => {
  describe('when the API server answers', () => {
    it('reports the configured name, the server version and every node', async () => {
      const reader = createMemoryKubeReader({
        objects: [
          node('a'),
          node('b'),
          node('c'),
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
        ],
        version: { major: '1', minor: '31', gitVersion: 'v1.31.4-eks-2d5f260' },
      });
      expect(await kubeClusterIdentity(reader, 'prod-eu')()).toEqual({
        cluster: 'prod-eu',
        kubernetesVersion: 'v1.31.4-eks-2d5f260',
        nodeCount: 3,
      });
    });
  });

  describe('when the API server is slow', () => {
    it('gives up rather than letting heartbeats wait forever', async () => {
      const reader = createMemoryKubeReader({ objects: [node('a')], delayMs: 60_000 });
      const started = Date.now();
      await expect(kubeClusterIdentity(reader, 'prod-eu', 100)()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
});
