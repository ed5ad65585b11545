import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { Collection } from './collection.ts';

/**
 * The namespace around the target: Services and their endpoints (who serves what), autoscalers,
 * quotas and network policies (what limits the pods), ConfigMaps (keys only: the agent
 * withholds values) and Ingresses. One list each; returns the Services, which the dependency
 * trail matches log lines against.
 */
export async function collectNamespaceContext(c: Collection, namespace: string): Promise<KubeObject[]> {
  const list = (kind: Parameters<Collection['list']>[0]) => c.list(kind, { namespace, maxPages: 1 });
  const [services] = await Promise.all([
    list('services'),
    list('endpoints'),
    list('horizontalpodautoscalers'),
    list('resourcequotas'),
    list('networkpolicies'),
    list('configmaps'),
    list('ingresses'),
  ]);
  return services;
}
