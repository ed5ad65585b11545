import type { KubeObject } from '../types.ts';
import { isReady } from './container-state.ts';
import { controllerRef, nameSuffix, templateHash, uidOf } from './identity.ts';
import { type PodInput, pod } from './pod.ts';
import { type PodTemplate, podTemplateObject } from './pod-template.ts';

/** One pod of a workload: where it runs and what its containers are doing. */
export type PodRun = Omit<
  PodInput,
  'namespace' | 'name' | 'template' | 'owner' | 'extraLabels' | 'generateName'
>;

export interface Revision {
  revision: number;
  template: PodTemplate;
  /** When this revision's ReplicaSet was created. */
  created: string;
  pods: PodRun[];
}

export interface DeploymentInput {
  namespace: string;
  name: string;
  replicas: number;
  created: string;
  /** Oldest first; the last one is the current revision. */
  revisions: Revision[];
  labels?: Record<string, string>;
  /** The rollout gave up: Progressing=False with ProgressDeadlineExceeded. */
  progressDeadlineExceeded?: boolean;
  /** A ReplicaFailure condition on the newest ReplicaSet (e.g. FailedCreate from a quota). */
  replicaFailure?: string;
}

export interface WorkloadBundle {
  workload: KubeObject;
  replicaSets: KubeObject[];
  pods: KubeObject[];
  objects: KubeObject[];
}

/**
 * A Deployment with one ReplicaSet per revision (annotated with its revision and carrying the
 * pod-template-hash) and their pods; statuses and conditions are computed from the pods, as
 * the deployment controller would report them.
 */
export function deployment(input: DeploymentInput): WorkloadBundle {
  const current = input.revisions.at(-1);
  if (!current) throw new Error(`deployment ${input.name} needs at least one revision`);
  const selector = { matchLabels: current.template.labels };
  const deploy: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uidOf('apps/v1', 'Deployment', input.namespace, input.name),
      generation: current.revision,
      creationTimestamp: input.created,
      labels: input.labels ?? current.template.labels,
      annotations: { 'deployment.kubernetes.io/revision': String(current.revision) },
    },
    spec: {
      replicas: input.replicas,
      selector,
      template: podTemplateObject(current.template),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  };
  const replicaSets: KubeObject[] = [];
  const pods: KubeObject[] = [];
  for (const revision of input.revisions) {
    const hash = templateHash(`${input.namespace}/${input.name}/${revision.revision}`);
    const rsName = `${input.name}-${hash}`;
    const isCurrent = revision === current;
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: input.namespace,
        uid: uidOf('apps/v1', 'ReplicaSet', input.namespace, rsName),
        generation: isCurrent ? 1 : 2,
        creationTimestamp: revision.created,
        labels: { ...revision.template.labels, 'pod-template-hash': hash },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(input.replicas),
          'deployment.kubernetes.io/max-replicas': String(input.replicas + Math.ceil(input.replicas / 4)),
          'deployment.kubernetes.io/revision': String(revision.revision),
        },
        ownerReferences: [controllerRef(deploy)],
      },
      spec: {
        replicas: revision.pods.filter(isActive).length,
        selector: { matchLabels: { ...revision.template.labels, 'pod-template-hash': hash } },
        template: podTemplateObject(revision.template, { 'pod-template-hash': hash }),
      },
    };
    const rsPods = revision.pods.map((run, i) =>
      pod({
        ...run,
        namespace: input.namespace,
        name: `${rsName}-${nameSuffix(`${rsName}/${i}`)}`,
        generateName: `${rsName}-`,
        template: revision.template,
        extraLabels: { 'pod-template-hash': hash },
        owner: rs,
      }),
    );
    const ready = revision.pods.filter((p) => isActive(p) && p.node && p.states.every(isReady)).length;
    const active = revision.pods.filter(isActive).length;
    rs.status = {
      replicas: active,
      fullyLabeledReplicas: active,
      ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
      observedGeneration: isCurrent ? 1 : 2,
      ...(isCurrent && input.replicaFailure
        ? {
            conditions: [
              {
                type: 'ReplicaFailure',
                status: 'True',
                lastTransitionTime: revision.created,
                reason: 'FailedCreate',
                message: input.replicaFailure,
              },
            ],
          }
        : {}),
    };
    if (isCurrent && input.replicaFailure) (rs.spec as { replicas: number }).replicas = input.replicas;
    replicaSets.push(rs);
    pods.push(...rsPods);
  }
  deploy.status = deploymentStatus(input, replicaSets);
  return { workload: deploy, replicaSets, pods, objects: [deploy, ...replicaSets, ...pods] };
}

/** Evicted, finished or terminating pods stay listed but no longer count as replicas. */
function isActive(run: PodRun): boolean {
  return run.phase !== 'Failed' && run.phase !== 'Succeeded' && !run.deletionTimestamp;
}

function deploymentStatus(input: DeploymentInput, replicaSets: KubeObject[]): object {
  const counts = replicaSets.map((rs) => rs.status as { replicas: number; readyReplicas?: number });
  const newest = replicaSets.at(-1);
  const newestName = newest?.metadata.name ?? '';
  const total = counts.reduce((n, c) => n + c.replicas, 0);
  const ready = counts.reduce((n, c) => n + (c.readyReplicas ?? 0), 0);
  const updated = counts.at(-1)?.replicas ?? 0;
  const updatedReady = counts.at(-1)?.readyReplicas ?? 0;
  const minAvailable = input.replicas - Math.floor(input.replicas / 4);
  const created = input.revisions.at(-1)?.created ?? input.created;
  const complete = updatedReady === input.replicas && total === input.replicas;
  const progressing = input.progressDeadlineExceeded
    ? {
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${newestName}" has timed out progressing.`,
      }
    : complete
      ? {
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${newestName}" has successfully progressed.`,
        }
      : {
          status: 'True',
          reason: 'ReplicaSetUpdated',
          message: `ReplicaSet "${newestName}" is progressing.`,
        };
  return {
    observedGeneration: input.revisions.at(-1)?.revision ?? 1,
    replicas: total,
    updatedReplicas: updated,
    ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
    ...(total - ready > 0 || input.replicas - ready > 0
      ? { unavailableReplicas: Math.max(total, input.replicas) - ready }
      : {}),
    conditions: [
      ready >= minAvailable
        ? {
            type: 'Available',
            status: 'True',
            lastUpdateTime: input.created,
            lastTransitionTime: input.created,
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            lastUpdateTime: created,
            lastTransitionTime: created,
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      { type: 'Progressing', lastUpdateTime: created, lastTransitionTime: created, ...progressing },
      ...(input.replicaFailure
        ? [
            {
              type: 'ReplicaFailure',
              status: 'True',
              lastUpdateTime: created,
              lastTransitionTime: created,
              reason: 'FailedCreate',
              message: input.replicaFailure,
            },
          ]
        : []),
    ],
  };
}
