import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import { type ClusterInfo, runClusterInfo } from './cluster-info.ts';

describe('runClusterInfo', () => {
  describe('when the cluster answers', () => {
    it('returns the version, nodes with readiness and roles, and namespaces', async () => {
      const { result } = await runClusterInfo({ op: 'clusterInfo' }, shopContext());
      expect(result as ClusterInfo).toEqual({
        version: 'v1.31.2',
        platform: 'linux/amd64',
        nodes: [
          {
            name: 'node-1',
            status: 'Ready',
            ready: true,
            roles: ['worker'],
            version: 'v1.31.2',
            internalIP: '10.0.0.11',
          },
          {
            name: 'node-2',
            status: 'Unknown,SchedulingDisabled',
            ready: false,
            roles: [],
            version: 'v1.31.2',
            internalIP: '10.0.0.12',
          },
        ],
        namespaces: [{ name: 'shop', status: 'Active' }],
      });
    });
  });
});
