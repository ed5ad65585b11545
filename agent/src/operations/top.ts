import type { AgentOperation } from '@opsworker/shared';
import { KubeNotFoundError } from '../errors.ts';
import type { KubeNode } from '../kube/kube-types.ts';
import { formatMebibytes, formatMillicores, formatPercent, parseQuantity } from '../kube/quantity.ts';
import type { OperationHandler } from './operation-context.ts';

export type PodUsage = {
  namespace: string;
  name: string;
  cpu: string;
  memory: string;
  cpuCores: number;
  memoryBytes: number;
};
export type NodeUsage = {
  name: string;
  cpu: string;
  cpuPercent: string;
  memory: string;
  memoryPercent: string;
  cpuCores: number;
  memoryBytes: number;
};
export type TopResult = { kind: 'pods'; items: PodUsage[] } | { kind: 'nodes'; items: NodeUsage[] };

/**
 * Live CPU and memory from metrics.k8s.io, like `kubectl top`. Without metrics-server this is a
 * KubeUnavailableError (`unavailable`) that says so.
 */
export const runTop: OperationHandler<Extract<AgentOperation, { op: 'top' }>> = async (
  operation,
  context,
) => {
  const { reader, signal } = context;
  const notFound = () =>
    new KubeNotFoundError(`no metrics for ${operation.kind} "${operation.name}"`, {
      userMessage: `metrics for ${operation.kind} "${operation.name}" not found (it may be new or not running)`,
    });

  if (operation.kind === 'pods') {
    const metrics = await reader.podMetrics(operation.namespace, { signal });
    const items = metrics
      .filter((m) => !operation.name || m.metadata.name === operation.name)
      .map((m) => {
        const cpuCores = m.containers.reduce((n, c) => n + (parseQuantity(c.usage.cpu) ?? 0), 0);
        const memoryBytes = m.containers.reduce((n, c) => n + (parseQuantity(c.usage.memory) ?? 0), 0);
        return {
          namespace: m.metadata.namespace,
          name: m.metadata.name,
          cpu: formatMillicores(cpuCores),
          memory: formatMebibytes(memoryBytes),
          cpuCores,
          memoryBytes,
        };
      });
    if (operation.name && items.length === 0) throw notFound();
    const result: TopResult = { kind: 'pods', items };
    return { result };
  }

  const [metrics, nodes] = await Promise.all([
    reader.nodeMetrics({ signal }),
    reader.list('nodes', { signal }),
  ]);
  const allocatable = new Map(
    (nodes.items as KubeNode[]).map((n) => [n.metadata?.name, n.status?.allocatable ?? {}]),
  );
  const items = metrics
    .filter((m) => !operation.name || m.metadata.name === operation.name)
    .map((m) => {
      const cpuCores = parseQuantity(m.usage.cpu) ?? 0;
      const memoryBytes = parseQuantity(m.usage.memory) ?? 0;
      const total = allocatable.get(m.metadata.name);
      return {
        name: m.metadata.name,
        cpu: formatMillicores(cpuCores),
        cpuPercent: formatPercent(cpuCores, parseQuantity(total?.cpu)),
        memory: formatMebibytes(memoryBytes),
        memoryPercent: formatPercent(memoryBytes, parseQuantity(total?.memory)),
        cpuCores,
        memoryBytes,
      };
    });
  if (operation.name && items.length === 0) throw notFound();
  const result: TopResult = { kind: 'nodes', items };
  return { result };
};
