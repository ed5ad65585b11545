import { z } from 'zod';
import { ResourceKind } from './kinds.ts';

/**
 * What an alert or an investigation is about: the cluster, the namespace and the object.
 * Every field is optional because alerts are often vaguer than we would like.
 */
export const Scope = z.object({
  cluster: z.string().min(1).max(253).optional(),
  namespace: z.string().min(1).max(253).optional(),
  kind: ResourceKind.optional(),
  name: z.string().min(1).max(253).optional(),
  container: z.string().min(1).max(253).optional(),
});
export type Scope = z.infer<typeof Scope>;

/** A stable string for grouping: alerts with the same key are about the same object. */
export function scopeKey(scope: Scope): string {
  return [scope.cluster ?? '', scope.namespace ?? '', scope.kind ?? '', scope.name ?? ''].join('/');
}

/** True when the scope names an object precisely enough to group alerts on it. */
export function isSpecificScope(scope: Scope): boolean {
  return Boolean(scope.kind && scope.name);
}
