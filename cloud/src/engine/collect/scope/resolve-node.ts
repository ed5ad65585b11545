import type { KubeObject, Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { Collection } from '../collection.ts';
import { controllerOf, resourceOfKind } from '../owner-references.ts';
import { isPodHealthy, rankPods } from '../pod-health.ts';
import { emptyFocus, type Focus, targetOf } from './focus.ts';

/** Workloads of the node's unhealthy pods whose owners are read: enough to name who suffers. */
const AFFECTED_OWNERS = 3;

/** The owners of the unhealthy pods, and a ReplicaSet's Deployment: the workloads a node problem hurts. */
async function affectedWorkloads(c: Collection, pods: Pod[]): Promise<KubeObject[]> {
  const owners = new Map<string, { kind: string; name: string; namespace: string | undefined }>();
  for (const pod of pods.filter((p) => !isPodHealthy(p))) {
    const owner = controllerOf(pod);
    if (!owner || owner.kind === 'Node') continue;
    owners.set(`${pod.metadata?.namespace}/${owner.kind}/${owner.name}`, {
      ...owner,
      namespace: pod.metadata?.namespace,
    });
  }
  const read = await Promise.all(
    [...owners.values()].slice(0, AFFECTED_OWNERS).map(async (owner) => {
      const resource = resourceOfKind(owner.kind);
      const object = resource ? await c.get(resource, owner.namespace, owner.name) : undefined;
      const parent = object && controllerOf(object);
      if (object?.kind === 'ReplicaSet' && parent?.kind === 'Deployment') {
        const deployment = await c.get('deployments', owner.namespace, parent.name);
        return deployment ? [object, deployment] : [object];
      }
      return object ? [object] : [];
    }),
  );
  return read.flat();
}

/** A node the alert names: the node, its events, the pods on it and the workloads of those in trouble. */
export async function resolveNode(c: Collection, name: string): Promise<Focus> {
  c.step(`Reading node ${name} and the pods scheduled on it`);
  const [node, pods] = await Promise.all([
    c.get('nodes', undefined, name),
    c.list('pods', { fieldSelector: `spec.nodeName=${name}`, title: `Pods on node ${name}` }),
  ]);
  if (!node) return emptyFocus(undefined, [`node ${name} does not exist (removed from the cluster?)`]);
  const affected = await affectedWorkloads(c, pods as Pod[]);
  return {
    target: targetOf(node),
    subjects: [node, ...affected],
    pods: rankPods(pods as Pod[]),
    missing: [],
  };
}
