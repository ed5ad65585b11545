import type { ResourceKind } from '@opsworker/shared';
import type { KubeObject, OwnerReference } from '../kube/types.ts';
import { pluralOf, type SimulatedCollection } from './simulated-collection.ts';

/** How many pods of one workload get their logs read: enough to see the pattern, bounded like a real collector. */
const LOGGED_PODS = 4;

function ownedBy(owner: KubeObject): (object: KubeObject) => boolean {
  return (object) =>
    object.metadata.namespace === owner.metadata.namespace &&
    (object.metadata.ownerReferences ?? []).some(
      (ref) => ref.kind === owner.kind && ref.name === owner.metadata.name,
    );
}

/** The owner chain of an object (ReplicaSet, Deployment, Job, CronJob, ...), nearest first: the `ownerChain` operation. */
export function ownerChain(c: SimulatedCollection, object: KubeObject): KubeObject[] {
  const chain: KubeObject[] = [];
  let current: KubeObject | undefined = object;
  while (current) {
    const ref: OwnerReference | undefined =
      (current.metadata.ownerReferences ?? []).find((o) => o.controller) ??
      current.metadata.ownerReferences?.[0];
    const plural: ResourceKind | undefined = ref ? pluralOf(ref.kind) : undefined;
    current = ref && plural ? c.get(plural, current.metadata.namespace, ref.name) : undefined;
    if (current) chain.push(current);
  }
  return chain;
}

/** What a workload owns: a Deployment's ReplicaSets and their pods, a CronJob's Jobs and theirs, anyone else's pods. */
export function podsOfWorkload(
  c: SimulatedCollection,
  workload: KubeObject,
): { owned: KubeObject[]; pods: KubeObject[] } {
  const ns = workload.metadata.namespace;
  const name = workload.metadata.name;
  if (workload.kind === 'Pod') return { owned: [], pods: [workload] };
  if (workload.kind === 'Deployment') {
    const replicaSets = c.list('replicasets', ns, `ReplicaSets of deployment/${name}`, ownedBy(workload));
    const ownedByAny = (p: KubeObject) => replicaSets.some((rs) => ownedBy(rs)(p));
    return { owned: replicaSets, pods: c.list('pods', ns, `Pods of deployment/${name}`, ownedByAny) };
  }
  if (workload.kind === 'CronJob') {
    const jobs = c.list('jobs', ns, `Jobs of cronjob/${name}`, ownedBy(workload));
    const ownedByAny = (p: KubeObject) => jobs.some((job) => ownedBy(job)(p));
    return { owned: jobs, pods: c.list('pods', ns, `Pods of cronjob/${name}`, ownedByAny) };
  }
  return {
    owned: [],
    pods: c.list('pods', ns, `Pods of ${workload.kind.toLowerCase()}/${name}`, ownedBy(workload)),
  };
}

interface StatusShape {
  phase?: string;
  conditions?: Array<{ type: string; status: string }>;
  containerStatuses?: Array<{ name: string; lastState?: { terminated?: object } }>;
  initContainerStatuses?: Array<{ name: string; lastState?: { terminated?: object } }>;
}

function unready(pod: KubeObject): boolean {
  const status = pod.status as StatusShape | undefined;
  return !status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * Current and previous logs of every container of the pods worth reading: the alerted pod
 * first, then pods that are not ready, at most a few.
 */
export function collectLogs(c: SimulatedCollection, pods: KubeObject[], alerted?: KubeObject): void {
  const ordered = [
    ...(alerted ? [alerted] : []),
    ...pods.filter(unready),
    ...pods.filter((p) => !unready(p)),
  ];
  const chosen = [...new Set(ordered)].slice(0, LOGGED_PODS);
  for (const pod of chosen) {
    const status = pod.status as StatusShape | undefined;
    for (const container of [
      ...(status?.initContainerStatuses ?? []),
      ...(status?.containerStatuses ?? []),
    ]) {
      c.logs(pod, container.name, false);
      if (container.lastState?.terminated) c.logs(pod, container.name, true);
    }
  }
}
