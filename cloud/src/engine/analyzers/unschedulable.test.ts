import { describe, expect, it } from 'vitest';
import { bundle, event, object, pod } from './fixtures/bundle-fixtures.ts';
import { unschedulable } from './unschedulable.ts';

const owner = { kind: 'ReplicaSet', name: 'ml-abc12' };
const labels = { app: 'ml', 'pod-template-hash': 'abc12' };
const node = object('Node', 'node-a', { status: { allocatable: { cpu: '3920m', memory: '15000Mi' } } }, null);

function pending(message: string, spec: Record<string, unknown> = {}) {
  return bundle({
    objects: [
      node,
      pod('ml-abc12-x1', {
        owner,
        labels,
        phase: 'Pending',
        spec,
        containers: [{ name: 'ml', spec: { resources: { requests: { cpu: '2', memory: '24Gi' } } } }],
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }],
      }),
    ],
    events: [event({ kind: 'Pod', name: 'ml-abc12-x1' }, 'FailedScheduling', message)],
  });
}

describe('unschedulable', () => {
  describe('when the scheduler cannot place a pod', () => {
    it.each([
      [
        'unschedulable_resources',
        '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available.',
        '24Gi memory',
      ],
      [
        'unschedulable_taints',
        "0/4 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}, 3 node(s) didn't match Pod's node affinity/selector. preemption: x",
        'nvidia.com/gpu',
      ],
      [
        'unschedulable_affinity',
        "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: x",
        'anti-affinity',
      ],
      [
        'unschedulable_resources',
        '0/5 nodes are available: 3 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: x',
        'Insufficient cpu',
      ],
    ])('reports %s (%s)', (category, message, says) => {
      const [finding] = unschedulable.analyze(pending(message));
      expect(finding).toMatchObject({ category, resource: 'deployment/ml', confidence: 'high' });
      expect(finding?.statement).toContain(says);
    });

    it('compares the request with the largest node', () => {
      const [finding] = unschedulable.analyze(pending('0/3 nodes are available: 3 Insufficient memory.'));
      expect(finding?.statement).toContain('the largest node has 3920m CPU and 14.6Gi memory allocatable');
    });

    it('proposes a toleration for the taint that blocks it', () => {
      const [finding] = unschedulable.analyze(
        pending('0/1 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}.'),
      );
      expect(
        finding?.nextSteps.some((s) => s.command?.includes('"key":"nvidia.com/gpu","operator":"Exists"')),
      ).toBe(true);
    });

    it('points at the claim when a volume blocks it', () => {
      const [finding] = unschedulable.analyze(
        pending('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: x', {
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-0' } }],
        }),
      );
      expect(finding).toMatchObject({ category: 'unbound_pvc', causedBy: 'persistentvolumeclaim/data-0' });
    });
  });

  describe('when pods are scheduled', () => {
    it('finds nothing', () => {
      expect(unschedulable.analyze(bundle({ objects: [pod('ml-1')] }))).toEqual([]);
    });
  });
});
