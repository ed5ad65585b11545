import { CLUSTER_SCOPED_KINDS, type ResourceKind, type Scope } from '@opsworker/shared';

/**
 * What an alert can tell about the Kubernetes object it concerns, whatever the source calls it.
 * `workload` is a pod owner whose kind the source does not say (Container Insights' PodName).
 */
export type ScopeFact =
  | 'cluster'
  | 'namespace'
  | 'container'
  | 'pod'
  | 'workload'
  | 'deployment'
  | 'statefulset'
  | 'daemonset'
  | 'replicaset'
  | 'job'
  | 'cronjob'
  | 'service'
  | 'node'
  | 'persistentvolumeclaim'
  | 'persistentvolume'
  | 'horizontalpodautoscaler'
  | 'poddisruptionbudget'
  | 'resourcequota'
  | 'limitrange'
  | 'networkpolicy'
  | 'ingress'
  | 'configmap'
  | 'storageclass';

export type ScopeFacts = Partial<Record<ScopeFact, string>>;

/** For each fact, the source's keys that carry it, most trusted first. */
export type ScopeKeyMap = Readonly<Partial<Record<ScopeFact, readonly string[]>>>;

/**
 * Candidate subjects, most specific first. An alert naming a PVC, an HPA, a quota… is about
 * that object even when a pod label rides along; a pod is more specific than the workload that
 * owns it; a job than its cronjob; services and nodes are what is left when nothing narrower is
 * named. A `workload` has no kind: the engine resolves it from the namespace's pod owners.
 */
const SUBJECT_ORDER: ReadonlyArray<readonly [ScopeFact, ResourceKind | undefined]> = [
  ['persistentvolumeclaim', 'persistentvolumeclaims'],
  ['horizontalpodautoscaler', 'horizontalpodautoscalers'],
  ['poddisruptionbudget', 'poddisruptionbudgets'],
  ['resourcequota', 'resourcequotas'],
  ['limitrange', 'limitranges'],
  ['networkpolicy', 'networkpolicies'],
  ['ingress', 'ingresses'],
  ['configmap', 'configmaps'],
  ['persistentvolume', 'persistentvolumes'],
  ['storageclass', 'storageclasses'],
  ['pod', 'pods'],
  ['workload', undefined],
  ['job', 'jobs'],
  ['cronjob', 'cronjobs'],
  ['deployment', 'deployments'],
  ['statefulset', 'statefulsets'],
  ['daemonset', 'daemonsets'],
  ['replicaset', 'replicasets'],
  ['service', 'services'],
  ['node', 'nodes'],
];

/** Facts that name an object an alert can be about, most specific first. */
export const SUBJECT_FACTS: readonly ScopeFact[] = SUBJECT_ORDER.map(([fact]) => fact);

/** Subjects that run containers, so a `container` fact narrows them further. */
const CONTAINER_HOLDERS: ReadonlySet<ScopeFact> = new Set([
  'pod',
  'workload',
  'job',
  'cronjob',
  'deployment',
  'statefulset',
  'daemonset',
  'replicaset',
]);

/** The Scope contract's limit on names (the Kubernetes limit too). */
const MAX_NAME = 253;

/**
 * Reads the facts a source's attributes carry, taking the first usable key for each fact. It
 * walks the attributes (a handful) rather than every key a fact may come from (dozens), since
 * it runs for every alert received.
 */
export function pickScopeFacts(attributes: Readonly<Record<string, string>>, keys: ScopeKeyMap): ScopeFacts {
  const facts: ScopeFacts = {};
  const ranks: Partial<Record<ScopeFact, number>> = {};
  const index = keyIndexOf(keys);
  for (const key in attributes) {
    const targets = index.get(key);
    if (targets === undefined) continue;
    const value = usableName(attributes[key]);
    if (value === undefined) continue;
    for (const [fact, rank] of targets) {
      const best = ranks[fact];
      if (best === undefined || rank < best) {
        facts[fact] = value;
        ranks[fact] = rank;
      }
    }
  }
  return facts;
}

/**
 * The scope an alert is about: cluster, namespace and the most specific object named. The
 * namespace is dropped for cluster-scoped subjects (a node alert scraped through
 * kube-state-metrics carries the exporter's namespace, not the node's).
 */
export function scopeFromFacts(facts: ScopeFacts): Scope {
  const subject = SUBJECT_ORDER.find(([fact]) => facts[fact] !== undefined);
  const [fact, kind] = subject ?? [undefined, undefined];
  const scope: Scope = {};
  if (facts.cluster !== undefined) scope.cluster = facts.cluster;
  if (facts.namespace !== undefined && !(kind && CLUSTER_SCOPED_KINDS.has(kind)))
    scope.namespace = facts.namespace;
  if (kind !== undefined) scope.kind = kind;
  if (fact === undefined) return scope;
  scope.name = facts[fact];
  if (facts.container !== undefined && CONTAINER_HOLDERS.has(fact)) scope.container = facts.container;
  return scope;
}

type KeyIndex = ReadonlyMap<string, ReadonlyArray<readonly [ScopeFact, number]>>;

/** Key maps are module constants: each is indexed once (source key → facts and rank), not on every alert. */
const keyIndexCache = new WeakMap<ScopeKeyMap, KeyIndex>();

function keyIndexOf(keys: ScopeKeyMap): KeyIndex {
  let index = keyIndexCache.get(keys);
  if (!index) {
    const built = new Map<string, (readonly [ScopeFact, number])[]>();
    for (const [fact, sourceKeys] of Object.entries(keys) as Array<[ScopeFact, readonly string[]]>) {
      for (const [rank, key] of sourceKeys.entries())
        built.set(key, [...(built.get(key) ?? []), [fact, rank]]);
    }
    index = built;
    keyIndexCache.set(keys, index);
  }
  return index;
}

function usableName(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_NAME ? trimmed : undefined;
}
