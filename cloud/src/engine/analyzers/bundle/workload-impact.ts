import type { Pod, Workload } from '@opsworker/agent/kube/kube-types.ts';
import type { BundleIndex } from './bundle-index.ts';
import { isPodReady } from './pod-containers.ts';
import { podsOf, type WorkloadRef } from './workload-ref.ts';

/** `0 of 2 replicas of deployment/report-exporter are ready`: what the failure costs, in words. */
export function workloadImpact(index: BundleIndex, workload: WorkloadRef): string {
  const object = workload.object?.object as Workload | undefined;
  const desired = object?.spec?.replicas;
  const pods = podsOf(index, workload).filter((pod) => (pod.object as Pod).status?.phase !== 'Succeeded');
  const unready = pods.filter((pod) => !isPodReady(pod.object as Pod)).length;
  if (desired !== undefined && (workload.kind === 'Deployment' || workload.kind === 'StatefulSet')) {
    const ready = object?.status?.readyReplicas ?? 0;
    // A stuck rollout keeps the old replicas serving: say which pods fail, not only the count.
    const failing =
      ready >= desired && unready > 0
        ? `, but ${unready} new pod${unready > 1 ? 's are' : ' is'} not ready`
        : '';
    return `${ready} of ${desired} replicas of ${workload.ref} are ready${failing}`;
  }
  return `${pods.length - unready} of ${pods.length} pods of ${workload.ref} are ready`;
}

/** Groups items by the workload their pod belongs to, keeping the first-seen order. */
export function groupByWorkload<T>(
  items: T[],
  workloadOf: (item: T) => WorkloadRef,
): Array<{ workload: WorkloadRef; items: T[] }> {
  const groups = new Map<string, { workload: WorkloadRef; items: T[] }>();
  for (const item of items) {
    const workload = workloadOf(item);
    const key = `${workload.namespace ?? ''}/${workload.ref}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { workload, items: [item] });
  }
  return [...groups.values()];
}
