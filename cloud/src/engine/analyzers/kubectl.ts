import type { NextStep } from '@opsworker/shared';

/**
 * kubectl commands with the real names filled in, for a human to copy. `ref` is kubectl's
 * `kind/name` form; `namespace` is left out for cluster-scoped objects (nodes, storage classes).
 */

function scoped(namespace: string | undefined): string {
  return namespace ? `kubectl -n ${namespace}` : 'kubectl';
}

export function describe(namespace: string | undefined, ref: string): string {
  return `${scoped(namespace)} describe ${ref}`;
}

export function getYaml(namespace: string | undefined, ref: string): string {
  return `${scoped(namespace)} get ${ref} -o yaml`;
}

export function logs(
  namespace: string,
  pod: string,
  container: string | undefined,
  previous: boolean,
): string {
  return `kubectl -n ${namespace} logs ${pod}${container ? ` -c ${container}` : ''}${previous ? ' --previous' : ''}`;
}

export function rolloutUndo(namespace: string, ref: string, revision?: number): string {
  return `kubectl -n ${namespace} rollout undo ${ref}${revision ? ` --to-revision=${revision}` : ''}`;
}

export function rolloutHistory(namespace: string, ref: string): string {
  return `kubectl -n ${namespace} rollout history ${ref}`;
}

export function scale(namespace: string, ref: string, replicas: number): string {
  return `kubectl -n ${namespace} scale ${ref} --replicas=${replicas}`;
}

/** A diagnostic step: read-only, safe to run at once. */
export function check(description: string, command: string): NextStep {
  return { description, command };
}

/** A fix: changes the cluster, so the description says what it does. */
export function fix(description: string, command: string): NextStep {
  return { description: `Fix (run it yourself): ${description}`, command };
}
