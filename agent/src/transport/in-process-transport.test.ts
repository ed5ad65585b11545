import { AGENT_PROTOCOL_VERSION, type AgentRequest, type AgentResponse } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { createMemoryAuditSink } from '../audit/memory-audit-sink.ts';
import { createAgentExecutor } from '../executor/agent-executor.ts';
import { shopCluster } from '../fixtures/shop-cluster.ts';
import { createMemoryKubeReader } from '../kube/memory-kube-reader.ts';
import { createInProcessTransport } from './in-process-transport.ts';

const request: AgentRequest = {
  version: AGENT_PROTOCOL_VERSION,
  id: 'r-1',
  operation: { op: 'get', kind: 'nodes', name: 'node-1' },
  requestedBy: {},
};

describe('createInProcessTransport', () => {
  describe('when the executor answers', () => {
    it('returns its response', async () => {
      const executor = createAgentExecutor({
        reader: createMemoryKubeReader(shopCluster()),
        audit: createMemoryAuditSink(),
      });
      const response = await createInProcessTransport(executor).call(request);
      expect(response).toMatchObject({
        ok: true,
        requestId: 'r-1',
        result: { metadata: { name: 'node-1' } },
      });
    });
  });

  describe('when the caller gives up first', () => {
    it('answers timeout at once instead of throwing', async () => {
      const executor = createAgentExecutor({
        reader: createMemoryKubeReader(shopCluster({ delayMs: 2_000 })),
        audit: createMemoryAuditSink(),
      });
      const controller = new AbortController();
      const call = createInProcessTransport(executor).call(request, { signal: controller.signal });
      controller.abort();
      expect(await call).toMatchObject({ ok: false, error: { code: 'timeout' } });
    });

    it('answers timeout for a signal aborted before the call', async () => {
      const executor = { execute: () => new Promise<AgentResponse>(() => {}) };
      const response = await createInProcessTransport(executor).call(request, {
        signal: AbortSignal.abort(),
      });
      expect(response).toMatchObject({ ok: false, error: { code: 'timeout' } });
    });
  });

  describe('when the executor itself throws', () => {
    it('answers internal', async () => {
      const executor = { execute: () => Promise.reject(new Error('bug')) };
      expect(await createInProcessTransport(executor).call(request)).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
    });
  });
});
