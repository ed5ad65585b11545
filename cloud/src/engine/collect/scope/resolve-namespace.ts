import type { Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { Collection } from '../collection.ts';
import { isPodHealthy, rankPods } from '../pod-health.ts';
import type { Focus } from './focus.ts';

/**
 * A namespace without an object in it: its workloads, pods and warning events, to see what is
 * unhealthy. No target: the report can only say what it found there.
 */
export async function resolveNamespace(c: Collection, namespace: string): Promise<Focus> {
  c.step(
    `The alert names namespace ${namespace} but no object in it: reading its workloads, pods and warning events`,
  );
  const [pods] = await Promise.all([
    c.list('pods', { namespace }),
    c.list('deployments', { namespace, maxPages: 1 }),
    c.list('statefulsets', { namespace, maxPages: 1 }),
    c.list('daemonsets', { namespace, maxPages: 1 }),
    c.list('jobs', { namespace, maxPages: 1 }),
    c.list('events', { namespace, fieldSelector: 'type=Warning', limit: 200, maxPages: 1 }),
  ]);
  const unhealthy = rankPods(pods as Pod[]).filter((pod) => !isPodHealthy(pod));
  return {
    namespace,
    subjects: [],
    pods: unhealthy,
    missing: [`the alert names no object in namespace ${namespace}, so the whole namespace was looked at`],
  };
}
