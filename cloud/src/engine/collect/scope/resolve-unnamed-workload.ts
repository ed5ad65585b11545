import type { Collection } from '../collection.ts';
import { emptyFocus, type Focus } from './focus.ts';
import { focusOnWorkload } from './focus-on-workload.ts';
import { resolvePod } from './resolve-pod.ts';

const KINDS = ['deployments', 'statefulsets', 'daemonsets'] as const;

/**
 * A name without a kind (Container Insights' `PodName` is the owning workload's name): a
 * Deployment, StatefulSet or DaemonSet of that name, else a pod. Listed by name rather than
 * read, so the kinds it is not leave no failed reads behind.
 */
export async function resolveUnnamedWorkload(c: Collection, namespace: string, name: string): Promise<Focus> {
  c.step(`The alert names "${name}" in ${namespace} without its kind: looking for a workload of that name`);
  const found = await Promise.all(
    KINDS.map((kind) => c.list(kind, { namespace, fieldSelector: `metadata.name=${name}`, maxPages: 1 })),
  );
  const workload = found.flat()[0];
  if (workload) return focusOnWorkload(c, workload);
  const pods = await c.list('pods', { namespace, fieldSelector: `metadata.name=${name}`, maxPages: 1 });
  if (pods.length > 0) return resolvePod(c, namespace, name);
  return emptyFocus(namespace, [
    `no Deployment, StatefulSet, DaemonSet or pod named ${name} exists in ${namespace}`,
  ]);
}
