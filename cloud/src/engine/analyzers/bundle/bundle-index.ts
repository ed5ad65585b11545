import type { KubeEvent } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedLog, CollectedObject, EvidenceBundle } from '../../evidence/evidence-bundle.ts';

/**
 * Lookups over one evidence bundle, built once and shared by every analyzer: objects by kind
 * and by name, events by the object they are about, logs by container. Analyzers never scan
 * the whole bundle per object, so a namespace of 500 pods stays linear.
 */
export interface BundleIndex {
  bundle: EvidenceBundle;
  /** `bundle.collectedAt` in epoch milliseconds: the "now" every age is measured against. */
  now: number;
  /** Every object of an API kind (`Pod`, `Deployment`, ...), in bundle order. */
  ofKind(kind: string): CollectedObject[];
  get(kind: string, namespace: string | undefined, name: string): CollectedObject | undefined;
  /** Events whose involvedObject is this object, oldest first. */
  eventsAbout(kind: string, namespace: string | undefined, name: string): CollectedObject[];
  /** The log of one container instance, when it was collected. */
  log(namespace: string, pod: string, container: string, previous: boolean): CollectedLog | undefined;
  /** The title of an evidence record, for reports. */
  evidenceTitle(evidenceId: string): string | undefined;
}

const cache = new WeakMap<EvidenceBundle, BundleIndex>();

/** The index of a bundle, built on first use and then reused (keyed by the bundle object). */
export function indexBundle(bundle: EvidenceBundle): BundleIndex {
  const cached = cache.get(bundle);
  if (cached) return cached;
  const index = buildIndex(bundle);
  cache.set(bundle, index);
  return index;
}

function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

function logKey(namespace: string, pod: string, container: string, previous: boolean): string {
  return `${namespace}/${pod}/${container}/${previous ? 'previous' : 'current'}`;
}

function buildIndex(bundle: EvidenceBundle): BundleIndex {
  const byKind = new Map<string, CollectedObject[]>();
  const byName = new Map<string, CollectedObject>();
  for (const collected of bundle.objects) {
    const { kind = '', metadata } = collected.object;
    const list = byKind.get(kind);
    if (list) list.push(collected);
    else byKind.set(kind, [collected]);
    if (metadata?.name) byName.set(objectKey(kind, metadata.namespace, metadata.name), collected);
  }
  const events = new Map<string, CollectedObject[]>();
  for (const collected of bundle.events) {
    const subject = (collected.object as KubeEvent).involvedObject;
    if (!subject?.kind || !subject.name) continue;
    // Events about cluster-scoped objects (nodes) live in `default` but name no namespace.
    const namespaces = subject.namespace
      ? [subject.namespace]
      : ['', collected.object.metadata?.namespace ?? ''];
    for (const namespace of new Set(namespaces)) {
      const key = objectKey(subject.kind, namespace, subject.name);
      const list = events.get(key);
      if (list) list.push(collected);
      else events.set(key, [collected]);
    }
  }
  const logs = new Map<string, CollectedLog>();
  for (const log of bundle.logs) logs.set(logKey(log.namespace, log.pod, log.container, log.previous), log);
  const titles = new Map(bundle.evidence.map((record) => [record.id, record.title]));
  const now = Date.parse(bundle.collectedAt);
  return {
    bundle,
    now: Number.isNaN(now) ? 0 : now,
    ofKind: (kind) => byKind.get(kind) ?? [],
    get: (kind, namespace, name) =>
      byName.get(objectKey(kind, namespace, name)) ?? byName.get(objectKey(kind, undefined, name)),
    eventsAbout: (kind, namespace, name) => events.get(objectKey(kind, namespace, name)) ?? [],
    log: (namespace, pod, container, previous) => logs.get(logKey(namespace, pod, container, previous)),
    evidenceTitle: (id) => titles.get(id),
  };
}
