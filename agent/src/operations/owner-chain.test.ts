import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import type { KubeObject } from '../kube/kube-types.ts';
import { runOwnerChain } from './owner-chain.ts';

describe('runOwnerChain', () => {
  describe('when a pod belongs to a deployment', () => {
    it('walks pod → replicaset → deployment', async () => {
      const { result } = await runOwnerChain(
        { op: 'ownerChain', kind: 'pods', namespace: 'shop', name: 'web-7d9f8c6b5-x2x4k' },
        shopContext(),
      );
      expect(result).toEqual([
        {
          kind: 'Pod',
          resource: 'pods',
          namespace: 'shop',
          name: 'web-7d9f8c6b5-x2x4k',
          uid: 'pod-web-x2x4k-uid',
        },
        {
          kind: 'ReplicaSet',
          resource: 'replicasets',
          namespace: 'shop',
          name: 'web-7d9f8c6b5',
          uid: 'rs-web-2-uid',
        },
        {
          kind: 'Deployment',
          resource: 'deployments',
          namespace: 'shop',
          name: 'web',
          uid: 'deploy-web-uid',
        },
      ]);
    });
  });

  describe('when a pod belongs to a cronjob', () => {
    it('walks pod → job → cronjob', async () => {
      const { result } = await runOwnerChain(
        { op: 'ownerChain', kind: 'pods', namespace: 'shop', name: 'backup-29012345-abcde' },
        shopContext(),
      );
      expect((result as Array<{ kind: string }>).map((link) => link.kind)).toEqual(['Pod', 'Job', 'CronJob']);
    });
  });

  describe('when an owner is gone or unknown', () => {
    it.each([
      ['deleted', 'ReplicaSet', 'replicasets'],
      ['of a kind the agent does not read', 'Rollout', undefined],
    ])('ends the chain at an unresolved link when the owner is %s', async (_case, kind, resource) => {
      const orphan: KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'orphan',
          namespace: 'shop',
          uid: 'o',
          ownerReferences: [{ kind, name: 'gone', uid: 'g', controller: true }],
        },
      };
      const { result } = await runOwnerChain(
        { op: 'ownerChain', kind: 'pods', namespace: 'shop', name: 'orphan' },
        shopContext({ objects: [orphan] }),
      );
      expect((result as unknown[]).at(-1)).toEqual({
        kind,
        resource,
        namespace: 'shop',
        name: 'gone',
        uid: 'g',
        unresolved: true,
      });
    });
  });
});
