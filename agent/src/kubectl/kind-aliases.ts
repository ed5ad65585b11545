import { ForbiddenOperationError, RESOURCE_KINDS, type ResourceKind } from '@opsworker/shared';
import { resourceInfo } from '../kube/resources.ts';

/** kubectl's short names and singulars; plurals map to themselves. */
const ALIASES: Record<string, ResourceKind> = {
  po: 'pods',
  pod: 'pods',
  deploy: 'deployments',
  deployment: 'deployments',
  rs: 'replicasets',
  replicaset: 'replicasets',
  sts: 'statefulsets',
  statefulset: 'statefulsets',
  ds: 'daemonsets',
  daemonset: 'daemonsets',
  job: 'jobs',
  cj: 'cronjobs',
  cronjob: 'cronjobs',
  svc: 'services',
  service: 'services',
  ep: 'endpoints',
  endpoint: 'endpoints',
  endpointslice: 'endpointslices',
  ing: 'ingresses',
  ingress: 'ingresses',
  cm: 'configmaps',
  configmap: 'configmaps',
  pvc: 'persistentvolumeclaims',
  persistentvolumeclaim: 'persistentvolumeclaims',
  pv: 'persistentvolumes',
  persistentvolume: 'persistentvolumes',
  sc: 'storageclasses',
  storageclass: 'storageclasses',
  no: 'nodes',
  node: 'nodes',
  ns: 'namespaces',
  namespace: 'namespaces',
  ev: 'events',
  event: 'events',
  hpa: 'horizontalpodautoscalers',
  horizontalpodautoscaler: 'horizontalpodautoscalers',
  pdb: 'poddisruptionbudgets',
  poddisruptionbudget: 'poddisruptionbudgets',
  netpol: 'networkpolicies',
  networkpolicy: 'networkpolicies',
  quota: 'resourcequotas',
  resourcequota: 'resourcequotas',
  limits: 'limitranges',
  limitrange: 'limitranges',
  ...Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, kind])),
};

export const SECRETS_REFUSAL =
  'Refused: Secrets are never read by OpsWorker, in any form. Describe the pod to see which secret and key an environment variable comes from.';

/**
 * Resolves `po`, `Pod`, `deployment.apps`, `deployments.v1.apps` to a kind from the closed list.
 * Secrets, in any spelling, and unknown kinds are refused.
 */
export function resolveKind(token: string): ResourceKind {
  const lower = token.toLowerCase();
  const [name = '', ...groupParts] = lower.split('.');
  if (name === 'secret' || name === 'secrets') {
    throw new ForbiddenOperationError(`secrets requested: ${token}`, { userMessage: SECRETS_REFUSAL });
  }
  const kind = ALIASES[name];
  // `deployments.v1.apps` names version and group; `deployment.apps` only the group.
  const group = (/^v\d/.test(groupParts[0] ?? '') ? groupParts.slice(1) : groupParts).join('.');
  if (
    !kind ||
    (groupParts.length > 0 &&
      group !== resourceInfo(kind).group &&
      !(group === 'core' && !resourceInfo(kind).group))
  ) {
    throw new ForbiddenOperationError(`unknown resource type ${token}`, {
      userMessage: `Refused: "${token}" is not a resource type OpsWorker reads. Readable: ${RESOURCE_KINDS.join(', ')}.`,
    });
  }
  return kind;
}
