import type { Scope } from '@opsworker/shared';

/** `checkout-7d9f8b6c5d-x2x9k`: a Deployment's pod (ReplicaSet hash, then pod suffix). */
const DEPLOYMENT_POD = /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/;
/** `db-2`: a StatefulSet's pod. */
const STATEFULSET_POD = /^(.+)-\d{1,4}$/;
const WORKLOAD_KINDS = new Set(['deployments', 'statefulsets', 'daemonsets']);

/**
 * The key alerts are grouped on. A storm about one failing Deployment arrives as alerts about
 * each of its pods and about the Deployment itself; they all map to the same workload key, so
 * they attach to one investigation. Alerts that name no object group only with themselves.
 */
export function groupKeyFor(scope: Scope, fingerprint: string): string {
  if (!scope.kind || !scope.name) return `alert:${fingerprint}`;
  const prefix = `${scope.cluster ?? ''}/${scope.namespace ?? ''}`;
  if (WORKLOAD_KINDS.has(scope.kind)) return `${prefix}/workload/${scope.name}`;
  if (scope.kind === 'pods') {
    const workload = DEPLOYMENT_POD.exec(scope.name)?.[1] ?? STATEFULSET_POD.exec(scope.name)?.[1];
    if (workload) return `${prefix}/workload/${workload}`;
  }
  return `${prefix}/${scope.kind}/${scope.name}`;
}
