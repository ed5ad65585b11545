import { z } from 'zod';

/**
 * The Kubernetes kinds OpsWorker knows about. This is a closed list: the agent's operations,
 * its RBAC rules and the alert scope all draw from it. Secrets are deliberately absent.
 */
export const RESOURCE_KINDS = [
  'pods',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'services',
  'endpoints',
  'endpointslices',
  'ingresses',
  'configmaps',
  'persistentvolumeclaims',
  'persistentvolumes',
  'storageclasses',
  'nodes',
  'namespaces',
  'events',
  'horizontalpodautoscalers',
  'poddisruptionbudgets',
  'networkpolicies',
  'resourcequotas',
  'limitranges',
] as const;

export const ResourceKind = z.enum(RESOURCE_KINDS);
/** A plural, lower-case Kubernetes resource name from the closed list. */
export type ResourceKind = z.infer<typeof ResourceKind>;

/** Kinds that live outside namespaces. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<ResourceKind> = new Set([
  'nodes',
  'namespaces',
  'persistentvolumes',
  'storageclasses',
]);
