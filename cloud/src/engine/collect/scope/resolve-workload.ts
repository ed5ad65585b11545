import { resourceInfo } from '@opsworker/agent/kube/resources.ts';
import type { ResourceKind } from '@opsworker/shared';
import type { Collection } from '../collection.ts';
import { emptyFocus, type Focus } from './focus.ts';
import { focusOnWorkload } from './focus-on-workload.ts';

/** A Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob the alert names. */
export async function resolveWorkload(
  c: Collection,
  kind: ResourceKind,
  namespace: string,
  name: string,
): Promise<Focus> {
  const label = `${resourceInfo(kind).kind.toLowerCase()}/${name}`;
  c.step(`Reading ${label} in ${namespace}: its pods, owners and what it runs`);
  const workload = await c.get(kind, namespace, name);
  if (!workload) return emptyFocus(namespace, [`${label} does not exist in namespace ${namespace}`]);
  return focusOnWorkload(c, workload);
}
