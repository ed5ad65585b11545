import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { Collection } from '../collection.ts';
import { controllerOf } from '../owner-references.ts';
import { expandWorkload } from './expand-workload.ts';
import { type Focus, targetOf } from './focus.ts';

function unique(objects: KubeObject[]): KubeObject[] {
  const seen = new Set<string>();
  return objects.filter((o) => {
    const key = `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`;
    return !seen.has(key) && seen.add(key);
  });
}

/**
 * Focuses on a workload and what it runs. A ReplicaSet answers to its Deployment (the fix
 * applies there); a Job stays the target (its run failed, not the schedule) but its CronJob
 * is read too.
 */
export async function focusOnWorkload(
  c: Collection,
  workload: KubeObject,
  alertedPod?: string,
): Promise<Focus> {
  const namespace = workload.metadata?.namespace;
  const owner = controllerOf(workload);
  let target = workload;
  const subjects: KubeObject[] = [workload];
  if (workload.kind === 'ReplicaSet' && owner?.kind === 'Deployment') {
    const deployment = await c.get('deployments', namespace, owner.name);
    if (deployment) {
      target = deployment;
      subjects.unshift(deployment);
    }
  }
  if (workload.kind === 'Job' && owner?.kind === 'CronJob') {
    const cronJob = await c.get('cronjobs', namespace, owner.name);
    if (cronJob) subjects.push(cronJob);
  }
  if (target !== workload || alertedPod)
    c.step(
      `Reading ${target.kind?.toLowerCase()}/${target.metadata?.name}: its pods${target.kind === 'Deployment' ? ' and ReplicaSets' : ''}`,
    );
  const contents = await expandWorkload(c, target);
  return {
    target: targetOf(target),
    ...(namespace ? { namespace } : {}),
    subjects: unique([...subjects, ...contents.owned]),
    pods: contents.pods,
    ...(alertedPod ? { alertedPod } : {}),
    missing: [],
  };
}
