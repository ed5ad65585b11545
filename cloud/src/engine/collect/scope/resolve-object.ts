import type { KubeObject, LabelSelector, Pod } from '@opsworker/agent/kube/kube-types.ts';
import { labelSelectorString } from '@opsworker/agent/kube/label-selector.ts';
import { resourceInfo } from '@opsworker/agent/kube/resources.ts';
import type { ResourceKind } from '@opsworker/shared';
import type { Collection } from '../collection.ts';
import { emptyFocus, type Focus, targetOf } from './focus.ts';

type Selecting = KubeObject & { spec?: { podSelector?: LabelSelector; selector?: LabelSelector } };

/**
 * Any other object the alert names (an Ingress, a NetworkPolicy, a PodDisruptionBudget, a
 * quota...): the object and its events, and the pods it selects when it selects some.
 */
export async function resolveObject(
  c: Collection,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
): Promise<Focus> {
  const label = `${resourceInfo(kind).kind.toLowerCase()}/${name}`;
  c.step(`Reading ${label}${namespace ? ` in ${namespace}` : ''}`);
  const object = (await c.get(kind, namespace, name)) as Selecting | undefined;
  if (!object)
    return emptyFocus(namespace, [`${label} does not exist${namespace ? ` in namespace ${namespace}` : ''}`]);
  const selector = labelSelectorString(object.spec?.podSelector ?? object.spec?.selector);
  const pods =
    namespace && selector ? await c.list('pods', { namespace, labelSelector: selector, maxPages: 1 }) : [];
  return {
    target: targetOf(object),
    ...(namespace ? { namespace } : {}),
    subjects: [object],
    pods: pods as Pod[],
    missing: [],
  };
}
