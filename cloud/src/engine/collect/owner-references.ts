import type { KubeObject, Workload } from '@opsworker/agent/kube/kube-types.ts';
import { labelSelectorString } from '@opsworker/agent/kube/label-selector.ts';
import { resourceForKind } from '@opsworker/agent/kube/resources.ts';
import { RESOURCE_KINDS, type ResourceKind } from '@opsworker/shared';

/** The controller owner of an object (or its first owner), as the reference names it. */
export function controllerOf(object: KubeObject): { kind: string; name: string } | undefined {
  const owners = object.metadata?.ownerReferences ?? [];
  return owners.find((owner) => owner.controller) ?? owners[0];
}

/** True when `owner` controls `object` (same namespace, owner reference by kind and name). */
export function isControlledBy(object: KubeObject, owner: KubeObject): boolean {
  const reference = controllerOf(object);
  return (
    reference !== undefined &&
    reference.kind === owner.kind &&
    reference.name === owner.metadata?.name &&
    object.metadata?.namespace === owner.metadata?.namespace
  );
}

/** A workload's `spec.selector` in the API's syntax; `''` when it selects nothing specific. */
export function selectorOf(workload: KubeObject): string {
  return labelSelectorString((workload as Workload).spec?.selector);
}

/** The labels a workload gives its pods. */
export function templateLabelsOf(workload: KubeObject): Record<string, string> {
  return (workload as Workload).spec?.template?.metadata?.labels ?? {};
}

/** A Service's (or any map) selector as the API's label selector string. */
export function mapSelector(selector: Record<string, string> | undefined): string {
  return Object.entries(selector ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/** True when every key of a non-empty map selector matches the labels. */
export function mapSelects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels?.[key] === value);
}

/** The protocol's resource for an API kind (`ReplicaSet` → `replicasets`), when operations can name it. */
export function resourceOfKind(kind: string): ResourceKind | undefined {
  const resource = resourceForKind(kind)?.resource;
  return (RESOURCE_KINDS as readonly string[]).includes(resource ?? '')
    ? (resource as ResourceKind)
    : undefined;
}
