import type { KubeNode } from './kube-types.ts';

const ROLE_LABEL = 'node-role.kubernetes.io/';

/** Roles from `node-role.kubernetes.io/<role>` labels (and the older `kubernetes.io/role`), as kubectl shows them. */
export function nodeRoles(node: KubeNode): string[] {
  const labels = node.metadata?.labels ?? {};
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith(ROLE_LABEL) && key.length > ROLE_LABEL.length) roles.add(key.slice(ROLE_LABEL.length));
    if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return [...roles].sort();
}

/** kubectl's STATUS column: `Ready`, `NotReady` or `Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeNode): string {
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
  const base = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  return node.spec?.unschedulable ? `${base},SchedulingDisabled` : base;
}

/** The node's address of a type (`InternalIP`, `ExternalIP`, `Hostname`). */
export function nodeAddress(node: KubeNode, type: string): string | undefined {
  return node.status?.addresses?.find((address) => address.type === type)?.address;
}
