import type { Container, Pod } from './kube-types.ts';
import { parseQuantity } from './quantity.ts';

/** CPU in cores and memory in bytes. */
export type CpuMemory = { cpu: number; memory: number };
export type PodResources = { requests: CpuMemory; limits: CpuMemory };

function sum(containers: Container[], field: 'requests' | 'limits'): CpuMemory {
  const total = { cpu: 0, memory: 0 };
  for (const container of containers) {
    total.cpu += parseQuantity(container.resources?.[field]?.cpu) ?? 0;
    total.memory += parseQuantity(container.resources?.[field]?.memory) ?? 0;
  }
  return total;
}

function max(a: CpuMemory, b: CpuMemory): CpuMemory {
  return { cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory) };
}

/**
 * What the scheduler counts for a pod, as `kubectl describe node` does: the app containers'
 * sum, or the largest init container if that is more.
 */
export function podResources(pod: Pod): PodResources {
  const containers = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  const largestInit = (field: 'requests' | 'limits') =>
    inits.reduce((acc, init) => max(acc, sum([init], field)), { cpu: 0, memory: 0 });
  return {
    requests: max(sum(containers, 'requests'), largestInit('requests')),
    limits: max(sum(containers, 'limits'), largestInit('limits')),
  };
}

/** Pods still holding resources on a node: not Succeeded, not Failed. */
export function isActivePod(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}
