import { createMemoryAuditSink, type MemoryAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { type AgentExecutor, createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import type { KubeConnection } from '@opsworker/agent/kube/kube-connection.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { AGENT_PROTOCOL_VERSION, type AgentOperation, type AgentResponse } from '@opsworker/shared';
import { type FakeCluster, type FakeClusterOptions, startFakeCluster } from '../kube/fake-cluster.ts';

/** The real agent (client-node kubeconfig, HTTPS reader, executor) wired to a fresh simulated cluster. */
export type AgentAgainstFake = {
  cluster: FakeCluster;
  connection: KubeConnection;
  executor: AgentExecutor;
  audit: MemoryAuditSink;
  /** Runs one operation and returns the response. */
  run(operation: AgentOperation): Promise<AgentResponse>;
  close(): Promise<void>;
};

let sequence = 0;

export async function startAgentAgainstFake(options: FakeClusterOptions): Promise<AgentAgainstFake> {
  const cluster = await startFakeCluster(options);
  const connection = await connectWithKubeConfig({ kubeconfigPath: cluster.kubeconfigPath });
  const audit = createMemoryAuditSink();
  const executor = createAgentExecutor({ reader: createApiKubeReader(connection), audit });
  return {
    cluster,
    connection,
    executor,
    audit,
    run: (operation) =>
      executor.execute({
        version: AGENT_PROTOCOL_VERSION,
        id: `it-${++sequence}`,
        operation,
        requestedBy: { orgId: 'acme', investigationId: 'inv-it', user: 'integration' },
      }),
    async close() {
      connection.close();
      await cluster.close();
    },
  };
}

/** The result of an ok response; fails the test with the agent's message otherwise. */
export function resultOf<T = unknown>(response: AgentResponse): T {
  if (!response.ok) throw new Error(`agent answered ${response.error.code}: ${response.error.message}`);
  return response.result as T;
}
