import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedObject } from '../../evidence/evidence-bundle.ts';
import type { BundleIndex } from './bundle-index.ts';

/** The object a fix applies to: a pod's owning Deployment, StatefulSet, DaemonSet or Job, else the pod. */
export interface WorkloadRef {
  /** API kind: `Deployment`, `StatefulSet`, `Job`, `Pod`, ... */
  kind: string;
  name: string;
  namespace: string | undefined;
  /** kubectl style, lower-case kind: `deployment/checkout`. */
  ref: string;
  /** The object, when it was collected. */
  object?: CollectedObject;
}

/** `deployment/checkout` from an API kind and a name. */
export function resourceRef(kind: string, name: string): string {
  return `${kind.toLowerCase()}/${name}`;
}

function workloadRef(
  index: BundleIndex,
  kind: string,
  name: string,
  namespace: string | undefined,
): WorkloadRef {
  const object = index.get(kind, namespace, name);
  return { kind, name, namespace, ref: resourceRef(kind, name), ...(object ? { object } : {}) };
}

function controllerOf(object: KubeObject): { kind: string; name: string } | undefined {
  const owners = object.metadata?.ownerReferences ?? [];
  return owners.find((owner) => owner.controller) ?? owners[0];
}

/**
 * The workload that owns a pod, following ReplicaSet → Deployment. When the ReplicaSet was not
 * collected, its Deployment is recognised by the pod-template-hash suffix, as kubectl does.
 */
export function owningWorkload(index: BundleIndex, pod: KubeObject): WorkloadRef {
  const namespace = pod.metadata?.namespace;
  const owner = controllerOf(pod);
  if (!owner) return workloadRef(index, pod.kind ?? 'Pod', pod.metadata?.name ?? '', namespace);
  if (owner.kind !== 'ReplicaSet') return workloadRef(index, owner.kind, owner.name, namespace);
  const replicaSet = index.get('ReplicaSet', namespace, owner.name)?.object;
  const deployment = replicaSet ? controllerOf(replicaSet) : undefined;
  if (deployment) return workloadRef(index, deployment.kind, deployment.name, namespace);
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  if (hash && owner.name.endsWith(`-${hash}`)) {
    return workloadRef(index, 'Deployment', owner.name.slice(0, -hash.length - 1), namespace);
  }
  return workloadRef(index, 'ReplicaSet', owner.name, namespace);
}

const podsCache = new WeakMap<BundleIndex, Map<string, CollectedObject[]>>();

/** The collected pods of each workload, keyed by `namespace/deployment/name`; built once per bundle. */
function podsByWorkload(index: BundleIndex): Map<string, CollectedObject[]> {
  const cached = podsCache.get(index);
  if (cached) return cached;
  const map = new Map<string, CollectedObject[]>();
  for (const pod of index.ofKind('Pod')) {
    const workload = owningWorkload(index, pod.object);
    const key = `${workload.namespace ?? ''}/${workload.ref}`;
    const list = map.get(key);
    if (list) list.push(pod);
    else map.set(key, [pod]);
  }
  podsCache.set(index, map);
  return map;
}

/** The collected pods a workload owns (a Deployment's through its ReplicaSets). */
export function podsOf(
  index: BundleIndex,
  workload: Pick<WorkloadRef, 'namespace' | 'ref'>,
): CollectedObject[] {
  return podsByWorkload(index).get(`${workload.namespace ?? ''}/${workload.ref}`) ?? [];
}
