import type { KubeObject } from '../types.ts';
import { event } from './events.ts';

interface PodSpecShape {
  nodeName?: string;
  containers: { name: string; image: string }[];
  initContainers?: { name: string; image: string }[];
}

function specOf(pod: KubeObject): PodSpecShape {
  return pod.spec as PodSpecShape;
}

function containerOf(pod: KubeObject, name: string): { name: string; image: string; fieldPath: string } {
  const spec = specOf(pod);
  const init = spec.initContainers?.find((c) => c.name === name);
  const main = spec.containers.find((c) => c.name === name);
  const found = init ?? main;
  if (!found) throw new Error(`pod ${pod.metadata.name} has no container ${name}`);
  return { ...found, fieldPath: `spec.${init ? 'initContainers' : 'containers'}{${name}}` };
}

function scheduled(pod: KubeObject, at: string): KubeObject {
  return event(pod, {
    reason: 'Scheduled',
    message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${specOf(pod).nodeName ?? ''}`,
    first: at,
    component: 'default-scheduler',
  });
}

/**
 * The events of a container that keeps crashing: it was scheduled, pulled, created and started
 * `count` times, and the kubelet backs off restarting it.
 */
export function crashLoopEvents(
  pod: KubeObject,
  container: string,
  times: { since: string; lastStart: string; count: number; backOffs: number },
): KubeObject[] {
  const c = containerOf(pod, container);
  const kubelet = { component: 'kubelet', host: specOf(pod).nodeName, fieldPath: c.fieldPath };
  return [
    scheduled(pod, times.since),
    event(pod, {
      ...kubelet,
      reason: 'Pulled',
      message: `Container image "${c.image}" already present on machine`,
      first: times.since,
      last: times.lastStart,
      count: times.count,
    }),
    event(pod, {
      ...kubelet,
      reason: 'Created',
      message: `Created container ${c.name}`,
      first: times.since,
      last: times.lastStart,
      count: times.count,
    }),
    event(pod, {
      ...kubelet,
      reason: 'Started',
      message: `Started container ${c.name}`,
      first: times.since,
      last: times.lastStart,
      count: times.count,
    }),
    event(pod, {
      ...kubelet,
      type: 'Warning',
      reason: 'BackOff',
      message: `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
      first: times.since,
      last: '-20s',
      count: times.backOffs,
    }),
  ];
}

/** The events of a container whose image cannot be pulled. */
export function imagePullEvents(
  pod: KubeObject,
  container: string,
  error: string,
  times: { since: string; count: number },
): KubeObject[] {
  const c = containerOf(pod, container);
  const kubelet = {
    component: 'kubelet',
    host: specOf(pod).nodeName,
    fieldPath: c.fieldPath,
    first: times.since,
  };
  return [
    scheduled(pod, times.since),
    event(pod, {
      ...kubelet,
      reason: 'Pulling',
      message: `Pulling image "${c.image}"`,
      last: '-2m10s',
      count: times.count,
    }),
    event(pod, {
      ...kubelet,
      type: 'Warning',
      reason: 'Failed',
      message: `Failed to pull image "${c.image}": ${error}`,
      last: '-2m9s',
      count: times.count,
    }),
    event(pod, {
      ...kubelet,
      type: 'Warning',
      reason: 'Failed',
      message: 'Error: ErrImagePull',
      last: '-2m9s',
      count: times.count,
    }),
    event(pod, {
      ...kubelet,
      reason: 'BackOff',
      message: `Back-off pulling image "${c.image}"`,
      last: '-25s',
      count: times.count * 4 + 3,
    }),
    event(pod, {
      ...kubelet,
      type: 'Warning',
      reason: 'Failed',
      message: 'Error: ImagePullBackOff',
      last: '-25s',
      count: times.count * 4 + 3,
    }),
  ];
}

/** The scheduler's FailedScheduling warning for a pod it cannot place. */
export function failedSchedulingEvent(
  pod: KubeObject,
  message: string,
  times: { since: string; count: number },
): KubeObject {
  return event(pod, {
    type: 'Warning',
    reason: 'FailedScheduling',
    message,
    first: times.since,
    last: '-1m4s',
    count: times.count,
    component: 'default-scheduler',
  });
}

/** The ReplicaSet controller's SuccessfulCreate for each pod. */
export function replicaSetCreateEvents(
  rs: KubeObject,
  pods: readonly KubeObject[],
  at: string,
): KubeObject[] {
  return pods.map((p) =>
    event(rs, {
      reason: 'SuccessfulCreate',
      message: `Created pod: ${p.metadata.name}`,
      first: at,
      component: 'replicaset-controller',
    }),
  );
}

/** The deployment controller scaling a ReplicaSet. */
export function scaledEvent(
  deploy: KubeObject,
  rs: KubeObject,
  from: number,
  to: number,
  at: string,
): KubeObject {
  const direction = to > from ? 'up' : 'down';
  return event(deploy, {
    reason: `ScalingReplicaSet`,
    message: `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${to}`,
    first: at,
    component: 'deployment-controller',
  });
}

/** Scheduled, pulled, created and started, for a pod that came up normally. */
export function healthyStartEvents(pod: KubeObject, at: string): KubeObject[] {
  const spec = specOf(pod);
  const host = spec.nodeName;
  return [
    scheduled(pod, at),
    ...[...(spec.initContainers ?? []), ...spec.containers].flatMap((c) => {
      const fieldPath = `spec.${spec.initContainers?.includes(c) ? 'initContainers' : 'containers'}{${c.name}}`;
      const kubelet = { component: 'kubelet', host, fieldPath, first: at };
      return [
        event(pod, {
          ...kubelet,
          reason: 'Pulled',
          message: `Container image "${c.image}" already present on machine`,
        }),
        event(pod, { ...kubelet, reason: 'Created', message: `Created container ${c.name}` }),
        event(pod, { ...kubelet, reason: 'Started', message: `Started container ${c.name}` }),
      ];
    }),
  ];
}
