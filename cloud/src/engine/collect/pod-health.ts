import type { ContainerStatus, Pod } from '@opsworker/agent/kube/kube-types.ts';

/** Succeeded, or running with the Ready condition: nothing to explain. */
export function isPodHealthy(pod: Pod): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return true;
  const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  return phase === 'Running' && ready;
}

function restarts(pod: Pod): number {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].reduce(
    (sum, status) => sum + (status.restartCount ?? 0),
    0,
  );
}

/**
 * Pods in the order worth looking at: the one the alert named, then the unhealthy ones (most
 * restarts first), then the healthy ones. A workload's pods usually fail alike, so the first
 * few tell the story.
 */
export function rankPods(pods: readonly Pod[], alerted?: string): Pod[] {
  const score = (pod: Pod) => (pod.metadata?.name === alerted ? 2 : 0) + (isPodHealthy(pod) ? 0 : 1);
  return [...pods].sort((a, b) => score(b) - score(a) || restarts(b) - restarts(a));
}

/** The container instances of a pod whose logs can explain something. */
export interface LogTarget {
  container: string;
  previous: boolean;
}

function targetsOf(status: ContainerStatus): LogTarget[] {
  const targets: LogTarget[] = [];
  const ranBefore = Boolean(status.lastState?.terminated);
  // A container waiting to restart shows its last run as its current log: read that once, as previous.
  const runsOrRan = Boolean(status.state?.running || status.state?.terminated);
  if (runsOrRan) targets.push({ container: status.name, previous: false });
  if (ranBefore) targets.push({ container: status.name, previous: true });
  return targets;
}

/**
 * Which logs of a pod to read: the current instance of containers that run or ran, and the
 * previous instance of those that restarted. A container that never started (image pull,
 * missing config) has no log to read.
 */
export function logTargets(pod: Pod): LogTarget[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].flatMap(
    targetsOf,
  );
}
