import { discardAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import { AGENT_PROTOCOL_VERSION, type AgentOperation } from '@opsworker/shared';
import { generateBusyNamespace } from '../test/src/kube/busy-namespace.ts';
import { startFakeCluster } from '../test/src/kube/fake-cluster.ts';
import type { BenchResult } from './support/bench-result.ts';
import { median, percentile, round } from './support/stats.ts';

interface ListResult {
  items: { metadata: { name: string; ownerReferences?: { name: string }[] } }[];
  continue?: string;
}

/**
 * Summarizing a namespace of 500 pods through the agent: the pods, the namespace's events and
 * the owners (ReplicaSets and Deployments), read in parallel, then every pod mapped to its
 * Deployment. Reported, no target.
 */
export async function run(): Promise<BenchResult[]> {
  const cluster = await startFakeCluster({
    objects: generateBusyNamespace({ namespace: 'busy', pods: 500 }),
  });
  const connection = await connectWithKubeConfig({ kubeconfigPath: cluster.kubeconfigPath });
  try {
    const transport = createInProcessTransport(
      createAgentExecutor({ reader: createApiKubeReader(connection), audit: discardAuditSink }),
    );
    let id = 0;
    const call = async (operation: AgentOperation) => {
      const response = await transport.call({
        version: AGENT_PROTOCOL_VERSION,
        id: `b-${++id}`,
        operation,
        requestedBy: {},
      });
      if (!response.ok) throw new Error(response.error.message);
      return response.result as ListResult;
    };
    // Results are capped at 1 MiB (about 330 pods): read lists in pages, as the engine does.
    const listAll = async (kind: 'pods' | 'replicasets' | 'deployments') => {
      const items: ListResult['items'] = [];
      let cursor: string | undefined;
      do {
        const page = await call({
          op: 'list',
          kind,
          namespace: 'busy',
          limit: 200,
          ...(cursor ? { continue: cursor } : {}),
        });
        items.push(...page.items);
        cursor = page.continue;
      } while (cursor);
      return { items };
    };
    const summarize = async () => {
      const [pods, events, replicaSets, deployments] = await Promise.all([
        listAll('pods'),
        call({ op: 'events', namespace: 'busy', limit: 1000 }),
        listAll('replicasets'),
        listAll('deployments'),
      ]);
      const deploymentOf = new Map(
        replicaSets.items.map((rs) => [rs.metadata.name, rs.metadata.ownerReferences?.[0]?.name]),
      );
      const owned = pods.items.filter((pod) =>
        deploymentOf.get(pod.metadata.ownerReferences?.[0]?.name ?? ''),
      ).length;
      return { pods: pods.items.length, owned, deployments: deployments.items.length, events: events };
    };
    await summarize();
    const times: number[] = [];
    let summary = await summarize();
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      summary = await summarize();
      times.push(performance.now() - started);
    }
    return [
      {
        name: 'agent: summarize a namespace of 500 pods (list + events + owners)',
        value: round(median(times), 1),
        unit: 'ms',
        detail: `p90 ${round(percentile(times, 90), 1)} ms over 10 runs; ${summary.pods} pods, ${summary.owned} mapped to ${summary.deployments} deployments`,
      },
    ];
  } finally {
    connection.close();
    await cluster.close();
  }
}
