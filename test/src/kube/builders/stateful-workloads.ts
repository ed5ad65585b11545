import type { KubeObject } from '../types.ts';
import { isReady } from './container-state.ts';
import { nameSuffix, templateHash, uidOf } from './identity.ts';
import { type NodeRef, pod } from './pod.ts';
import { type PodTemplate, podTemplateObject } from './pod-template.ts';
import type { PodRun, WorkloadBundle } from './workloads.ts';

export interface StatefulSetInput {
  namespace: string;
  name: string;
  serviceName: string;
  created: string;
  template: PodTemplate;
  pods: PodRun[];
  replicas?: number;
  volumeClaimTemplates?: object[];
}

/** A StatefulSet with ordinal pods (`name-0`, `name-1`) labelled by controller revision. */
export function statefulSet(input: StatefulSetInput): WorkloadBundle {
  const revision = `${input.name}-${templateHash(`${input.namespace}/${input.name}/sts`).slice(0, 10)}`;
  const replicas = input.replicas ?? input.pods.length;
  const sts: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uidOf('apps/v1', 'StatefulSet', input.namespace, input.name),
      generation: 1,
      creationTimestamp: input.created,
      labels: input.template.labels,
    },
    spec: {
      replicas,
      selector: { matchLabels: input.template.labels },
      template: podTemplateObject(input.template),
      ...(input.volumeClaimTemplates ? { volumeClaimTemplates: input.volumeClaimTemplates } : {}),
      serviceName: input.serviceName,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    },
  };
  const claimNames = (input.volumeClaimTemplates ?? []).map(
    (t) => (t as { metadata: { name: string } }).metadata.name,
  );
  const pods = input.pods.map((run, i) =>
    pod({
      ...run,
      namespace: input.namespace,
      name: `${input.name}-${i}`,
      generateName: `${input.name}-`,
      // The controller gives each ordinal its own claim from the volumeClaimTemplates.
      template: {
        ...input.template,
        volumes: [
          ...claimNames.map((claim) => ({
            name: claim,
            persistentVolumeClaim: { claimName: `${claim}-${input.name}-${i}` },
          })),
          ...(input.template.volumes ?? []),
        ],
      },
      extraLabels: {
        'apps.kubernetes.io/pod-index': String(i),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': `${input.name}-${i}`,
      },
      owner: sts,
    }),
  );
  const ready = input.pods.filter((p) => p.node && p.states.every(isReady)).length;
  sts.status = {
    observedGeneration: 1,
    replicas: pods.length,
    ...(ready ? { readyReplicas: ready, availableReplicas: ready } : { availableReplicas: 0 }),
    currentReplicas: pods.length,
    updatedReplicas: pods.length,
    currentRevision: revision,
    updateRevision: revision,
    collisionCount: 0,
  };
  return { workload: sts, replicaSets: [], pods, objects: [sts, ...pods] };
}

export interface DaemonSetInput {
  namespace: string;
  name: string;
  created: string;
  template: PodTemplate;
  nodes: NodeRef[];
  startedAt: string;
}

/** A DaemonSet with one running pod per node. */
export function daemonSet(input: DaemonSetInput, states: PodRun['states']): WorkloadBundle {
  const revision = templateHash(`${input.namespace}/${input.name}/ds`).slice(0, 10);
  const ds: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uidOf('apps/v1', 'DaemonSet', input.namespace, input.name),
      generation: 1,
      creationTimestamp: input.created,
      labels: input.template.labels,
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    spec: {
      selector: { matchLabels: input.template.labels },
      template: podTemplateObject(input.template),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
  };
  const pods = input.nodes.map((node) =>
    pod({
      namespace: input.namespace,
      name: `${input.name}-${nameSuffix(`${input.name}/${node.name}`)}`,
      generateName: `${input.name}-`,
      template: input.template,
      extraLabels: { 'controller-revision-hash': revision, 'pod-template-generation': '1' },
      owner: ds,
      node,
      created: input.startedAt,
      states,
    }),
  );
  const n = pods.length;
  ds.status = {
    currentNumberScheduled: n,
    numberMisscheduled: 0,
    desiredNumberScheduled: n,
    numberReady: n,
    observedGeneration: 1,
    updatedNumberScheduled: n,
    numberAvailable: n,
  };
  return { workload: ds, replicaSets: [], pods, objects: [ds, ...pods] };
}
