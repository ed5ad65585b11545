import type { KubeObject, Pod } from '@opsworker/agent/kube/kube-types.ts';
import { collectPodDetails, DEPENDENCY_POD_LIMITS } from './collect-pod-details.ts';
import type { Collection } from './collection.ts';
import { dependencyHints } from './dependency-hints.ts';
import { mapSelects, templateLabelsOf } from './owner-references.ts';
import { isPodHealthy } from './pod-health.ts';
import { envValuesOf } from './pod-references.ts';
import { expandWorkload } from './scope/expand-workload.ts';
import type { Focus } from './scope/focus.ts';

type Service = KubeObject & { spec?: { selector?: Record<string, string>; clusterIP?: string } };

/** Dependencies followed at most: the trail is one hop, not a crawl of the namespace. */
const MAX_DEPENDENCIES = 2;
const FAILING_PODS_READ = 3;

/** What the failing pods say about the hosts they talk to: logs, literal env values, probe failures. */
function failureTexts(c: Collection, pods: Pod[]): string[] {
  const names = new Set(pods.map((pod) => pod.metadata?.name));
  const logs = c.bundle
    .logs()
    .filter((log) => names.has(log.pod))
    .map((log) => log.text);
  const probes = pods.flatMap((pod) =>
    c.bundle
      .eventsAbout('Pod', pod.metadata?.name ?? '')
      .filter((event) => event.type === 'Warning')
      .map((event) => event.message ?? ''),
  );
  return [...logs, ...probes, ...pods.flatMap(envValuesOf)];
}

/** The Services the failing pods point at, other than their own. */
async function dependencyServices(
  c: Collection,
  focus: Focus,
  failing: Pod[],
  services: Service[],
): Promise<Service[]> {
  const namespace = focus.namespace ?? '';
  const hints = dependencyHints(failureTexts(c, failing));
  const own = (service: Service) =>
    failing.some((pod) => mapSelects(service.spec?.selector, pod.metadata?.labels));
  const named = (service: Service) =>
    hints.hosts.some((h) => h.name === service.metadata?.name && (h.namespace ?? namespace) === namespace) ||
    hints.addresses.has(service.spec?.clusterIP ?? '');
  const local = services.filter((service) => named(service) && !own(service));
  const remote = hints.hosts
    .filter((h) => h.namespace && h.namespace !== namespace)
    .slice(0, MAX_DEPENDENCIES);
  const elsewhere = await Promise.all(
    remote.map(async (host) => {
      const service = await c.get('services', host.namespace, host.name);
      if (service) await c.get('endpoints', host.namespace, host.name);
      return service as Service | undefined;
    }),
  );
  return [...local, ...elsewhere.filter((s): s is Service => s !== undefined)].slice(0, MAX_DEPENDENCIES);
}

/** The workloads whose pod template a dependency Service selects, with their pods, events and logs. */
async function followInto(c: Collection, namespace: string, services: Service[]): Promise<void> {
  const selectsTemplate = (workload: KubeObject) =>
    services.some((service) => mapSelects(service.spec?.selector, templateLabelsOf(workload)));
  const listed = await Promise.all([
    c.list('deployments', { namespace, maxPages: 1 }, selectsTemplate),
    c.list('statefulsets', { namespace, maxPages: 1 }, selectsTemplate),
  ]);
  const backing = listed.flat().filter(selectsTemplate).slice(0, MAX_DEPENDENCIES);
  await Promise.all(
    backing.map(async (workload) => {
      const contents = await expandWorkload(c, workload);
      await Promise.all([
        ...[workload, ...contents.owned].map((subject) => c.events(subject)),
        collectPodDetails(c, contents.pods, DEPENDENCY_POD_LIMITS),
      ]);
    }),
  );
}

/**
 * Follows the trail where the evidence points: when the failing pods' logs, probe failures or
 * configuration name a Service (by DNS name, `name:port` or cluster IP), reads that Service's
 * endpoints, the workload behind it and that workload's pods, events and logs. Returns the
 * Services followed, as `namespace/name`.
 */
export async function followDependencies(
  c: Collection,
  focus: Focus,
  services: KubeObject[],
): Promise<string[]> {
  const failing = focus.pods.filter((pod) => !isPodHealthy(pod)).slice(0, FAILING_PODS_READ);
  if (failing.length === 0 || !focus.namespace) return [];
  const dependencies = await dependencyServices(c, focus, failing, services as Service[]);
  if (dependencies.length === 0) return [];
  const names = dependencies.map((s) => `service/${s.metadata?.name}`).join(' and ');
  c.step(
    `The failing pods point at ${names}: reading what serves ${dependencies.length > 1 ? 'them' : 'it'}`,
  );
  const byNamespace = new Map<string, Service[]>();
  for (const service of dependencies) {
    const namespace = service.metadata?.namespace ?? focus.namespace;
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), service]);
  }
  await Promise.all([...byNamespace].map(([namespace, list]) => followInto(c, namespace, list)));
  return dependencies.map((s) => `${s.metadata?.namespace}/${s.metadata?.name}`);
}
