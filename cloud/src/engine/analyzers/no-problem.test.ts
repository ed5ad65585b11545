import { describe, expect, it } from 'vitest';
import { bundle, crashLooping, deployment, minutesAgo, object, pod } from './fixtures/bundle-fixtures.ts';
import { noProblem } from './no-problem.ts';

const owner = { kind: 'ReplicaSet', name: 'api-abc12' };
const labels = { app: 'api', 'pod-template-hash': 'abc12' };
const target = { kind: 'Deployment', namespace: 'shop', name: 'api' };

describe('noProblem', () => {
  describe('when the target is healthy now', () => {
    it.each([
      [
        'a deployment with all replicas ready',
        [deployment('api', { replicas: 1 }), pod('api-abc12-x1', { owner, labels })],
        target,
        'deployment/api has 1 of 1 replicas ready',
      ],
      [
        'a deployment whose pod restarted hours ago',
        [
          deployment('api', { replicas: 1 }),
          pod('api-abc12-x1', {
            owner,
            labels,
            containers: [
              {
                name: 'app',
                restarts: 2,
                lastState: { terminated: { exitCode: 1, finishedAt: minutesAgo(130) } },
              },
            ],
          }),
        ],
        target,
        'last restart 2h10m ago',
      ],
      [
        'a node that is Ready again',
        [
          object(
            'Node',
            'node-b',
            {
              status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: minutesAgo(4) }] },
            },
            null,
          ),
        ],
        { kind: 'Node', name: 'node-b' },
        'node/node-b is Ready (since 4m ago)',
      ],
      [
        'a completed job',
        [
          object('Job', 'backfill', {
            status: {
              succeeded: 1,
              conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: minutesAgo(9) }],
            },
          }),
        ],
        { kind: 'Job', namespace: 'shop', name: 'backfill' },
        'job/backfill is Complete',
      ],
    ])('says no problem was found for %s, and what was checked', (_case, objects, subject, says) => {
      const [finding] = noProblem.analyze(bundle({ objects, target: subject }));
      expect(finding).toMatchObject({ category: 'no_problem_found', confidence: 'high' });
      expect(finding?.statement).toContain(says);
    });
  });

  describe('when the target is not healthy', () => {
    it.each([
      [
        'a crash-looping pod',
        [
          deployment('api', { replicas: 1, ready: 0 }),
          pod('api-abc12-x1', { owner, labels, containers: [crashLooping('app', 1)] }),
        ],
        target,
      ],
      [
        'a missing replica',
        [deployment('api', { replicas: 2, ready: 1 }), pod('api-abc12-x1', { owner, labels })],
        target,
      ],
      [
        'a NotReady node',
        [object('Node', 'node-b', { status: { conditions: [{ type: 'Ready', status: 'False' }] } }, null)],
        { kind: 'Node', name: 'node-b' },
      ],
      ['a target that was not collected', [], target],
    ])('claims nothing for %s', (_case, objects, subject) => {
      expect(noProblem.analyze(bundle({ objects, target: subject }))).toEqual([]);
    });
  });
});
