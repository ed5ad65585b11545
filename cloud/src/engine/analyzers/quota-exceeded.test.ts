import { describe, expect, it } from 'vitest';
import { bundle, event, object, replicaSet } from './fixtures/bundle-fixtures.ts';
import { quotaExceeded } from './quota-exceeded.ts';

const quota = object('ResourceQuota', 'compute-quota', {
  status: { hard: { 'limits.memory': '8Gi', pods: '20' }, used: { 'limits.memory': '7680Mi', pods: '7' } },
});
const message =
  'Error creating: pods "flags-abc12-x" is forbidden: exceeded quota: compute-quota, requested: limits.memory=1Gi, used: limits.memory=7680Mi, limited: limits.memory=8Gi';

describe('quotaExceeded', () => {
  describe('when a controller cannot create pods because of a quota', () => {
    const [finding] = quotaExceeded.analyze(
      bundle({
        objects: [replicaSet('flags-abc12', 'flags'), quota],
        events: [event({ kind: 'ReplicaSet', name: 'flags-abc12' }, 'FailedCreate', message, { count: 23 })],
      }),
    );

    it('blames the quota, names the resource and shows what is used', () => {
      expect(finding).toMatchObject({
        category: 'quota_exceeded',
        resource: 'resourcequota/compute-quota',
        affects: ['deployment/flags'],
      });
      expect(finding?.statement).toContain(
        'requests limits.memory=1Gi while limits.memory=7680Mi is already used of limits.memory=8Gi',
      );
      expect(finding?.evidence.map((e) => e.excerpt)).toContain(
        'ResourceQuota compute-quota used/hard: limits.memory 7680Mi/8Gi, pods 7/20',
      );
    });
  });

  describe('when pod creation fails for another reason, or not at all', () => {
    it.each([
      [
        'another FailedCreate',
        [
          event(
            { kind: 'ReplicaSet', name: 'flags-abc12' },
            'FailedCreate',
            'Error creating: admission webhook denied the request',
          ),
        ],
      ],
      ['no events', []],
    ])('finds nothing for %s', (_case, events) => {
      expect(
        quotaExceeded.analyze(bundle({ objects: [replicaSet('flags-abc12', 'flags'), quota], events })),
      ).toEqual([]);
    });
  });
});
