import type { KubeObject, Workload } from '@opsworker/agent/kube/kube-types.ts';
import type { BundleIndex } from '../bundle/bundle-index.ts';
import { resourceRef, type WorkloadRef } from '../bundle/workload-ref.ts';
import type { FindingEvidence } from '../finding.ts';
import type { LogSignal } from './log-signals.ts';
import { type WorkloadDown, whyWorkloadIsDown } from './workload-down.ts';

type Service = KubeObject & { spec?: { selector?: Record<string, string>; clusterIP?: string } };
type Endpoints = KubeObject & {
  subsets?: Array<{ addresses?: unknown[]; notReadyAddresses?: unknown[] }>;
};

/** A Service a failing workload talks to, as the logs name it, and whether anything serves it. */
export interface Dependency {
  name: string;
  namespace: string;
  /** `service/inventory-cache` */
  serviceRef: string;
  readyEndpoints: number;
  /** The workload whose pod template the Service selects, when one was collected. */
  backing?: WorkloadRef;
  /** Why it serves nothing, when it serves nothing. */
  down?: WorkloadDown;
  evidence: FindingEvidence[];
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

function readyCount(endpoints: Endpoints | undefined): number {
  return (endpoints?.subsets ?? []).reduce((sum, subset) => sum + (subset.addresses?.length ?? 0), 0);
}

function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels?.[key] === value);
}

/** The collected Deployment, StatefulSet or DaemonSet whose pod template a Service selects. */
export function backingWorkload(index: BundleIndex, service: Service): WorkloadRef | undefined {
  const selector = service.spec?.selector ?? {};
  const namespace = service.metadata?.namespace;
  for (const kind of WORKLOAD_KINDS) {
    for (const collected of index.ofKind(kind)) {
      const workload = collected.object as Workload;
      if (workload.metadata?.namespace !== namespace) continue;
      if (!selects(selector, workload.spec?.template?.metadata?.labels)) continue;
      const name = workload.metadata?.name ?? '';
      return { kind, name, namespace, ref: resourceRef(kind, name), object: collected };
    }
  }
  return undefined;
}

/** Services named by the log's cluster DNS names or addresses, in the order the log names them. */
function namedServices(index: BundleIndex, namespace: string, signal: LogSignal): Service[] {
  const found = new Map<string, Service>();
  for (const host of signal.hosts) {
    const [name = '', ns = namespace] = host.split('.');
    const service = index.get('Service', ns, name)?.object as Service | undefined;
    if (service) found.set(`${ns}/${name}`, service);
  }
  const ips = new Set(signal.addresses.map((address) => address.split(':')[0]));
  for (const collected of index.ofKind('Service')) {
    const service = collected.object as Service;
    if (service.spec?.clusterIP && ips.has(service.spec.clusterIP)) {
      found.set(`${service.metadata?.namespace}/${service.metadata?.name}`, service);
    }
  }
  return [...found.values()];
}

/**
 * The Service a connection failure in the logs points at, preferring one with no ready
 * endpoints (that is the one that is down), with why its backing workload serves nothing.
 */
export function findDependency(
  index: BundleIndex,
  namespace: string,
  signal: LogSignal,
): Dependency | undefined {
  const candidates = namedServices(index, namespace, signal).map((service) => {
    const name = service.metadata?.name ?? '';
    const ns = service.metadata?.namespace ?? namespace;
    const endpoints = index.get('Endpoints', ns, name);
    const ready = readyCount(endpoints?.object as Endpoints | undefined);
    const backing = backingWorkload(index, service);
    const down = ready === 0 && backing ? whyWorkloadIsDown(index, backing) : undefined;
    const evidence: FindingEvidence[] = [];
    if (endpoints)
      evidence.push({
        evidenceId: endpoints.evidenceId,
        excerpt: `Endpoints ${name}: ${ready} ready addresses`,
      });
    evidence.push(...(down?.evidence ?? []));
    const dependency: Dependency = {
      name,
      namespace: ns,
      serviceRef: resourceRef('Service', name),
      readyEndpoints: ready,
      evidence,
      ...(backing ? { backing } : {}),
      ...(down ? { down } : {}),
    };
    return dependency;
  });
  return candidates.find((c) => c.readyEndpoints === 0) ?? candidates[0];
}
