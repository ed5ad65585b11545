import type { KubeObject } from '../kube/types.ts';
import { collectLogs, podsOfWorkload } from './collect-workload.ts';
import type { SimulatedCollection } from './simulated-collection.ts';

const CLUSTER_HOST = /\b([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?\b/g;
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

type ServiceShape = KubeObject & { spec?: { selector?: Record<string, string>; clusterIP?: string } };

/** `namespace/name` of every Service the pods' env values and the collected logs name. */
function namedServices(c: SimulatedCollection, pods: KubeObject[]): Set<string> {
  const texts = [
    ...c.logTexts(),
    ...pods.map((p) => JSON.stringify((p.spec as { containers?: unknown } | undefined)?.containers ?? [])),
  ];
  const names = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(CLUSTER_HOST)) names.add(`${match[2]}/${match[1]}`);
  return names;
}

/**
 * The hop a collector makes from a failing workload to what it depends on: the Services its
 * configuration and logs name (a failed get says one does not exist), or whose cluster IP its
 * logs show, the workloads whose pod template those Services select, and their pods' state,
 * events and logs.
 */
export function collectDependencies(
  c: SimulatedCollection,
  namespace: string | undefined,
  pods: KubeObject[],
): void {
  if (pods.length === 0) return;
  const services: ServiceShape[] = [];
  for (const key of namedServices(c, pods)) {
    const [ns = '', name = ''] = key.split('/');
    const service = c.get('services', ns, name) as ServiceShape | undefined;
    if (service) services.push(service);
  }
  const ips = new Set(c.logTexts().flatMap((text) => text.match(IP) ?? []));
  if (namespace && ips.size) {
    const byIp = c.list('services', namespace, `Services in ${namespace}`, (s) =>
      ips.has((s as ServiceShape).spec?.clusterIP ?? ''),
    );
    services.push(...(byIp as ServiceShape[]));
  }
  const seen = new Set<string>();
  for (const service of services) {
    const ns = service.metadata.namespace ?? '';
    const key = `${ns}/${service.metadata.name}`;
    const selector = Object.entries(service.spec?.selector ?? {});
    if (
      seen.has(key) ||
      selector.length === 0 ||
      pods.some((p) => selector.every(([k, v]) => p.metadata.labels?.[k] === v))
    )
      continue;
    seen.add(key);
    c.get('endpoints', ns, service.metadata.name);
    const selects = (w: KubeObject) => {
      const labels = (w.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)
        ?.template?.metadata?.labels;
      return selector.every(([k, v]) => labels?.[k] === v);
    };
    const workloads = (['deployments', 'statefulsets'] as const).flatMap((kind) =>
      c.list(kind, ns, `${kind} behind service ${service.metadata.name}`, selects),
    );
    for (const workload of workloads) {
      const { owned, pods: backing } = podsOfWorkload(c, workload);
      c.events(
        [workload, ...owned, ...backing],
        ns,
        `Events of ${workload.kind.toLowerCase()}/${workload.metadata.name}`,
      );
      collectLogs(c, backing);
    }
  }
}
