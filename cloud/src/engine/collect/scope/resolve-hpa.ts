import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { Collection } from '../collection.ts';
import { resourceOfKind } from '../owner-references.ts';
import { expandWorkload } from './expand-workload.ts';
import { emptyFocus, type Focus, targetOf } from './focus.ts';

type Autoscaler = KubeObject & { spec?: { scaleTargetRef?: { kind?: string; name?: string } } };

/** A HorizontalPodAutoscaler the alert names: the autoscaler, the workload it scales and its pods. */
export async function resolveHpa(c: Collection, namespace: string, name: string): Promise<Focus> {
  c.step(`Reading horizontalpodautoscaler/${name} in ${namespace} and the workload it scales`);
  const hpa = (await c.get('horizontalpodautoscalers', namespace, name)) as Autoscaler | undefined;
  if (!hpa)
    return emptyFocus(namespace, [
      `horizontalpodautoscaler/${name} does not exist in namespace ${namespace}`,
    ]);
  const ref = hpa.spec?.scaleTargetRef;
  const resource = ref?.kind ? resourceOfKind(ref.kind) : undefined;
  const workload = resource && ref?.name ? await c.get(resource, namespace, ref.name) : undefined;
  const focus: Focus = { target: targetOf(hpa), namespace, subjects: [hpa], pods: [], missing: [] };
  if (!workload)
    return {
      ...focus,
      missing: [`the ${ref?.kind ?? 'workload'} ${ref?.name ?? ''} it scales was not found`],
    };
  const contents = await expandWorkload(c, workload);
  return { ...focus, subjects: [hpa, workload, ...contents.owned], pods: contents.pods };
}
