/** How one resource appears in discovery and in URLs. */
export interface ResourceType {
  plural: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Never served: every request for it is answered 403, as RBAC without secrets would. */
  forbidden?: boolean;
  /** Only present when a scenario provides metrics. */
  metrics?: boolean;
  /** Subresources announced in discovery, e.g. "log", "exec". */
  subresources?: string[];
}

const READ_VERBS = ['get', 'list', 'watch'];
/** The verbs a real API server announces; the fake refuses all but the read ones. */
const DISCOVERY_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/**
 * Every resource the fake cluster knows. The list mirrors the closed list in
 * `@opsworker/shared` (RESOURCE_KINDS) plus secrets, which exist so that kubectl can resolve
 * them and be refused, and the metrics API.
 */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  core('pods', 'Pod', true, ['po'], ['all'], ['log', 'status', 'exec', 'attach', 'portforward', 'proxy']),
  core('services', 'Service', true, ['svc'], ['all'], ['status', 'proxy']),
  core('endpoints', 'Endpoints', true, ['ep']),
  core('configmaps', 'ConfigMap', true, ['cm']),
  { ...core('secrets', 'Secret', true), forbidden: true },
  core('persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc'], [], ['status']),
  core('persistentvolumes', 'PersistentVolume', false, ['pv'], [], ['status']),
  core('nodes', 'Node', false, ['no'], [], ['status', 'proxy']),
  core('namespaces', 'Namespace', false, ['ns'], [], ['status']),
  core('events', 'Event', true, ['ev']),
  core('resourcequotas', 'ResourceQuota', true, ['quota'], [], ['status']),
  core('limitranges', 'LimitRange', true, ['limits']),
  group('apps', 'v1', 'deployments', 'Deployment', ['deploy'], ['all'], ['status', 'scale']),
  group('apps', 'v1', 'replicasets', 'ReplicaSet', ['rs'], ['all'], ['status', 'scale']),
  group('apps', 'v1', 'statefulsets', 'StatefulSet', ['sts'], ['all'], ['status', 'scale']),
  group('apps', 'v1', 'daemonsets', 'DaemonSet', ['ds'], ['all'], ['status']),
  group('batch', 'v1', 'jobs', 'Job', [], ['all'], ['status']),
  group('batch', 'v1', 'cronjobs', 'CronJob', ['cj'], ['all'], ['status']),
  group('networking.k8s.io', 'v1', 'ingresses', 'Ingress', ['ing'], [], ['status']),
  group('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', ['netpol']),
  group('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice'),
  { ...group('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', ['sc']), namespaced: false },
  group(
    'autoscaling',
    'v2',
    'horizontalpodautoscalers',
    'HorizontalPodAutoscaler',
    ['hpa'],
    ['all'],
    ['status'],
  ),
  group('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', ['pdb'], [], ['status']),
  { ...group('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics'), metrics: true },
  { ...group('metrics.k8s.io', 'v1beta1', 'nodes', 'NodeMetrics'), namespaced: false, metrics: true },
];

function core(
  plural: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
  subresources: string[] = [],
): ResourceType {
  return { ...group('', 'v1', plural, kind, shortNames, categories, subresources), namespaced };
}

function group(
  groupName: string,
  version: string,
  plural: string,
  kind: string,
  shortNames: string[] = [],
  categories: string[] = [],
  subresources: string[] = [],
): ResourceType {
  return {
    plural,
    singular: kind.toLowerCase(),
    kind,
    group: groupName,
    version,
    namespaced: true,
    shortNames,
    categories,
    subresources,
  };
}

/** "apps/v1", or "v1" for the core group. */
export function groupVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The resource as the API names it in messages: `deployments.apps`, or `pods` for core. */
export function qualifiedResource(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** Finds the type an object belongs to from its apiVersion and kind. */
export function typeForObject(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => groupVersionOf(t) === apiVersion && t.kind === kind);
}

/** Finds the type a URL names. */
export function typeForPath(groupName: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === groupName && t.version === version && t.plural === plural);
}

/** The verbs discovery announces for a type: read-only ones for the metrics API, all others for the rest. */
export function verbsOf(type: ResourceType): string[] {
  return type.metrics ? READ_VERBS.slice(0, 2) : DISCOVERY_VERBS;
}
