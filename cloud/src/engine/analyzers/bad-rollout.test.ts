import { describe, expect, it } from 'vitest';
import { badRollout } from './bad-rollout.ts';
import {
  bundle,
  type ContainerFixture,
  crashLooping,
  deployment,
  pod,
  replicaSet,
} from './fixtures/bundle-fixtures.ts';

const v1 = [
  { name: 'app', image: 'ghcr.io/acme/checkout:v3.1.4', env: [{ name: 'PAYMENT_TIMEOUT', value: '30s' }] },
];
const v2 = [
  { name: 'app', image: 'ghcr.io/acme/checkout:v3.2.0', env: [{ name: 'PAYMENT_TIMEOUT', value: '30' }] },
];
const oldPod = pod('checkout-old-a', { owner: { kind: 'ReplicaSet', name: 'checkout-old' } });
const newPod = (containers: ContainerFixture[]) =>
  pod('checkout-new-a', { owner: { kind: 'ReplicaSet', name: 'checkout-new' }, containers });

function rollout(newRevisionMinutesAgo: number, containers: ContainerFixture[]) {
  return bundle({
    objects: [
      deployment('checkout'),
      replicaSet('checkout-old', 'checkout', { revision: 6, containers: v1 }),
      replicaSet('checkout-new', 'checkout', {
        revision: 7,
        createdMinutesAgo: newRevisionMinutesAgo,
        containers: v2,
      }),
      oldPod,
      newPod(containers),
    ],
    logs: [
      {
        pod: 'checkout-new-a',
        container: 'app',
        previous: true,
        text: 'FATAL config: invalid value "30" for PAYMENT_TIMEOUT',
      },
    ],
  });
}

describe('badRollout', () => {
  describe('when the new revision crashes while the previous one serves', () => {
    const [finding] = badRollout.analyze(rollout(24, [crashLooping('app', 1)]));

    it("blames the rollout with what changed and the new pods' error", () => {
      expect(finding).toMatchObject({
        category: 'bad_rollout',
        resource: 'deployment/checkout',
        confidence: 'high',
      });
      expect(finding?.statement).toContain('image ghcr.io/acme/checkout v3.1.4 → v3.2.0');
      expect(finding?.statement).toContain('env PAYMENT_TIMEOUT changed');
      expect(finding?.statement).toContain('revision 6 still runs 1 ready pod');
    });

    it('offers the rollback first', () => {
      expect(finding?.nextSteps[0]?.command).toBe('kubectl -n shop rollout undo deployment/checkout');
    });

    it('never shows env values, which may be secrets', () => {
      expect(finding?.statement).not.toContain('30s');
    });
  });

  describe('when the rollout is not the story', () => {
    it.each([
      ['the new pods are healthy', rollout(24, [{ name: 'app' }])],
      [
        'the new pods never started (an image pull error)',
        rollout(24, [{ name: 'app', ready: false, state: { waiting: { reason: 'ImagePullBackOff' } } }]),
      ],
      ['the change is days old', rollout(4 * 1440, [crashLooping('app', 1)])],
    ])('finds nothing when %s', (_case, subject) => {
      expect(badRollout.analyze(subject)).toEqual([]);
    });
  });
});
