import type { Scope } from '@opsworker/shared';

const SINGULAR: Record<string, string> = {
  pods: 'pod',
  deployments: 'deployment',
  statefulsets: 'statefulset',
  daemonsets: 'daemonset',
  jobs: 'job',
  cronjobs: 'cronjob',
  services: 'service',
  nodes: 'node',
  persistentvolumeclaims: 'pvc',
  horizontalpodautoscalers: 'hpa',
};

/** `deployment/checkout in shop (prod-eu-1)`: how a scope reads in titles and messages. */
export function describeScope(scope: Scope): string {
  const object = scope.kind && scope.name ? `${SINGULAR[scope.kind] ?? scope.kind}/${scope.name}` : undefined;
  const where = [scope.namespace && `in ${scope.namespace}`, scope.cluster && `(${scope.cluster})`].filter(
    Boolean,
  );
  return [object ?? 'cluster', ...where].join(' ');
}
