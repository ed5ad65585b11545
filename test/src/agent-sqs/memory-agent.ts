import { createMemoryAuditSink, type MemoryAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { type AgentExecutor, createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { createMemoryKubeReader, type MemoryKubeReader } from '@opsworker/agent/kube/memory-kube-reader.ts';
import { AGENT_PROTOCOL_VERSION, type AgentRequest } from '@opsworker/shared';

/** The real agent core over an in-memory cluster: what the SQS loop serves in production. */
export interface MemoryAgent {
  executor: AgentExecutor;
  reader: MemoryKubeReader;
  audit: MemoryAuditSink;
}

export function memoryAgent(options: { delayMs?: number } = {}): MemoryAgent {
  const reader = createMemoryKubeReader({
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a' } },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web-0', namespace: 'shop', labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'shop/web:1.4.2' }] },
        status: { phase: 'Running' },
      },
    ],
    version: { major: '1', minor: '31', gitVersion: 'v1.31.2' },
    ...(options.delayMs ? { delayMs: options.delayMs } : {}),
  });
  const audit = createMemoryAuditSink();
  const executor = createAgentExecutor({ reader, audit, onInternalError: () => {} });
  return { executor, reader, audit };
}

/** `get pod web-0 -n shop`, the request the real-executor tests send. */
export function getPodRequest(id: string): AgentRequest {
  return {
    version: AGENT_PROTOCOL_VERSION,
    id,
    operation: { op: 'get', kind: 'pods', namespace: 'shop', name: 'web-0' },
    requestedBy: { investigationId: 'inv-1' },
  };
}
