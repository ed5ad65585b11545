import type { KubeObject } from '../types.ts';
import { uidOf } from './identity.ts';

/** A ConfigMap with string data. */
export function configMap(
  namespace: string,
  name: string,
  created: string,
  data: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, uid: uidOf('v1', 'ConfigMap', namespace, name), creationTimestamp: created },
    data,
  };
}

/** A ResourceQuota with its hard limits and current usage. */
export function resourceQuota(
  namespace: string,
  name: string,
  created: string,
  hard: Record<string, string>,
  used: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name,
      namespace,
      uid: uidOf('v1', 'ResourceQuota', namespace, name),
      creationTimestamp: created,
    },
    spec: { hard },
    status: { hard, used },
  };
}

/** A LimitRange giving containers default requests and limits. */
export function limitRange(
  namespace: string,
  name: string,
  created: string,
  defaults: { cpu: string; memory: string },
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: {
      name,
      namespace,
      uid: uidOf('v1', 'LimitRange', namespace, name),
      creationTimestamp: created,
    },
    spec: { limits: [{ type: 'Container', default: defaults, defaultRequest: defaults }] },
  };
}

export interface HpaInput {
  namespace: string;
  name: string;
  created: string;
  target: string;
  min: number;
  max: number;
  current: number;
  desired: number;
  targetCpu: number;
  currentCpu: number;
  conditions: object[];
  lastScaleTime?: string;
}

/** An autoscaling/v2 HorizontalPodAutoscaler on CPU utilization. */
export function hpa(input: HpaInput): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uidOf('autoscaling/v2', 'HorizontalPodAutoscaler', input.namespace, input.name),
      creationTimestamp: input.created,
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: input.target },
      minReplicas: input.min,
      maxReplicas: input.max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: input.targetCpu } },
        },
      ],
    },
    status: {
      ...(input.lastScaleTime ? { lastScaleTime: input.lastScaleTime } : {}),
      currentReplicas: input.current,
      desiredReplicas: input.desired,
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: { averageValue: `${input.currentCpu * 5}m`, averageUtilization: input.currentCpu },
          },
        },
      ],
      conditions: input.conditions,
    },
  };
}

/** An HPA condition as the controller writes it. */
export function hpaCondition(
  type: string,
  status: boolean,
  reason: string,
  message: string,
  at: string,
): object {
  return { type, status: status ? 'True' : 'False', lastTransitionTime: at, reason, message };
}

/** A PodDisruptionBudget with `minAvailable`. */
export function pdb(
  namespace: string,
  name: string,
  created: string,
  selector: Record<string, string>,
  minAvailable: number,
  healthy: number,
): KubeObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name,
      namespace,
      uid: uidOf('policy/v1', 'PodDisruptionBudget', namespace, name),
      generation: 1,
      creationTimestamp: created,
    },
    spec: { minAvailable, selector: { matchLabels: selector } },
    status: {
      observedGeneration: 1,
      disruptionsAllowed: Math.max(0, healthy - minAvailable),
      currentHealthy: healthy,
      desiredHealthy: minAvailable,
      expectedPods: healthy,
      conditions: [
        {
          type: 'DisruptionAllowed',
          status: healthy > minAvailable ? 'True' : 'False',
          observedGeneration: 1,
          lastTransitionTime: created,
          reason: healthy > minAvailable ? 'SufficientPods' : 'InsufficientPods',
          message: '',
        },
      ],
    },
  };
}

/** A NetworkPolicy with the given pod selector, types and rules. */
export function networkPolicy(namespace: string, name: string, created: string, spec: object): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name,
      namespace,
      uid: uidOf('networking.k8s.io/v1', 'NetworkPolicy', namespace, name),
      generation: 1,
      creationTimestamp: created,
    },
    spec,
  };
}
