import type { Scope } from '@opsworker/shared';
import { ownerFromPodName } from './pod-name-owner.ts';

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
    const owner = ownerFromPodName(scope.name);
    if (owner) return `${prefix}/workload/${owner.name}`;
  }
  return `${prefix}/${scope.kind}/${scope.name}`;
}
