import { onNode } from '../builders/base-nodes.ts';
import { healthyNodeConditions, node } from '../builders/cluster-objects.ts';
import { running, terminated } from '../builders/container-state.ts';
import { event } from '../builders/events.ts';
import { condition, type NodeRef } from '../builders/pod.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { statefulSet } from '../builders/stateful-workloads.ts';
import { deployment } from '../builders/workloads.ts';
import type { KubeObject } from '../types.ts';
import { kubeNodeNotReady, kubeNodePressure } from './alerts.ts';

const NODE_CONTROLLER = 'node-controller';

export function nodeNotReadyScenario(): ScenarioFiles {
  const ns = 'queue';
  const bad: NodeRef = { name: 'ip-10-0-5-31.eu-west-1.compute.internal', ip: '10.0.5.31' };
  const unknown = (type: string) => ({
    type,
    status: 'Unknown',
    lastHeartbeatTime: '-19m',
    lastTransitionTime: '-18m',
    reason: 'NodeStatusUnknown',
    message: 'Kubelet stopped posting node status.',
  });
  const nodeObject = node({
    ...bad,
    zone: 'eu-west-1b',
    instanceId: 'i-0e5f6a7b8c9d00531',
    created: '-20d',
    conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map(unknown),
    taints: [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '-18m' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '-18m' },
    ],
  });
  const evicting = {
    deletionTimestamp: '-13m',
    extraConditions: [
      {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '-13m',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      },
    ],
  };
  const rabbit = statefulSet({
    namespace: ns,
    name: 'rabbitmq',
    serviceName: 'rabbitmq-headless',
    created: '-20d',
    template: {
      labels: { app: 'rabbitmq' },
      containers: [
        {
          name: 'rabbitmq',
          image: 'rabbitmq:3.13.7-management',
          ports: [
            { containerPort: 5672, name: 'amqp' },
            { containerPort: 15672, name: 'management' },
          ],
          resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
        },
      ],
    },
    pods: [
      { node: onNode(0), created: '-20d', states: [running('-20d')] },
      { node: bad, created: '-20d', states: [running('-20d', { ready: false })], ...evicting },
      { node: onNode(2), created: '-20d', states: [running('-20d')] },
    ],
  });
  const consumers = deployment({
    namespace: ns,
    name: 'queue-consumer',
    replicas: 2,
    created: '-20d',
    revisions: [
      {
        revision: 2,
        created: '-6d',
        template: {
          labels: { app: 'queue-consumer' },
          containers: [
            {
              name: 'consumer',
              image: 'ghcr.io/acme/queue-consumer:4.0.2',
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            },
          ],
        },
        pods: [
          { node: bad, created: '-6d', states: [running('-6d', { ready: false })], ...evicting },
          { node: onNode(1), created: '-6d', states: [running('-6d')] },
          { node: onNode(0), created: '-13m', states: [running('-12m')] },
        ],
      },
    ],
  });
  const stranded = [...rabbit.pods, ...consumers.pods].filter(
    (p) => (p.spec as { nodeName: string }).nodeName === bad.name,
  );
  return new ScenarioBuilder({
    name: 'node-not-ready',
    description:
      'Node ip-10-0-5-31 stopped posting status 18 minutes ago (NotReady, unreachable taints); its pods are stuck Terminating, including rabbitmq-1.',
    namespace: ns,
    kind: 'failure',
    alert: kubeNodeNotReady(bad.name),
    expected: {
      category: 'node_not_ready',
      resource: `node/${bad.name}`,
      facts: ['NotReady', 'Kubelet stopped posting node status'],
    },
  })
    .add(nodeObject, rabbit, consumers)
    .add(
      service({
        namespace: ns,
        name: 'rabbitmq-headless',
        created: '-20d',
        headless: true,
        selector: { app: 'rabbitmq' },
        ports: [{ name: 'amqp', port: 5672 }],
      }),
    )
    .add(
      event(nodeObject, {
        reason: 'NodeNotReady',
        message: `Node ${bad.name} status is now: NodeNotReady`,
        first: '-18m',
        component: NODE_CONTROLLER,
      }),
    )
    .add(
      stranded.flatMap((p) => [
        event(p, {
          type: 'Warning',
          reason: 'NodeNotReady',
          message: 'Node is not ready',
          first: '-18m',
          component: NODE_CONTROLLER,
        }),
        event(p, {
          reason: 'TaintManagerEviction',
          message: `Marking for deletion Pod ${ns}/${p.metadata.name}`,
          first: '-13m',
          component: 'taint-eviction-controller',
        }),
      ]),
    )
    .build();
}

export function memoryPressureScenario(): ScenarioFiles {
  const ns = 'batch-etl';
  const hot: NodeRef = { name: 'ip-10-0-6-18.eu-west-1.compute.internal', ip: '10.0.6.18' };
  const conditions = healthyNodeConditions('-9d').map((c) =>
    (c as { type: string }).type === 'MemoryPressure'
      ? {
          type: 'MemoryPressure',
          status: 'True',
          lastHeartbeatTime: '-22s',
          lastTransitionTime: '-26m',
          reason: 'KubeletHasInsufficientMemory',
          message: 'kubelet has insufficient memory available',
        }
      : c,
  );
  const nodeObject = node({
    ...hot,
    zone: 'eu-west-1c',
    instanceId: 'i-0f6a7b8c9d0e10618',
    created: '-9d',
    conditions,
    taints: [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule', timeAdded: '-26m' }],
  });
  const message = (available: string, used: string) =>
    `The node was low on resource: memory. Threshold quantity: 100Mi, available: ${available}. Container etl-worker was using ${used}, request is 512Mi, has larger consumption of memory. `;
  const evicted = (at: string, available: string, used: string) => ({
    node: hot,
    created: '-3h',
    phase: 'Failed',
    reason: 'Evicted',
    message: message(available, used),
    extraConditions: [
      condition('DisruptionTarget', true, at, 'TerminationByKubelet', message(available, used)),
    ],
    states: [terminated({ reason: 'Error', exitCode: 137, startedAt: '-3h', finishedAt: at })],
  });
  const workers = deployment({
    namespace: ns,
    name: 'etl-worker',
    replicas: 3,
    created: '-9d',
    revisions: [
      {
        revision: 5,
        created: '-3h',
        template: {
          labels: { app: 'etl-worker' },
          containers: [
            {
              name: 'etl-worker',
              image: 'ghcr.io/acme/etl-worker:2.6.0',
              resources: { requests: { cpu: '500m', memory: '512Mi' } },
              env: [{ name: 'BATCH_ROWS', value: '2000000' }],
            },
          ],
        },
        pods: [
          evicted('-25m', '87204Ki', '5843164Ki'),
          evicted('-17m', '91340Ki', '5911232Ki'),
          { node: hot, created: '-3h', states: [running('-3h')] },
          { node: onNode(0), created: '-25m', states: [running('-24m')] },
          { node: onNode(1), created: '-17m', states: [running('-16m')] },
        ],
      },
    ],
  });
  const victims = workers.pods.filter((p) => (p.status as { reason?: string }).reason === 'Evicted');
  const survivor = workers.pods[2]!;
  const kubelet = { component: 'kubelet', host: hot.name };
  return new ScenarioBuilder({
    name: 'node-memory-pressure',
    description:
      'etl-worker pods use ~5.6Gi each against a 512Mi request and no limit; node ip-10-0-6-18 hit MemoryPressure and the kubelet evicted two of them.',
    namespace: ns,
    kind: 'failure',
    alert: kubeNodePressure(hot.name, 'MemoryPressure'),
    expected: {
      category: 'node_pressure_eviction',
      resource: `node/${hot.name}`,
      facts: ['MemoryPressure', 'Evicted', 'etl-worker'],
    },
    basedOn: 'HolmesGPT test_investigate/08_memory_pressure',
  })
    .add(nodeObject, workers)
    .add(
      event(nodeObject, {
        ...kubelet,
        reason: 'NodeHasInsufficientMemory',
        message: `Node ${hot.name} status is now: NodeHasInsufficientMemory`,
        first: '-26m',
        count: 2,
      }),
    )
    .add(
      event(nodeObject, {
        ...kubelet,
        type: 'Warning',
        reason: 'EvictionThresholdMet',
        message: 'Attempting to reclaim memory',
        first: '-26m',
        last: '-17m',
        count: 2,
      }),
    )
    .add(
      victims.flatMap((p) => {
        const status = p.status as {
          message: string;
          containerStatuses: { state: { terminated: { finishedAt: string } } }[];
        };
        const at = status.containerStatuses[0]!.state.terminated.finishedAt;
        return [
          event(p, { ...kubelet, type: 'Warning', reason: 'Evicted', message: status.message, first: at }),
          event(p, {
            ...kubelet,
            reason: 'Killing',
            message: 'Stopping container etl-worker',
            first: at,
            fieldPath: 'spec.containers{etl-worker}',
          }),
        ];
      }),
    )
    .metrics({
      pods: [survivor, ...workers.pods.slice(3)].map((p: KubeObject, i) => ({
        namespace: ns,
        name: p.metadata.name,
        containers: [{ name: 'etl-worker', cpu: '480m', memory: i === 0 ? '5604Mi' : '2210Mi' }],
      })),
      nodes: [{ name: hot.name, cpu: '1210m', memory: '14802Mi' }],
    })
    .build();
}
