import type { KubeObject } from '../kube/types.ts';
import type { SimulatedCollection } from './simulated-collection.ts';

interface PodSpecShape {
  nodeName?: string;
  volumes?: Array<{ persistentVolumeClaim?: { claimName?: string } }>;
}

/**
 * The namespace around the pods (Services and their endpoints, autoscalers, quotas, network
 * policies, config maps) and the cluster objects they use: claims, volumes, storage classes
 * and nodes (every node when a pod waits for one, since the scheduler weighed them all).
 */
export function collectContext(
  c: SimulatedCollection,
  namespace: string | undefined,
  objects: KubeObject[],
): void {
  const pods = objects.filter((o) => o.kind === 'Pod');
  if (namespace) {
    c.list('services', namespace, `Services in ${namespace}`);
    c.list('endpoints', namespace, `Endpoints in ${namespace}`);
    c.list('horizontalpodautoscalers', namespace, `HorizontalPodAutoscalers in ${namespace}`);
    c.list('resourcequotas', namespace, `ResourceQuotas in ${namespace}`);
    c.list('networkpolicies', namespace, `NetworkPolicies in ${namespace}`);
    c.list('configmaps', namespace, `ConfigMaps in ${namespace}`);
    c.list('ingresses', namespace, `Ingresses in ${namespace}`);
  }
  const claims = new Set<string>();
  for (const pod of pods) {
    for (const volume of (pod.spec as PodSpecShape | undefined)?.volumes ?? []) {
      if (volume.persistentVolumeClaim?.claimName)
        claims.add(`${pod.metadata.namespace}/${volume.persistentVolumeClaim.claimName}`);
    }
  }
  const claimObjects = [...claims].flatMap((key) => {
    const [ns, name = ''] = key.split('/');
    const claim = c.get('persistentvolumeclaims', ns, name);
    return claim ? [claim] : [];
  });
  for (const claim of claimObjects) {
    const volume = (claim.spec as { volumeName?: string } | undefined)?.volumeName;
    if (volume) c.get('persistentvolumes', undefined, volume);
  }
  if (claimObjects.length) {
    c.list('storageclasses', undefined, 'StorageClasses');
    c.events(claimObjects, namespace, 'Events of the PersistentVolumeClaims');
  }
  const waiting = pods.some((p) => !(p.spec as PodSpecShape | undefined)?.nodeName);
  const nodeNames = new Set(
    pods.map((p) => (p.spec as PodSpecShape | undefined)?.nodeName).filter(Boolean) as string[],
  );
  const nodes = waiting
    ? c.list('nodes', undefined, 'Nodes')
    : [...nodeNames].flatMap((name) => c.get('nodes', undefined, name) ?? []);
  const alerted = objects.filter((o) => o.kind === 'Node');
  c.events([...nodes, ...alerted], undefined, 'Events of the nodes');
}
