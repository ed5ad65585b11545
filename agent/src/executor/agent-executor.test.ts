import { AGENT_PROTOCOL_VERSION, type AgentOperation, type AgentResponse } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { createMemoryAuditSink } from '../audit/memory-audit-sink.ts';
import { SHOP_NOW, SHOP_PLANTED_SECRETS, shopCluster } from '../fixtures/shop-cluster.ts';
import type { KubeReader } from '../kube/kube-reader.ts';
import { createMemoryKubeReader, type MemoryCluster } from '../kube/memory-kube-reader.ts';
import { type AgentExecutorDeps, createAgentExecutor } from './agent-executor.ts';

let sequence = 0;
const request = (operation: AgentOperation, extra: Record<string, unknown> = {}) => ({
  version: AGENT_PROTOCOL_VERSION,
  id: `req-${++sequence}`,
  operation,
  requestedBy: { orgId: 'acme', investigationId: 'inv-1', user: 'alice' },
  ...extra,
});

function setup(cluster: Partial<MemoryCluster> = {}, deps: Partial<AgentExecutorDeps> = {}) {
  const reader = createMemoryKubeReader(shopCluster(cluster));
  const audit = createMemoryAuditSink();
  const internalErrors: unknown[] = [];
  const executor = createAgentExecutor({
    reader,
    audit,
    clock: () => SHOP_NOW,
    onInternalError: (error) => internalErrors.push(error),
    ...deps,
  });
  return { reader, audit, executor, internalErrors };
}

const ok = (response: AgentResponse) => {
  if (!response.ok) throw new Error(`expected ok, got ${response.error.code}: ${response.error.message}`);
  return response;
};
const failed = (response: AgentResponse) => {
  if (response.ok) throw new Error('expected a failure');
  return response.error;
};

describe('createAgentExecutor', () => {
  describe('when the request does not match the protocol', () => {
    it.each([
      ['a missing operation', { version: 1, id: 'x' }, 'operation'],
      [
        'an unknown operation',
        { version: 1, id: 'x', operation: { op: 'exec', command: 'sh' } },
        'operation.op',
      ],
      [
        'secrets as a kind',
        { version: 1, id: 'x', operation: { op: 'list', kind: 'secrets' } },
        'operation.kind',
      ],
      ['a wrong protocol version', { version: 2, id: 'x', operation: { op: 'clusterInfo' } }, 'version'],
      [
        'a tail beyond the maximum',
        { version: 1, id: 'x', operation: { op: 'logs', namespace: 'a', pod: 'b', tailLines: 99_999 } },
        'operation.tailLines',
      ],
    ])('answers invalid_request naming the field for %s', async (_case, input, field) => {
      const { executor, reader } = setup();
      const error = failed(await executor.execute(input));
      expect(error.code).toBe('invalid_request');
      expect(error.message.startsWith(`${field}:`)).toBe(true);
      expect(reader.calls).toEqual([]);
    });

    it('answers non-objects without throwing', async () => {
      const { executor } = setup();
      expect(failed(await executor.execute('get pods')).code).toBe('invalid_request');
      expect(failed(await executor.execute(null)).code).toBe('invalid_request');
    });
  });

  describe('when an operation succeeds', () => {
    it('returns the result with its size and writes one audit entry', async () => {
      const { executor, audit } = setup();
      const response = ok(
        await executor.execute(request({ op: 'get', kind: 'deployments', namespace: 'shop', name: 'web' })),
      );
      expect((response.result as { metadata: { name: string } }).metadata.name).toBe('web');
      expect(response.bytes).toBe(Buffer.byteLength(JSON.stringify(response.result)));
      expect(audit.entries).toEqual([
        {
          at: new Date(SHOP_NOW).toISOString(),
          requestId: response.requestId,
          requestedBy: { orgId: 'acme', investigationId: 'inv-1', user: 'alice' },
          op: 'get',
          target: { kind: 'deployments', namespace: 'shop', name: 'web' },
          durationMs: 0,
          bytes: response.bytes,
          outcome: 'ok',
          truncated: false,
        },
      ]);
    });

    it('never lets a planted secret out, whatever the operation', async () => {
      const { executor } = setup();
      const operations: AgentOperation[] = [
        { op: 'get', kind: 'pods', namespace: 'shop', name: 'web-7d9f8c6b5-x2x4k' },
        { op: 'get', kind: 'deployments', namespace: 'shop', name: 'web' },
        { op: 'list', kind: 'pods', namespace: 'shop' },
        { op: 'describe', kind: 'pods', namespace: 'shop', name: 'web-7d9f8c6b5-x2x4k' },
        { op: 'describe', kind: 'deployments', namespace: 'shop', name: 'web' },
        { op: 'logs', namespace: 'shop', pod: 'web-7d9f8c6b5-x2x4k' },
        { op: 'logs', namespace: 'shop', pod: 'web-7d9f8c6b5-x2x4k', previous: true },
        { op: 'get', kind: 'configmaps', namespace: 'shop', name: 'web-config' },
      ];
      for (const operation of operations) {
        const text = JSON.stringify(ok(await executor.execute(request(operation))).result);
        for (const secret of SHOP_PLANTED_SECRETS)
          expect(text, `${operation.op} leaked ${secret}`).not.toContain(secret);
      }
    });

    it('strips managedFields from objects', async () => {
      const { executor } = setup();
      const response = ok(await executor.execute(request({ op: 'list', kind: 'pods', namespace: 'shop' })));
      const items = (response.result as { items: Array<{ metadata: object }> }).items;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item.metadata).not.toHaveProperty('managedFields');
    });
  });

  describe('when a request id repeats', () => {
    it('returns the cached response without reading the cluster again', async () => {
      const { executor, reader, audit } = setup();
      const first = request({ op: 'list', kind: 'pods', namespace: 'shop' });
      const a = await executor.execute(first);
      const callsAfterFirst = reader.calls.length;
      const b = await executor.execute(first);
      expect(b).toEqual(a);
      expect(reader.calls.length).toBe(callsAfterFirst);
      expect(audit.entries.map((e) => e.replayed ?? false)).toEqual([false, true]);
    });

    it('shares one run between concurrent duplicates', async () => {
      const { executor, reader } = setup({ delayMs: 30 });
      const same = request({ op: 'get', kind: 'pods', namespace: 'shop', name: 'web-7d9f8c6b5-q8w7e' });
      const [a, b] = await Promise.all([executor.execute(same), executor.execute(same)]);
      expect(a).toEqual(b);
      expect(reader.calls).toHaveLength(1);
    });

    it('refuses an id reused for a different operation', async () => {
      const { executor } = setup();
      await executor.execute({ ...request({ op: 'clusterInfo' }), id: 'dup' });
      const error = failed(
        await executor.execute({ ...request({ op: 'list', kind: 'pods', namespace: 'shop' }), id: 'dup' }),
      );
      expect(error).toMatchObject({ code: 'invalid_request' });
      expect(error.message).toContain('already used');
    });

    it('gives each caller its own copy of a cached response', async () => {
      const { executor } = setup();
      const same = request({ op: 'get', kind: 'pods', namespace: 'shop', name: 'web-7d9f8c6b5-q8w7e' });
      const first = ok(await executor.execute(same));
      (first.result as { metadata: { name: string } }).metadata.name = 'tampered';
      const replay = ok(await executor.execute(same));
      expect((replay.result as { metadata: { name: string } }).metadata.name).toBe('web-7d9f8c6b5-q8w7e');
    });

    // Regression: a busy answer must not be cached, or a retry of the same id could never succeed.
    it('runs a retried id again after a busy answer', async () => {
      const { executor } = setup({ delayMs: 40 }, { limits: { maxConcurrent: 1, maxQueued: 0 } });
      const blocker = executor.execute(request({ op: 'clusterInfo' }));
      const retried = request({ op: 'get', kind: 'nodes', name: 'node-1' });
      expect(failed(await executor.execute(retried)).code).toBe('busy');
      await blocker;
      expect(ok(await executor.execute(retried)).ok).toBe(true);
    });
  });

  describe('when more requests arrive than it may run at once', () => {
    it('queues up to the bound, then answers busy', async () => {
      const { executor } = setup({ delayMs: 40 }, { limits: { maxConcurrent: 2, maxQueued: 2 } });
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          executor.execute(request({ op: 'get', kind: 'nodes', name: 'node-1' })),
        ),
      );
      const codes = responses.map((r) => (r.ok ? 'ok' : r.error.code));
      expect(codes.filter((c) => c === 'ok')).toHaveLength(4);
      expect(codes.filter((c) => c === 'busy')).toHaveLength(2);
    });
  });

  describe('when an operation runs out of time', () => {
    it('answers timeout and audits it', async () => {
      const { executor, audit } = setup({ delayMs: 5_000 });
      const started = performance.now();
      const error = failed(await executor.execute(request({ op: 'clusterInfo' }, { timeoutMs: 100 })));
      expect(error.code).toBe('timeout');
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(audit.entries[0]?.outcome).toBe('timeout');
    });

    it('times out even when the reader ignores the abort signal', async () => {
      const stuck: KubeReader = {
        ...createMemoryKubeReader(shopCluster()),
        version: () => new Promise(() => {}),
      };
      const executor = createAgentExecutor({ reader: stuck, audit: createMemoryAuditSink() });
      expect(failed(await executor.execute(request({ op: 'clusterInfo' }, { timeoutMs: 100 }))).code).toBe(
        'timeout',
      );
    });
  });

  describe('when a result is larger than the output cap', () => {
    it('cuts a list to whole items and says so', async () => {
      const whole = ok(
        await setup().executor.execute(request({ op: 'list', kind: 'pods', namespace: 'shop' })),
      );
      const cap = Math.floor(whole.bytes * 0.7);
      const { executor } = setup({}, { limits: { maxResultBytes: cap } });
      const response = ok(await executor.execute(request({ op: 'list', kind: 'pods', namespace: 'shop' })));
      const items = (response.result as { items: unknown[] }).items;
      expect(response.truncated).toBe(true);
      expect(response.bytes).toBeLessThanOrEqual(cap);
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThan((whole.result as { items: unknown[] }).items.length);
    });

    it('keeps the newest lines of a log', async () => {
      const lines = Array.from({ length: 2_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
      const { executor } = setup({ logs: { 'shop/web-7d9f8c6b5-q8w7e/web': `${lines}\n` } });
      const response = ok(
        await executor.execute(
          request({
            op: 'logs',
            namespace: 'shop',
            pod: 'web-7d9f8c6b5-q8w7e',
            tailLines: 2_000,
            limitBytes: 4_096,
          }),
        ),
      );
      const text = response.result as string;
      expect(response.truncated).toBe(true);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4_096);
      expect(text.trimEnd().endsWith(`line 1999 ${'x'.repeat(40)}`)).toBe(true);
      expect(text.startsWith('line ')).toBe(true);
    });

    it('answers too_large for a single object that cannot be cut', async () => {
      const { executor } = setup({}, { limits: { maxResultBytes: 500 } });
      const error = failed(
        await executor.execute(request({ op: 'get', kind: 'deployments', namespace: 'shop', name: 'web' })),
      );
      expect(error.code).toBe('too_large');
    });
  });

  describe('when ConfigMaps are read', () => {
    it('shows keys but withholds values by default', async () => {
      const { executor } = setup();
      const response = ok(
        await executor.execute(
          request({ op: 'get', kind: 'configmaps', namespace: 'shop', name: 'web-config' }),
        ),
      );
      const data = (response.result as { data: Record<string, string> }).data;
      expect(Object.keys(data)).toEqual(['LOG_LEVEL', 'DATABASE_URL', 'feature-flags.yaml']);
      for (const value of Object.values(data)) expect(value).toMatch(/^\[WITHHELD/);
    });

    it('shows allowed values, still redacted', async () => {
      const { executor } = setup({}, { configMapValues: { allow: ['shop/web-*'] } });
      const response = ok(
        await executor.execute(
          request({ op: 'get', kind: 'configmaps', namespace: 'shop', name: 'web-config' }),
        ),
      );
      const data = (response.result as { data: Record<string, string> }).data;
      expect(data.LOG_LEVEL).toBe('info');
      expect(data.DATABASE_URL).toBe('postgres://app:[REDACTED]@db.shop.svc.cluster.local:5432/shop');
    });
  });

  describe('when the cluster answers with an error', () => {
    it.each([
      [
        'a missing object',
        { op: 'get', kind: 'pods', namespace: 'shop', name: 'nope' } as AgentOperation,
        'not_found',
      ],
      ['no metrics API', { op: 'top', kind: 'pods', namespace: 'shop' } as AgentOperation, 'unavailable'],
      [
        'a namespaced kind without namespace',
        { op: 'get', kind: 'pods', name: 'x' } as AgentOperation,
        'invalid_request',
      ],
      [
        'a name that is not a Kubernetes name',
        { op: 'get', kind: 'pods', namespace: 'shop', name: '../secrets' } as AgentOperation,
        'invalid_request',
      ],
    ])('maps %s to %s', async (_case, operation, code) => {
      const { executor } = setup({ metrics: undefined });
      expect(failed(await executor.execute(request(operation))).code).toBe(code);
    });

    it('hides unexpected errors behind a generic message', async () => {
      const broken: KubeReader = {
        ...createMemoryKubeReader(shopCluster()),
        version: () => Promise.reject(new TypeError('cannot read properties of undefined (reading "x")')),
      };
      const internalErrors: unknown[] = [];
      const executor = createAgentExecutor({
        reader: broken,
        audit: createMemoryAuditSink(),
        onInternalError: (error) => internalErrors.push(error),
      });
      const error = failed(await executor.execute(request({ op: 'clusterInfo' })));
      expect(error.code).toBe('internal');
      expect(error.message).not.toContain('undefined');
      expect(internalErrors).toHaveLength(1);
    });
  });
});
