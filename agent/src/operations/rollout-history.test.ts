import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import type { RolloutHistory } from './rollout-history.ts';
import { runRolloutHistory } from './rollout-history.ts';

describe('runRolloutHistory', () => {
  describe('when the workload is a deployment', () => {
    it('lists its ReplicaSets as revisions, oldest first, marking the current one', async () => {
      const { result } = await runRolloutHistory(
        { op: 'rolloutHistory', kind: 'deployments', namespace: 'shop', name: 'web' },
        shopContext(),
      );
      expect((result as RolloutHistory).revisions).toEqual([
        {
          revision: 1,
          name: 'web-5c6d7e8f9',
          images: ['ghcr.io/acme/web:1.4.2'],
          created: '2025-11-20T10:00:00Z',
          replicas: 0,
          ready: 0,
          current: false,
        },
        {
          revision: 2,
          name: 'web-7d9f8c6b5',
          images: ['ghcr.io/acme/web:1.4.3'],
          changeCause: 'image bumped to 1.4.3',
          created: '2025-11-24T09:30:00Z',
          replicas: 2,
          ready: 1,
          current: true,
        },
      ]);
    });
  });

  describe('when the workload is a statefulset', () => {
    it('reads its ControllerRevisions, the update revision being current', async () => {
      const { result } = await runRolloutHistory(
        { op: 'rolloutHistory', kind: 'statefulsets', namespace: 'shop', name: 'db' },
        shopContext(),
      );
      const revisions = (result as RolloutHistory).revisions;
      expect(revisions.map((r) => [r.revision, r.images, r.current])).toEqual([
        [1, ['postgres:16.3'], false],
        [2, ['postgres:16.4'], true],
      ]);
      expect(revisions[1]?.changeCause).toBe('postgres minor upgrade');
    });
  });
});
