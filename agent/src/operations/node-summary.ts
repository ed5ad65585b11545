import type { AgentOperation } from '@opsworker/shared';
import { KubeUnavailableError } from '../errors.ts';
import type { NodeMetrics } from '../kube/kube-reader.ts';
import type { Condition, KubeNode, Pod, ResourceList } from '../kube/kube-types.ts';
import { nodeRoles, nodeStatus } from '../kube/node-facts.ts';
import { isActivePod, podResources } from '../kube/pod-resources.ts';
import { formatMebibytes, formatMillicores, formatPercent, parseQuantity } from '../kube/quantity.ts';
import type { OperationContext, OperationHandler } from './operation-context.ts';

type Share = { requests: string; requestsPercent: string; limits: string; limitsPercent: string };

export type NodeSummary = {
  name: string;
  status: string;
  roles: string[];
  kubeletVersion?: string;
  created?: string;
  conditions: Condition[];
  capacity: ResourceList;
  allocatable: ResourceList;
  taints: Array<{ key: string; value?: string; effect: string }>;
  unschedulable: boolean;
  /** Non-terminated pods; `items` only when one node was asked for. */
  pods: {
    count: number;
    items?: Array<{ namespace: string; name: string; phase: string; restarts: number }>;
  };
  allocated: { cpu: Share; memory: Share };
  /** From metrics.k8s.io, when it answers. */
  usage?: { cpu: string; cpuPercent: string; memory: string; memoryPercent: string };
};

export type NodeSummaryResult = {
  nodes: NodeSummary[];
  metrics: 'available' | 'unavailable';
  /** Why usage is missing, when it is. */
  metricsMessage?: string;
};

/** Pods the agent reads to count per-node allocations. */
const POD_SCAN_LIMIT = 5000;

async function nodeUsage(context: OperationContext): Promise<{ metrics?: NodeMetrics[]; message?: string }> {
  try {
    return { metrics: await context.reader.nodeMetrics({ signal: context.signal }) };
  } catch (error) {
    if (error instanceof KubeUnavailableError) return { message: error.userMessage };
    throw error;
  }
}

function summarize(
  node: KubeNode,
  pods: Pod[],
  metrics: NodeMetrics | undefined,
  withPods: boolean,
): NodeSummary {
  const allocatable = node.status?.allocatable ?? {};
  const cpuTotal = parseQuantity(allocatable.cpu);
  const memoryTotal = parseQuantity(allocatable.memory);
  const totals = pods.map(podResources).reduce(
    (acc, r) => ({
      requests: { cpu: acc.requests.cpu + r.requests.cpu, memory: acc.requests.memory + r.requests.memory },
      limits: { cpu: acc.limits.cpu + r.limits.cpu, memory: acc.limits.memory + r.limits.memory },
    }),
    { requests: { cpu: 0, memory: 0 }, limits: { cpu: 0, memory: 0 } },
  );
  const summary: NodeSummary = {
    name: node.metadata?.name ?? '',
    status: nodeStatus(node),
    roles: nodeRoles(node),
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion,
    created: node.metadata?.creationTimestamp,
    conditions: node.status?.conditions ?? [],
    capacity: node.status?.capacity ?? {},
    allocatable,
    taints: node.spec?.taints ?? [],
    unschedulable: Boolean(node.spec?.unschedulable),
    pods: { count: pods.length },
    allocated: {
      cpu: {
        requests: formatMillicores(totals.requests.cpu),
        requestsPercent: formatPercent(totals.requests.cpu, cpuTotal),
        limits: formatMillicores(totals.limits.cpu),
        limitsPercent: formatPercent(totals.limits.cpu, cpuTotal),
      },
      memory: {
        requests: formatMebibytes(totals.requests.memory),
        requestsPercent: formatPercent(totals.requests.memory, memoryTotal),
        limits: formatMebibytes(totals.limits.memory),
        limitsPercent: formatPercent(totals.limits.memory, memoryTotal),
      },
    },
  };
  if (withPods) {
    summary.pods.items = pods.map((pod) => ({
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      phase: pod.status?.phase ?? 'Unknown',
      restarts: (pod.status?.containerStatuses ?? []).reduce((n, s) => n + (s.restartCount ?? 0), 0),
    }));
  }
  if (metrics) {
    const cpu = parseQuantity(metrics.usage.cpu) ?? 0;
    const memory = parseQuantity(metrics.usage.memory) ?? 0;
    summary.usage = {
      cpu: formatMillicores(cpu),
      cpuPercent: formatPercent(cpu, cpuTotal),
      memory: formatMebibytes(memory),
      memoryPercent: formatPercent(memory, memoryTotal),
    };
  }
  return summary;
}

/** Node health at a glance: conditions, capacity, taints, pods, allocated requests/limits and live usage. */
export const runNodeSummary: OperationHandler<Extract<AgentOperation, { op: 'nodeSummary' }>> = async (
  operation,
  context,
) => {
  const { reader, signal } = context;
  const nodes = operation.name
    ? [(await reader.get('nodes', operation.name, undefined, { signal })) as KubeNode]
    : ((await reader.list('nodes', { signal })).items as KubeNode[]);
  const [podList, usage] = await Promise.all([
    reader.list('pods', {
      fieldSelector: operation.name ? `spec.nodeName=${operation.name}` : undefined,
      limit: POD_SCAN_LIMIT,
      signal,
    }),
    nodeUsage(context),
  ]);
  const podsByNode = new Map<string, Pod[]>();
  for (const pod of podList.items as Pod[]) {
    const node = pod.spec?.nodeName;
    if (!node || !isActivePod(pod)) continue;
    const onNode = podsByNode.get(node);
    if (onNode) onNode.push(pod);
    else podsByNode.set(node, [pod]);
  }
  const result: NodeSummaryResult = {
    nodes: nodes.map((node) => {
      const name = node.metadata?.name ?? '';
      const metrics = usage.metrics?.find((m) => m.metadata.name === name);
      return summarize(node, podsByNode.get(name) ?? [], metrics, Boolean(operation.name));
    }),
    metrics: usage.metrics ? 'available' : 'unavailable',
  };
  if (usage.message) result.metricsMessage = usage.message;
  return { result, truncated: Boolean(podList.continue) };
};
