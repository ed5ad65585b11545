import { type ResourceKind, ValidationError } from '@opsworker/shared';
import { resourceInfo } from '../kube/resources.ts';

/**
 * The namespace to read a named object in: required for namespaced kinds (there is no implicit
 * `default` in the agent: callers resolve that), ignored for cluster-scoped ones.
 */
export function namespaceFor(kind: ResourceKind, namespace: string | undefined): string | undefined {
  if (!resourceInfo(kind).namespaced) return undefined;
  if (!namespace) {
    throw new ValidationError(`operation.namespace: ${kind} are namespaced: a namespace is required`, {
      field: 'operation.namespace',
    });
  }
  return namespace;
}
