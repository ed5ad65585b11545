import type { AgentOperation } from '@opsworker/shared';
import type { KubeNode } from '../kube/kube-types.ts';
import { nodeAddress, nodeRoles, nodeStatus } from '../kube/node-facts.ts';
import type { OperationHandler } from './operation-context.ts';

export type ClusterInfo = {
  version: string;
  platform?: string;
  nodes: Array<{
    name: string;
    status: string;
    ready: boolean;
    roles: string[];
    version?: string;
    internalIP?: string;
  }>;
  namespaces: Array<{ name: string; status?: string }>;
};

/** The cluster at a glance: Kubernetes version, nodes with readiness and roles, namespaces. */
export const runClusterInfo: OperationHandler<Extract<AgentOperation, { op: 'clusterInfo' }>> = async (
  _operation,
  context,
) => {
  const { reader, signal } = context;
  const [version, nodes, namespaces] = await Promise.all([
    reader.version({ signal }),
    reader.list('nodes', { signal }),
    reader.list('namespaces', { signal }),
  ]);
  const result: ClusterInfo = {
    version: version.gitVersion,
    platform: version.platform,
    nodes: (nodes.items as KubeNode[]).map((node) => {
      const status = nodeStatus(node);
      return {
        name: node.metadata?.name ?? '',
        status,
        ready: status.startsWith('Ready'),
        roles: nodeRoles(node),
        version: node.status?.nodeInfo?.kubeletVersion,
        internalIP: nodeAddress(node, 'InternalIP'),
      };
    }),
    namespaces: namespaces.items.map((ns) => ({
      name: ns.metadata?.name ?? '',
      status: (ns.status as { phase?: string } | undefined)?.phase,
    })),
  };
  return { result };
};
