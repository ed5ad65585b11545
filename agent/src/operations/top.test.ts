import { describe, expect, it } from 'vitest';
import { KubeNotFoundError, KubeUnavailableError } from '../errors.ts';
import { shopContext } from '../fixtures/operation-context.ts';
import { runTop, type TopResult } from './top.ts';

describe('runTop', () => {
  describe('when metrics answer', () => {
    it('reports pod usage', async () => {
      const { result } = await runTop(
        { op: 'top', kind: 'pods', namespace: 'shop', name: 'web-7d9f8c6b5-q8w7e' },
        shopContext(),
      );
      const items = (result as TopResult).items;
      expect(items).toEqual([
        {
          namespace: 'shop',
          name: 'web-7d9f8c6b5-q8w7e',
          cpu: '238m',
          memory: '301Mi',
          cpuCores: expect.closeTo(0.238),
          memoryBytes: 301 * 2 ** 20,
        },
      ]);
    });

    it('reports node usage as a share of allocatable', async () => {
      const { result } = await runTop({ op: 'top', kind: 'nodes' }, shopContext());
      expect((result as TopResult).items[0]).toMatchObject({
        name: 'node-1',
        cpu: '1960m',
        cpuPercent: '50%',
        memoryPercent: '50%',
      });
    });

    it('is not_found for a pod without metrics', async () => {
      await expect(
        runTop({ op: 'top', kind: 'pods', namespace: 'shop', name: 'nope' }, shopContext()),
      ).rejects.toBeInstanceOf(KubeNotFoundError);
    });
  });

  describe('when metrics.k8s.io is not served', () => {
    it('is unavailable, saying why', async () => {
      const attempt = runTop({ op: 'top', kind: 'nodes' }, shopContext({ metrics: undefined }));
      await expect(attempt).rejects.toBeInstanceOf(KubeUnavailableError);
      await expect(attempt).rejects.toMatchObject({ userMessage: expect.stringContaining('metrics-server') });
    });
  });
});
