import { describe, expect, it } from 'vitest';
import { bundle, event, minutesAgo, object, pod } from './fixtures/bundle-fixtures.ts';
import { nodeCondition } from './node-condition.ts';

function node(conditions: Array<{ type: string; status: string; reason?: string; message?: string }>) {
  return object(
    'Node',
    'ip-10-0-6-18',
    { status: { conditions: conditions.map((c) => ({ ...c, lastTransitionTime: minutesAgo(26) })) } },
    null,
  );
}
const ready = { type: 'Ready', status: 'True' };

describe('nodeCondition', () => {
  describe('when the node stopped reporting', () => {
    const [finding] = nodeCondition.analyze(
      bundle({
        objects: [
          node([
            {
              type: 'Ready',
              status: 'Unknown',
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
            },
          ]),
          pod('queue-0', {
            owner: { kind: 'StatefulSet', name: 'queue' },
            node: 'ip-10-0-6-18',
            ready: false,
          }),
        ],
      }),
    );

    it('reports the node as NotReady with the kubelet message and the workloads on it', () => {
      expect(finding).toMatchObject({
        category: 'node_not_ready',
        resource: 'node/ip-10-0-6-18',
        affects: ['statefulset/queue'],
      });
      expect(finding?.statement).toContain(
        'NotReady (Ready is Unknown) since 26m ago: Kubelet stopped posting node status;',
      );
      expect(finding?.nextSteps.map((s) => s.command)).toContain('kubectl describe node/ip-10-0-6-18');
    });
  });

  describe('when the node is under memory pressure and evicted pods', () => {
    const eviction =
      'The node was low on resource: memory. Container etl was using 5843164Ki, request is 512Mi, has larger consumption of memory.';
    const [finding] = nodeCondition.analyze(
      bundle({
        objects: [
          node([ready, { type: 'MemoryPressure', status: 'True', reason: 'KubeletHasInsufficientMemory' }]),
          pod('etl-abc12-x1', {
            owner: { kind: 'ReplicaSet', name: 'etl-abc12' },
            labels: { 'pod-template-hash': 'abc12' },
            node: 'ip-10-0-6-18',
            phase: 'Failed',
            reason: 'Evicted',
          }),
        ],
        events: [event({ kind: 'Pod', name: 'etl-abc12-x1' }, 'Evicted', eviction)],
      }),
    );

    it('blames the node and names the evicted workload and its real memory use', () => {
      expect(finding).toMatchObject({ category: 'node_pressure_eviction', affects: ['deployment/etl'] });
      expect(finding?.statement).toContain('MemoryPressure');
      expect(finding?.statement).toContain(
        'Evicted 1 pod of deployment/etl; container etl was using 5.6Gi with a request of 512Mi',
      );
    });
  });

  describe('when the node is healthy', () => {
    it('finds nothing, even if it was NotReady a while ago', () => {
      const events = [
        event({ kind: 'Node', name: 'ip-10-0-6-18' }, 'NodeNotReady', 'status is now: NodeNotReady', {
          type: 'Normal',
          minutesAgo: 20,
        }),
      ];
      expect(
        nodeCondition.analyze(
          bundle({ objects: [node([ready, { type: 'MemoryPressure', status: 'False' }])], events }),
        ),
      ).toEqual([]);
    });
  });
});
