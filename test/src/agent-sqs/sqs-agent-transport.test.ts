import { randomBytes } from 'node:crypto';
import { createSqsAgentTransport } from '@opsworker/agent/transport/sqs-agent-transport.ts';
import { silentLog } from '@opsworker/agent/transport/sqs-log.ts';
import type { AgentHeartbeat } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent } from './agent-harness.ts';
import { clusterInfoRequest, scriptedExecutor } from './scripted-executor.ts';
import { type SqsFixture, startSqsFixture } from './sqs-fixture.ts';

describe('createSqsAgentTransport', () => {
  let fixture: SqsFixture;
  beforeAll(async () => {
    fixture = await startSqsFixture();
  });
  afterAll(async () => {
    await fixture.close();
  });

  function transportFor(
    agent: { requestQueueUrl: string; responseQueueUrl: string },
    options: { timeoutMs?: number; onHeartbeat?: (heartbeat: AgentHeartbeat) => void } = {},
  ) {
    return createSqsAgentTransport({
      sqs: fixture.sqs,
      requestQueueUrl: agent.requestQueueUrl,
      responseQueueUrl: agent.responseQueueUrl,
      waitTimeSeconds: 1,
      log: silentLog,
      ...options,
    });
  }

  describe('when the agent answers', () => {
    it('resolves each concurrent call with its own answer', async () => {
      const agent = await startAgent(fixture, { executor: scriptedExecutor({ delayMs: 50 }) });
      const transport = transportFor(agent);
      try {
        const ids = Array.from({ length: 12 }, (_, i) => `call-${i}`);
        const answers = await Promise.all(ids.map((id) => transport.call(clusterInfoRequest(id))));
        expect(answers.map((a) => [a.requestId, a.ok])).toEqual(ids.map((id) => [id, true]));
      } finally {
        await transport.close();
        await agent.stop();
      }
    });

    it('reassembles an answer far larger than one SQS message, byte for byte', async () => {
      // Random bytes do not compress: 700 KB of base64 must travel as several parts.
      const blob = randomBytes(520_000).toString('base64');
      const agent = await startAgent(fixture, { executor: scriptedExecutor({ result: () => ({ blob }) }) });
      const transport = transportFor(agent);
      try {
        const answer = await transport.call(clusterInfoRequest('big'));
        expect(answer.ok).toBe(true);
        expect(answer.ok && answer.result).toEqual({ blob });
      } finally {
        await transport.close();
        await agent.stop();
      }
    });
  });

  describe('when nobody answers', () => {
    it('resolves ok:false timeout once its time is up', async () => {
      const queues = {
        requestQueueUrl: await fixture.createQueue(),
        responseQueueUrl: await fixture.createQueue(),
      };
      const transport = transportFor(queues, { timeoutMs: 400 });
      try {
        const started = performance.now();
        const answer = await transport.call(clusterInfoRequest('lonely'));
        expect(answer).toMatchObject({ requestId: 'lonely', ok: false, error: { code: 'timeout' } });
        expect(performance.now() - started).toBeGreaterThanOrEqual(390);
        expect(performance.now() - started).toBeLessThan(2_000);
      } finally {
        await transport.close();
      }
    });

    it('rejects with the abort reason when the caller gives up first', async () => {
      const queues = {
        requestQueueUrl: await fixture.createQueue(),
        responseQueueUrl: await fixture.createQueue(),
      };
      const transport = transportFor(queues, { timeoutMs: 10_000 });
      try {
        const call = transport.call(clusterInfoRequest('abandoned'), { signal: AbortSignal.timeout(100) });
        await expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
      } finally {
        await transport.close();
      }
    });
  });

  describe('when an answer arrives after its caller gave up', () => {
    // Regression: late answers must not stay on a shared response queue, put back again and again.
    it('is deleted by the next poll that meets it instead of circling the queue', async () => {
      const executor = scriptedExecutor({ delayMs: (request) => (request.id === 'impatient' ? 1_500 : 0) });
      const agent = await startAgent(fixture, { executor, heartbeatQueueUrl: await fixture.createQueue() });
      const transport = transportFor(agent, { timeoutMs: 300 });
      try {
        const gaveUp = await transport.call(clusterInfoRequest('impatient'));
        expect(gaveUp).toMatchObject({ error: { code: 'timeout' } });
        const late = { visible: 1, inFlight: 0 };
        await expect.poll(() => fixture.depth(agent.responseQueueUrl), { timeout: 5_000 }).toEqual(late);
        const next = await transport.call(clusterInfoRequest('patient'));
        expect(next).toMatchObject({ requestId: 'patient', ok: true });
        const empty = { visible: 0, inFlight: 0 };
        await expect.poll(() => fixture.depth(agent.responseQueueUrl), { timeout: 5_000 }).toEqual(empty);
      } finally {
        await transport.close();
        await agent.stop();
      }
    });
  });

  describe('when the transport is closed while calls wait', () => {
    it('answers them unavailable at once', async () => {
      const queues = {
        requestQueueUrl: await fixture.createQueue(),
        responseQueueUrl: await fixture.createQueue(),
      };
      const transport = transportFor(queues, { timeoutMs: 10_000 });
      const waiting = transport.call(clusterInfoRequest('cut-off'));
      await transport.close();
      expect(await waiting).toMatchObject({
        requestId: 'cut-off',
        ok: false,
        error: { code: 'unavailable' },
      });
      expect(await transport.call(clusterInfoRequest('after-close'))).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
    });
  });

  describe('when two callers share one response queue', () => {
    it('each gets its own answers; a message for the other is left for it', async () => {
      const agent = await startAgent(fixture, { executor: scriptedExecutor({ delayMs: 20 }) });
      const first = transportFor(agent);
      const second = transportFor(agent);
      try {
        const calls = Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? first : second).call(clusterInfoRequest(`shared-${i}`)),
        );
        const answers = await Promise.all(calls);
        expect(answers.map((a) => [a.requestId, a.ok])).toEqual(
          Array.from({ length: 8 }, (_, i) => [`shared-${i}`, true]),
        );
      } finally {
        await Promise.all([first.close(), second.close()]);
        await agent.stop();
      }
    });
  });

  describe('when the agent sends heartbeats', () => {
    it('hands each one, as sent, to onHeartbeat', async () => {
      const heartbeats: AgentHeartbeat[] = [];
      const agent = await startAgent(fixture, {
        executor: scriptedExecutor(),
        cluster: async () => ({ cluster: 'prod-eu', kubernetesVersion: 'v1.31.2', nodeCount: 7 }),
        agentVersion: '1.2.3',
        heartbeatIntervalMs: 200,
      });
      const transport = transportFor(agent, { onHeartbeat: (heartbeat) => heartbeats.push(heartbeat) });
      try {
        await expect.poll(() => heartbeats.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
        expect(heartbeats[0]).toEqual({
          version: 1,
          type: 'heartbeat',
          cluster: 'prod-eu',
          kubernetesVersion: 'v1.31.2',
          agentVersion: '1.2.3',
          nodeCount: 7,
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        });
      } finally {
        await transport.close();
        await agent.stop();
      }
    });
  });
});
