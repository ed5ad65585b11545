import { CLUSTER_SCOPED_KINDS, type ResourceKind, ValidationError } from '@opsworker/shared';

/**
 * Everything the agent can read: the shared closed list plus ControllerRevisions, which only
 * the rollout history of statefulsets and daemonsets needs. Secrets have no entry, so no code
 * path can build a URL for them.
 */
export type ReadableResource = ResourceKind | 'controllerrevisions';

/** Where a resource lives in the Kubernetes API and what its objects are called. */
export type ResourceInfo = {
  readonly resource: ReadableResource;
  /** `''` for the core group. */
  readonly group: string;
  readonly version: string;
  /** The object kind, e.g. `Pod`. */
  readonly kind: string;
  readonly namespaced: boolean;
};

const entries: ReadonlyArray<[ReadableResource, string, string, string]> = [
  ['pods', '', 'v1', 'Pod'],
  ['deployments', 'apps', 'v1', 'Deployment'],
  ['replicasets', 'apps', 'v1', 'ReplicaSet'],
  ['statefulsets', 'apps', 'v1', 'StatefulSet'],
  ['daemonsets', 'apps', 'v1', 'DaemonSet'],
  ['controllerrevisions', 'apps', 'v1', 'ControllerRevision'],
  ['jobs', 'batch', 'v1', 'Job'],
  ['cronjobs', 'batch', 'v1', 'CronJob'],
  ['services', '', 'v1', 'Service'],
  ['endpoints', '', 'v1', 'Endpoints'],
  ['endpointslices', 'discovery.k8s.io', 'v1', 'EndpointSlice'],
  ['ingresses', 'networking.k8s.io', 'v1', 'Ingress'],
  ['configmaps', '', 'v1', 'ConfigMap'],
  ['persistentvolumeclaims', '', 'v1', 'PersistentVolumeClaim'],
  ['persistentvolumes', '', 'v1', 'PersistentVolume'],
  ['storageclasses', 'storage.k8s.io', 'v1', 'StorageClass'],
  ['nodes', '', 'v1', 'Node'],
  ['namespaces', '', 'v1', 'Namespace'],
  ['events', '', 'v1', 'Event'],
  ['horizontalpodautoscalers', 'autoscaling', 'v2', 'HorizontalPodAutoscaler'],
  ['poddisruptionbudgets', 'policy', 'v1', 'PodDisruptionBudget'],
  ['networkpolicies', 'networking.k8s.io', 'v1', 'NetworkPolicy'],
  ['resourcequotas', '', 'v1', 'ResourceQuota'],
  ['limitranges', '', 'v1', 'LimitRange'],
];

const byResource = new Map<ReadableResource, ResourceInfo>(
  entries.map(([resource, group, version, kind]) => [
    resource,
    { resource, group, version, kind, namespaced: !CLUSTER_SCOPED_KINDS.has(resource as ResourceKind) },
  ]),
);
const byKind = new Map<string, ResourceInfo>([...byResource.values()].map((info) => [info.kind, info]));

/** The API coordinates of a readable resource. */
export function resourceInfo(resource: ReadableResource): ResourceInfo {
  const info = byResource.get(resource);
  // Unreachable with the typed union; guards against a cast smuggling in another resource.
  if (!info) throw new Error(`not a readable resource: ${String(resource)}`);
  return info;
}

/** The readable resource for an object kind such as `ReplicaSet`, if the agent knows it. */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** `apps/v1` or `v1`, as objects carry it in `apiVersion`. */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

// Kubernetes object names (DNS subdomains, plus `:` for a few kinds) and namespaces (DNS labels).
// Anything else, `..` or an encoded slash above all, could steer a path somewhere else.
const OBJECT_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.:]*[A-Za-z0-9])?$/;
const NAMESPACE = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;

function checked(value: string, pattern: RegExp, field: string): string {
  if (!pattern.test(value) || value.includes('..')) {
    throw new ValidationError(`operation.${field}: "${value}" is not a valid Kubernetes ${field}`, {
      field: `operation.${field}`,
    });
  }
  return value;
}

/** `/namespaces/<namespace>`, or `''` for none. */
export function namespaceSegment(namespace: string | undefined): string {
  return namespace ? `/namespaces/${checked(namespace, NAMESPACE, 'namespace')}` : '';
}

/** The collection path, e.g. `/apis/apps/v1/namespaces/shop/deployments`. */
export function collectionPath(info: ResourceInfo, namespace?: string): string {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  return `${base}${info.namespaced ? namespaceSegment(namespace) : ''}/${info.resource}`;
}

/** The path of one object; a name that is not a valid Kubernetes name is a ValidationError. */
export function objectPath(info: ResourceInfo, name: string, namespace?: string): string {
  return `${collectionPath(info, namespace)}/${checked(name, OBJECT_NAME, 'name')}`;
}
