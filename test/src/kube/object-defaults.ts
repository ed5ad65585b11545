import { deterministicContainerId, deterministicUid } from './deterministic-id.ts';
import { formatKubeTime, resolveRelativeTimes } from './relative-time.ts';
import type { KubeObject } from './types.ts';

/** Objects without a creationTimestamp look one hour old. */
const DEFAULT_AGE_MS = 3_600_000;

interface ContainerStatusShape {
  name?: string;
  containerID?: string;
  restartCount?: number;
  state?: { running?: object; terminated?: { containerID?: string } };
  lastState?: { terminated?: { containerID?: string } };
}

/**
 * Completes one object as the API server would have: resolves relative times, and fills a
 * missing uid, creationTimestamp, generation and container ids deterministically (the same
 * object always gets the same values, only times move with `now`).
 */
export function applyObjectDefaults(object: KubeObject, now: Date): KubeObject {
  const copy = structuredClone(object);
  resolveRelativeTimes(copy, now);
  const meta = copy.metadata;
  const identity = `${copy.apiVersion}/${copy.kind}/${meta.namespace ?? ''}/${meta.name}`;
  meta.uid ??= deterministicUid(identity);
  meta.creationTimestamp ??= formatKubeTime(new Date(now.getTime() - DEFAULT_AGE_MS));
  if (copy.spec !== undefined && copy.kind !== 'Pod') meta.generation ??= 1;
  if (copy.kind === 'Pod') fillContainerIds(copy, identity);
  return copy;
}

function fillContainerIds(pod: KubeObject, identity: string): void {
  const status = pod.status as Record<string, unknown> | undefined;
  for (const field of ['initContainerStatuses', 'containerStatuses']) {
    const statuses = status?.[field];
    if (!Array.isArray(statuses)) continue;
    for (const container of statuses as ContainerStatusShape[]) {
      const seed = `${identity}/${container.name ?? ''}/${container.restartCount ?? 0}`;
      const current = container.state?.running ?? container.state?.terminated;
      if (current) {
        container.containerID ??= deterministicContainerId(seed);
        if (container.state?.terminated) container.state.terminated.containerID ??= container.containerID;
      }
      const last = container.lastState?.terminated;
      if (last) last.containerID ??= deterministicContainerId(`${seed}/previous`);
      // A container waiting to restart still reports the id of its last run, as the kubelet does.
      if (!current && last) container.containerID ??= last.containerID;
    }
  }
}
