import { onNode } from '../builders/base-nodes.ts';
import { node } from '../builders/cluster-objects.ts';
import { running } from '../builders/container-state.ts';
import {
  failedSchedulingEvent,
  healthyStartEvents,
  replicaSetCreateEvents,
  scaledEvent,
} from '../builders/event-patterns.ts';
import type { PodTemplate } from '../builders/pod-template.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { deployment, type PodRun } from '../builders/workloads.ts';
import type { ScenarioManifest } from '../scenario-manifest.ts';
import { kubeDeploymentReplicasMismatch, kubePodNotReady } from './alerts.ts';

const NO_VICTIMS = (n: number) =>
  `preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.`;
const NOT_HELPFUL = (n: number) =>
  `preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;

/** A deployment whose pending pods the scheduler keeps rejecting with `message`. */
function pendingScenario(
  manifest: Omit<ScenarioManifest, 'alert'>,
  name: string,
  template: PodTemplate,
  runs: PodRun[],
  message: string,
  alertOn: 'pod' | 'deployment',
) {
  const ns = manifest.namespace;
  const bundle = deployment({
    namespace: ns,
    name,
    replicas: runs.length,
    created: '-3d',
    revisions: [{ revision: 1, created: '-51m', template, pods: runs }],
  });
  const rs = bundle.replicaSets[0]!;
  const pending = bundle.pods.filter((p) => !(p.spec as { nodeName?: string }).nodeName);
  const started = bundle.pods.filter((p) => (p.spec as { nodeName?: string }).nodeName);
  const alert =
    alertOn === 'pod'
      ? kubePodNotReady(ns, pending[0]!.metadata.name)
      : kubeDeploymentReplicasMismatch(ns, name);
  return new ScenarioBuilder({ ...manifest, alert })
    .add(
      bundle,
      scaledEvent(bundle.workload, rs, 0, runs.length, '-51m'),
      replicaSetCreateEvents(rs, bundle.pods, '-51m'),
    )
    .add(started.flatMap((p) => healthyStartEvents(p, '-51m')))
    .add(pending.map((p) => failedSchedulingEvent(p, message, { since: '-51m', count: 12 })));
}

const pendingRun = (message: string): PodRun => ({ created: '-51m', states: [], unschedulable: message });

export function insufficientMemoryScenario(): ScenarioFiles {
  const message = `0/3 nodes are available: 3 Insufficient memory. ${NO_VICTIMS(3)}`;
  const template: PodTemplate = {
    labels: { app: 'search-indexer' },
    containers: [
      {
        name: 'indexer',
        image: 'ghcr.io/acme/search-indexer:2.2.0',
        resources: { requests: { cpu: '2', memory: '24Gi' }, limits: { memory: '24Gi' } },
        env: [{ name: 'JAVA_OPTS', value: '-Xmx20g' }],
      },
    ],
  };
  return pendingScenario(
    {
      name: 'unschedulable-memory',
      description:
        'search-indexer requests 24Gi of memory per pod; no node has that much allocatable (about 14.6Gi), so both pods stay Pending.',
      namespace: 'search',
      kind: 'failure',
      expected: {
        category: 'unschedulable_resources',
        resource: 'deployment/search-indexer',
        facts: ['Insufficient memory', '24Gi'],
      },
      basedOn: 'HolmesGPT test_ask_holmes/14_pending_resources',
    },
    'search-indexer',
    template,
    [pendingRun(message), pendingRun(message)],
    message,
    'pod',
  ).build();
}

export function insufficientCpuScenario(): ScenarioFiles {
  const message = `0/3 nodes are available: 3 Insufficient cpu. ${NO_VICTIMS(3)}`;
  const template: PodTemplate = {
    labels: { app: 'pdf-renderer' },
    containers: [
      {
        name: 'renderer',
        image: 'ghcr.io/acme/pdf-renderer:0.9.4',
        resources: { requests: { cpu: '6', memory: '2Gi' }, limits: { cpu: '6', memory: '2Gi' } },
      },
    ],
  };
  return pendingScenario(
    {
      name: 'unschedulable-cpu',
      description:
        'pdf-renderer asks for 6 CPUs per pod but the m6i.xlarge nodes only have 3920m allocatable: Pending with Insufficient cpu.',
      namespace: 'reporting',
      kind: 'failure',
      expected: {
        category: 'unschedulable_resources',
        resource: 'deployment/pdf-renderer',
        facts: ['Insufficient cpu'],
      },
    },
    'pdf-renderer',
    template,
    [pendingRun(message)],
    message,
    'deployment',
  ).build();
}

export function untoleratedTaintScenario(): ScenarioFiles {
  const message = `0/4 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}, 3 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL(4)}`;
  const gpuNode = node({
    name: 'ip-10-0-4-12.eu-west-1.compute.internal',
    ip: '10.0.4.12',
    zone: 'eu-west-1a',
    instanceId: 'i-0d4e5f6a7b8c90412',
    created: '-2d',
    nodegroup: 'gpu',
    instanceType: 'g5.xlarge',
    labels: { 'nvidia.com/gpu.present': 'true' },
    taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
    capacity: { cpu: '4', memory: '16181228Ki', pods: '58' },
    allocatable: { cpu: '3920m', memory: '15491052Ki', pods: '58' },
  });
  const template: PodTemplate = {
    labels: { app: 'ml-inference' },
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu' },
    containers: [
      {
        name: 'triton',
        image: 'nvcr.io/nvidia/tritonserver:24.10-py3',
        ports: [{ containerPort: 8000, name: 'http' }],
        resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi' } },
      },
    ],
  };
  return pendingScenario(
    {
      name: 'unschedulable-taints',
      description:
        'ml-inference is pinned to the gpu node group, whose node carries the taint nvidia.com/gpu=present:NoSchedule that the pod does not tolerate.',
      namespace: 'ml',
      kind: 'failure',
      expected: {
        category: 'unschedulable_taints',
        resource: 'deployment/ml-inference',
        facts: ['untolerated taint', 'nvidia.com/gpu'],
      },
    },
    'ml-inference',
    template,
    [pendingRun(message)],
    message,
    'deployment',
  )
    .add(gpuNode)
    .build();
}

export function antiAffinityScenario(): ScenarioFiles {
  const message = `0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. ${NO_VICTIMS(3)}`;
  const template: PodTemplate = {
    labels: { app: 'ledger' },
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: { app: 'ledger' } }, topologyKey: 'kubernetes.io/hostname' },
        ],
      },
    },
    containers: [
      {
        name: 'ledger',
        image: 'ghcr.io/acme/ledger:12.0.3',
        ports: [{ containerPort: 8080, name: 'http' }],
        resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '512Mi' } },
      },
    ],
  };
  const runs: PodRun[] = [
    ...[0, 1, 2].map((i) => ({ node: onNode(i), created: '-51m', states: [running('-50m')] })),
    pendingRun(message),
    pendingRun(message),
  ];
  return pendingScenario(
    {
      name: 'unschedulable-affinity',
      description:
        'ledger was scaled to 5 replicas but requires one pod per node (required pod anti-affinity on kubernetes.io/hostname) and the cluster has 3 nodes.',
      namespace: 'ledger',
      kind: 'failure',
      expected: {
        category: 'unschedulable_affinity',
        resource: 'deployment/ledger',
        facts: ['anti-affinity', 'kubernetes.io/hostname'],
      },
      basedOn: 'HolmesGPT test_ask_holmes/82_pod_anti_affinity_conflict',
    },
    'ledger',
    template,
    runs,
    message,
    'deployment',
  ).build();
}
