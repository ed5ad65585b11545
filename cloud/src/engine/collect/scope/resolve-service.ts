import type { KubeObject, Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { Collection } from '../collection.ts';
import { mapSelector } from '../owner-references.ts';
import { emptyFocus, type Focus, targetOf } from './focus.ts';

/**
 * A Service the alert names: its endpoints and the pods it selects. When it selects none, the
 * namespace's pods and workloads are read too, to show which labels do exist.
 */
export async function resolveService(c: Collection, namespace: string, name: string): Promise<Focus> {
  c.step(`Reading service/${name} in ${namespace}: its endpoints and the pods it selects`);
  const service = await c.get('services', namespace, name);
  if (!service) return emptyFocus(namespace, [`service/${name} does not exist in namespace ${namespace}`]);
  const selector = mapSelector(
    (service as KubeObject & { spec?: { selector?: Record<string, string> } }).spec?.selector,
  );
  const [, pods] = await Promise.all([
    c.get('endpoints', namespace, name),
    selector ? c.list('pods', { namespace, labelSelector: selector }) : Promise.resolve([]),
  ]);
  if (selector && pods.length === 0) {
    c.step(`service/${name} selects no pods (${selector}): reading the pods and workloads of ${namespace}`);
    await Promise.all([
      c.list('pods', { namespace, maxPages: 1 }),
      c.list('deployments', { namespace, maxPages: 1 }),
      c.list('statefulsets', { namespace, maxPages: 1 }),
    ]);
  }
  return { target: targetOf(service), namespace, subjects: [service], pods: pods as Pod[], missing: [] };
}
