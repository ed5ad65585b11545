import type { KubeObject, Pod } from '@opsworker/agent/kube/kube-types.ts';
import { collectClaims } from '../collect-claims.ts';
import type { Collection } from '../collection.ts';
import { claimsOf } from '../pod-references.ts';
import { emptyFocus, type Focus, targetOf } from './focus.ts';

/** A PersistentVolumeClaim the alert names: the claim, its class and volume, and the pods that mount it. */
export async function resolvePvc(c: Collection, namespace: string, name: string): Promise<Focus> {
  c.step(
    `Reading persistentvolumeclaim/${name} in ${namespace}, its storage class and the pods that mount it`,
  );
  const mounts = (pod: KubeObject) => claimsOf(pod as Pod).includes(name);
  const [claims, pods] = await Promise.all([
    collectClaims(c, namespace, [name]),
    c.list(
      'pods',
      { namespace, title: `Pods in ${namespace} (looking for those that mount ${name})` },
      mounts,
    ),
  ]);
  const claim = claims[0];
  if (!claim)
    return emptyFocus(namespace, [`persistentvolumeclaim/${name} does not exist in namespace ${namespace}`]);
  // collectClaims read the claim's events already.
  return {
    target: targetOf(claim),
    namespace,
    subjects: [],
    pods: pods.filter(mounts) as Pod[],
    missing: [],
  };
}
